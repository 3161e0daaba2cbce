import Fluent
import Foundation
import OpstapDomain

/// Funding, ESF+ register, goals and lessons for both demo programmes. Deterministic by
/// position (no random draws), so the earlier demo passes stay exactly as they were.
extension DemoLoader {
    func loadReporting() async throws {
        let d = DemoPopulation.d
        // Grant periods are the funder's calendar: they do not move with the demo's events.
        let fixed = DemoCalendar.fixed
        let leiden = try await Programme.query(on: db).filter(\.$name == "Op je plek in de zorg").first()!
        let kansrijk = try await Programme.query(on: db).filter(\.$name == "Kansrijk").first()!
        let leidenCoordinator = user("coordinator.leiden@opstap.demo")
        let kansrijkCoordinator = user("coordinator.kansrijk@opstap.demo")

        // The ESF+ grant from the seed: EUR 288,518 to the municipality for 2024 and 2025.
        let esf = try await stream(
            leiden, kind: .esfPlus, name: "ESF+ Sociale Inclusie Holland Rijnland",
            reference: "ESF+ 2021-2027 Sociale Inclusie",
            funder: orgs.gemeenteLeiden, cents: 288_518_00, from: fixed(2024, 1, 1), to: fixed(2025, 12, 31),
            streams: ["statushouders"],
            target: "Statushouders met een verblijfsvergunning, uitkering of inburgeringsplicht")
        let tilburg = try await stream(
            kansrijk, kind: .municipalBudget, name: "Samenwerkingsconvenant Kansrijk (gemeente Tilburg)",
            reference: "Demobedrag",
            funder: orgs.gemeenteTilburg, cents: 120_000_00, from: fixed(2023, 9, 1), to: fixed(2025, 12, 31),
            streams: [], target: "Statushouders in Tilburg")

        // Leiden's permit holders of the 2024 cohort, in the order they were referred.
        let permitHolders = try await Candidacy.query(on: db).filter(\.$programme.$id == leiden.requireID()).filter(
            \.$stream == "statushouders"
        )
        .filter(\.$decision == SelectionDecision.selected).filter(\.$referredOn < d(2025, 1, 1).iso).sort(
            \.$referredOn
        ).with(\.$person).all()
        for (index, candidacy) in permitHolders.enumerated() {
            try await eligible(
                candidacy.person, for: esf, group: "Statushouder", evidence: .residencePermit,
                reference: "V-nummer in dossier", on: d(2024, 8, 26), by: leidenCoordinator)
            // One participant's characteristics are still missing, so the report shows the gap.
            if index == 15 { continue }
            let intake = candidacy.person.intake
            let status: EmploymentStatusAtEntry =
                intake.benefit == .participationAct ? (index % 4 == 0 ? .longTermUnemployed : .unemployed) : .inactive
            try await characteristics(
                of: candidacy.person, for: esf,
                EsfEntryCharacteristics(
                    employmentStatus: status, iscedLevel: intake.highestIscedLevel ?? 1, thirdCountryNational: true,
                    foreignBackground: .yes, minority: index % 5 == 0 ? .declined : .no,
                    disability: index == 3 ? .declined : .no,
                    homelessOrHousingExclusion: intake.residence == .receptionCentre, ruralArea: false),
                on: d(2024, 9, 2), by: leidenCoordinator)
        }
        let kansrijkPeople = try await Candidacy.query(on: db).filter(\.$programme.$id == kansrijk.requireID())
            .filter(\.$decision == SelectionDecision.selected).with(\.$person).all()
        for candidacy in kansrijkPeople {
            try await eligible(
                candidacy.person, for: tilburg, group: "Statushouder in Tilburg", evidence: .municipalReferral,
                reference: "Verwijzing gemeente",
                on: SimpleDate(candidacy.referredOn)!, by: kansrijkCoordinator)
        }

        // Goals from the seeds: Leiden's mbo ambition and the job guarantee, Kansrijk's covenant.
        try await goal(
            leiden, "Minstens de helft van de starters behaalt minimaal mbo-1",
            source: "Projectplan Op je plek in de zorg",
            measure: .shareQualified, target: 50, from: nil, deadline: d(2026, 12, 31), level: .mbo1, months: nil,
            by: leidenCoordinator)
        try await goal(
            leiden, "Wie afrondt, heeft een baan in de zorg", source: "Baangarantie AVANT",
            measure: .shareEmployed, target: 100, from: nil, deadline: d(2026, 12, 31), level: nil, months: nil,
            by: leidenCoordinator)
        try await goal(
            kansrijk, "15 starters in oktober 2023", source: "Samenwerkingsconvenant Kansrijk",
            measure: .starters, target: 15, from: d(2023, 10, 1), deadline: d(2023, 10, 31), level: nil, months: nil,
            by: kansrijkCoordinator)
        try await goal(
            kansrijk, "Alle starters na één jaar nog actief", source: "Samenwerkingsconvenant Kansrijk",
            measure: .shareRetained, target: 100, from: d(2023, 10, 1), deadline: d(2024, 10, 31), level: nil,
            months: 12, by: kansrijkCoordinator)

        try await lesson(
            kansrijk, "Begin met meekijken, bouw verantwoordelijkheid op",
            what:
                "Deelnemers begonnen op de stage met observeren en namen daarna stap voor stap taken over, eerst onder begeleiding, later zelfstandig.",
            why: "Zo leerden zij de taal van de werkvloer en de cliënten kennen zonder overvraagd te worden.",
            change:
                "Elke nieuwe groep start met vier weken meelopen; de werkbegeleider legt per deelnemer vast welke taken zelfstandig mogen.",
            theme: "Stage", on: d(2024, 3, 4), by: kansrijkCoordinator, shared: true)
        try await lesson(
            leiden, "Wonen naast het werk scheelt reistijd en uitval",
            what:
                "Alleenstaande deelnemers met een studio naast het ziekenhuis misten minder praktijkdagen dan deelnemers die vanuit het azc reisden.",
            why: "Lange reistijden vanuit het azc botsten met vroege diensten.",
            change:
                "Studio's gaan eerst naar wie de langste reistijd heeft; de toewijzing weegt de afstand tot de stageplek mee.",
            theme: "Huisvesting", on: d(2025, 3, 10), by: leidenCoordinator, shared: true)
        try await lesson(
            leiden, "Vaktaal vóór de eerste stagedag",
            what: "In de eerste weken van mbo-1 liepen deelnemers vast op vaktermen tijdens de overdracht.",
            why: "De lessen vaktaal kwamen pas halverwege de vooropleiding.",
            change: "Vaktaal dienstverlening en zorg begint in de eerste week van de vooropleiding.",
            theme: "Taal", on: d(2025, 2, 3), by: leidenCoordinator, shared: false)
    }

