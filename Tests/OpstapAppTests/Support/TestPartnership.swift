import Fluent
import Foundation
import OpstapDomain
import Testing
import Vapor
@testable import OpstapApp

/// A partnership made for one test on an empty database (`withOpstap(demo: false)`): the
/// Leiden reference programme run by six partner organisations under plain names, one account
/// for every staff role, one cohort, and only the participants the test adds.
///
/// Unlike the demo it holds nothing the test did not ask for, so a test can count what it
/// made, and a change to the demo cannot break it. It is built with the demo's own building
/// blocks (`DemoLoader`): programme versions are published by the real operation and every
/// enrolment history passes the real state machine.
///
/// `reference: .kansrijk` gives the other shape: the Kansrijk reference programme, owned and
/// coordinated by the care employer (its coordinator and administrator work there).
struct TestPartnership {
    /// Which reference programme the partnership runs.
    enum Reference {
        case leiden, kansrijk
    }

    static let password = "een-lang-genoeg-wachtwoord"
    /// Where every organisation sits: the role decides which organisation an account joins.
    static let organisationOfRole: [Role: KeyPath<DemoOrganisations, UUID>] = [
        .administrator: \.gemeenteLeiden, .coordinator: \.gemeenteLeiden, .intakeOfficer: \.gemeenteLeiden,
        .housingOfficer: \.gemeenteLeiden, .reporting: \.gemeenteLeiden, .workSupervisor: \.alrijne,
        .buddy: \.alrijne, .employerHR: \.alrijne, .teacher: \.mboRijnland, .coach: \.vluchtelingenwerk,
        .socialGuide: \.vluchtelingenwerk,
    ]

    /// Where every organisation sits in a partnership of `reference`.
    static func organisationOfRole(in reference: Reference) -> [Role: KeyPath<DemoOrganisations, UUID>] {
        guard reference == .kansrijk else { return organisationOfRole }
        return organisationOfRole.merging([.coordinator: \.alrijne, .administrator: \.alrijne]) { $1 }
    }

    let app: Application
    /// What the partnership's organisations and accounts are named after ("Test", "Ander").
    let name: String
    let reference: Reference
    private(set) var loader: DemoLoader
    let programme: Programme
    let version: ProgrammeVersion
    let cohort: Cohort

    var organisations: DemoOrganisations { loader.orgs }

    /// The e-mail address of the account that holds `role`.
    func email(_ role: Role) -> String { Self.email(role, in: name) }

    /// The e-mail address of the account that holds `role` in the partnership named `name`,
    /// for tests that name an account before the partnership exists.
    static func email(_ role: Role, in name: String = "Test") -> String {
        "\(role.rawValue.lowercased())@\(domain(of: name))"
    }

    /// The mail domain of the partnership named `name`.
    static func domain(of name: String) -> String { name.lowercased() + ".test" }

    func user(_ role: Role) -> User { loader.user(email(role)) }

    /// A signed-in browser of the account that holds `role`.
    func web(_ role: Role) async throws -> WebClient {
        try await WebClient.login(app, email(role), password: Self.password)
    }

    /// An API caller with a token of the account that holds `role`.
    func api(_ role: Role) async throws -> APIClient { try await APIClient.forUser(app, email(role)) }

    /// Organisations, accounts, the programme (published on `publishedOn`) and a cohort that
    /// started on `cohortStart` with `capacity` places. Names carry `name`, so two
    /// partnerships in one database stay apart.
    static func make(
        _ app: Application, name: String = "Test", reference: Reference = .leiden,
        publishedOn: SimpleDate = SimpleDate("2026-06-01")!, cohortStart: SimpleDate = SimpleDate("2026-09-21")!,
        capacity: Int = 20
    ) async throws -> TestPartnership {
        var loader = DemoLoader(db: app.db, passwordHash: try app.password.hash(password))
        // People of each partnership drawn from a sequence of their own: two partnerships in one
        // test must not hold people of the same name.
        loader.random = DemoRandom(seed: name.unicodeScalars.reduce(20_261_122) { $0 &* 31 &+ UInt64($1.value) })
        let o = loader.orgs
        let organisations: [(UUID, String, OrganisationKind)] = [
            (o.gemeenteLeiden, "Gemeente \(name)", .municipality), (o.alrijne, "Zorggroep \(name)", .careEmployer),
            (o.mboRijnland, "Mbo-college \(name)", .school),
            (o.vluchtelingenwerk, "Steunpunt \(name)", .refugeeSupport),
            (o.coa, "Opvang \(name)", .receptionAgency), (o.avant, "Zorgnetwerk \(name)", .careEmployer),
        ]
        for (id, organisationName, kind) in organisations {
            try await Organisation(id: id, name: organisationName, kind: kind, city: "Leiden").create(
                on: app.db)
        }
        try await Location(
            organisationID: o.alrijne, name: "Ziekenhuis \(name)", address: "Zorgweg 1", postcode: "2333 AA",
            city: "Leiden", kind: .hospitalWard
        ).create(on: app.db)
        for (role, organisation) in organisationOfRole(in: reference) {
            let user = User(
                organisationID: o[keyPath: organisation], email: email(role, in: name),
                name: "\(role.rawValue) \(name)", passwordHash: loader.passwordHash, roles: [role])
            try await user.create(on: app.db)
            loader.users[user.email] = user
        }
        let owner = reference == .kansrijk ? o.alrijne : o.gemeenteLeiden
        let programme = Programme(name: "Zorgtraject \(name)", ownerID: owner, draft: nil)
        try await programme.create(on: app.db)
        try await Organisation.query(on: app.db).filter(\.$id == owner).set(\.$steward, to: true).update()
        var definition = reference == .kansrijk ? kansrijkDefinition(o) : DemoProgrammes.leiden(o)
        definition.name = programme.name
        let version = try await loader.publish(
            programme, definition, on: publishedOn, by: email(.coordinator, in: name),
            note: "Eerste versie")
        let cohort = Cohort(
            programmeID: try programme.requireID(), versionID: try version.requireID(), name: "Instroom \(name)",
            startDate: cohortStart.iso, capacity: capacity, streams: definition.streams.map(\.code))
        try await cohort.create(on: app.db)
        return TestPartnership(
            app: app, name: name, reference: reference, loader: loader, programme: programme, version: version,
            cohort: cohort)
    }

