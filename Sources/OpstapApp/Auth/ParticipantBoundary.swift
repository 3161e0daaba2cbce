import Fluent
import Foundation
import OpstapDomain
import OpstapViews
import Vapor

/// Keeps staff pages and participants' own pages apart (ADR 0015). To a participant every
/// staff page and staff API route is "not found", whatever id it names, so no route can show
/// them anyone else; their own pages live under `/mijn` and `/api/v1/me`. Staff get "not
/// found" on those in turn: a participant's pages read their own file, not someone's.
struct StaffOnlyMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let actor = request.actor, actor.isParticipant {
            // The start page of a participant is their own week.
            if request.url.path == Paths.home() { return request.redirect(to: Paths.ownWeek()) }
            throw AccessDenied.notFound
        }
        return try await next.respond(to: request)
    }
}

struct ParticipantOnlyMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let actor = request.actor, actor.isParticipant, let personID = actor.personID else {
            throw AccessDenied.notFound
        }
        // Ending the enrolment ends access at once, as deactivating the account does.
        guard try await ParticipantAccess.isOpen(for: personID, on: request.db) else {
            request.webSession.destroy()
            throw AccessDenied.forbidden
        }
        return try await next.respond(to: request)
    }
}

enum ParticipantAccess {
    /// A participant may sign in while one of their enrolments runs (not withdrawn, not
    /// completed). A restriction of processing does not end it: seeing one's own data is
    /// the right of access, not processing by staff.
    static func isOpen(for personID: UUID, on db: any Database) async throws -> Bool {
        try await running(Enrolment.query(on: db).filter(\.$person.$id == personID)).first() != nil
    }

    /// Enrolments neither withdrawn nor completed.
    static func running(_ query: QueryBuilder<Enrolment>) -> QueryBuilder<Enrolment> {
        query.filter(\.$state !~ [EnrolmentState.withdrawn, .completed])
    }
}
