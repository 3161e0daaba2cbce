import Fluent
import Foundation
import OpstapDomain
import Testing
import Vapor
@testable import OpstapApp

/// The partnership administration over the API: the same rules as the pages.
@Suite struct PartnershipAPITests {
    /// An installation with a steward and one partner, each with an API client for its administrator.
    private func partnership(
        _ app: Application
    ) async throws -> (installation: Installation, steward: APIClient, partnerID: UUID, partner: APIClient) {
        let installation = try await Installation.setUp(app)
        let (partnerID, _) = try await installation.partner(
            "Zorg Noord", kind: .careEmployer, email: "beheer@zorgnoord.nl")
        return (
            installation, try await APIClient.forUser(app, "beheer@voorbeeld.nl"), partnerID,
            try await APIClient.forUser(app, "beheer@zorgnoord.nl")
        )
    }

    private func problem(_ api: APIClient, _ response: HTTPResult) throws -> APIProblem {
        #expect(response.headers.contentType?.description.hasPrefix("application/problem+json") == true)
        return try api.decode(APIProblem.self, response)
    }

    @Test func aStewardRegistersAnOrganisationAndInvitesItsAdministrator() async throws {
        try await withOpstap(demo: false) { app in
            let (_, steward, _, partner) = try await partnership(app)
            let created = try await steward.send(
                .POST, "/api/v1/organisations",
                json: #"{"name":"Ministerie van Voorbeeld","kind":"funder","city":"Den Haag"}"#)
            #expect(created.status == .created)
            let organisation = try steward.decode(APIOrganisation.self, created)
            #expect(organisation.kind == .funder && organisation.name == "Ministerie van Voorbeeld")
            #expect(created.headers.first(name: .location) == "/api/v1/organisations/\(organisation.id)")

            let invited = try await steward.send(
                .POST, "/api/v1/organisations/\(organisation.id)/invitations",
                json: #"{"email":"Beheer@Ministerie.nl","roles":["administrator"]}"#)
            #expect(invited.status == .created)
            let invitation = try steward.decode(APIInvitation.self, invited)
            let code = try #require(invitation.code)
            #expect(
                invitation.email == "beheer@ministerie.nl" && invitation.roles == [.administrator]
                    && invitation.acceptPath == "/invite/\(code)")
            #expect(invitation.expiresAt == testToday.date.addingTimeInterval(7 * 24 * 3600))
            let listed = try steward.decode(
                APIPage<APIInvitation>.self,
                try await steward.send(.GET, "/api/v1/organisations/\(organisation.id)/invitations"))
            #expect(listed.items.map(\.email) == ["beheer@ministerie.nl"] && listed.items.allSatisfy { $0.code == nil })
            _ = try await Installation.accept(app, code: code, name: "Beheer Ministerie")

            // A funder's administrator manages staff but sees no individual.
            let funder = try await APIClient.forUser(app, "beheer@ministerie.nl")
            #expect(try await funder.send(.GET, "/api/v1/enrolments").status == .forbidden)

            // A partner is not a steward.
            #expect(
                try await partner.send(.POST, "/api/v1/organisations", json: #"{"name":"X","kind":"other","city":"Y"}"#)
                    .status == .forbidden)
            #expect(
                try await partner.send(
                    .POST, "/api/v1/organisations/\(organisation.id)/invitations",
                    json: #"{"email":"x@y.nl","roles":["administrator"]}"#
                ).status == .forbidden)
            #expect(
                try await partner.send(
                    .PUT, "/api/v1/organisations/\(organisation.id)", json: #"{"name":"X","kind":"other","city":"Y"}"#
                ).status == .forbidden)
            #expect(
                try await partner.send(.GET, "/api/v1/organisations/\(organisation.id)/invitations").status
                    == .forbidden)
            #expect(
                try await steward.send(
                    .PUT, "/api/v1/organisations/\(UUID())", json: #"{"name":"X","kind":"other","city":"Y"}"#
                ).status == .notFound)
        }
    }

    @Test func badOrganisationInputIsAProblemNamingEachField() async throws {
        try await withOpstap(demo: false) { app in
            let (_, steward, partnerID, _) = try await partnership(app)
            let bad = try await steward.send(
                .POST, "/api/v1/organisations", json: #"{"name":"","kind":"castle","city":""}"#)
            #expect(bad.status == .badRequest)
            #expect(try problem(steward, bad).invalidParams?.map(\.name).sorted() == ["city", "kind", "name"])
            let missing = try await steward.send(.POST, "/api/v1/organisations", json: #"{"name":"X"}"#)
            #expect(missing.status == .badRequest)
            let invite = try await steward.send(
                .POST, "/api/v1/organisations/\(partnerID)/invitations",
                json: #"{"email":"beheer@zorgnoord.nl","roles":[]}"#)
            #expect(try problem(steward, invite).invalidParams?.map(\.code).sorted() == ["atLeastOne", "emailTaken"])
            let updated = try await steward.send(
                .PUT, "/api/v1/organisations/\(partnerID)",
                json: #"{"name":"Zorg Noord BV","kind":"careEmployer","city":"Breda"}"#)
            #expect(try steward.decode(APIOrganisation.self, updated).name == "Zorg Noord BV")
        }
    }

    @Test func anAdministratorManagesOwnStaffOnly() async throws {
        try await withOpstap(demo: false) { app in
            let (_, steward, _, partner) = try await partnership(app)
            let created = try await partner.send(
                .POST, "/api/v1/users",
                json:
                    #"{"email":"coach@zorgnoord.nl","name":"Coach Noord","roles":["coach"],"password":"een-lang-genoeg-wachtwoord"}"#
            )
            #expect(created.status == .created)
            let coach = try partner.decode(APIUser.self, created)
            #expect(coach.roles == [.coach] && coach.active)
            let bad = try await partner.send(
                .POST, "/api/v1/users", json: #"{"email":"geen","name":"","roles":["king"],"password":"kort"}"#)
            #expect(
                try problem(partner, bad).invalidParams?.map(\.name).sorted() == ["email", "name", "password", "roles"])

            let roles = try await partner.send(
                .PUT, "/api/v1/users/\(coach.id)/roles", json: #"{"roles":["coach","workSupervisor"]}"#)
            #expect(try partner.decode(APIUser.self, roles).roles == [.coach, .workSupervisor])
            let coachAPI = try await APIClient.forUser(app, "coach@zorgnoord.nl")
            #expect(try await coachAPI.send(.GET, "/api/v1/users").status == .ok)
            let deactivated = try await partner.send(.POST, "/api/v1/users/\(coach.id)/deactivate")
            #expect(try partner.decode(APIUser.self, deactivated).active == false)
            #expect(try await coachAPI.send(.GET, "/api/v1/users").status == .unauthorized)
            let inactive = try partner.decode(
                APIPage<APIUser>.self, try await partner.send(.GET, "/api/v1/users?active=false"))
            #expect(inactive.items.map(\.email) == ["coach@zorgnoord.nl"])
            #expect(try await coachAPI.send(.GET, "/api/v1/users").status == .unauthorized)
            #expect(
                try partner.decode(APIUser.self, try await partner.send(.POST, "/api/v1/users/\(coach.id)/reactivate"))
                    .active)

            // Another organisation's administrator: 404 for every id route, 403 for the inactive list.
            #expect(
                try await steward.send(.PUT, "/api/v1/users/\(coach.id)/roles", json: #"{"roles":["coach"]}"#).status
                    == .notFound)
            #expect(try await steward.send(.POST, "/api/v1/users/\(coach.id)/deactivate").status == .notFound)
            #expect(try await steward.send(.POST, "/api/v1/users/\(coach.id)/reactivate").status == .notFound)
            // Reactivation does not revive revoked tokens; a new one works.
            #expect(try await coachAPI.send(.GET, "/api/v1/users").status == .unauthorized)
            let coachAgain = try await APIClient.forUser(app, "coach@zorgnoord.nl")
            #expect(try await coachAgain.send(.GET, "/api/v1/users?active=false").status == .forbidden)
            #expect(try await coachAgain.send(.POST, "/api/v1/users/\(coach.id)/deactivate").status == .forbidden)
            let own = try await partner.send(
                .POST, "/api/v1/users/\(try await APIClientIDs.user(app, "beheer@zorgnoord.nl"))/deactivate")
            #expect(try problem(partner, own).invalidParams?.map(\.code) == ["notForOwnAccount"])
        }
    }

    @Test func locationsOverTheAPIHaveAKindAndStayWithinTheOrganisation() async throws {
        try await withOpstap(demo: false) { app in
            let (_, steward, _, partner) = try await partnership(app)
            let created = try await partner.send(
                .POST, "/api/v1/locations",
                json:
                    #"{"name":"Afdeling Noord","kind":"hospitalWard","address":"Houtlaan 1","postcode":"2334ck","city":"Leiden"}"#
            )
            #expect(created.status == .created)
            let location = try partner.decode(APILocationDetail.self, created)
            #expect(location.kind == .hospitalWard && location.postcode == "2334 CK" && location.placesToday == 0)
            #expect(
                try await partner.send(
                    .POST, "/api/v1/locations/\(location.id)/places", json: #"{"startsOn":"2026-11-01","places":4}"#
                ).status == .noContent)
            let read = try partner.decode(
                APILocationDetail.self, try await partner.send(.GET, "/api/v1/locations/\(location.id)"))
            #expect(read.placesToday == 4 && read.periods.map(\.places) == [4])
            let updated = try await partner.send(
                .PUT, "/api/v1/locations/\(location.id)",
                json:
                    #"{"name":"Afdeling Zuid","kind":"residential","address":"Houtlaan 2","postcode":"2334 CK","city":"Leiden"}"#
            )
            #expect(try partner.decode(APILocationDetail.self, updated).kind == .residential)
            let list = try partner.decode(
                APIPage<APILocationPlaces>.self, try await partner.send(.GET, "/api/v1/locations?pageSize=10"))
            #expect(list.items.map(\.name) == ["Afdeling Zuid"] && list.items.first?.kind == .residential)
            let bad = try await partner.send(
                .POST, "/api/v1/locations",
                json: #"{"name":"","kind":"castle","address":"","postcode":"0000","city":""}"#)
            #expect(
                try problem(partner, bad).invalidParams?.map(\.name).sorted() == [
                    "address", "city", "kind", "name", "postcode",
                ])
            #expect(try await steward.send(.GET, "/api/v1/locations/\(location.id)").status == .notFound)
            #expect(
                try await steward.send(
                    .PUT, "/api/v1/locations/\(location.id)",
                    json: #"{"name":"X","kind":"office","address":"X","postcode":"2334 CK","city":"X"}"#
                ).status == .notFound)
        }
    }

    @Test func aCoordinatorAssignsAndEndsTeamMembersOverTheAPI() async throws {
        try await withOpstap { app in
            let lookups = DemoLookups(db: app.db)
            let enrolment = try await lookups.enrolment(in: "Instroom oktober 2026", state: .inPhase)
            let coach = try await lookups.user("coach.kansrijk@opstap.demo")
            let api = try await APIClient.forUser(app, "coordinator.kansrijk@opstap.demo")
            let before = try api.decode(
                APIPage<APITeamAssignment>.self, try await api.send(.GET, "/api/v1/enrolments/\(enrolment.id!)/team"))
            let assigned = try await api.send(
                .POST, "/api/v1/enrolments/\(enrolment.id!)/team",
                json: #"{"userId":"\#(coach.id!)","role":"coach","startsOn":"2026-11-22"}"#)
            #expect(assigned.status == .created)
            let assignment = try api.decode(APITeamAssignment.self, assigned)
            #expect(
                assignment.userId == coach.id && assignment.role == .coach && assignment.current
                    && assignment.endsOn == nil)
            let team = try api.decode(
                APIPage<APITeamAssignment>.self,
                try await api.send(.GET, "/api/v1/enrolments/\(enrolment.id!)/team?pageSize=100"))
            #expect(team.total == before.total + 1)
            // The previous coach's assignment ended the day before.
            #expect(team.items.filter { $0.role == .coach && $0.id != assignment.id }.allSatisfy { $0.endsOn != nil })

            let early = try await api.send(
                .POST, "/api/v1/enrolments/\(enrolment.id!)/team/\(assignment.id)/end",
                json: #"{"endsOn":"2026-01-01"}"#)
            #expect(try api.decode(APIProblem.self, early).invalidParams?.map(\.code) == ["beforeStart"])
            let ended = try api.decode(
                APITeamAssignment.self,
                try await api.send(
                    .POST, "/api/v1/enrolments/\(enrolment.id!)/team/\(assignment.id)/end",
                    json: #"{"endsOn":"2026-11-30"}"#))
            #expect(ended.endsOn == SimpleDate("2026-11-30"))
            let twice = try await api.send(
                .POST, "/api/v1/enrolments/\(enrolment.id!)/team/\(assignment.id)/end",
                json: #"{"endsOn":"2026-12-01"}"#)
            #expect(try api.decode(APIProblem.self, twice).invalidParams?.map(\.code) == ["alreadyConcluded"])

            let badRole = try await api.send(
                .POST, "/api/v1/enrolments/\(enrolment.id!)/team",
                json: #"{"userId":"\#(coach.id!)","role":"reporting","startsOn":"2026-11-22"}"#)
            #expect(try api.decode(APIProblem.self, badRole).invalidParams?.map(\.name) == ["role"])

            // Another organisation's coordinator does not see this participant.
            let other = try await APIClient.forUser(app, "coordinator.leiden@opstap.demo")
            #expect(try await other.send(.GET, "/api/v1/enrolments/\(enrolment.id!)/team").status == .notFound)
            #expect(
                try await other.send(
                    .POST, "/api/v1/enrolments/\(enrolment.id!)/team",
                    json: #"{"userId":"\#(coach.id!)","role":"coach","startsOn":"2026-11-22"}"#
                ).status == .notFound)
            #expect(
                try await other.send(
                    .POST, "/api/v1/enrolments/\(enrolment.id!)/team/\(assignment.id)/end",
                    json: #"{"endsOn":"2026-12-01"}"#
                ).status == .notFound)
            // An assignment id of another participant is 404 too.
            let otherEnrolment = try #require(
                try await Enrolment.query(on: app.db).filter(\.$cohort.$id == enrolment.$cohort.id)
                    .filter(\.$id != enrolment.id!).first())
            #expect(
                try await api.send(
                    .POST, "/api/v1/enrolments/\(otherEnrolment.id!)/team/\(assignment.id)/end",
                    json: #"{"endsOn":"2026-12-01"}"#
                ).status == .notFound)
        }
    }
}

enum APIClientIDs {
    static func user(_ app: Application, _ email: String) async throws -> UUID {
        try #require(try await User.query(on: app.db).filter(\.$email == email).first()?.id)
    }
}
