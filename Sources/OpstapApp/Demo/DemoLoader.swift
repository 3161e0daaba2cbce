import Fluent
import Foundation
import OpstapDomain

/// Writes the demo. Enrolment histories are produced by the real state machine, so the
/// demo cannot hold a timeline the application itself would refuse.
struct DemoLoader {
    let db: any Database
    let passwordHash: String
    var orgs = DemoOrganisations()
    var users: [String: User] = [:]
    var random = DemoRandom(seed: 20_241_001)

    init(db: any Database, passwordHash: String) {
        self.db = db
        self.passwordHash = passwordHash
    }

    mutating func load() async throws {
        try await createOrganisations()
        try await createUsers()
        try await DemoPopulation.leiden(&self)
        try await DemoPopulation.kansrijk(&self)
        try await loadPathways()
        try await loadReporting()
        try await loadParticipantAccounts()
        // The organisations that own a programme run the demo partnership.
        let owners = try await Programme.query(on: db).all(\.$owner.$id)
        try await Organisation.query(on: db).filter(\.$id ~~ owners).set(\.$steward, to: true).update()
    }

    private func createOrganisations() async throws {
        let list: [(UUID, String, OrganisationKind, String, [(String, String, String)])] = [
            (
                orgs.gemeenteLeiden, "Gemeente Leiden", .municipality, "Leiden",
                [("Stadhuis", "Stadhuisplein 1", "2311 EJ")]
            ),
            (
                orgs.alrijne, "Alrijne Zorggroep", .careEmployer, "Leiderdorp",
                [
                    ("Alrijne Ziekenhuis Leiden", "Houtlaan 55", "2334 CK"),
                    ("Alrijne Ziekenhuis Leiderdorp", "Simon Smitweg 1", "2353 GA"),
                ]
            ),
            (orgs.mboRijnland, "mboRijnland", .school, "Leiden", [("Campus Leiden", "Lammenschansweg 1", "2313 DM")]),
            (orgs.vluchtelingenwerk, "VluchtelingenWerk Nederland", .refugeeSupport, "Leiden", []),
            (orgs.coa, "COA", .receptionAgency, "Leiden", []),
            (orgs.avant, "AVANT-netwerk van zorgorganisaties", .careEmployer, "Leiden", []),
            (
                orgs.amarant, "Amarant", .careEmployer, "Tilburg",
                [
                    ("Dagbesteding Tilburg-Noord", "Bredaseweg 400", "5037 LG"),
                    ("Woonlocatie Goirle", "Tilburgseweg 99", "5051 AK"),
                ]
            ),
            (orgs.cello, "Cello", .careEmployer, "Vught", []),
            (orgs.calibris, "Calibris Advies", .school, "Utrecht", []),
            (
                orgs.gemeenteTilburg, "Gemeente Tilburg", .municipality, "Tilburg",
                [("Stadskantoor", "Stadhuisplein 130", "5038 TC")]
            ),
            (orgs.wsp, "Werkgevers Servicepunt Midden-Brabant", .municipality, "Tilburg", []),
            (orgs.refugeeTeam, "Refugee Team", .refugeeSupport, "Tilburg", []),
            (
                orgs.rocTilburg, "ROC Tilburg", .school, "Tilburg",
                [("Campus Tilburg", "Professor Cobbenhagenlaan 125", "5037 DB")]
            ),
            (orgs.sterkHuis, "Sterk Huis", .careEmployer, "Tilburg", []),
        ]
        for (id, name, kind, city, locations) in list {
            try await Organisation(id: id, name: name, kind: kind, city: city).create(on: db)
            for (locationName, address, postcode) in locations {
                try await Location(
                    organisationID: id, name: locationName, address: address, postcode: postcode, city: city,
                    kind: .assumed(name: locationName, organisation: kind)
                ).create(on: db)
            }
        }
    }

    private mutating func createUsers() async throws {
        for account in DemoAccounts.all {
            let user = User(
                organisationID: orgs[keyPath: account.organisation], email: account.email, name: account.name,
                passwordHash: passwordHash, roles: account.roles)
            try await user.create(on: db)
            users[account.email] = user
        }
    }

    func user(_ email: String) -> User { users[email]! }

    // MARK: Building blocks

    /// Publishes through the same operation coordinators use, dated `date`.
    func publish(
        _ programme: Programme, _ definition: ProgrammeDefinition, on date: SimpleDate, by email: String, note: String
    ) async throws -> ProgrammeVersion {
        let author = user(email)
        let organisation = try await Organisation.find(author.$organisation.id, on: db)!
        let scope = Scope(actor: try Actor(user: author, organisation: organisation), db: db, today: date)
        let operations = ProgrammeOperations(scope: scope, now: date.date)
        try await operations.saveDraft(programme, definition: definition)
        return try await operations.publish(programme, changeNote: note)
    }

    mutating func person(statushouder: Bool, programme: String) async throws -> Person {
        let profile = DemoPeople.profile(statushouder: statushouder, programme: programme, random: &random)
        let person = Person(
            givenName: profile.given, familyName: profile.family, dateOfBirth: profile.birth.iso,
            gender: profile.gender,
            bsn: statushouder || random.chance(0.5) ? DemoPeople.bsn(&random) : nil, intake: profile.intake,
            registeredBy: programme == "leiden" ? orgs.gemeenteLeiden : orgs.gemeenteTilburg)
        try await person.create(on: db)
        return person
    }

