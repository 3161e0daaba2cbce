import Fluent
import Foundation
import OpstapDomain
import Vapor

/// `opstap bench ledger --people 500`: a cohort of that many participants with two years of
/// daily hours on the Leiden route, then the cohort's hours overview and one dossier's
/// hours, timed. Prints figures; judges nothing.
enum BenchLedger {
    static func run(app: Application, participants: Int, runs: Int, console: any Console) async throws {
        let db = app.db
        try await DemoData.loadIfEmpty(app: app)
        let today = app.clock.today
        let start = today.adding(days: -730).startOfWeek
        let generation = Date()
        let cohort = try await generate(db: db, participants: participants, from: start, today: today)
        let enrolments = try await Enrolment.query(on: db).filter(\.$cohort.$id == cohort.requireID()).with(\.$person)
            .with(\.$programmeVersion).all()
        let entries = try await HourEntry.query(on: db).filter(\.$enrolment.$id ~~ enrolments.compactMap(\.id)).count()
        console.output(
            "Cohort: \(enrolments.count) participants, \(entries) ledger lines from \(start.iso) to \(today.iso) (generated in \(BenchCommand.ms(Date().timeIntervalSince(generation))) ms)"
                .consoleText())
        console.output("median of \(runs) runs, milliseconds:".consoleText())

        let (cohortTime, rows) = try await BenchCommand.median(runs) {
            try await CohortHours.load(
                try await Enrolment.query(on: db).filter(\.$cohort.$id == cohort.requireID()).with(\.$programmeVersion)
                    .all(), today: today, on: db)
        }
        let expected = rows.reduce(0) { $0 + $1.expected.total }, actual = rows.reduce(0) { $0 + $1.actual.total }
        console.output(
            "  cohort hours overview, all \(rows.count) participants   \(BenchCommand.ms(cohortTime)) ms   (expected \(Int(expected)) h, approved \(Int(actual)) h)"
                .consoleText())
        let one = enrolments[0]
        let (dossierTime, overview) = try await BenchCommand.median(runs) {
            try await HoursOverview.load(for: one, definition: one.programmeVersion.definition, today: today, on: db)
        }
        console.output(
            "  one participant's hours (dossier)             \(BenchCommand.ms(dossierTime)) ms   (expected \(Int(overview.totals.expectedToDate)) h)"
                .consoleText())
    }

    static func generate(
        db: any Database, participants: Int, from start: SimpleDate, today: SimpleDate
    ) async throws -> Cohort {
        guard let programme = try await Programme.query(on: db).filter(\.$name == "Op je plek in de zorg").first(),
            let version = try await ProgrammeVersion.query(on: db).filter(\.$programme.$id == programme.requireID())
                .sort(\.$number, .descending).first(),
            let coordinator = try await User.query(on: db).filter(\.$email == "coordinator.leiden@opstap.demo").first()
        else { throw CommandError.invalid("Load the demo first") }
        let cohort = Cohort(
            programmeID: try programme.requireID(), versionID: try version.requireID(),
            name: "Benchmark \(UUID().uuidString.prefix(8))",
            startDate: start.iso, capacity: participants, streams: ["statushouders"])
        try await cohort.create(on: db)
        let definition = version.definition
        // Pre-education 20 weeks, mbo-1 40 weeks, then mbo-2 until today.
        let starts = [("vooropleiding", start), ("mbo-1", start.adding(weeks: 20)), ("mbo-2", start.adding(weeks: 60))]
        let completions = [start.adding(weeks: 20).adding(days: -3), start.adding(weeks: 60).adding(days: -3)]
        let spans = ExpectedHours.spans(
            starts: starts.map { ($0.0, $0.1) }, completions: completions, definition: definition)
        var random = DemoRandom(seed: 11)
        for _ in 0..<participants {
            let person = Person(
                givenName: "Bench", familyName: "Deelnemer \(random.int(1...999_999))", dateOfBirth: "1995-05-05",
                gender: .woman,
                bsn: nil, intake: IntakeProfile(), registeredBy: programme.$owner.id)
            try await person.create(on: db)
            let candidacy = Candidacy(
                personID: try person.requireID(), programmeID: try programme.requireID(), stream: "statushouders",
                referredBy: programme.$owner.id, referredOn: start.adding(days: -60).iso)
            candidacy.stage = .decided
            candidacy.decision = .selected
            try await candidacy.create(on: db)
            let enrolment = Enrolment(
                personID: try person.requireID(), candidacyID: try candidacy.requireID(),
                programmeID: try programme.requireID(), versionID: try version.requireID(),
                cohortID: try cohort.requireID(), stream: "statushouders", enrolledOn: start.adding(days: -7).iso)
            enrolment.state = .inPhase
            enrolment.phaseCode = "mbo-2"
            enrolment.lastTransitionOn = starts[2].1.iso
            try await enrolment.create(on: db)
            var transitions: [EnrolmentTransition] = [
                EnrolmentTransition(
                    enrolmentID: try enrolment.requireID(), sequence: 1, kind: .enrol,
                    effectiveOn: start.adding(days: -7).iso,
                    actorID: try coordinator.requireID(), actorOrganisationID: coordinator.$organisation.id,
                    recordedAt: Date())
            ]
            for (index, phase) in starts.enumerated() {
                let begin = EnrolmentTransition(
                    enrolmentID: try enrolment.requireID(), sequence: transitions.count + 1, kind: .startPhase,
                    effectiveOn: phase.1.iso,
                    actorID: try coordinator.requireID(), actorOrganisationID: coordinator.$organisation.id,
                    recordedAt: Date())
                begin.phaseCode = phase.0
                transitions.append(begin)
                if index < completions.count {
                    let end = EnrolmentTransition(
                        enrolmentID: try enrolment.requireID(), sequence: transitions.count + 1, kind: .completePhase,
                        effectiveOn: completions[index].iso,
                        actorID: try coordinator.requireID(), actorOrganisationID: coordinator.$organisation.id,
                        recordedAt: Date())
                    end.phaseCode = phase.0
                    end.phaseResult = .passed
                    transitions.append(end)
                }
            }
            try await transitions.create(on: db)
            var entries: [HourEntry] = []
            var day = start
            while day <= today {
                let expected = ExpectedHours.on(day, spans: spans, pauses: [])
                for activity in ActivityType.allCases where expected[activity] > 0 {
                    let entry = HourEntry(
                        enrolmentID: try enrolment.requireID(), date: day, activity: activity,
                        hours: (expected[activity] * 4).rounded() / 4,
                        attendance: random.chance(0.05) ? .excusedAbsence : .present, place: "Bench", note: "",
                        recordedBy: try coordinator.requireID())
                    entry.status = .approved
                    entries.append(entry)
                }
                day = day.adding(days: 1)
            }
            let batch = entries
            try await db.transaction { tx in
                for offset in stride(from: 0, to: batch.count, by: 500) {
                    try await Array(batch[offset..<min(offset + 500, batch.count)]).create(on: tx)
                }
            }
        }
        return cohort
    }
}
