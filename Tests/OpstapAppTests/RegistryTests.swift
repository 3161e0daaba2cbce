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
        try await withOpstap(demo: true) { app in
            let programme = try await DemoLookups(db: app.db).programme("Op je plek in de zorg").requireID()
            let api = try await APIClient.forUser(app, "coordinator.leiden@opstap.demo")
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
        try await withOpstap { app in
            let lookups = DemoLookups(db: app.db)
            let programme = try await lookups.programme("Op je plek in de zorg").requireID()
            let enrolment = try await lookups.enrolment(in: "Instroom september 2024", state: .inPhase)
            let existing = try #require(try await Person.find(enrolment.$person.id, on: app.db))
            let api = try await APIClient.forUser(app, "coordinator.leiden@opstap.demo")
            let response = try await api.send(
                .POST, "/api/v1/candidates",
                json: registration(programme, given: "Ander", family: "Mens", bsn: existing.bsn!))
            #expect(response.status == .conflict)
            #expect(try api.decode(APIProblem.self, response).duplicates?.first?.reason == "sameBSN")
        }
    }

    @Test func aReferralOfSomeoneKnownElsewhereIsLinkedByTheMunicipalitysIntakeOfficer() async throws {
        try await withOpstap { app in
            let lookups = DemoLookups(db: app.db)
            let kansrijk = try await lookups.programme("Kansrijk")
            // A Leiden candidate who was rejected is referred to Kansrijk by Tilburg, who cannot
            // see Leiden's people: the registration is held, and Tilburg's intake officer links it.
            let rejected = try await lookups.candidacy(
                in: "Op je plek in de zorg", stage: .decided, decision: .rejected)
            let person = try #require(try await Person.find(rejected.$person.id, on: app.db))
            let before = try await Person.query(on: app.db).count()
            let api = try await APIClient.forUser(app, "intake.kansrijk@opstap.demo")
            let body =
                #"{"givenName":"\#(person.givenName)","familyName":"\#(person.familyName)","dateOfBirth":"\#(person.dateOfBirth!)","programmeId":"\#(kansrijk.id!)","stream":"statushouders","referredOn":"2026-11-20"}"#
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
        try await withOpstap { app in
            let lookups = DemoLookups(db: app.db)
            let kansrijk = try await lookups.programme("Kansrijk")
            let leidenPerson = try await lookups.candidacy(in: "Op je plek in de zorg", stage: .selection).$person.id
            let api = try await APIClient.forUser(app, "coordinator.kansrijk@opstap.demo")
            let body =
                #"{"givenName":"Iemand","familyName":"Anders","dateOfBirth":"1990-01-01","programmeId":"\#(kansrijk.id!)","stream":"statushouders","referredOn":"2026-11-20","existingPersonId":"\#(leidenPerson)"}"#
            let response = try await api.send(.POST, "/api/v1/candidates", json: body)
            #expect(response.status == .badRequest)
            #expect(try api.decode(APIProblem.self, response).invalidParams?.map(\.name) == ["existingPersonId"])
            #expect(try await api.send(.GET, "/api/v1/persons/\(leidenPerson)").status == .notFound)
        }
    }

    @Test func anInvalidBSNIsRefusedNextToTheFieldWithEveryOtherProblem() async throws {
        try await withOpstap { app in
            let programme = try await DemoLookups(db: app.db).programme("Op je plek in de zorg").requireID()
            let api = try await APIClient.forUser(app, "coordinator.leiden@opstap.demo")
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
        try await withOpstap { app in
            let enrolment = try await DemoLookups(db: app.db).enrolment(in: "Instroom september 2024", state: .inPhase)
            let person = try #require(try await Person.find(enrolment.$person.id, on: app.db))
            #expect(person.bsn != nil && person.intake.benefit != nil)
            let municipality = try await APIClient.forUser(app, "coordinator.leiden@opstap.demo")
            let full = try municipality.decode(
                APIPerson.self, try await municipality.send(.GET, "/api/v1/persons/\(person.id!)"))
            #expect(full.bsn == person.bsn)
            #expect(full.intake.benefit == person.intake.benefit)
            for email in ["hr.leiden@opstap.demo", "docent.leiden@opstap.demo"] {
                let api = try await APIClient.forUser(app, email)
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
        try await withOpstap { app in
            let enrolment = try await DemoLookups(db: app.db).enrolment(in: "Instroom september 2024", state: .inPhase)
            let person = try #require(try await Person.find(enrolment.$person.id, on: app.db))
            let municipality = try await APIClient.forUser(app, "coordinator.leiden@opstap.demo")
            let found = try municipality.decode(
                APIPage<APICandidate>.self,
                try await municipality.send(.POST, "/api/v1/candidates/search", json: #"{"bsn":"\#(person.bsn!)"}"#))
            #expect(found.items.map(\.personId) == [person.id!])
            let school = try await APIClient.forUser(app, "docent.leiden@opstap.demo")
            #expect(
                try await school.send(.POST, "/api/v1/candidates/search", json: #"{"bsn":"\#(person.bsn!)"}"#).status
                    == .forbidden)
            // A BSN typed into the name field finds nothing for those who may not search by it.
            let hr = try await APIClient.forUser(app, "hr.leiden@opstap.demo")
            let none = try hr.decode(
                APIPage<APICandidate>.self,
                try await hr.send(.POST, "/api/v1/candidates/search", json: #"{"name":"\#(person.bsn!)"}"#))
            #expect(none.items.isEmpty)
        }
    }

    @Test func searchByNameIgnoresCaseAndAccents() async throws {
        try await withOpstap { app in
            let programme = try await DemoLookups(db: app.db).programme("Op je plek in de zorg").requireID()
            let api = try await APIClient.forUser(app, "coordinator.leiden@opstap.demo")
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
