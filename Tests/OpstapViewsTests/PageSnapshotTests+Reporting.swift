import Foundation
import OpstapDomain
import SnapshotTesting
import Testing
@testable import OpstapViews

/// A programme's dashboard and goals, and the lessons learned, against
/// `__Snapshots__/PageSnapshotTests+Reporting/`.
@Suite struct ReportingPageSnapshotTests {
    typealias F = PageFixtures

    static let coordinator = F.staff([.coordinator], name: "Sanne de Vries")
    static let programmes: [(value: String, label: String)] = [
        (F.programmeID.uuidString, "Kansrijk"), (F.leidenProgrammeID.uuidString, "Op je plek in de zorg"),
    ]

    @Test func dashboard() {
        assertSnapshot(of: DashboardPage.render(Self.coordinator, F.dashboard()), as: .html, named: "coordinator")
        assertSnapshot(
            of: DashboardPage.render(F.staff([.reporting], name: "Rapportage Amarant"), F.dashboardSuppressed()),
            as: .html, named: "reporting-suppressed")
    }

    @Test func goals() {
        let cohorts: [(value: String, label: String)] = [(F.cohortID.uuidString, "Instroom oktober 2026")]
        let model = GoalsModel(
            programmeID: F.programmeID, programmeName: "Kansrijk", goals: F.goals, canManage: true, cohorts: cohorts,
            values: [:], errors: [])
        assertSnapshot(of: GoalsPage.render(Self.coordinator, model), as: .html, named: "coordinator")
        var typed = model
        typed.values = ["title": "Diploma mbo-1", "measure": "shareQualified", "target": "zeventig", "level": "mbo1"]
        typed.errors = [FieldError("target", .invalidNumber), FieldError("deadline", .required)]
        assertSnapshot(of: GoalsPage.render(Self.coordinator, typed), as: .html, named: "errors")
        let none = GoalsModel(
            programmeID: F.programmeID, programmeName: "Kansrijk", goals: [], canManage: false, cohorts: [],
            values: [:], errors: [])
        assertSnapshot(of: GoalsPage.render(F.staff([.coach]), none), as: .html, named: "empty")
    }

    @Test func lessons() {
        let model = LessonsModel(
            lessons: ResultPage(items: F.lessons, number: 1, size: 20, total: 2), programmes: Self.programmes,
            selectedProgramme: "", canWrite: true, values: [:], errors: [])
        assertSnapshot(of: LessonsPage.render(Self.coordinator, model), as: .html, named: "all")
        let typed = LessonsModel(
            lessons: ResultPage(items: [F.lessons[0]], number: 2, size: 1, total: 3), programmes: Self.programmes,
            selectedProgramme: F.programmeID.uuidString, canWrite: true,
            values: ["programmeId": F.programmeID.uuidString, "title": "Buddy vóór de eerste stagedag"],
            errors: [FieldError("whatHappened", .required), FieldError("why", .required)])
        assertSnapshot(of: LessonsPage.render(Self.coordinator, typed), as: .html, named: "filtered-errors")
        let none = LessonsModel(
            lessons: ResultPage(items: [], number: 1, size: 20, total: 0), programmes: Self.programmes,
            selectedProgramme: "", canWrite: false, values: [:], errors: [])
        assertSnapshot(of: LessonsPage.render(F.staff([.buddy]), none), as: .html, named: "empty")
    }
}
