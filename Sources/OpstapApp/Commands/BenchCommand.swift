import Fluent
import Foundation
import OpstapDomain
import Vapor

/// `opstap bench lists --people 50000` fills the database with a large synthetic population
/// (on top of the demo) and prints how long the everyday lists take through the real access
/// scope. A benchmark, not a test: it prints figures and judges nothing.
struct BenchCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "what", help: "lists | ledger | allocation | reports") var what: String
        @Option(name: "people", help: "People to generate (lists: default 50000; ledger: participants, default 500)")
        var people: Int?
        @Option(name: "runs", help: "Runs per measurement (default 7)") var runs: Int?
        @Option(name: "size", help: "allocation: participants and places (default 2000)") var size: Int?
        @Option(name: "ledger", help: "reports: approved hour lines per participant (default 40)") var ledger: Int?
        @Flag(name: "reuse", help: "lists, reports: reuse a population generated earlier in this folder") var reuse:
            Bool
    }

    var help: String {
        "Generates a large population and times the main lists and counts (lists), a cohort's hours overview (ledger), the allocation solver against SciPy (allocation), or the ESF+ table, funnel, goals and a 10,000-row import (reports)."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        if signature.what == "allocation" {
            try BenchAllocation.run(
                size: signature.size ?? 2000, runs: max(1, signature.runs ?? 3), console: context.console)
            return
        }
        if signature.what == "reports" {
            try await BenchReports.run(
                app: app, people: signature.people ?? 50_000, ledgerPerPerson: signature.ledger ?? 40,
                runs: max(1, signature.runs ?? 5), reuse: signature.reuse, console: context.console)
            return
        }
        if signature.what == "ledger" {
            try await BenchLedger.run(
                app: app, participants: signature.people ?? 500, runs: max(1, signature.runs ?? 7),
                console: context.console)
            return
        }
        guard signature.what == "lists" else { throw CommandError.unknown(signature.what) }
        let db = app.db
        try await DemoData.loadIfEmpty(app: app)
        let people = signature.people ?? 50_000
        let runs = max(1, signature.runs ?? 7)
        let existing = try await Person.query(on: db).count()
        if signature.reuse, existing >= people {
            context.console.output(
                "Population: reusing \(existing) persons generated earlier in this folder".consoleText())
        } else {
            let generated = try await BenchPopulation.fill(db: db, people: people)
            context.console.output(
                "Population: \(generated.persons) persons, \(generated.enrolments) enrolments (generated in \(Self.ms(generated.seconds)) ms)"
                    .consoleText())
        }
        // As a running server would have, after its periodic jobs.
        try await SQLitePragmas.refreshStatistics(on: db)
        let refreshStart = Date()
        try await AttentionStore.refreshAll(today: app.clock.today, on: db)
        context.console.output(
            "Attention signals of every running participant computed in \(Self.ms(Date().timeIntervalSince(refreshStart))) ms (the daily job)"
                .consoleText())

        let today = app.clock.today
        func scope(_ email: String) async throws -> Scope {
            let user = try await User.query(on: db).filter(\.$email == email).with(\.$organisation).first()!
            return Scope(actor: try Actor(user: user, organisation: user.organisation), db: db, today: today)
        }
        let coordinator = try await scope("coordinator.leiden@opstap.demo")
        let coach = try await scope("coach.leiden@opstap.demo")
        let employerHR = try await scope("hr.leiden@opstap.demo")
        let housing = try await scope("wonen.leiden@opstap.demo")
        let programmeIDs = try await coordinator.partnerProgrammeIDs()
        let sample = try await Person.query(on: db).sort(\.$createdAt, .descending).first()!

        let measurements: [(String, () async throws -> Int)] = [
            (
                "candidate list, page 1 (coordinator)",
                {
                    try await CandidateSearch.page(
                        try await CandidateSearch(scope: coordinator).query(search: "", programme: nil, stage: nil),
                        request: PageQuery(number: 1, size: 25), listedFor: coordinator
                    ).items.count
                }
            ),
            (
                "candidate list, page 400 (coordinator)",
                {
                    try await CandidateSearch.page(
                        try await CandidateSearch(scope: coordinator).query(search: "", programme: nil, stage: nil),
                        request: PageQuery(number: 400, size: 25), listedFor: coordinator
                    ).items.count
                }
            ),
            (
                "candidate search by name (coordinator)",
                {
                    try await CandidateSearch.page(
                        try await CandidateSearch(scope: coordinator).query(
                            search: sample.familyName, programme: nil, stage: nil),
                        request: PageQuery(number: 1, size: 25), listedFor: coordinator
                    ).total
                }
            ),
            (
                "candidate search by BSN (coordinator)",
                {
                    try await CandidateSearch.page(
                        try await CandidateSearch(scope: coordinator).query(
                            search: sample.bsn ?? "", programme: nil, stage: nil),
                        request: PageQuery(number: 1, size: 25), listedFor: coordinator
                    ).total
                }
            ),
            (
                "participant list, page 1 (coordinator)",
                {
                    try await ParticipantRows.page(
                        try await coordinator.enrolments(), request: PageQuery(number: 1, size: 25),
                        listedFor: coordinator
                    ).items.count
                }
            ),
            (
                "own participants (coach, assigned only)",
                {
                    try await ParticipantRows.page(
                        try await coach.enrolments(), request: PageQuery(number: 1, size: 100), listedFor: coach
                    ).total
                }
            ),
            (
                "attention list, page 1 (coordinator, complete)",
                {
                    try await Attention.page(coordinator, asOf: today, request: PageQuery(number: 1, size: 50)).total
                }
            ),
            (
                "attention list, page 1 (coach, own participants)",
                {
                    try await Attention.page(coach, asOf: today, request: PageQuery(number: 1, size: 50)).total
                }
            ),
            (
                "start page: today's work (coordinator)",
                { try await WorkToday(scope: coordinator, now: Date()).groups().map(\.total).reduce(0, +) }
            ),
            (
                "start page: today's work (coach)",
                { try await WorkToday(scope: coach, now: Date()).groups().map(\.total).reduce(0, +) }
            ),
            (
                "start page: today's work (employer HR)",
                { try await WorkToday(scope: employerHR, now: Date()).groups().map(\.total).reduce(0, +) }
            ),
            (
                "start page: today's work (housing)",
                { try await WorkToday(scope: housing, now: Date()).groups().map(\.total).reduce(0, +) }
            ),
            (
                "funnel per programme and cohort",
                {
                    try await Funnels(db: db).counts(programmeIDs: programmeIDs).perCohort.count
                }
            ),
        ]
        context.console.output("median of \(runs) runs, milliseconds:".consoleText())
        for (name, measure) in measurements {
            var times: [Double] = []
            var result = 0
            for _ in 0..<runs {
                let start = DispatchTime.now().uptimeNanoseconds
                result = try await measure()
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            }
            times.sort()
            context.console.output(
                "  \(name.padding(toLength: 44, withPad: " ", startingAt: 0)) \(Self.ms(times[times.count / 2]).leftPad(8)) ms   (result \(result))"
                    .consoleText())
        }
    }

    static func ms(_ seconds: Double) -> String { String(format: "%.1f", seconds * 1000) }

    /// Median wall time of `runs` calls, in seconds, and the last result.
    static func median<T>(_ runs: Int, _ measure: () async throws -> T) async rethrows -> (Double, T) {
        var times: [Double] = []
        var result: T?
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            result = try await measure()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return (times.sorted()[times.count / 2], result!)
    }
}

