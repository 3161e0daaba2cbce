import Foundation
import OpstapDomain
import SnapshotTesting
import Testing
@testable import OpstapViews

/// Housing complexes, one complex, the qualifications catalogue and a participant's pathway
/// (home, qualification, job, follow-up), against `__Snapshots__/PageSnapshotTests+Housing/`.
@Suite struct HousingPageSnapshotTests {
    typealias F = PageFixtures

    @Test func complexes() {
        let list = HousingListModel(
            complexes: F.complexRows, programmes: F.programmeChoices, canManage: true, values: [:], errors: [])
        assertSnapshot(of: HousingListPage.render(F.housingOfficer(), list), as: .html, named: "housing-officer")
        let typed = HousingListModel(
            complexes: F.complexRows, programmes: F.programmeChoices, canManage: true,
            values: ["name": "Het Baken", "address": "Piusplein 3", "postcode": "5038", "city": "Tilburg"],
            errors: [FieldError("postcode", .invalidPostcode), FieldError("noticeDays", .invalidNumber)])
        assertSnapshot(of: HousingListPage.render(F.housingOfficer(), typed), as: .html, named: "errors")
        let none = HousingListModel(complexes: [], programmes: [], canManage: false, values: [:], errors: [])
        assertSnapshot(
            of: HousingListPage.render(F.staff([.coach], seesHousing: true), none), as: .html, named: "empty")
    }

    @Test func complex() {
        assertSnapshot(of: ComplexPage.render(F.housingOfficer(), F.complex()), as: .html, named: "housing-officer")
        var unit = F.complex()
        unit.form = "unit"
        unit.values = ["label": "Studio 4", "kind": "studio", "sizeM2": "twintig", "availableFrom": "2027-01-01"]
        unit.errors = [FieldError("sizeM2", .invalidNumber)]
        assertSnapshot(of: ComplexPage.render(F.housingOfficer(), unit), as: .html, named: "unit-errors")
        var ending = F.complex()
        ending.form = "end-\(F.studio1ID.uuidString)"
        ending.values = ["endsOn": "2026-10-01"]
        ending.errors = [FieldError("endsOn", .beforeStart)]
        assertSnapshot(of: ComplexPage.render(F.housingOfficer(), ending), as: .html, named: "end-tenancy-error")
        var empty = F.complex()
        empty.units = []
        empty.occupied = 0
        empty.waiting = []
        empty.canManage = false
        assertSnapshot(
            of: ComplexPage.render(F.staff([.coach], seesHousing: true), empty), as: .html, named: "empty-read-only")
    }

    @Test func qualifications() {
        let teacher = F.staff([.teacher], name: "Marieke Peters", organisation: "ROC Tilburg")
        let catalogue = QualificationsModel(rows: F.qualificationCatalogue, canManage: true, values: [:], errors: [])
        assertSnapshot(of: QualificationsPage.render(teacher, catalogue), as: .html, named: "catalogue")
        let typed = QualificationsModel(
            rows: F.qualificationCatalogue, canManage: true,
            values: ["name": "Medewerker maatschappelijke zorg", "crebo": "2575", "level": "mbo3"],
            errors: [FieldError("crebo", .invalidCrebo)])
        assertSnapshot(of: QualificationsPage.render(teacher, typed), as: .html, named: "wrong-crebo")
        let none = QualificationsModel(rows: [], canManage: false, values: [:], errors: [])
        assertSnapshot(of: QualificationsPage.render(F.staff([.coach]), none), as: .html, named: "empty")
    }

    @Test func pathway() {
        let coordinator = F.staff([.coordinator], name: "Sanne de Vries", seesHousing: true)
        assertSnapshot(of: PathwayPage.render(coordinator, F.pathway()), as: .html, named: "under-way")
        var offer = F.pathway()
        offer.form = "offer"
        offer.values = [
            "employerId": F.amarantID.uuidString, "role": "Assistent-begeleider", "hoursPerWeek": "veertien",
            "contractType": "permanent", "startsOn": "2026-11-01", "offeredOn": "2026-11-20",
        ]
        offer.errors = [FieldError("hoursPerWeek", .invalidNumber), FieldError("startsOn", .beforeOfferDate)]
        assertSnapshot(of: PathwayPage.render(coordinator, offer), as: .html, named: "offer-errors")
        assertSnapshot(
            of: PathwayPage.render(F.staff([.coach]), F.pathwayAfterLeaving()), as: .html, named: "after-leaving")
    }
}
