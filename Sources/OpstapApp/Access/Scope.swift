import Fluent
import FluentSQL
import Foundation
import NIOConcurrencyHelpers
import OpstapDomain
import OpstapViews
import SQLKit
import Vapor

/// The one place that decides which records an actor may reach. Lists, search, detail
/// pages, the API and exports all start their queries here; nothing queries people,
/// candidacies or enrolments around it.
///
/// - Organisation: only programmes the actor's organisation is a partner in.
/// - Role: within those, `RecordReach` narrows further (guidance roles see only the
///   participants assigned to them, reporting sees no individuals, a participant only their
///   own file).
/// Records outside reach are reported as not found, never as forbidden.
struct Scope: Sendable {
    let actor: Actor
    let db: any Database
    let today: SimpleDate
    /// Where the people this scope resolves are noted for the access log (nil outside a request).
    let recorder: AccessRecorder?
    /// The partner programmes once read in this request (nil outside a request: read each time).
    let partnerProgrammes: PartnerProgrammesMemo?

    init(
        actor: Actor, db: any Database, today: SimpleDate, recorder: AccessRecorder? = nil,
        partnerProgrammes: PartnerProgrammesMemo? = nil
    ) {
        self.actor = actor
        self.db = db
        self.today = today
        self.recorder = recorder
        self.partnerProgrammes = partnerProgrammes
    }

    /// The same actor and day on another handle of the database (a transaction).
    func on(_ db: any Database) -> Scope {
        Scope(actor: actor, db: db, today: today, recorder: recorder, partnerProgrammes: partnerProgrammes)
    }

    // MARK: Programmes and cohorts

    func partnerProgrammeIDs() async throws -> [UUID] {
        if let known = partnerProgrammes?.ids { return known }
        let ids = try await ProgrammePartner.query(on: db)
            .filter(\.$organisation.$id == actor.organisationID)
            .all(\.$programme.$id)
        partnerProgrammes?.ids = ids
        return ids
    }

    /// `column` of `schema` names one of the actor's partner programmes, as a subquery: a
    /// lookup of one record (and the short lists of programmes and cohorts) needs no statement
    /// of its own to read the partner programmes first.
    ///
    /// Not for the long lists: with `IN (subquery)` SQLite no longer reads a list's order from
    /// its (programme, order) index and sorts every in-scope row (a deep candidate page at
    /// 50,000 people went from 58 to 161 ms). They filter by the ids (`partnerProgrammeIDs`).
    private func inPartnerProgrammes(_ schema: String, column: String = "programme_id") -> DatabaseQuery.Filter {
        .sql(
            embed: """
                \(ident: schema).\(ident: column) IN (SELECT \(ident: "programme_id") FROM \(ident: ProgrammePartner.schema) \
                WHERE \(ident: "organisation_id") = \(bind: actor.organisationID))
                """)
    }

    /// How a query is limited to the partner programmes (see `inPartnerProgrammes`).
    private enum PartnerFilter { case ids, subquery }

    private func partnerFilter(_ how: PartnerFilter, _ schema: String) async throws -> DatabaseQuery.Filter {
        switch how {
        case .subquery:
            return inPartnerProgrammes(schema)
        case .ids:
            return .value(
                .path([FieldKey("programme_id")], schema: schema), .subset(inverse: false),
                .array(try await partnerProgrammeIDs().map { .bind($0) }))
        }
    }

    /// Programmes the actor's organisation partners in, plus drafts it owns.
    func programmes() async throws -> QueryBuilder<Programme> {
        Programme.query(on: db).group(.or) {
            $0.filter(inPartnerProgrammes(Programme.schema, column: "id")).filter(\.$owner.$id == actor.organisationID)
        }
    }

    func programme(_ id: UUID?) async throws -> Programme {
        guard let id, let programme = try await programmes().filter(\.$id == id).first() else {
            throw AccessDenied.notFound
        }
        return programme
    }

    func cohorts() async throws -> QueryBuilder<Cohort> {
        Cohort.query(on: db).filter(inPartnerProgrammes(Cohort.schema))
    }

    func cohort(_ id: UUID?) async throws -> Cohort {
        guard let id, let cohort = try await cohorts().filter(\.$id == id).first() else { throw AccessDenied.notFound }
        return cohort
    }

    // MARK: People

    /// Candidacies (and so people) the actor may see.
    func candidacies() async throws -> QueryBuilder<Candidacy> { try await candidacies(.ids) }

    private func candidacies(_ partnerFilter: PartnerFilter) async throws -> QueryBuilder<Candidacy> {
        if actor.reach == .ownFile { return Candidacy.query(on: db).filter(\.$person.$id == ownPersonID) }
        // Roles without individual access (reporting) are refused outright: 403, not an empty list.
        try actor.require(.viewPeople)
        let query = Candidacy.query(on: db).filter(try await self.partnerFilter(partnerFilter, Candidacy.schema))
        switch actor.reach {
        case .allInPartnerProgrammes:
            return query
        case .participantsInPartnerProgrammes:
            return query.join(Enrolment.self, on: \Candidacy.$id == \Enrolment.$candidacy.$id)
        case .assignedOnly:
            return assignedOnly(query.join(Enrolment.self, on: \Candidacy.$id == \Enrolment.$candidacy.$id))
        case .none, .ownFile:
            return query.filter(\.$id ~~ [UUID]())
        }
    }

    /// Enrolments (participants) the actor may see.
    func enrolments() async throws -> QueryBuilder<Enrolment> { try await enrolments(.ids) }

