import Fluent
import Foundation
import OpstapDomain
import Vapor
@testable import OpstapApp

/// Finds demo records by what a user would know them by.
struct DemoLookups {
    let db: any Database

    func programme(_ name: String) async throws -> Programme {
        try await Programme.query(on: db).filter(\.$name == name).first()!
    }

    func cohort(_ name: String) async throws -> Cohort {
        try await Cohort.query(on: db).filter(\.$name == name).first()!
    }

    func candidacy(
        in programme: String, stage: CandidacyStage, decision: SelectionDecision? = nil
    ) async throws -> Candidacy {
        let programme = try await self.programme(programme)
        let query = Candidacy.query(on: db).filter(\.$programme.$id == programme.id!).filter(\.$stage == stage)
        if let decision { query.filter(\.$decision == decision) }
        return try await query.sort(\.$referredOn).first()!
    }

    func enrolment(in cohort: String, state: EnrolmentState, stream: String = "statushouders") async throws -> Enrolment
    {
        let cohort = try await self.cohort(cohort)
        return try await Enrolment.query(on: db).filter(\.$cohort.$id == cohort.id!).filter(\.$state == state)
            .filter(\.$stream == stream).sort(\.$id).first()!
    }

    func user(_ email: String) async throws -> User {
        try await User.query(on: db).filter(\.$email == email).first()!
    }

    /// Scores every criterion of a candidacy in selection at the criterion's minimum + 1.
    func scoreAll(_ candidacy: Candidacy, app: Application, by email: String) async throws {
        let actor = try await self.actor(email)
        let operations = CandidateOperations(scope: Scope(actor: actor, db: db, today: testToday), now: Date())
        for criterion in try await operations.definition(for: candidacy).selectionCriteria {
            try await operations.assess(
                candidacy, criterion: criterion.code, score: min(criterion.maxScore, criterion.minimumScore + 1),
                note: "")
        }
    }

    func actor(_ email: String) async throws -> Actor {
        let user = try await User.query(on: db).filter(\.$email == email).with(\.$organisation).first()!
        return try Actor(user: user, organisation: user.organisation)
    }

    func scope(_ email: String) async throws -> Scope {
        Scope(actor: try await actor(email), db: db, today: testToday)
    }
}
