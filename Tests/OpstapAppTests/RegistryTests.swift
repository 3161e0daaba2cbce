import Fluent
import Foundation
import OpstapDomain
import Testing
import Vapor
@testable import OpstapApp

/// Duplicate detection, BSN validation and who may see or search BSNs.
@Suite struct RegistryTests {
    func registration(
        _ programme: UUID, given: String = "Yonas", family: String = "Haile", birth: String = "1993-03-03",
        bsn: String = "", extra: String = ""
    ) -> String {
        #"{"givenName":"\#(given)","familyName":"\#(family)","dateOfBirth":"\#(birth)","gender":"man","bsn":"\#(bsn)","programmeId":"\#(programme)","stream":"statushouders","referredOn":"2026-11-20"\#(extra)}"#
    }

    @Test func aLikelyDuplicateIsReportedAndOnlyStoredWhenConfirmed() async throws {
        try await withOpstap(demo: false) { app in
            let p = try await TestPartnership.make(app)
            let programme = try p.programme.requireID()
            let api = try await p.api(.coordinator)
            #expect(try await api.send(.POST, "/api/v1/candidates", json: registration(programme)).status == .created)
            let before = try await Person.query(on: app.db).count()

            let again = try await api.send(
                .POST, "/api/v1/candidates", json: registration(programme, given: "YONAS", family: "Hailé"))
            #expect(again.status == .conflict)
            let problem = try api.decode(APIProblem.self, again)
            #expect(problem.duplicates?.map(\.reason) == ["sameNameAndDateOfBirth"])
            #expect(try await Person.query(on: app.db).count() == before)

            let confirmed = try await api.send(
                .POST, "/api/v1/candidates",
                json: registration(programme, given: "YONAS", family: "Hailé", extra: #","confirmNotDuplicate":true"#))
            #expect(confirmed.status == .created)
            #expect(try await Person.query(on: app.db).count() == before + 1)
        }
    }

    @Test func theSameBSNIsAlwaysADuplicate() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let programme = try p.programme.requireID()
            let enrolment = try await p.participant()
            let existing = try #require(try await Person.find(enrolment.$person.id, on: app.db))
            try #require(existing.bsn != nil)
            let api = try await p.api(.coordinator)
            let response = try await api.send(
                .POST, "/api/v1/candidates",
                json: registration(programme, given: "Ander", family: "Mens", bsn: existing.bsn!))
            #expect(response.status == .conflict)
            #expect(try api.decode(APIProblem.self, response).duplicates?.first?.reason == "sameBSN")
        }
    }

