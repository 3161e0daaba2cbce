import Fluent
import Foundation
import OpstapDomain
import Testing
import Vapor
@testable import OpstapApp

/// The web programme editor, driven the way a browser drives it: every POST carries exactly
/// the fields the page rendered (read from its HTML), with what a coordinator types on top.
@Suite struct ProgrammeEditorTests {
    /// An empty install with one municipality, a school and a coordinator at the municipality.
    static func install(
        _ app: Application
    ) async throws -> (municipality: Organisation, school: Organisation, email: String) {
        let municipality = Organisation(
            name: "Gemeente Utrecht", kind: .municipality, city: "Utrecht")
        let school = Organisation(name: "ROC Midden Nederland", kind: .school, city: "Utrecht")
        try await municipality.create(on: app.db)
        try await school.create(on: app.db)
        let email = "regie@utrecht.test"
        try await User(
            organisationID: municipality.requireID(), email: email, name: "Regie Utrecht",
            passwordHash: try app.password.hash(DemoData.password), roles: [.coordinator]
        ).create(on: app.db)
        return (municipality, school, email)
    }

    func form(_ web: WebClient, _ path: String, action: String) async throws -> RenderedForm {
        let page = try await web.get(path)
        #expect(page.status == .ok, "GET \(path)")
        return try #require(RenderedForm(page.body.string, action: action), "form \(action) on \(path)")
    }

    /// Saves a new programme called `name` from the "new programme" form and opens its draft
    /// editor: the programme, the editor's path and its form.
    func newDraft(
        _ web: WebClient, _ app: Application, named name: String
    ) async throws -> (
        programme: Programme, path: String, form: RenderedForm
    ) {
        let new = try await form(web, "/programmes/new", action: "/programmes/new")
        new.set("name", name)
        #expect(try await web.post("/programmes/new", new.posted + [("action", "save")]).status == .seeOther)
        let programme = try #require(try await Programme.query(on: app.db).filter(\.$name == name).first())
        let path = "/programmes/\(try programme.requireID())/draft"
        return (programme, path, try await form(web, path, action: path))
    }