    private func enrolments(_ partnerFilter: PartnerFilter) async throws -> QueryBuilder<Enrolment> {
        if actor.reach == .ownFile { return Enrolment.query(on: db).filter(\.$person.$id == ownPersonID) }
        try actor.require(.viewPeople)
        let query = Enrolment.query(on: db).filter(try await self.partnerFilter(partnerFilter, Enrolment.schema))
        switch actor.reach {
        case .allInPartnerProgrammes, .participantsInPartnerProgrammes:
            return query
        case .assignedOnly:
            return assignedOnly(query)
        case .none, .ownFile:
            return query.filter(\.$id ~~ [UUID]())
        }
    }

    /// A participant's own person; an id no record has when the account names none.
    private var ownPersonID: UUID { actor.personID ?? UUID(uuidString: "00000000-0000-0000-0000-000000000000")! }

    /// Restricts a query that includes `enrolments` to the ones currently assigned to the actor.
    private func assignedOnly<M: Model>(_ query: QueryBuilder<M>) -> QueryBuilder<M> {
        query.join(GuidanceAssignment.self, on: \Enrolment.$id == \GuidanceAssignment.$enrolment.$id)
            .filter(GuidanceAssignment.self, \.$user.$id == actor.userID)
            .filter(GuidanceAssignment.self, \.$startsOn <= today.iso)
            .group(.or) {
                $0.filter(GuidanceAssignment.self, \.$endsOn == nil)
                    .filter(GuidanceAssignment.self, \.$endsOn >= today.iso)
            }
            .unique()
    }

    func candidacy(_ id: UUID?) async throws -> Candidacy {
        guard let id, let candidacy = try await candidacies(.subquery).filter(\.$id == id).first() else {
            throw AccessDenied.notFound
        }
        recorder?.record(candidacy.$person.id)
        return candidacy
    }

    /// The enrolment a record found by its own id belongs to. A role that sees no people gets
    /// "not found" like anyone else outside its reach: 403 here would tell that the record exists.
    func enrolmentOfRecord(_ id: UUID) async throws -> Enrolment {
        do { return try await enrolment(id) } catch AccessDenied.forbidden { throw AccessDenied.notFound }
    }

    func enrolment(_ id: UUID?) async throws -> Enrolment {
        guard let id, let enrolment = try await enrolments(.subquery).filter(\.$id == id).first() else {
            throw AccessDenied.notFound
        }
        recorder?.record(enrolment.$person.id)
        return enrolment
    }

    /// A person is visible when at least one of their candidacies is.
    func person(_ id: UUID?) async throws -> Person {
        guard let id, try await candidacies(.subquery).filter(\.$person.$id == id).first() != nil,
            let person = try await Person.find(id, on: db)
        else { throw AccessDenied.notFound }
        recorder?.record(id)
        return person
    }
}

extension Scope {
    /// The notes of a participant the actor may read, by their confidentiality level
    /// (`NotePolicy`): every page, API response and export of notes starts here.
    func notes(of enrolment: Enrolment) async throws -> QueryBuilder<Note> {
        let enrolmentID = try enrolment.requireID()
        guard NotePolicy.readsOthersNotes(roles: actor.roles) else {
            return Note.query(on: db).filter(\.$enrolment.$id == enrolmentID).filter(\.$author.$id == actor.userID)
        }
        let inTeam =
            try await GuidanceAssignment.query(on: db).filter(\.$enrolment.$id == enrolmentID)
            .filter(\.$user.$id == actor.userID).filter(\.$endsOn == nil).first() != nil
        return Note.query(on: db).filter(\.$enrolment.$id == enrolmentID).group(.or) { readable in
            readable.filter(\.$level ~~ [NoteLevel.partners, .participant])
                .filter(\.$author.$id == actor.userID)
                .group(.and) {
                    $0.filter(\.$level == NoteLevel.organisation).filter(
                        \.$authorOrganisation.$id == actor.organisationID)
                }
            if inTeam { readable.filter(\.$level == NoteLevel.team) }
        }
    }

    /// Names what of this person's file the request opened, where the route alone does not
    /// say it well ("dossier" rather than "list"). The row is written by `AccessLogMiddleware`.
    func logRead(of personID: UUID, view: AccessView) {
        recorder?.record(personID, view: view)
    }

    /// The same outside a request (a command): the row is written at once.
    func logRead(of personID: UUID, view: AccessView, at date: Date) async throws {
        if let recorder {
            recorder.record(personID, view: view)
        } else {
            try await AccessLogEntry(
                personID: personID, actorID: actor.userID, organisationID: actor.organisationID, view: view.rawValue,
                at: date
            ).create(on: db)
        }
    }

    /// Notes the people a list or report shows by name: seeing someone on a list is reading
    /// their personal data too.
    func logListed(_ personIDs: some Sequence<UUID>, view: AccessView? = nil) {
        recorder?.record(personIDs, view: view)
    }
}

/// The actor's partner programmes, read once in a request: every scope query starts from them,
/// and a coordinator's start page built thirteen such queries, each reading them again.
/// Publishing a version, the one write that changes them, forgets them.
final class PartnerProgrammesMemo: Sendable {
    private let box = NIOLockedValueBox<[UUID]?>(nil)

    var ids: [UUID]? {
        get { box.withLockedValue { $0 } }
        set { box.withLockedValue { $0 = newValue } }
    }

    private struct Key: StorageKey { typealias Value = PartnerProgrammesMemo }

    /// The request's memo, made at its first scope.
    static func of(_ req: Request) -> PartnerProgrammesMemo {
        if let memo = req.storage[Key.self] { return memo }
        let memo = PartnerProgrammesMemo()
        req.storage[Key.self] = memo
        return memo
    }
}

extension Request {
    func scope() throws -> Scope {
        Scope(
            actor: try requireActor(), db: db, today: clock.today, recorder: accessRecorder,
            partnerProgrammes: PartnerProgrammesMemo.of(self))
    }
}