    /// A funding stream of `programme`, as its coordinator adds one.
    func stream(
        _ programme: Programme, kind: FundingKind, name: String, reference: String, funder: UUID, cents: Int64,
        from: SimpleDate, to: SimpleDate, streams: [String], target: String
    ) async throws -> FundingStream {
        let stream = FundingStream()
        stream.$programme.id = try programme.requireID()
        stream.kind = kind
        stream.name = name
        stream.reference = reference
        stream.$funder.id = funder
        stream.amountCents = cents
        stream.startsOn = from.iso
        stream.endsOn = to.iso
        stream.targetStreams = streams
        stream.targetDescription = target
        stream.fundedPhases = []
        try await stream.create(on: db)
        return stream
    }

    /// `person` found eligible for `stream` on `day`, with the evidence seen.
    func eligible(
        _ person: Person, for stream: FundingStream, group: String, evidence: EligibilityEvidence, reference: String,
        on day: SimpleDate, by user: User
    ) async throws {
        let record = FundingEligibility()
        record.$stream.id = try stream.requireID()
        record.$person.id = try person.requireID()
        record.eligible = true
        record.targetGroup = group
        record.evidenceKind = evidence
        record.evidenceReference = reference
        record.checkedOn = day.iso
        record.$recordedBy.id = try user.requireID()
        try await record.create(on: db)
    }

    /// The ESF+ characteristics of `person` at entry into `stream`, as recorded on `day`.
    func characteristics(
        of person: Person, for stream: FundingStream, _ value: EsfEntryCharacteristics, on day: SimpleDate,
        by user: User
    ) async throws {
        let record = EsfCharacteristicsRecord()
        record.$stream.id = try stream.requireID()
        record.$person.id = try person.requireID()
        record.apply(value)
        record.$recordedBy.id = try user.requireID()
        record.recordedOn = day.iso
        try await record.create(on: db)
    }

    /// A goal of `programme`, as its coordinator sets one.
    func goal(
        _ programme: Programme, _ title: String, source: String, measure: GoalMeasure, target: Double,
        from: SimpleDate?, deadline: SimpleDate,
        level: QualificationLevel?, months: Int?, by user: User
    ) async throws {
        let goal = ProgrammeGoal()
        goal.$programme.id = try programme.requireID()
        goal.title = title
        goal.source = source
        goal.measure = measure
        goal.target = target
        goal.periodStart = from?.iso
        goal.deadline = deadline.iso
        goal.level = level
        goal.months = months
        goal.$createdBy.id = try user.requireID()
        try await goal.create(on: db)
    }

    private func lesson(
        _ programme: Programme, _ title: String, what: String, why: String, change: String, theme: String,
        on day: SimpleDate, by user: User, shared: Bool
    ) async throws {
        let lesson = Lesson()
        lesson.$programme.id = try programme.requireID()
        lesson.title = title
        lesson.whatHappened = what
        lesson.why = why
        lesson.change = change
        lesson.theme = theme
        lesson.shared = shared
        lesson.learnedOn = day.iso
        lesson.$author.id = try user.requireID()
        lesson.$authorOrganisation.id = user.$organisation.id
        try await lesson.create(on: db)
    }
}
