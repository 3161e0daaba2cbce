import Foundation
import OpstapDomain
import SnapshotTesting
import Testing
@testable import OpstapViews

/// Funding streams, eligibility, ESF+ characteristics, the ESF+ report and the people behind
/// its figures, against `__Snapshots__/PageSnapshotTests+Funding/`.
@Suite struct FundingPageSnapshotTests {
    typealias F = PageFixtures

    static let coordinator = F.staff([.coordinator], name: "Sanne de Vries")

    @Test func fundingStreams() {
        assertSnapshot(of: FundingListPage.render(Self.coordinator, F.fundingList()), as: .html, named: "coordinator")
        var typed = F.fundingList()
        typed.values = [
            "name": "AMIF 2027", "kind": "amif", "amount": "veel", "startsOn": "2027-12-31", "endsOn": "2027-01-01",
        ]
        typed.checked = ["targetStreams": ["jongeren"], "fundedPhases": ["periode-1"]]
        typed.errors = [FieldError("amount", .invalidNumber), FieldError("endsOn", .beforeStart)]
        assertSnapshot(of: FundingListPage.render(Self.coordinator, typed), as: .html, named: "errors")
        var none = F.fundingList()
        none.streams = []
        none.canManage = false
        assertSnapshot(of: FundingListPage.render(F.staff([.coach]), none), as: .html, named: "empty")
    }

    @Test func fundingStream() {
        assertSnapshot(of: FundingStreamPage.render(Self.coordinator, F.fundingStream()), as: .html, named: "esf")
        var typed = F.fundingStream()
        typed.values = ["personId": "00000000-0000-0000-0000-0000000000B5", "checkedOn": "2027-01-05"]
        typed.errors = [
            FieldError("eligible", .required), FieldError("targetGroup", .required),
            FieldError("checkedOn", .dateInFuture),
        ]
        assertSnapshot(of: FundingStreamPage.render(Self.coordinator, typed), as: .html, named: "errors")
        var own = F.fundingStream()
        own.stream = F.amarantStream
        own.targetStreams = []
        own.fundedPhases = ["Periode 2"]
        own.targetDescription = ""
        own.eligibility = ResultPage(items: [], number: 1, size: 25, total: 0)
        own.canRecord = false
        own.years = []
        assertSnapshot(of: FundingStreamPage.render(F.staff([.coach]), own), as: .html, named: "employer-empty")
    }

    @Test func esfCharacteristics() {
        let captured = EsfCharacteristicsModel(
            streamID: F.esfStreamID, streamName: "ESF+ Kansrijk 2026–2027", personID: F.personID,
            personName: "Ali Qasim",
            values: [
                "employmentStatus": "longTermUnemployed", "iscedLevel": "3", "thirdCountryNational": "true",
                "foreignBackground": "yes", "minority": "declined", "disability": "no",
                "homelessOrHousingExclusion": "false", "ruralArea": "false",
            ], errors: [], recordedOn: SimpleDate("2026-10-02"))
        assertSnapshot(
            of: EsfCharacteristicsPage.render(Self.coordinator, captured), as: .html, named: "captured")
        let refused = EsfCharacteristicsModel(
            streamID: F.esfStreamID, streamName: "ESF+ Kansrijk 2026–2027", personID: F.fatimaID,
            personName: "Fatima Yusuf", values: ["iscedLevel": "9"],
            errors: [FieldError("employmentStatus", .required), FieldError("iscedLevel", .outOfRange, ["0", "8"])],
            recordedOn: nil)
        assertSnapshot(of: EsfCharacteristicsPage.render(Self.coordinator, refused), as: .html, named: "errors")
    }

    @Test func esfReport() {
        assertSnapshot(of: EsfReportPage.render(Self.coordinator, F.esfReport()), as: .html, named: "coordinator")
        assertSnapshot(
            of: EsfReportPage.render(F.staff([.reporting], name: "Rapportage Amarant"), F.esfReportSuppressed()),
            as: .html, named: "reporting-suppressed")
        let municipality = F.staff([.coordinator], name: "Jan Visser", organisation: "Gemeente Tilburg")
        assertSnapshot(
            of: EsfReportPage.render(municipality, F.esfReportFrozen()), as: .html, named: "frozen-with-differences")
        var closing = F.esfReportFrozen()
        closing.showingSnapshot = false
        closing.snapshotTakenAt = nil
        closing.differences = []
        closing.canFreeze = true
        assertSnapshot(of: EsfReportPage.render(municipality, closing), as: .html, named: "year-to-freeze")
    }

    @Test func esfPeople() {
        assertSnapshot(of: EsfPeoplePage.render(Self.coordinator, F.esfFigurePeople()), as: .html, named: "figure")
        let municipality = F.staff([.coordinator], name: "Jan Visser", organisation: "Gemeente Tilburg")
        assertSnapshot(of: EsfPeoplePage.render(municipality, F.esfBSNReport()), as: .html, named: "bsn-report")
        var nobody = F.esfFigurePeople()
        nobody.rows = ResultPage(items: [], number: 1, size: 50, total: 0)
        nobody.hiddenCount = 0
        assertSnapshot(of: EsfPeoplePage.render(Self.coordinator, nobody), as: .html, named: "empty")
    }
}
