import Fluent
import Foundation
import OpstapDomain
import Vapor

/// `opstap bench reports --people 50000`: a programme year of that many ESF+ participants
/// (eligibility, characteristics, phase histories, leavers with follow-ups and diplomas, and
/// `--ledger` approved hour lines each), then times the ESF+ indicator table, the funnel,
/// the goals and a 10,000-row candidate import. Prints figures; judges nothing.
enum BenchReports {
    static func run(
        app: Application, people: Int, ledgerPerPerson: Int, runs: Int, reuse: Bool, console: any Console
    ) async throws {
        let db = app.db
        try await DemoData.loadIfEmpty(app: app)
        let today = app.clock.today
        let generation = Date()
        let stream: FundingStream
        if reuse, let existing = try await FundingStream.query(on: db).filter(\.$reference == "bench").first() {
            stream = existing
            console.output(
                "Reusing the generated population (\(try await FundingEligibility.query(on: db).filter(\.$stream.$id == existing.requireID()).count()) participants, \(try await HourEntry.query(on: db).count()) ledger lines)"
                    .consoleText())
        } else {
            let (generated, ledgerLines) = try await generate(
                db: db, people: people, ledgerPerPerson: ledgerPerPerson, today: today)
            stream = generated
            console.output(
                "Generated \(people) ESF+ participants and \(ledgerLines) ledger lines in \(BenchCommand.ms(Date().timeIntervalSince(generation))) ms"
                    .consoleText())
        }
        let user = try await User.query(on: db).filter(\.$email == "coordinator.leiden@opstap.demo").with(
            \.$organisation
        ).first()!
        let scope = Scope(actor: try Actor(user: user, organisation: user.organisation), db: db, today: today)
        let reports = EsfReports(scope: scope)
        let programme = try await Programme.find(stream.$programme.id, on: db)!
        console.output("median of \(runs) runs, milliseconds:".consoleText())
        func line(_ name: String, _ seconds: Double, _ result: String) {
            console.output(
                "  \(name.padding(toLength: 46, withPad: " ", startingAt: 0)) \(BenchCommand.ms(seconds)) ms   (\(result))"
                    .consoleText())
        }
        let (readTime, inputs) = try await BenchCommand.median(runs) {
            try await EsfInputs(db: db).people(for: stream, today: today)
        }
        line("  ESF+ register read from the database", readTime, "\(inputs.count) people")
        let (computeTime, _) = await BenchCommand.median(runs) {
            EsfIndicatorTableBuilder.build(
                EsfRegister.participants(inputs, today: today), firstYear: 2024, reportYear: 2025)
        }
        line("  ESF+ indicators computed", computeTime, "pure domain code")
        let (tableTime, table) = try await BenchCommand.median(runs) {
            try await reports.current(stream, year: 2025).table
        }
        line(
            "ESF+ indicator table (read + compute)", tableTime, "EECO01 total \(table.cell(.eeco01, .cumulative).total)"
        )
        let (funnelTime, funnel) = try await BenchCommand.median(runs) {
            try await Funnels(db: db).counts(programmeIDs: [try programme.requireID()])
        }
        line(
            "funnel per programme and cohort", funnelTime,
            "enrolled \(funnel.perProgramme[try programme.requireID()]?.enrolled ?? 0)")
        let (factsTime, facts) = try await BenchCommand.median(runs) {
            try await ProgrammeFacts.load(programmeID: try programme.requireID(), on: db)
        }
        line("dashboard facts (dates, jobs, diplomas)", factsTime, "\(facts.count) participants")
        let goal = GoalDefinition(
            measure: .shareQualified, target: 50, deadline: SimpleDate("2026-12-31")!, level: .mbo1)
        let (goalTime, value) = await BenchCommand.median(runs) {
            GoalEvaluation.trend(goal, starters: facts.map(\.starter), today: today).last
        }
        line(
            "goal with trend (share with mbo-1)", goalTime, "\(value.map { String(format: "%.1f", $0.value) } ?? "-") %"
        )

        // A 10,000-row referral list: preview (every row checked, duplicates looked up) and the run.
        // A fresh family name per run, so a rerun imports rather than skipping duplicates.
        let run = UUID().uuidString.prefix(6)
        let csv =
            "Voornaam;Achternaam;Geboortedatum;Geslacht\n"
            + (0..<10_000).map { n in
                "Import\(n);Kandidaat \(run) \(n);\(String(format: "%02d", 1 + n % 28))-0\(1 + n % 9)-19\(70 + n % 30);\(n % 2 == 0 ? "V" : "M")"
            }.joined(separator: "\n")
        let operations = ImportOperations(scope: scope, now: Date())
        let started = Date()
        let record = try await operations.upload(
            programme: programme, stream: "statushouders", fileName: "bench.csv", content: csv)
        let checks = try await operations.preview(record)
        let previewed = Date()
        record.status = ImportStatus.mapped
        let counts = try await operations.run(
            record, checks: checks, confirmedLines: [], progress: ImportProgress.shared)
        line(
            "import 10,000 rows: upload + preview", previewed.timeIntervalSince(started),
            "\(checks.filter { !$0.errors.isEmpty }.count) rows with errors")
        line(
            "import 10,000 rows: all-or-nothing run", Date().timeIntervalSince(previewed), "\(counts.imported) imported"
        )
    }

