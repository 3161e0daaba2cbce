import Foundation
import OpstapDomain
import SnapshotTesting
import Testing
@testable import OpstapViews

/// Pages rendered from fixed view models (`PageFixtures`) against committed text snapshots in
/// `__Snapshots__/PageSnapshotTests/`. A changed page fails here with its diff; when the change
/// is meant, delete the snapshot file and run the test once to record it anew, then read the
/// new file before committing it.
@Suite struct PageSnapshotTests {
    typealias F = PageFixtures

    @Test func signIn() {
        let context = PageContext(locale: .nl, user: nil, csrfToken: "csrf-fixed")
        assertSnapshot(of: LoginPage.render(context, email: "", failed: false), as: .html, named: "empty")
        assertSnapshot(
            of: LoginPage.render(context, email: "coach@voorbeeld.nl", failed: true), as: .html, named: "failed")
    }

    @Test func errorPages() {
        let context = F.staff([.coach])
        assertSnapshot(of: ErrorPage.render(context, status: 403), as: .html, named: "403")
        assertSnapshot(of: ErrorPage.render(context, status: 404), as: .html, named: "404")
        assertSnapshot(of: ErrorPage.expired(context), as: .html, named: "expired")
    }

    @Test func startPageOfACoach() {
        var model = HomeModel(funnels: nil, ownParticipants: [F.participant], roleNames: ["Coach"])
        model.work = [
            WorkGroup(
                kind: .tasksDue, total: 1,
                items: [WorkItem(subject: "Rooster bespreken", href: "/tasks", date: "2026-11-25")], allHref: "/tasks"),
            WorkGroup(
                kind: .reviewsToPlan, total: 1,
                items: [WorkItem(subject: "Ali Qasim", href: "/participants/\(F.enrolmentID.uuidString)#reviews")]),
        ]
        model.attention = [F.attentionItem]
        model.taskDueOn = "2026-11-25"
        assertSnapshot(of: HomePage.render(F.staff([.coach]), model), as: .html)
    }

    @Test func attentionList() {
        let page = ResultPage(items: [F.attentionItem], number: 1, size: 50, total: 1)
        assertSnapshot(
            of: AttentionPage.render(
                F.staff([.coach]), page, asOf: F.today, isToday: true, taskDueOn: "2026-11-25", rules: [F.rules]),
            as: .html)
    }

    @Test func dossier() {
        assertSnapshot(of: DossierPage.render(F.staff([.coordinator]), F.dossier()), as: .html, named: "coordinator")
        // After a note: the confirmation sits in the journal, which takes focus.
        let afterNote = F.staff([.coordinator], flash: "Notitie opgeslagen bij Ali Qasim.", section: "journal")
        assertSnapshot(of: DossierPage.render(afterNote, F.dossier()), as: .html, named: "after-a-note")
    }

    @Test func stepPageWithAnError() {
        let model = TransitionStepModel(
            enrolmentID: F.enrolmentID, personName: "Ali Qasim", kind: .pause, phaseToStart: nil, outcomes: [],
            today: F.today, typed: ["plannedReturn": "2027-01-11"], errors: [FieldError("reason", .required)])
        assertSnapshot(of: TransitionStepPage.render(F.staff([.coach]), model), as: .html)
    }

    @Test func confirmationBeforeWithdrawing() {
        let model = ConfirmationModel(
            question: "Ali Qasim uitschrijven?", consequences: ["Het traject stopt op 22 nov. 2026."],
            action: "/participants/\(F.enrolmentID.uuidString)/transitions",
            fields: [("kind", "withdraw"), ("exitReason", "work"), ("date", F.today)], confirmLabel: "Ja, uitschrijven",
            backHref: "/participants/\(F.enrolmentID.uuidString)/step/withdraw")
        assertSnapshot(of: ConfirmationPage.render(F.staff([.coach]), model), as: .html)
    }

    @Test func lists() {
        let context = F.staff([.coordinator])
        let candidates = CandidateListModel(
            rows: ResultPage(items: [F.candidate], number: 1, size: 25, total: 1),
            programmes: [("00000000-0000-0000-0000-0000000000A2", "Op je plek in de zorg")], selectedProgramme: nil,
            selectedStage: "selection", search: "", bsnSearchAllowed: true, canRegister: true, query: "stage=selection")
        assertSnapshot(of: CandidateListPage.render(context, candidates), as: .html, named: "candidates")
        let participants = ParticipantListModel(
            rows: ResultPage(items: [F.participant], number: 2, size: 25, total: 26),
            cohorts: [("00000000-0000-0000-0000-0000000000C1", "Instroom oktober 2026")], selectedCohort: nil,
            selectedState: nil, query: "")
        assertSnapshot(of: ParticipantListPage.render(context, participants), as: .html, named: "participants")
        let search = PersonSearchModel(
            term: "Qasim", bsnSearchAllowed: false,
            participants: ResultPage(items: [F.participant], number: 1, size: 25, total: 1),
            candidates: ResultPage(items: [], number: 1, size: 25, total: 0))
        assertSnapshot(of: PersonSearchPage.render(context, search), as: .html, named: "search")
        let tasks = ResultPage(items: F.dossier().tasks, number: 1, size: 50, total: 1)
        assertSnapshot(of: TasksPage.render(context, tasks), as: .html, named: "tasks")
    }
}
