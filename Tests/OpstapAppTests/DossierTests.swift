import Fluent
import Foundation
import OpstapDomain
import OpstapViews
import Testing
import Vapor
@testable import OpstapApp

/// The dossier reads as a file: a summary card with figures equal to the records, parts
/// reachable from an in-page menu, the state-changing acts behind "Volgende stap" on pages of
/// their own, and after a form the focus back on the part it changed, with a confirmation
/// that names what was saved for whom.
@Suite struct DossierTests {
    /// A participant in the first phase of their stream, with the partnership's coach in their team.
    func participant(_ p: inout TestPartnership) async throws -> (Enrolment, Person) {
        let enrolment = try await p.participant(team: [.coach])
        return (enrolment, try await enrolment.$person.get(on: p.app.db))
    }

    /// The summary card's markup: from the overview part to the next part.
    func summaryCard(_ page: String) throws -> String {
        let start = try #require(page.range(of: "id=\"overview\""))
        let end = try #require(page.range(of: "id=\"hours\"", range: start.upperBound..<page.endIndex))
        return String(page[start.lowerBound..<end.lowerBound])
    }

    @Test func theSummaryCardShowsWhatTheRecordsSay() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let (enrolment, _) = try await participant(&p)
            let id = try enrolment.requireID()
            // Hours up to Friday, so the hours figures are not all zero.
            try await p.hours(for: enrolment)
            // A team member with a phone number, and a contact moment the day before yesterday.
            let assignment = try #require(
                try await GuidanceAssignment.query(on: app.db).filter(\.$enrolment.$id == id).filter(\.$endsOn == nil)
                    .with(\.$user).first())
            assignment.user.phone = "06 1234 5678"
            try await assignment.user.save(on: app.db)
            let api = try await p.api(.coach)
            let note = try await api.send(
                .POST, "/api/v1/enrolments/\(id)/notes",
                json: #"{"text":"Gebeld over het rooster","level":"team","contactOn":"2026-11-21"}"#)
            #expect(note.status == .created)

            let page = try await p.web(.coach).get("/participants/\(id)").body.string
            let card = try summaryCard(page)
            // It comes before every other part.
            #expect(page.range(of: "id=\"overview\"")!.lowerBound < page.range(of: "id=\"journal\"")!.lowerBound)
            #expect(card.contains("<time datetime=\"2026-11-21\""), "last contact")
            #expect(card.contains(assignment.user.name))
            #expect(card.contains("href=\"tel:0612345678\">06 1234 5678</a>"))

            // Hours against expected: the figures the hours part is computed from.
            let version = try #require(try await ProgrammeVersion.find(enrolment.$programmeVersion.id, on: app.db))
            let hours = try await HoursOverview.load(
                for: enrolment, definition: version.definition, today: testToday, on: app.db
            ).totals
            let t = Translator(.nl)
            // Registered (submitted or approved) is the hours signal's figure; approved is the table's.
            let registered =
                try await CohortHours.approvedHours(
                    of: [id], statuses: [.approved, .submitted], until: testToday, on: app.db)[
                    id]?.total ?? 0
            #expect(
                card.contains(
                    t(
                        .dossierHoursFigure, t.count(Int(registered.rounded())),
                        t.count(Int(hours.expectedToDate.rounded())), t.count(Int(hours.actualToDate.rounded())))))

            // Open tasks: the count of the participant's open tasks, linked to the list.
            let open = try await GuidanceTask.query(on: app.db).filter(\.$enrolment.$id == id)
                .filter(\.$status == TaskStatus.open).count()
            if open > 0 {
                #expect(card.contains("<a href=\"#tasks\">\(t.count(open))</a>"))
            } else {
                #expect(card.contains(t(.dossierNoOpenTasks)))
            }
            // Phase and the next review.
            #expect(card.contains(try #require(enrolment.phaseCode.flatMap { version.definition.phase($0)?.name })))
            #expect(card.contains(t(.dossierNextReview)))
        }
    }

    @Test func theInPageMenuReachesEveryPartAndNoStepFormIsOnTheDossier() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let (enrolment, _) = try await participant(&p)
            let id = try enrolment.requireID()
            let page = try await p.web(.coach).get("/participants/\(id)").body.string
            let menu = try #require(page.components(separatedBy: "<nav class=\"in-page\"").dropFirst().first)
                .components(separatedBy: "</nav>")[0]
            let targets = menu.components(separatedBy: "href=\"#").dropFirst().map { String($0.prefix { $0 != "\"" }) }
            #expect(targets == ["overview", "hours", "placements", "progress", "journal", "life", "person"])
            for target in targets {
                // Each part exists once and can take focus when its fragment is opened.
                #expect(page.components(separatedBy: "id=\"\(target)\"").count == 2, "\(target)")
                let tag = try #require(
                    page.components(separatedBy: "id=\"\(target)\"").first?.components(
                        separatedBy: "<"
                    ).last)
                let element = tag + (page.components(separatedBy: "id=\"\(target)\"")[1].prefix { $0 != ">" })
                #expect(element.contains("tabindex=\"-1\""), "\(target): \(element)")
            }
            // Acts that change the participant's state are links to pages of their own.
            #expect(!page.contains("action=\"/participants/\(id)/transitions\""))
            let card = try summaryCard(page)
            #expect(card.contains("href=\"/participants/\(id)/step/pause\""))
            #expect(card.contains("href=\"/participants/\(id)/step/withdraw\""))
        }
    }

    @Test func aStepOpensItsOwnFormKeepsWhatWasTypedAndReturnsToTheOverview() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let (enrolment, person) = try await participant(&p)
            let id = try enrolment.requireID()
            let web = try await p.web(.coach)
            let step = try await web.get("/participants/\(id)/step/pause")
            #expect(step.status == .ok)
            #expect(step.body.string.contains("<h1>Pauzeren: \(person.fullName)</h1>"))
            #expect(
                step.body.string.components(separatedBy: "<form method=\"post\" action=\"/participants").count == 2,
                "one form")
            // A step the state does not allow is not there.
            #expect(try await web.get("/participants/\(id)/step/resume").status == .notFound)
            #expect(try await web.get("/participants/\(id)/step/enrol").status == .notFound)

            // An error: the reason typed is kept, the date wiped by the error is named.
            let reason = "Ziek, \"herstel\" & rust"
            let wrong = try await web.post(
                "/participants/\(id)/transitions",
                [("kind", "pause"), ("reason", reason), ("plannedReturn", "31-02-2027"), ("date", testToday.iso)])
            #expect(wrong.status == .badRequest)
            let wrongPage = wrong.body.string
            #expect(wrongPage.contains("<h1>Pauzeren: \(person.fullName)</h1>"))
            #expect(wrongPage.contains("Ziek, &quot;herstel&quot; &amp; rust</textarea>"))
            #expect(wrongPage.contains("value=\"31-02-2027\""), "the typed date stays to be corrected")
            #expect(try await Enrolment.find(id, on: app.db)?.state == .inPhase)

            // Done: back on the dossier's overview, with a confirmation naming the act and the person.
            let done = try await web.post(
                "/participants/\(id)/transitions",
                [("kind", "pause"), ("reason", reason), ("plannedReturn", "2027-01-11"), ("date", testToday.iso)])
            #expect(done.status == .seeOther)
            #expect(done.headers.first(name: .location) == "/participants/\(id)#overview")
            let dossier = try await web.get("/participants/\(id)").body.string
            let card = try summaryCard(dossier)
            #expect(
                card.contains("<p class=\"flash\" role=\"status\">Pauzeren: vastgelegd voor \(person.fullName).</p>"))
            #expect(dossier.components(separatedBy: "class=\"flash\"").count == 2, "shown once, in its part")
            #expect(try await Enrolment.find(id, on: app.db)?.state == .paused)
        }
    }

    @Test func aNoteLandsInTheJournalWithItsConfirmationAndAnErrorKeepsTheText() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let (enrolment, person) = try await participant(&p)
            let id = try enrolment.requireID()
            let web = try await p.web(.coach)
            let wrong = try await web.post(
                "/participants/\(id)/notes", [("text", "Bezoek thuis"), ("level", "team"), ("contactOn", "32-11-2026")])
            #expect(wrong.status == .badRequest)
            #expect(wrong.body.string.contains(">Bezoek thuis</textarea>"))
            #expect(wrong.body.string.contains("<details class=\"form-fold\" id=\"add-note\" open=\"\">"))

            let saved = try await web.post(
                "/participants/\(id)/notes", [("text", "Bezoek thuis"), ("level", "team"), ("contactOn", "20-11-2026")])
            #expect(saved.headers.first(name: .location) == "/participants/\(id)#journal")
            let page = try await web.get("/participants/\(id)").body.string
            let journal = try #require(page.components(separatedBy: "id=\"journal\"").dropFirst().first)
            #expect(journal.contains("Notitie opgeslagen bij \(person.fullName)."))
            #expect(try summaryCard(page).contains("<time datetime=\"2026-11-20\""), "the last contact follows")
        }
    }

    @Test func aUserOfAnotherOrganisationFindsNoStepPage() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let other = try await TestPartnership.make(app, name: "Ander")
            let (enrolment, _) = try await participant(&p)
            // The other partnership's coach; the teacher of the participant's own programme.
            let outsider = try await other.web(.coach)
            #expect(try await outsider.get("/participants/\(enrolment.id!)/step/pause").status == .notFound)
            let teacher = try await p.web(.teacher)
            #expect(try await teacher.get("/participants/\(enrolment.id!)/step/pause").status == .forbidden)
        }
    }

    @Test func theAttentionListFlagsSomeNotAllAndItsHoursFiguresAreTheDossiers() async throws {
        try await withOpstap { app in
            for (coordinator, programme) in [
                ("coordinator.kansrijk@opstap.demo", "Kansrijk"),
                ("coordinator.leiden@opstap.demo", "Op je plek in de zorg"),
            ] {
                let programmeID = try await DemoLookups(db: app.db).programme(programme).requireID()
                let running = try await Enrolment.query(on: app.db).filter(\.$programme.$id == programmeID)
                    .filter(\.$state ~~ Attention.runningStates).all(\.$id)
                let api = try await APIClient.forUser(app, coordinator)
                let flagged = try api.decode(
                    APIPage<APIAttention>.self, try await api.send(.GET, "/api/v1/attention?pageSize=100")
                ).items.filter { running.contains($0.enrolmentId) }
                // Some need attention, not everyone: a list that flags all cries wolf.
                #expect(!flagged.isEmpty, "\(programme)")
                #expect(
                    flagged.count * 2 <= running.count, "\(programme): \(flagged.count) of \(running.count) flagged")
                // Nobody is flagged for a count of days or hours since a start years ago.
                for item in flagged {
                    for signal in item.signals {
                        #expect(![SignalKind.noContactYet].contains(signal.kind), "\(programme): \(signal.text)")
                    }
                }
                // The one falling behind on hours: the signal's figures are the dossier's.
                let behind = try #require(
                    flagged.first { $0.signals.contains { $0.kind == .hoursBehind } }, "\(programme)")
                let signal = try #require(behind.signals.first { $0.kind == .hoursBehind })
                let page = try await WebClient.login(app, coordinator).get("/participants/\(behind.enrolmentId)")
                let card = try summaryCard(page.body.string)
                let t = Translator(.nl)
                #expect(card.contains(t(.dossierHoursWindow, signal.figures[4])))
                #expect(card.contains(t(.dossierHoursWindowFigure, signal.figures[0], signal.figures[1])), "\(card)")
            }
        }
    }

    @Test func everyOtherActIsAFoldedFormThatVolgendeStapNames() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let (enrolment, _) = try await participant(&p)
            let id = try enrolment.requireID()
            // The coordinator may do everything on a running file: place, plan, assign, write.
            let page = try await p.web(.coordinator).get("/participants/\(id)")
                .body.string
            let folds = [
                "add-placement", "set-status", "add-task", "plan-review", "add-goal", "add-note",
                "add-team-member",
            ]
            for fold in folds {
                // Each form is there once, folded, under a summary that names the act.
                #expect(page.contains("<details class=\"form-fold\" id=\"\(fold)\"><summary>"), "\(fold)")
            }
            #expect(!page.contains("class=\"form-fold\" id=\"add-placement\" open"), "nothing stands open")
            // "Volgende stap" names each act and links to its form.
            let card = try summaryCard(page)
            let steps = try #require(card.components(separatedBy: "<details class=\"next-step\">").dropFirst().first)
                .components(separatedBy: "</details>")[0]
            let t = Translator(.nl)
            for (label, fold) in [
                (t(.addPlacement), "add-placement"), (t(.scheduleReview), "plan-review"), (t(.addGoal), "add-goal"),
                (t(.ragChange), "set-status"), (t(.newTask), "add-task"), (t(.addNote), "add-note"),
                (t(.assign), "add-team-member"),
            ] {
                #expect(steps.contains("<a href=\"#\(fold)\">\(label)</a>"), "\(label)")
            }
            #expect(steps.contains("href=\"/participants/\(id)/step/pause\""))

            // A placement refused for a missing field comes back open, with the error in it.
            let wrong = try await p.web(.coordinator).post(
                "/participants/\(id)/placements", [("startsOn", "2026-12-01"), ("hoursPerWeek", "16")])
            #expect(wrong.status == .badRequest)
            #expect(wrong.body.string.contains("<details class=\"form-fold\" id=\"add-placement\" open=\"\">"))
        }
    }

    @Test func theSignalsNameTheirProgrammesThresholdsAndWhereTheyAreSet() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let other = try await TestPartnership.make(app, name: "Ander")
            let (enrolment, _) = try await participant(&p)
            let id = try enrolment.requireID()
            let version = try await enrolment.$programmeVersion.get(on: app.db)
            let guidance = version.definition.guidance
            let coach = try await p.web(.coach)
            let t = Translator(.nl)
            let attendance = t(
                .signalRuleAttendance, String(Int((guidance.attendanceThreshold * 100).rounded())),
                String(guidance.attendanceWeeks))
            let noContact = t(.signalRuleNoContact, String(guidance.noContactDays))

            // On the dossier: the rules of the participant's own programme version, linked.
            let card = try summaryCard(try await coach.get("/participants/\(id)").body.string)
            #expect(card.contains(attendance) && card.contains(noContact), "\(card)")
            let versionHref = "/programmes/\(enrolment.$programme.id.uuidString)/versions/\(version.number)"
            #expect(card.contains("href=\"\(versionHref)#signal-settings\""))
            let versionPage = try await coach.get(versionHref).body.string
            #expect(versionPage.contains("id=\"signal-settings\""))
            #expect(versionPage.contains(attendance))

            // Under the attention list: the same words per programme in the coach's reach.
            let attention = try await coach.get("/attention").body.string
            #expect(attention.contains(t(.signalRulesTitle)))
            let programme = try await enrolment.$programme.get(on: app.db)
            let current = try #require(
                try await ProgrammeVersion.query(on: app.db).filter(\.$programme.$id == programme.requireID())
                    .filter(\.$number == programme.currentVersion ?? 0).first())
            #expect(
                attention.contains(
                    t(
                        .signalRuleHoursBehind,
                        String(Int((current.definition.guidance.hoursBehindShare * 100).rounded())),
                        String(current.definition.guidance.attendanceWeeks))))
            let programmeHref = "/programmes/\(try programme.requireID().uuidString)"
            #expect(attention.contains("href=\"\(programmeHref)#signal-settings\""))
            #expect(try await coach.get(programmeHref).body.string.contains("id=\"signal-settings\""))
            // Nobody of another partnership sees the rules of a programme they do not run.
            #expect(attention.contains(programme.name))
            #expect(!attention.contains(other.programme.name))
        }
    }
}
