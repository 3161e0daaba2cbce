import Fluent
import Foundation
import OpstapDomain
import Testing
import Vapor
@testable import OpstapApp

@Suite struct AdministrationTests {
    @Test func anAdministratorCreatesAStaffAccountThatCanSignIn() async throws {
        try await withOpstap(demo: false) { app in
            let p = try await TestPartnership.make(app)
            let admin = try await p.web(.administrator)
            let created = try await admin.post(
                "/admin/users",
                [
                    ("name", "Nieuwe Coach"), ("email", "Nieuw@Leiden.example"), ("roles", "coach"), ("roles", "buddy"),
                    ("password", "lang-genoeg-wachtwoord"),
                ])
            #expect(created.status == .seeOther)
            let user = try #require(try await User.query(on: app.db).filter(\.$email == "nieuw@leiden.example").first())
            #expect(user.roles == [.coach, .buddy])
            #expect(
                user.$organisation.id
                    == (p.user(.administrator)).$organisation.id)
            _ = try await WebClient.login(app, "nieuw@leiden.example", password: "lang-genoeg-wachtwoord")
        }
    }

    @Test func aStaffAccountNeedsAFreeAddressARoleAndALongPassword() async throws {
        try await withOpstap(demo: false) { app in
            let p = try await TestPartnership.make(app)
            let admin = try await p.web(.administrator)
            let response = try await admin.post(
                "/admin/users", [("name", "X"), ("email", p.email(.coach)), ("password", "kort")])
            #expect(response.status == .badRequest)
            for text in [
                "Dit e-mailadres is al in gebruik.", "Kies of vul er minstens één in.",
                "Het wachtwoord moet minstens 12 tekens hebben.",
            ] {
                #expect(response.body.string.contains(text), "\(text)")
            }
        }
    }

    @Test func aDeactivatedAccountCannotSignInOrUseItsToken() async throws {
        try await withOpstap(demo: false) { app in
            let p = try await TestPartnership.make(app)
            // Intake is staff of the municipality, like the administrator.
            let staff = p.user(.intakeOfficer)
            let api = try await p.api(.intakeOfficer)
            let admin = try await p.web(.administrator)
            #expect(try await admin.post("/admin/users/\(staff.id!)/active", [("active", "0")]).status == .seeOther)
            #expect(try await api.send(.GET, "/api/v1/enrolments").status == .unauthorized)
            #expect(try await User.find(staff.id, on: app.db)?.active == false)
        }
    }

    @Test func administratorsManageOnlyTheirOwnOrganisationsStaff() async throws {
        try await withOpstap(demo: false) { app in
            let p = try await TestPartnership.make(app)
            let coach = p.user(.coach)
            let otherAdmin = try await TestPartnership.make(app, name: "Ander").web(.administrator)
            #expect(
                try await otherAdmin.post("/admin/users/\(coach.id!)/active", [("active", "0")]).status == .notFound)
            let coordinator = try await p.web(.coordinator)
            #expect(try await coordinator.get("/admin").status == .forbidden)
            #expect(
                try await coordinator.post("/admin/users/\(coach.id!)/active", [("active", "0")]).status == .forbidden)
        }
    }

    @Test func anAdministratorRegistersAnOrganisationAndALocation() async throws {
        try await withOpstap(demo: false) { app in
            let p = try await TestPartnership.make(app)
            let admin = try await p.web(.administrator)
            #expect(
                try await admin.post(
                    "/admin/organisations",
                    [
                        ("organisationName", "Woonstichting Voorbeeld"), ("kind", "housingCorporation"),
                        ("city", "Tilburg"),
                    ]
                ).status == .seeOther)
            #expect(
                try await Organisation.query(on: app.db).filter(\.$name == "Woonstichting Voorbeeld").first()?.kind
                    == .housingCorporation)
            let bad = try await admin.post(
                "/admin/locations",
                [
                    ("locationName", "Locatie Noord"), ("address", "Straat 1"), ("postcode", "ABCD"),
                    ("locationCity", "Tilburg"),
                ])
            #expect(bad.status == .badRequest)
            #expect(
                try await admin.post(
                    "/admin/locations",
                    [
                        ("locationName", "Locatie Noord"), ("locationKind", "dayActivities"), ("address", "Straat 1"),
                        ("postcode", "5038 ab"), ("locationCity", "Tilburg"),
                    ]
                ).status == .seeOther)
            let location = try await Location.query(on: app.db).filter(\.$name == "Locatie Noord").first()
            #expect(location?.postcode == "5038 AB" && location?.kind == .dayActivities)
        }
    }

    @Test func aUserChangesTheirPasswordOnlyWithTheCurrentOne() async throws {
        try await withOpstap(demo: false) { app in
            let p = try await TestPartnership.make(app)
            let web = try await p.web(.buddy)
            let wrong = try await web.post(
                "/account/password", [("current", "fout"), ("new", "een-nieuw-lang-wachtwoord")])
            #expect(wrong.status == .badRequest)
            #expect(wrong.body.string.contains("Het huidige wachtwoord klopt niet."))
            #expect(
                try await web.post(
                    "/account/password", [("current", TestPartnership.password), ("new", "een-nieuw-lang-wachtwoord")]
                ).status == .seeOther)
            _ = try await WebClient.login(app, p.email(.buddy), password: "een-nieuw-lang-wachtwoord")
        }
    }
}
