import Foundation
import OpstapDomain
import SnapshotTesting
import Testing
@testable import OpstapViews

/// The programme list, a programme (current version, an earlier version, unpublished) and the
/// programme editor, against `__Snapshots__/PageSnapshotTests+Programmes/`.
@Suite struct ProgrammePageSnapshotTests {
    typealias F = PageFixtures

    static let coordinator = F.staff([.coordinator], name: "Sanne de Vries")

    @Test func list() {
        assertSnapshot(
            of: ProgrammePages.list(Self.coordinator, F.programmeRows, canCreate: true), as: .html, named: "coordinator"
        )
        assertSnapshot(of: ProgrammePages.list(F.staff([.coach]), [], canCreate: false), as: .html, named: "empty")
    }

    @Test func detail() {
        assertSnapshot(
            of: ProgrammePages.detail(Self.coordinator, F.programme(shownVersion: 2, cohortForm: CohortForm())),
            as: .html, named: "current-version")
        var form = CohortForm()
        form.name = "Instroom maart 2027"
        form.startDate = "2027-03-01"
        form.capacity = "40"
        form.streams = []
        form.errors = [FieldError("capacity", .outOfRange, ["1", "30"]), FieldError("streams", .atLeastOne)]
        assertSnapshot(
            of: ProgrammePages.detail(Self.coordinator, F.programme(shownVersion: 2, cohortForm: form)), as: .html,
            named: "new-cohort-errors")
    }

    @Test func earlierVersion() {
        var model = F.programme(shownVersion: 1, cohortForm: nil)
        model.canManage = false
        assertSnapshot(of: ProgrammePages.detail(F.staff([.coach]), model), as: .html)
    }

    @Test func unpublished() {
        var draft = ProgrammeDefinition(
            name: "Zorgbuddy's Tilburg", description: "",
            partners: [Partner(organisationID: F.amarantID, part: "Buddy's en coördinatie")])
        draft.ownerOrganisationID = F.amarantID
        let model = ProgrammeModel(
            id: UUID(uuidString: "00000000-0000-0000-0000-0000000000A3")!, name: "Zorgbuddy's Tilburg",
            shownVersion: nil, definition: draft, organisationNames: F.partnerNames, versions: [], cohorts: [],
            canManage: true, cohortForm: nil)
        assertSnapshot(of: ProgrammePages.detail(Self.coordinator, model), as: .html)
    }

    @Test func draftEditor() {
        let blank = DraftEditorModel(
            programmeID: nil,
            definition: ProgrammeDefinition(name: "", partners: [Partner(organisationID: F.amarantID, part: "")]),
            organisations: F.partnerOrganisations, errors: [], changeNote: "", currentVersion: nil)
        assertSnapshot(of: DraftEditorPage.render(Self.coordinator, blank), as: .html, named: "new")
        let kansrijk = DraftEditorModel(
            programmeID: F.programmeID, definition: F.kansrijk, organisations: F.partnerOrganisations, errors: [],
            changeNote: "Extra stagedag in periode 2 vanaf week 11.", currentVersion: 2)
        assertSnapshot(of: DraftEditorPage.render(Self.coordinator, kansrijk), as: .html, named: "kansrijk")
    }

    @Test func draftEditorWithErrors() {
        var definition = F.kansrijk
        definition.name = ""
        definition.phases[1].plannedWeeks = 0
        let model = DraftEditorModel(
            programmeID: F.programmeID, definition: definition, organisations: F.partnerOrganisations,
            errors: [
                FieldError("name", .required), FieldError("phases[1].plannedWeeks", .outOfRange, ["1", "104"]),
                FieldError("partners", .ownerNotPartner),
                FieldError("guidance.noContactDays", .outOfRange, ["1", "365"]),
            ], changeNote: "", currentVersion: 2)
        assertSnapshot(of: DraftEditorPage.render(Self.coordinator, model), as: .html)
    }
}