private extension String {
    func leftPad(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}

/// Bulk-inserts people into the Leiden programme: candidacies in every stage, and for most
/// an enrolment in the September 2024 cohort with a coach assignment for some.
enum BenchPopulation {
    struct Result { var persons: Int; var enrolments: Int; var seconds: Double }

    static func fill(db: any Database, people: Int) async throws -> Result {
        let start = Date()
        guard let programme = try await Programme.query(on: db).filter(\.$name == "Op je plek in de zorg").first(),
            let cohort = try await Cohort.query(on: db).filter(\.$name == "Instroom september 2024").first(),
            let coach = try await User.query(on: db).filter(\.$email == "coach.leiden@opstap.demo").first()
        else { throw CommandError.invalid("Load the demo first") }
        var random = DemoRandom(seed: 7)
        let stages = CandidacyStage.allCases
        var enrolled = 0
        let batch = 500
        for offset in stride(from: 0, to: people, by: batch) {
            let count = min(batch, people - offset)
            var persons: [Person] = []
            var candidacies: [Candidacy] = []
            var enrolments: [Enrolment] = []
            var assignments: [GuidanceAssignment] = []
            for index in 0..<count {
                let n = offset + index
                let person = Person(
                    id: UUID(), givenName: "Bench\(n)",
                    familyName: DemoPeople.origins[n % DemoPeople.origins.count].families[n % 2] + " \(n)",
                    dateOfBirth: "19\(70 + n % 30)-0\(1 + n % 9)-1\(n % 9)", gender: n % 2 == 0 ? Gender.woman : .man,
                    bsn: DemoPeople.bsn(&random), intake: IntakeProfile(), registeredBy: programme.$owner.id)
                persons.append(person)
                let candidacy = Candidacy(
                    id: UUID(), personID: try person.requireID(), programmeID: try programme.requireID(),
                    stream: "statushouders",
                    referredBy: programme.$owner.id, referredOn: "2024-0\(1 + n % 8)-01")
                let stage = stages[n % stages.count]
                candidacy.stage = stage
                if stage == .decided { candidacy.decision = .selected }
                candidacies.append(candidacy)
                if stage == .decided {
                    let enrolment = Enrolment(
                        id: UUID(), personID: try person.requireID(), candidacyID: try candidacy.requireID(),
                        programmeID: try programme.requireID(),
                        versionID: cohort.$programmeVersion.id, cohortID: try cohort.requireID(),
                        stream: "statushouders",
                        enrolledOn: "2024-08-26")
                    enrolment.state = .inPhase
                    enrolment.phaseCode = "mbo-1"
                    enrolments.append(enrolment)
                    if n % 50 == 0 {
                        assignments.append(
                            GuidanceAssignment(
                                enrolmentID: try enrolment.requireID(), userID: try coach.requireID(), role: .coach,
                                startsOn: "2024-09-02"))
                    }
                }
            }
            let (personRows, candidacyRows, enrolmentRows, assignmentRows) = (
                persons, candidacies, enrolments, assignments
            )
            try await db.transaction { tx in
                try await personRows.create(on: tx)
                try await candidacyRows.create(on: tx)
                if !enrolmentRows.isEmpty { try await enrolmentRows.create(on: tx) }
                if !assignmentRows.isEmpty { try await assignmentRows.create(on: tx) }
            }
            enrolled += enrolments.count
        }
        return Result(persons: people, enrolments: enrolled, seconds: Date().timeIntervalSince(start))
    }
}