    /// The Kansrijk reference programme run by the partnership's six organisations: its owner
    /// is the care employer, its partners in other roles the organisations of the same kind.
    private static func kansrijkDefinition(_ o: DemoOrganisations) -> ProgrammeDefinition {
        var mapped = o
        (mapped.amarant, mapped.cello, mapped.calibris, mapped.rocTilburg) = (
            o.alrijne, o.avant, o.mboRijnland, o.mboRijnland
        )
        (mapped.gemeenteTilburg, mapped.wsp, mapped.refugeeTeam, mapped.sterkHuis) = (
            o.gemeenteLeiden, o.gemeenteLeiden, o.vluchtelingenwerk, o.coa
        )
        var definition = DemoProgrammes.kansrijk(mapped)
        // Two demo partners of one kind become one organisation here: each partner once.
        var seen = Set<UUID>()
        definition.partners = definition.partners.filter { seen.insert($0.organisationID).inserted }
        return definition
    }

    /// A person referred to the programme 90 days before the cohort starts and taken through
    /// selection up to `stage` (and `decision`), with the events the selection writes. The
    /// person's gender is drawn unless `gender` is given.
    mutating func candidate(
        upTo stage: CandidacyStage = .selection, decision: SelectionDecision? = nil, stream: String = "statushouders",
        gender: Gender? = nil
    ) async throws -> Candidacy {
        let person = try await loader.person(statushouder: stream == "statushouders", programme: "leiden")
        if let gender {
            person.gender = gender
            try await person.save(on: app.db)
        }
        return try await loader.candidacy(
            person: person, programme: programme, stream: stream, referredBy: organisations.gemeenteLeiden,
            referredOn: SimpleDate(cohort.startDate)!.adding(days: -90), actor: user(.intakeOfficer),
            criteria: version.definition.selectionCriteria, upTo: stage, decision: decision)
    }

    /// A person selected for the programme and enrolled in the cohort on its first day, then
    /// taken through `commands` (by default: the first phase of the stream, started that day).
    /// The accounts of `team` join the participant's team from the same day.
    mutating func participant(
        stream: String = "statushouders", commands: [EnrolmentCommand]? = nil, team: [Role] = [.coach],
        gender: Gender? = nil, today: SimpleDate = testToday
    ) async throws -> Enrolment {
        let start = SimpleDate(cohort.startDate)!
        let candidacy = try await candidate(upTo: .decided, decision: .selected, stream: stream, gender: gender)
        let firstPhase = try #require(version.definition.streams.first { $0.code == stream }?.firstPhaseCode)
        let enrolment = try await loader.enrolment(
            candidacy: candidacy, cohort: cohort, version: version, enrolledOn: start, actor: user(.coordinator),
            commands: commands ?? [.startPhase(code: firstPhase, on: start)], today: today)
        for role in team { try await loader.assign(enrolment, email(role), as: role, from: start) }
        return enrolment
    }

    /// The participant's own account (ADR 0015), made as the demo makes one: at the work
    /// supervisor's organisation, named after the person, signed in with `email(.participant)`.
    @discardableResult
    mutating func ownAccount(for enrolment: Enrolment) async throws -> User {
        let person = try #require(try await Person.find(enrolment.$person.id, on: app.db))
        let account = User(
            organisationID: organisations.alrijne, email: email(.participant), name: person.fullName,
            passwordHash: loader.passwordHash, roles: [.participant])
        account.personID = try person.requireID()
        try await account.create(on: app.db)
        loader.users[account.email] = account
        return account
    }

    /// Hours as the participant's schedule expects them, from the cohort's first day to `to` (by
    /// default the Friday before the tests' Sunday), recorded by the coach: weeks before the
    /// last approved by the work supervisor, the last week submitted and waiting. Written by the
    /// demo's own ledger builder, so the lines follow the schedule as the demo's do.
    mutating func hours(
        for enrolment: Enrolment, to: SimpleDate = SimpleDate("2026-11-20")!, fallingBehind: Bool = false
    ) async throws {
        try await loader.ledger(
            for: enrolment, version: version, from: SimpleDate(cohort.startDate)!, to: to,
            practicePlace: "Ziekenhuis \(Self.domain(of: name))", classPlace: "Mbo-college",
            fallingBehind: fallingBehind,
            recordedBy: email(.coach), approvedBy: email(.workSupervisor))
    }
}
