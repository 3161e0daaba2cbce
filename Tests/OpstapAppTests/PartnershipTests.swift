import Fluent
import Foundation
import OpstapDomain
import Testing
import Vapor
@testable import OpstapApp

/// A real installation from an empty database: setup, partner organisations, invitations,
/// staff and locations, through the pages.
@Suite struct PartnershipTests {
    @Test func theSetupPageNeedsTheTokenAndCreatesTheFirstOrganisationAndAdministrator() async throws {
        try await withOpstap(demo: false) { app in
            let token = try await app.setupToken.issue()
            let (cookie, csrf) = try await Installation.anonymous(app, "/setup")
            let fields: [(String, String)] = [
                ("_csrf", csrf), ("organisationName", "Gemeente Voorbeeld"), ("kind", "municipality"),
                ("city", "Leiden"),
                ("name", "Eerste Beheerder"), ("email", "beheer@voorbeeld.nl"), ("password", Installation.password),
            ]
            let missing = try await Installation.post(app, "/setup", cookie: cookie, fields: fields)
            #expect(missing.status == .badRequest)
            #expect(missing.body.string.contains("De inrichtingscode klopt niet."))
            let wrong = try await Installation.post(
                app, "/setup", cookie: cookie, fields: fields + [("token", token + "x")])
            #expect(wrong.status == .badRequest)
            #expect(try await Organisation.query(on: app.db).count() == 0)
            let done = try await Installation.post(app, "/setup", cookie: cookie, fields: fields + [("token", token)])
            #expect(done.status == .seeOther)
            let organisation = try #require(try await Organisation.query(on: app.db).first())
            #expect(
                organisation.name == "Gemeente Voorbeeld" && organisation.kind == .municipality && organisation.steward
            )
            let admin = try #require(try await User.query(on: app.db).filter(\.$email == "beheer@voorbeeld.nl").first())
            #expect(admin.roles == [.administrator] && admin.$organisation.id == organisation.id)
            // Signed in at once, and the administration is theirs.
            let web = try await Installation.signedIn(app, cookie: WebClient.sessionCookie(done.headers) ?? cookie)
            #expect(try await web.get("/admin").body.string.contains("Medewerkers van Gemeente Voorbeeld"))
            // Setup happens once: the page is gone, even with the old token.
            #expect(try await send(app, .GET, "/setup").status == .notFound)
            let (later, laterCSRF) = try await Installation.anonymous(app, "/login")
            #expect(
                try await Installation.post(
                    app, "/setup", cookie: later,
                    fields: [("_csrf", laterCSRF)] + fields.dropFirst() + [("token", token)]
                ).status == .notFound)
            #expect(try await !app.setupToken.matches(token))
        }
    }

    @Test func theSetupPageRefusesBadInputNextToTheFields() async throws {
        try await withOpstap(demo: false) { app in
            let token = try await app.setupToken.issue()
            let (cookie, csrf) = try await Installation.anonymous(app, "/setup?token=\(token)")
            let response = try await Installation.post(
                app, "/setup", cookie: cookie,
                fields: [
                    ("_csrf", csrf), ("token", token), ("organisationName", ""), ("kind", "castle"), ("city", "Leiden"),
                    ("name", "X"), ("email", "geen-adres"), ("password", "kort"),
                ])
            #expect(response.status == .badRequest)
            for text in ["Vul dit in.", "Het wachtwoord moet minstens 12 tekens hebben."] {
                #expect(response.body.string.contains(text), "\(text)")
            }
            #expect(try await Organisation.query(on: app.db).count() == 0)
            #expect(try await app.setupToken.matches(token))
        }
    }

    @Test func theSetupCommandCreatesTheFirstOrganisationOnceAndNoDemoAccounts() async throws {
        try await withOpstap(demo: false) { app in
            setenv("OPSTAP_PASSWORD", Installation.password, 1)
            func run(_ arguments: [String]) async throws {
                var context = CommandContext(
                    console: app.console, input: CommandInput(arguments: ["opstap"] + arguments))
                context.application = app
                let command = try #require(app.asyncCommands.commands["setup"])
                try await command.run(using: &context)
            }
            try await run([
                "--organisation", "Gemeente Voorbeeld", "--kind", "municipality", "--city", "Leiden",
                "--email", "Beheer@Voorbeeld.nl", "--name", "Eerste Beheerder",
            ])
            let organisation = try #require(try await Organisation.query(on: app.db).first())
            #expect(organisation.name == "Gemeente Voorbeeld" && organisation.steward)
            #expect(try await User.query(on: app.db).all().map(\.email) == ["beheer@voorbeeld.nl"])
            _ = try await WebClient.login(app, "beheer@voorbeeld.nl", password: Installation.password)
            await #expect(throws: OpstapApp.CommandError.self) {
                try await run([
                    "--organisation", "Tweede", "--kind", "school", "--city", "Leiden", "--email", "twee@voorbeeld.nl",
                    "--name", "Twee",
                ])
            }
            #expect(try await Organisation.query(on: app.db).all().map(\.name) == ["Gemeente Voorbeeld"])
        }
    }

    @Test func aStewardRegistersPartnersWhoseAdministratorsAcceptAnInvitation() async throws {
        try await withOpstap(demo: false) { app in
            let installation = try await Installation.setUp(app)
            let (mboID, mbo) = try await installation.partner(
                "Kennis & Co", kind: .knowledgeInstitution, email: "beheer@kennis.nl")
            let user = try #require(try await User.query(on: app.db).filter(\.$email == "beheer@kennis.nl").first())
            #expect(
                user.$organisation.id == mboID && user.roles == [.administrator] && user.name == "Beheer Kennis & Co")
            #expect(try await Organisation.find(mboID, on: app.db)?.kind == .knowledgeInstitution)
            // The partner's administrator runs their own organisation, not the partnership.
            let page = try await mbo.get("/admin")
            #expect(page.status == .ok && page.body.string.contains("Medewerkers van Kennis &amp; Co"))
            #expect(
                try await mbo.post(
                    "/admin/organisations", [("organisationName", "Nog een"), ("kind", "other"), ("city", "Breda")]
                ).status == .forbidden)
            #expect(try await mbo.get("/admin/organisations/\(installation.organisationID)").status == .forbidden)
            #expect(try await mbo.get("/admin/organisations/\(mboID)").status == .ok)
            // …and invites its own staff.
            let code = try await installation.invite(
                into: mboID, email: "onderzoeker@kennis.nl", roles: [.reporting], by: mbo)
            _ = try await Installation.accept(app, code: code, name: "Onderzoeker")
            #expect(
                try await User.query(on: app.db).filter(\.$email == "onderzoeker@kennis.nl").first()?.roles == [
                    .reporting
                ])
        }
    }

    @Test func anInvitationWorksOnceAndExpiresAfterSevenDays() async throws {
        try await withOpstap(demo: false) { app in
            let installation = try await Installation.setUp(app)
            let code = try await installation.invite(
                into: installation.organisationID, email: "coach@voorbeeld.nl", roles: [.coach])
            #expect(try await Invitation.query(on: app.db).first()?.codeHash == APITokens.hash(code))
            #expect(try await send(app, .GET, "/invite/\(code)").body.string.contains("coach@voorbeeld.nl"))
            _ = try await Installation.accept(app, code: code, name: "Coach")
            let again = try await send(app, .GET, "/invite/\(code)")
            #expect(
                again.status == .notFound
                    && again.body.string.contains("Deze uitnodiging bestaat niet of is al gebruikt."))
            let (cookie, csrf) = try await Installation.anonymous(app, "/login")
            let second = try await Installation.post(
                app, "/invite/\(code)", cookie: cookie,
                fields: [("_csrf", csrf), ("name", "Ander"), ("password", Installation.password)])
            #expect(second.status == .notFound)
            #expect(try await User.query(on: app.db).filter(\.$email == "coach@voorbeeld.nl").count() == 1)

            let late = try await installation.invite(
                into: installation.organisationID, email: "laat@voorbeeld.nl", roles: [.buddy])
            app.clock = .fixed(testToday.adding(days: 8))
            let expired = try await send(app, .GET, "/invite/\(late)")
            #expect(expired.status == .gone && expired.body.string.contains("Deze uitnodiging is verlopen."))
            let refused = try await Installation.post(
                app, "/invite/\(late)", cookie: cookie,
                fields: [("_csrf", csrf), ("name", "Laat"), ("password", Installation.password)])
            #expect(refused.status == .gone)
            #expect(try await User.query(on: app.db).filter(\.$email == "laat@voorbeeld.nl").count() == 0)
        }
    }

    @Test func anAdministratorChangesRolesAndDeactivationEndsSessionsAndTokensAtOnce() async throws {
        try await withOpstap(demo: false) { app in
            let installation = try await Installation.setUp(app)
            let code = try await installation.invite(
                into: installation.organisationID, email: "coach@voorbeeld.nl", roles: [.coach])
            let coach = try await Installation.accept(app, code: code, name: "Coach")
            let coachUser = try #require(
                try await User.query(on: app.db).filter(\.$email == "coach@voorbeeld.nl").first())
            let api = try await APIClient.forUser(app, "coach@voorbeeld.nl")
            #expect(
                try await installation.admin.post(
                    "/admin/users/\(coachUser.id!)/roles", [("roles", "coach"), ("roles", "buddy")]
                ).status == .seeOther)
            #expect(try await User.find(coachUser.id, on: app.db)?.roles == [.coach, .buddy])
            #expect(try await installation.admin.post("/admin/users/\(coachUser.id!)/roles", []).status == .badRequest)

            #expect(
                try await installation.admin.post("/admin/users/\(coachUser.id!)/active", [("active", "0")]).status
                    == .seeOther)
            let signedOut = try await coach.get("/account")
            #expect(signedOut.status == .seeOther && signedOut.headers.first(name: .location) == "/login")
            #expect(try await api.send(.GET, "/api/v1/users").status == .unauthorized)
            let (cookie, csrf) = try await Installation.anonymous(app, "/login")
            let login = try await Installation.post(
                app, "/login", cookie: cookie,
                fields: [("_csrf", csrf), ("email", "coach@voorbeeld.nl"), ("password", Installation.password)])
            #expect(login.status == .unauthorized)

            // Reactivated: signing in works again; the revoked token stays revoked.
            #expect(
                try await installation.admin.post("/admin/users/\(coachUser.id!)/active", [("active", "1")]).status
                    == .seeOther)
            _ = try await WebClient.login(app, "coach@voorbeeld.nl", password: Installation.password)
            #expect(try await api.send(.GET, "/api/v1/users").status == .unauthorized)
        }
    }

    @Test func administratorsKeepTheirOwnAdministration() async throws {
        try await withOpstap(demo: false) { app in
            let installation = try await Installation.setUp(app)
            let admin = try #require(try await User.query(on: app.db).first())
            #expect(
                try await installation.admin.post("/admin/users/\(admin.id!)/roles", [("roles", "coach")]).body.string
                    .contains("Dit kunt u niet bij uw eigen account doen."))
            _ = try await installation.admin.post("/admin/users/\(admin.id!)/active", [("active", "0")])
            #expect(try await User.find(admin.id, on: app.db)?.active == true)
            #expect(try await User.find(admin.id, on: app.db)?.roles == [.administrator])
        }
    }

    @Test func locationsHaveAKindAndBelongToOneOrganisation() async throws {
        try await withOpstap(demo: false) { app in
            let installation = try await Installation.setUp(app)
            let (_, employer) = try await installation.partner(
                "Schoonmaak BV", kind: .employerOutsideCare, email: "beheer@schoon.nl")
            let bad = try await employer.post(
                "/admin/locations",
                [
                    ("locationName", "Werkplaats"), ("locationKind", "castle"), ("address", "Straat 1"),
                    ("postcode", "ABCD"), ("locationCity", "Tilburg"),
                ])
            #expect(bad.status == .badRequest)
            #expect(bad.body.string.contains("f-locationKind-error"))
            #expect(
                try await employer.post(
                    "/admin/locations",
                    [
                        ("locationName", "Werkplaats"), ("locationKind", "office"), ("address", "Straat 1"),
                        ("postcode", "5038ab"), ("locationCity", "Tilburg"),
                    ]
                ).status == .seeOther)
            let location = try #require(try await Location.query(on: app.db).filter(\.$name == "Werkplaats").first())
            #expect(location.kind == .office && location.postcode == "5038 AB")
            #expect(
                try await employer.post(
                    "/admin/locations/\(location.id!)",
                    [
                        ("locationName", "Werkplaats Noord"), ("locationKind", "dayActivities"),
                        ("address", "Straat 2"), ("postcode", "5038 AB"), ("locationCity", "Tilburg"),
                    ]
                ).status == .seeOther)
            let changed = try #require(try await Location.find(location.id, on: app.db))
            #expect(
                changed.name == "Werkplaats Noord" && changed.kind == .dayActivities && changed.address == "Straat 2")
            // Another organisation's administrator — even the steward — cannot see or change it.
            #expect(try await installation.admin.get("/admin/locations/\(location.id!)").status == .notFound)
            #expect(
                try await installation.admin.post(
                    "/admin/locations/\(location.id!)",
                    [
                        ("locationName", "Van mij"), ("locationKind", "office"), ("address", "X 1"),
                        ("postcode", "5038 AB"), ("locationCity", "Tilburg"),
                    ]
                ).status == .notFound)
        }
    }

    @Test func staffPagesOfAnotherOrganisationAreNotFound() async throws {
        try await withOpstap(demo: false) { app in
            let installation = try await Installation.setUp(app)
            let (partnerID, partner) = try await installation.partner(
                "Zorg Noord", kind: .careEmployer, email: "beheer@zorgnoord.nl")
            let partnerAdmin = try #require(
                try await User.query(on: app.db).filter(\.$email == "beheer@zorgnoord.nl").first())
            let steward = try #require(
                try await User.query(on: app.db).filter(\.$email == "beheer@voorbeeld.nl").first())
            #expect(try await installation.admin.get("/admin/users/\(partnerAdmin.id!)").status == .notFound)
            #expect(
                try await installation.admin.post("/admin/users/\(partnerAdmin.id!)/roles", [("roles", "coach")]).status
                    == .notFound)
            #expect(try await partner.post("/admin/users/\(steward.id!)/active", [("active", "0")]).status == .notFound)
            #expect(
                try await partner.post(
                    "/admin/organisations/\(installation.organisationID)",
                    [("organisationName", "Overgenomen"), ("kind", "other"), ("city", "X")]
                ).status == .forbidden)
            #expect(
                try await partner.post(
                    "/admin/organisations/\(installation.organisationID)/invitations",
                    [("email", "x@y.nl"), ("roles", "administrator")]
                ).status == .forbidden)
            // The steward may correct a partner's details.
            #expect(
                try await installation.admin.post(
                    "/admin/organisations/\(partnerID)",
                    [("organisationName", "Zorg Noord BV"), ("kind", "careEmployer"), ("city", "Breda")]
                ).status == .seeOther)
            #expect(try await Organisation.find(partnerID, on: app.db)?.name == "Zorg Noord BV")
        }
    }

    @Test func aCoordinatorEndsATeamAssignmentOnTheDossier() async throws {
        try await withOpstap { app in
            let enrolment = try await DemoLookups(db: app.db).enrolment(in: "Instroom oktober 2026", state: .inPhase)
            let assignment = try #require(
                try await GuidanceAssignment.query(on: app.db).filter(\.$enrolment.$id == enrolment.id!)
                    .filter(\.$endsOn == nil).sort(\.$id).first())
            let other = try await WebClient.login(app, "coordinator.leiden@opstap.demo")
            #expect(
                try await other.post(
                    "/participants/\(enrolment.id!)/team/\(assignment.id!)/end", [("endsOn", "2026-11-30")]
                ).status == .notFound)
            let coordinator = try await WebClient.login(app, "coordinator.kansrijk@opstap.demo")
            #expect(
                try await coordinator.get("/participants/\(enrolment.id!)").body.string.contains(
                    "/team/\(assignment.id!)/end"))
            let early = try await coordinator.post(
                "/participants/\(enrolment.id!)/team/\(assignment.id!)/end", [("endsOn", "2000-01-01")])
            #expect(early.status == .badRequest)
            #expect(
                try await coordinator.post(
                    "/participants/\(enrolment.id!)/team/\(assignment.id!)/end", [("endsOn", "2026-11-30")]
                ).status == .seeOther)
            #expect(try await GuidanceAssignment.find(assignment.id, on: app.db)?.endsOn == "2026-11-30")
        }
    }
}