    static func generate(
        db: any Database, people: Int, ledgerPerPerson: Int, today: SimpleDate
    ) async throws -> (FundingStream, Int) {
        guard let programme = try await Programme.query(on: db).filter(\.$name == "Op je plek in de zorg").first(),
            let version = try await ProgrammeVersion.query(on: db).filter(\.$programme.$id == programme.requireID())
                .sort(\.$number, .descending).first(),
            let coordinator = try await User.query(on: db).filter(\.$email == "coordinator.leiden@opstap.demo").first(),
            let qualification = try await Qualification.query(on: db).filter(
                \.$level == QualificationLevel.mbo1
            ).first()
        else { throw CommandError.invalid("Load the demo first") }
        let stream = FundingStream()
        stream.$programme.id = try programme.requireID()
        stream.kind = .esfPlus
        stream.name = "Benchmark ESF+ \(UUID().uuidString.prefix(6))"
        stream.reference = "bench"
        stream.$funder.id = programme.$owner.id
        stream.amountCents = 100_000_000
        stream.startsOn = "2024-01-01"
        stream.endsOn = "2026-12-31"
        stream.targetStreams = []
        stream.targetDescription = ""
        stream.fundedPhases = []
        try await stream.create(on: db)
        let cohort = Cohort(
            programmeID: try programme.requireID(), versionID: try version.requireID(),
            name: "Benchmark \(UUID().uuidString.prefix(8))",
            startDate: "2024-09-02", capacity: people, streams: ["statushouders"])
        try await cohort.create(on: db)
        var random = DemoRandom(seed: 2024)
        var ledgerLines = 0
        let genders: [Gender] = [.woman, .man, .woman, .man, .nonBinary]
        for offset in stride(from: 0, to: people, by: 500) {
            var persons: [Person] = [], candidacies: [Candidacy] = [], enrolments: [Enrolment] = [],
                transitions: [EnrolmentTransition] = []
            var eligibility: [FundingEligibility] = [], characteristics: [EsfCharacteristicsRecord] = [],
                followUps: [FollowUp] = []
            var awards: [ParticipantQualification] = [], ledger: [HourEntry] = []
            for n in offset..<min(offset + 500, people) {
                let person = Person(
                    id: UUID(), givenName: "Esf\(n)", familyName: "Deelnemer \(n)",
                    dateOfBirth: "19\(60 + n % 45)-0\(1 + n % 9)-1\(n % 9)",
                    gender: genders[n % genders.count], bsn: nil, intake: IntakeProfile(),
                    registeredBy: programme.$owner.id)
                persons.append(person)
                let candidacy = Candidacy(
                    id: UUID(), personID: try person.requireID(), programmeID: try programme.requireID(),
                    stream: "statushouders",
                    referredBy: programme.$owner.id, referredOn: "2024-06-01")
                candidacy.stage = .decided
                candidacy.decision = .selected
                candidacies.append(candidacy)
                let start = SimpleDate("2024-09-02")!.adding(days: n % 400)
                let enrolment = Enrolment(
                    id: UUID(), personID: try person.requireID(), candidacyID: try candidacy.requireID(),
                    programmeID: try programme.requireID(),
                    versionID: try version.requireID(),
                    cohortID: try cohort.requireID(), stream: "statushouders", enrolledOn: start.adding(days: -7).iso)
                enrolment.phaseCode = "mbo-1"
                func transition(_ kind: TransitionKind, _ day: SimpleDate, phase: String? = nil) throws {
                    let t = EnrolmentTransition(
                        enrolmentID: try enrolment.requireID(), sequence: transitions.count + 1, kind: kind,
                        effectiveOn: day.iso,
                        actorID: try coordinator.requireID(), actorOrganisationID: coordinator.$organisation.id,
                        recordedAt: Date())
                    t.phaseCode = phase
                    transitions.append(t)
                }
                try transition(.enrol, start.adding(days: -7))
                try transition(.startPhase, start, phase: "mbo-1")
                let left = start.adding(days: 200 + n % 150)
                switch n % 5 {
                case 0:
                    enrolment.state = .withdrawn
                    enrolment.exitReason = ExitReason.allCases[n % ExitReason.allCases.count]
                    try transition(.withdraw, left)
                case 1:
                    enrolment.state = .completed
                    try transition(.completePhase, left, phase: "mbo-1")
                    try transition(.complete, left)
                    let award = ParticipantQualification(
                        enrolmentID: try enrolment.requireID(), qualificationID: try qualification.requireID(),
                        startedOn: start)
                    award.status = .awarded
                    award.awardedOn = left.iso
                    awards.append(award)
                default:
                    enrolment.state = .inPhase
                }
                enrolment.lastTransitionOn = (enrolment.state == .inPhase ? start : left).iso
                enrolments.append(enrolment)
                if enrolment.state != .inPhase, left.adding(days: 28) <= today {
                    let followUp = FollowUp(
                        enrolmentID: try enrolment.requireID(), moment: .fourWeeks, dueOn: left.adding(days: 28),
                        taskID: nil)
                    followUp.situation =
                        [FollowUpSituation.employed, .jobSeeking, .inEducation, .other][n % 4]
                    followUp.observedOn = left.adding(days: 20).iso
                    followUp.source = .participant
                    followUps.append(followUp)
                }
                let record = FundingEligibility()
                record.$stream.id = try stream.requireID()
                record.$person.id = try person.requireID()
                record.eligible = true
                record.targetGroup = "Statushouder"
                record.evidenceKind = .residencePermit
                record.evidenceReference = ""
                record.checkedOn = "2024-08-26"
                record.$recordedBy.id = try coordinator.requireID()
                eligibility.append(record)
                if n % 20 != 0 {
                    let values = EsfCharacteristicsRecord()
                    values.$stream.id = try stream.requireID()
                    values.$person.id = try person.requireID()
                    values.apply(
                        EsfEntryCharacteristics(
                            employmentStatus: EmploymentStatusAtEntry.allCases[n % 4], iscedLevel: n % 9,
                            thirdCountryNational: n % 10 != 0,
                            foreignBackground: SensitiveAnswer.allCases[n % 3],
                            minority: SensitiveAnswer.allCases[(n / 3) % 3],
                            disability: SensitiveAnswer.allCases[(n / 9) % 3], homelessOrHousingExclusion: n % 3 == 0,
                            ruralArea: n % 7 == 0))
                    values.$recordedBy.id = try coordinator.requireID()
                    values.recordedOn = "2024-09-02"
                    characteristics.append(values)
                }
                for k in 0..<ledgerPerPerson {
                    let entry = HourEntry(
                        enrolmentID: try enrolment.requireID(), date: start.adding(days: k),
                        activity: k % 3 == 0 ? .theory : .practice,
                        hours: 8, attendance: random.chance(0.05) ? .excusedAbsence : .present, place: "Bench",
                        note: "", recordedBy: try coordinator.requireID())
                    entry.status = .approved
                    ledger.append(entry)
                }
            }
            ledgerLines += ledger.count
            let rows = (
                persons, candidacies, enrolments, transitions, eligibility, characteristics, followUps, awards, ledger
            )
            try await db.transaction { tx in
                try await rows.0.create(on: tx)
                try await rows.1.create(on: tx)
                try await rows.2.create(on: tx)
                for chunk in stride(from: 0, to: rows.3.count, by: 500) {
                    try await Array(rows.3[chunk..<min(chunk + 500, rows.3.count)]).create(on: tx)
                }
                try await rows.4.create(on: tx)
                if !rows.5.isEmpty { try await rows.5.create(on: tx) }
                if !rows.6.isEmpty { try await rows.6.create(on: tx) }
                if !rows.7.isEmpty { try await rows.7.create(on: tx) }
                for chunk in stride(from: 0, to: rows.8.count, by: 500) {
                    try await Array(rows.8[chunk..<min(chunk + 500, rows.8.count)]).create(on: tx)
                }
            }
        }
        return (stream, ledgerLines)
    }
}