    @Test func aProgrammeBuiltFromNothingInTheEditorSavesAndPublishes() async throws {
        try await withOpstap(demo: false) { app in
            let (municipality, school, email) = try await Self.install(app)
            let web = try await WebClient.login(app, email)

            // 1. A new programme: name, a second partner, one phase with a schedule, a condition, an outcome.
            let new = try await form(web, "/programmes/new", action: "/programmes/new")
            #expect(new.set("name", "U-Match zorgroute"))
            #expect(new.set("partners[0].part", "regie"))
            #expect(new.set("partners[1].organisationId", school.id!.uuidString))
            #expect(new.set("partners[1].part", "school"))
            #expect(new.set("phases[0].code", "school"))
            #expect(new.set("phases[0].name", "School en taal"))
            #expect(new.set("phases[0].kind", "vocationalEducation"))
            #expect(new.set("phases[0].plannedWeeks", "40"))
            #expect(new.set("phases[0].hours.language", "8"))
            #expect(new.check("phases[0].days.language", "monday"))
            #expect(new.check("phases[0].days.language", "tuesday"))
            #expect(new.set("selectionCriteria[0].code", "verblijfsstatus"))
            #expect(new.set("selectionCriteria[0].name", "Verblijfsstatus past"))
            #expect(new.set("selectionCriteria[0].kind", "condition"))
            #expect(new.set("outcomes[0].code", "contract"))
            #expect(new.set("outcomes[0].name", "Contract na een jaar"))
            #expect(new.set("outcomes[0].kind", "contract"))
            #expect(new.set("outcomes[0].afterMonths", "12"))
            let created = try await web.post("/programmes/new", new.posted + [("action", "save")])
            #expect(created.status == .seeOther)
            let programme = try #require(
                try await Programme.query(on: app.db).filter(\.$name == "U-Match zorgroute").first())
            let draftPath = "/programmes/\(programme.id!)/draft"

            // 2. The draft again: a stream starting in the phase, and an internship day from week 22.
            let draft = try await form(web, draftPath, action: draftPath)
            #expect(draft.set("streams[0].code", "nieuwkomers"))
            #expect(draft.set("streams[0].name", "Nieuwkomers"))
            #expect(draft.set("streams[0].firstPhaseCode", "school"))
            #expect(draft.set("streams[0].phaseWeeks.school", "52"))
            #expect(draft.set("phases[0].laterPeriods[0].fromWeek", "22"))
            #expect(draft.set("phases[0].laterPeriods[0].hours.practice", "8"))
            #expect(draft.check("phases[0].laterPeriods[0].days.practice", "monday"))
            #expect(draft.set("phases[0].laterPeriods[0].hours.language", "4"))
            #expect(draft.check("phases[0].laterPeriods[0].days.language", "tuesday"))
            #expect(draft.set("ownerOrganisationId", municipality.id!.uuidString))
            let saved = try await web.post(draftPath, draft.posted + [("action", "save")])
            #expect(saved.status == .seeOther)

            // 3. Publish the draft exactly as it is shown.
            let publish = try await form(web, draftPath, action: draftPath)
            #expect(publish.set("changeNote", "Eerste versie"))
            let published = try await web.post(draftPath, publish.posted + [("action", "publish")])
            #expect(published.status == .seeOther)
            #expect(published.headers.first(name: .location) == "/programmes/\(programme.id!)")

            let version = try #require(
                try await ProgrammeVersion.query(on: app.db).filter(\.$programme.$id == programme.id!).first())
            #expect(version.number == 1)
            #expect(version.changeNote == "Eerste versie")
            let definition = version.definition
            #expect(
                definition.partners == [
                    Partner(organisationID: municipality.id!, part: "regie"),
                    Partner(organisationID: school.id!, part: "school"),
                ])
            #expect(definition.ownerOrganisationID == municipality.id!)
            #expect(
                definition.streams == [
                    Stream(
                        code: "nieuwkomers", name: "Nieuwkomers", firstPhaseCode: "school", phaseWeeks: ["school": 52])
                ])
            #expect(
                definition.phases == [
                    Phase(
                        code: "school", name: "School en taal", kind: .vocationalEducation, plannedWeeks: 40,
                        schedule: [ScheduleItem(activity: .language, hoursPerWeek: 8, days: [.monday, .tuesday])],
                        laterPeriods: [
                            SchedulePeriod(
                                fromWeek: 22,
                                schedule: [
                                    ScheduleItem(activity: .practice, hoursPerWeek: 8, days: [.monday]),
                                    ScheduleItem(activity: .language, hoursPerWeek: 4, days: [.tuesday]),
                                ])
                        ])
                ])
            #expect(
                definition.selectionCriteria == [
                    SelectionCriterion(code: "verblijfsstatus", name: "Verblijfsstatus past", kind: .condition)
                ])
            #expect(
                definition.outcomes == [
                    Outcome(code: "contract", name: "Contract na een jaar", kind: .contract, afterMonths: 12)
                ])

            // The programme page shows the published version, and a cohort can be created on it.
            let page = try await web.get("/programmes/\(programme.id!)")
            #expect(page.body.string.contains("U-Match zorgroute"))
            let cohort = try await form(
                web, "/programmes/\(programme.id!)", action: "/programmes/\(programme.id!)/cohorts")
            #expect(cohort.set("name", "Instroom september 2026"))
            #expect(cohort.set("startDate", "2026-09-07"))
            #expect(cohort.set("capacity", "15"))
            #expect(cohort.check("streams", "nieuwkomers"))
            let createdCohort = try await web.post("/programmes/\(programme.id!)/cohorts", cohort.posted)
            #expect(createdCohort.status == .seeOther)
            #expect(
                try await Cohort.query(on: app.db).filter(\.$name == "Instroom september 2026").first()?.streams == [
                    "nieuwkomers"
                ])
        }
    }

    @Test func aFieldProblemIsShownNextToTheFieldAndNothingIsPublished() async throws {
        try await withOpstap(demo: false) { app in
            let (_, _, email) = try await Self.install(app)
            let web = try await WebClient.login(app, email)
            let (programme, draftPath, draft) = try await newDraft(web, app, named: "Half af")
            draft.set("phases[0].code", "fase")
            draft.set("phases[0].name", "Fase")
            draft.set("phases[0].plannedWeeks", "10")
            draft.set("outcomes[0].code", "baan")
            draft.set("outcomes[0].name", "Baan")
            draft.set("outcomes[0].kind", "job")
            draft.set("outcomes[0].afterMonths", "6")
            let refused = try await web.post(draftPath, draft.posted + [("action", "publish")])
            #expect(refused.status == .badRequest)
            let html = refused.body.string
            #expect(html.contains("Dit veld hoort alleen bij een contract."))
            #expect(html.contains("name=\"outcomes[0].afterMonths\""))
            #expect(
                try await ProgrammeVersion.query(on: app.db).filter(\.$programme.$id == programme.id!).first() == nil)
        }
    }

    @Test func anUnknownKindIsRefusedNextToItsFieldInsteadOfBecomingOther() async throws {
        try await withOpstap(demo: false) { app in
            let (_, _, email) = try await Self.install(app)
            let web = try await WebClient.login(app, email)
            let (programme, draftPath, draft) = try await newDraft(web, app, named: "Soorten")
            draft.set("phases[0].code", "fase")
            draft.set("phases[0].name", "Fase")
            draft.set("phases[0].kind", "castle")
            draft.set("phases[0].plannedWeeks", "10")
            draft.set("selectionCriteria[0].code", "taal")
            draft.set("selectionCriteria[0].name", "Taal")
            draft.set("selectionCriteria[0].kind", "guess")
            draft.set("outcomes[0].code", "baan")
            draft.set("outcomes[0].name", "Baan")
            draft.set("outcomes[0].kind", "lottery")
            let refused = try await web.post(draftPath, draft.posted + [("action", "save")])
            #expect(refused.status == .badRequest)
            let html = refused.body.string
            // Each unknown kind is refused next to its own menu.
            for id in ["f-phases-0--kind", "f-selectionCriteria-0--kind", "f-outcomes-0--kind"] {
                #expect(html.contains("id=\"\(id)-error\""), "\(id)")
            }
            #expect(html.contains("Kies een van de mogelijkheden."))
            let stored = try #require(try await Programme.find(programme.id, on: app.db))
            #expect(stored.draft?.phases.isEmpty ?? true)
        }
    }

    @Test func aStaleFormTokenSaysThePageExpiredNotThatTheRoleIsMissing() async throws {
        try await withOpstap(demo: false) { app in
            let (_, _, email) = try await Self.install(app)
            let web = try await WebClient.login(app, email)
            let refused = try await web.post(
                "/programmes/new", [("name", "x"), ("phases[0].code", "a")], csrf: "verlopen")
            #expect(refused.status == .forbidden)
            #expect(
                refused.body.string.contains(
                    "Deze pagina stond te lang open of is verlopen: laad de pagina opnieuw en probeer het nog eens."))
            #expect(!refused.body.string.contains("Geen toegang"))
            #expect(try await Programme.query(on: app.db).first() == nil)
        }
    }

    @Test func theTokenIsReadFromAMultipartBodyWithAnyFieldNames() {
        let body =
            "--b\r\nContent-Disposition: form-data; name=\"rows[0].name\"\r\n\r\nx\r\n"
            + "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\nContent-Type: text/csv\r\n\r\n_csrf\r\n"
            + "--b\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\ntoken-123\r\n--b--\r\n"
        #expect(CSRFMiddleware.multipartField("_csrf", in: Array(body.utf8), boundary: "b") == "token-123")
        #expect(CSRFMiddleware.multipartField("_csrf", in: Array("--b\r\n\r\n--b--".utf8), boundary: "b") == nil)
    }
}