    @Test func aReferralOfSomeoneKnownElsewhereIsLinkedByTheMunicipalitysIntakeOfficer() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let other = try await TestPartnership.make(app, name: "Ander")
            // A candidate of this partnership who was rejected is referred to the other
            // partnership's programme, whose people cannot see this one's: the registration is
            // held, and the other partnership's intake officer links it.
            let rejected = try await p.candidate(upTo: .decided, decision: .rejected)
            let person = try #require(try await Person.find(rejected.$person.id, on: app.db))
            let before = try await Person.query(on: app.db).count()
            let api = try await other.api(.intakeOfficer)
            let body =
                #"{"givenName":"\#(person.givenName)","familyName":"\#(person.familyName)","dateOfBirth":"\#(person.dateOfBirth!)","programmeId":"\#(other.programme.id!)","stream":"statushouders","referredOn":"2026-11-20"}"#
            let response = try await api.send(.POST, "/api/v1/candidates", json: body)
            #expect(response.status == .accepted)
            let held = try api.decode(APIHeldRegistration.self, response)
            let shown = try api.decode(
                APIHeldRegistration.self, try await api.send(.GET, "/api/v1/held-registrations/\(held.id)"))
            #expect(shown.matches?.map(\.personId) == [person.id!])
            let resolved = try await api.send(
                .POST, "/api/v1/held-registrations/\(held.id)/resolution",
                json: #"{"outcome":"samePerson","personId":"\#(person.id!)"}"#)
            #expect(resolved.status == .ok)
            let candidacyID = try #require(try api.decode(APIHeldRegistration.self, resolved).candidacyId)
            #expect(try await Candidacy.find(candidacyID, on: app.db)?.$person.id == person.id)
            #expect(try await Person.query(on: app.db).count() == before)
        }
    }

    @Test func anIdAloneCannotLinkAPersonOutsideTheRegistrantsView() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let other = try await TestPartnership.make(app, name: "Ander")
            // A person of this partnership, named by id by the other partnership's coordinator.
            let leidenPerson = try await p.candidate(upTo: .selection).$person.id
            let api = try await other.api(.coordinator)
            let body =
                #"{"givenName":"Iemand","familyName":"Anders","dateOfBirth":"1990-01-01","programmeId":"\#(other.programme.id!)","stream":"statushouders","referredOn":"2026-11-20","existingPersonId":"\#(leidenPerson)"}"#
            let response = try await api.send(.POST, "/api/v1/candidates", json: body)
            #expect(response.status == .badRequest)
            #expect(try api.decode(APIProblem.self, response).invalidParams?.map(\.name) == ["existingPersonId"])
            #expect(try await api.send(.GET, "/api/v1/persons/\(leidenPerson)").status == .notFound)
        }
    }

    @Test func anInvalidBSNIsRefusedNextToTheFieldWithEveryOtherProblem() async throws {
        try await withOpstap(demo: false) { app in
            let p = try await TestPartnership.make(app)
            let programme = try p.programme.requireID()
            let api = try await p.api(.coordinator)
            let response = try await api.send(
                .POST, "/api/v1/candidates",
                json: registration(programme, family: "", birth: "2030-01-01", bsn: "123456789"))
            #expect(response.status == .badRequest)
            let params = try api.decode(APIProblem.self, response).invalidParams ?? []
            #expect(Set(params.map(\.name)) == ["familyName", "dateOfBirth", "bsn"])
            #expect(params.first { $0.name == "bsn" }?.reason == "Dit is geen geldig BSN (9 cijfers, elfproef).")
        }
    }

    @Test func onlyTheMunicipalitySeesTheBSNBenefitsAndCivicIntegration() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let enrolment = try await p.participant()
            let person = try #require(try await Person.find(enrolment.$person.id, on: app.db))
            #expect(person.bsn != nil && person.intake.benefit != nil && person.intake.civicIntegration.route != nil)
            let municipality = try await p.api(.coordinator)
            let full = try municipality.decode(
                APIPerson.self, try await municipality.send(.GET, "/api/v1/persons/\(person.id!)"))
            #expect(full.bsn == person.bsn)
            #expect(full.intake.benefit == person.intake.benefit)
            // The care employer's HR and the school's teacher see every participant of the programme.
            for role in [Role.employerHR, .teacher] {
                let email = p.email(role)
                let api = try await p.api(role)
                let response = try await api.send(.GET, "/api/v1/persons/\(person.id!)")
                #expect(response.status == .ok, "\(email)")
                #expect(!response.body.string.contains("\"bsn\""), "\(email)")
                let seen = try api.decode(APIPerson.self, response)
                #expect(
                    seen.intake.benefit == nil && seen.intake.civicIntegration.route == nil
                        && seen.intake.household == nil, "\(email)")
            }
        }
    }

    @Test func searchingByBSNIsForTheMunicipalityOnlyAndNeverInAURL() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            // Two participants with a BSN each: the search must pick the one whose BSN it was given.
            let enrolment = try await p.participant()
            let other = try await p.participant()
            let someoneElse = try #require(try await Person.find(other.$person.id, on: app.db))
            let person = try #require(try await Person.find(enrolment.$person.id, on: app.db))
            try #require(person.bsn != nil && someoneElse.bsn != nil && person.bsn != someoneElse.bsn)
            let municipality = try await p.api(.coordinator)
            let found = try municipality.decode(
                APIPage<APICandidate>.self,
                try await municipality.send(.POST, "/api/v1/candidates/search", json: #"{"bsn":"\#(person.bsn!)"}"#))
            #expect(found.items.map(\.personId) == [person.id!])
            let school = try await p.api(.teacher)
            #expect(
                try await school.send(.POST, "/api/v1/candidates/search", json: #"{"bsn":"\#(person.bsn!)"}"#).status
                    == .forbidden)
            // A BSN typed into the name field finds nothing for those who may not search by it.
            let hr = try await p.api(.employerHR)
            let none = try hr.decode(
                APIPage<APICandidate>.self,
                try await hr.send(.POST, "/api/v1/candidates/search", json: #"{"name":"\#(person.bsn!)"}"#))
            #expect(none.items.isEmpty)
        }
    }

    @Test func searchByNameIgnoresCaseAndAccents() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            // Someone else registered too: the search must leave them out.
            _ = try await p.candidate()
            let programme = try p.programme.requireID()
            let api = try await p.api(.coordinator)
            #expect(
                try await api.send(
                    .POST, "/api/v1/candidates",
                    json: registration(programme, given: "Zoë", family: "Ünal", birth: "1999-09-09")
                ).status == .created)
            let found = try api.decode(
                APIPage<APICandidate>.self,
                try await api.send(.POST, "/api/v1/candidates/search", json: #"{"name":"zoe unal"}"#))
            #expect(found.items.map(\.name) == ["Zoë Ünal"])
        }
    }
}