    /// A candidacy taken through selection up to `stage` (and `decision`), with events.
    func candidacy(
        person: Person, programme: Programme, stream: String, referredBy: UUID, referredOn: SimpleDate, actor: User,
        criteria: [SelectionCriterion], upTo stage: CandidacyStage, decision: SelectionDecision? = nil,
        reason: String = ""
    ) async throws -> Candidacy {
        let candidacy = Candidacy(
            personID: try person.requireID(), programmeID: try programme.requireID(), stream: stream,
            referredBy: referredBy,
            referredOn: referredOn.iso)
        try await candidacy.create(on: db)
        var sequence = 0
        func event(
            _ kind: CandidacyEventKind, _ stage: CandidacyStage, _ detail: String, _ day: SimpleDate
        ) async throws {
            sequence += 1
            try await CandidacyEvent(
                candidacyID: try candidacy.requireID(), sequence: sequence, kind: kind, stage: stage, detail: detail,
                actorID: try actor.requireID(), actorOrganisationID: actor.$organisation.id, recordedAt: day.date
            ).create(on: db)
        }
        try await event(.referred, .referred, "", referredOn)
        let order: [CandidacyStage] = [.referred, .intakePlanned, .intakeHeld, .selection, .decided]
        let target = order.firstIndex(of: stage)!
        let intake = referredOn.adding(days: 14)
        if target >= 1 { try await event(.intakePlanned, .intakePlanned, intake.iso, referredOn.adding(days: 3)) }
        if target >= 2 { try await event(.intakeHeld, .intakeHeld, intake.iso, intake) }
        if target >= 3 {
            try await event(.selectionStarted, .selection, "", intake.adding(days: 2))
            for (index, criterion) in criteria.enumerated() {
                let score =
                    decision == .rejected && index == 0
                    ? max(1, criterion.minimumScore - 1) : min(criterion.maxScore, criterion.minimumScore + 1)
                try await AssessmentRecord(
                    candidacyID: try candidacy.requireID(), criterionCode: criterion.code, score: score, note: "",
                    assessorID: try actor.requireID(), recordedAt: intake.adding(days: 3).date
                ).create(on: db)
                try await event(
                    .assessed, .selection, "\(criterion.name): \(score)/\(criterion.maxScore)", intake.adding(days: 3))
            }
        }
        if target >= 4, let decision {
            try await event(CandidacyEventKind(decision), .decided, reason, intake.adding(days: 7))
            candidacy.decision = decision
            candidacy.decisionReason = reason
        }
        candidacy.stage = stage
        candidacy.intakeDate = target >= 1 ? intake.iso : nil
        candidacy.revision = sequence
        try await candidacy.save(on: db)
        return candidacy
    }

    /// An enrolment whose history is `commands`, each checked by the state machine.
    func enrolment(
        candidacy: Candidacy, cohort: Cohort, version: ProgrammeVersion, enrolledOn: SimpleDate, actor: User,
        commands: [EnrolmentCommand], today: SimpleDate
    ) async throws -> Enrolment {
        let enrolment = Enrolment(
            personID: candidacy.$person.id, candidacyID: try candidacy.requireID(),
            programmeID: candidacy.$programme.id,
            versionID: try version.requireID(), cohortID: try cohort.requireID(), stream: candidacy.stream,
            enrolledOn: enrolledOn.iso)
        try await enrolment.create(on: db)
        var sequence = 1
        let enrol = EnrolmentTransition(
            enrolmentID: try enrolment.requireID(), sequence: sequence, kind: .enrol,
            effectiveOn: enrolledOn.iso,
            actorID: try actor.requireID(), actorOrganisationID: actor.$organisation.id, recordedAt: enrolledOn.date)
        enrol.versionNumber = version.number
        try await enrol.create(on: db)
        var snapshot = enrolment.snapshot
        for command in commands {
            let previousPhase = snapshot.phaseCode
            snapshot = try EnrolmentMachine.apply(command, to: snapshot, definition: version.definition, today: today)
                .get()
            sequence += 1
            let transition = EnrolmentTransition(
                enrolmentID: try enrolment.requireID(), sequence: sequence, kind: command.kind,
                effectiveOn: command.date.iso,
                actorID: try actor.requireID(), actorOrganisationID: actor.$organisation.id,
                recordedAt: command.date.date)
            transition.record(command, previousPhase: previousPhase)
            enrolment.recordEnd(command)
            try await transition.create(on: db)
        }
        enrolment.apply(snapshot)
        enrolment.revision = sequence
        try await enrolment.save(on: db)
        return enrolment
    }

    func assign(_ enrolment: Enrolment, _ email: String, as role: Role, from date: SimpleDate) async throws {
        try await GuidanceAssignment(
            enrolmentID: try enrolment.requireID(), userID: try user(email).requireID(), role: role, startsOn: date.iso
        ).create(on: db)
    }
}

/// A small deterministic generator so every demo start produces the same population.
struct DemoRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state >> 33
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    mutating func chance(_ probability: Double) -> Bool { Double(next() % 10_000) / 10_000 < probability }
}
