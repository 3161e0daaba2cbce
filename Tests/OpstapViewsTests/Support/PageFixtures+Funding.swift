import Foundation
import OpstapDomain
@testable import OpstapViews

/// Kansrijk's funding: an ESF+ grant and Amarant's own contribution, who is eligible, and
/// the ESF+ indicators of 2026.
extension PageFixtures {
    static let esfStreamID = UUID(uuidString: "00000000-0000-0000-0000-0000000000F1")!
    static let fatimaID = UUID(uuidString: "00000000-0000-0000-0000-0000000000B3")!
    static let dawitID = UUID(uuidString: "00000000-0000-0000-0000-0000000000B4")!

    static let esfStream = FundingStreamRow(
        id: esfStreamID, name: "ESF+ Kansrijk 2026–2027", kind: .esfPlus, funder: "Ministerie van SZW",
        reference: "2026EU-ESF-1234", amountCents: 28_851_800, startsOn: SimpleDate("2026-01-01")!,
        endsOn: SimpleDate("2027-12-31")!, eligibleCount: 14)

    static let amarantStream = FundingStreamRow(
        id: UUID(uuidString: "00000000-0000-0000-0000-0000000000F2")!, name: "Bijdrage Amarant", kind: .employer,
        funder: "Amarant", reference: "", amountCents: nil, startsOn: SimpleDate("2026-01-01")!,
        endsOn: SimpleDate("2026-12-31")!, eligibleCount: 0)

    static func fundingList() -> FundingListModel {
        FundingListModel(
            programmeID: programmeID, programmeName: "Kansrijk", streams: [esfStream, amarantStream], canManage: true,
            funders: [
                ("00000000-0000-0000-0000-0000000000D6", "Ministerie van SZW"), (amarantID.uuidString, "Amarant"),
                (gemeenteTilburgID.uuidString, "Gemeente Tilburg"),
            ],
            streamOptions: [("statushouders", "Statushouders"), ("jongeren", "Jonge vluchtelingen")],
            phaseOptions: [("periode-1", "Periode 1"), ("periode-2", "Periode 2")], values: [:], checked: [:],
            errors: [])
    }

    static let eligibilityRows = [
        EligibilityRow(
            personID: personID, name: "Ali Qasim", eligible: true, targetGroup: "Statushouder met bijstand",
            evidence: .residencePermit, evidenceReference: "V-1234567", checkedOn: SimpleDate("2026-10-02")!,
            hasCharacteristics: true),
        EligibilityRow(
            personID: fatimaID, name: "Fatima Yusuf", eligible: true, targetGroup: "Statushouder met bijstand",
            evidence: .benefitDecision, evidenceReference: "", checkedOn: SimpleDate("2026-10-02")!,
            hasCharacteristics: false),
        EligibilityRow(
            personID: dawitID, name: "Dawit Haile", eligible: false, targetGroup: "Geen uitkering",
            evidence: .selfDeclaration, evidenceReference: "", checkedOn: SimpleDate("2026-10-09")!,
            hasCharacteristics: false),
    ]

    static func fundingStream() -> FundingStreamModel {
        FundingStreamModel(
            stream: esfStream, programmeID: programmeID, programmeName: "Kansrijk",
            targetDescription: "Statushouders met een uitkering op grond van de Participatiewet",
            targetStreams: ["Statushouders"], fundedPhases: [],
            eligibility: ResultPage(items: eligibilityRows, number: 1, size: 25, total: 3),
            candidates: [("00000000-0000-0000-0000-0000000000B5", "Ahmad Rahimi")], canRecord: true,
            years: [2026, 2027], values: [:], errors: [])
    }

    static func figure(_ women: Int, _ men: Int, _ nonBinary: Int = 0) -> EsfFigure {
        EsfFigure(
            women: .shown(women), men: .shown(men), nonBinary: .shown(nonBinary), total: .shown(women + men + nonBinary)
        )
    }

    static func esfReport() -> EsfReportModel {
        EsfReportModel(
            streamID: esfStreamID, streamName: "ESF+ Kansrijk 2026–2027", year: 2026, years: [2026, 2027],
            rows: [
                EsfReportRow(indicator: .eeco01, year: figure(6, 8), cumulative: figure(6, 8)),
                EsfReportRow(indicator: .eeco02, year: figure(5, 7), cumulative: figure(5, 7)),
                EsfReportRow(indicator: .eeco03, year: figure(2, 4), cumulative: figure(2, 4)),
                EsfReportRow(indicator: .eeco13, year: figure(6, 8), cumulative: figure(6, 8)),
                EsfReportRow(indicator: .eecr04, year: figure(0, 1), cumulative: figure(0, 1)),
            ], suppressed: false, canOpenFigures: true, mayReadBSN: false, missingCharacteristics: 2, declined: 1,
            snapshotTakenAt: nil, canFreeze: false, differences: [], showingSnapshot: false)
    }

    /// As a reporting role reads it: small counts suppressed, no way to the people.
    static func esfReportSuppressed() -> EsfReportModel {
        var m = esfReport()
        let small = EsfFigure(women: .suppressed, men: .suppressed, nonBinary: .shown(0), total: .shown(6))
        m.rows = [
            EsfReportRow(indicator: .eeco01, year: figure(6, 8), cumulative: figure(6, 8)),
            EsfReportRow(indicator: .eeco03, year: small, cumulative: small),
            EsfReportRow(
                indicator: .eecr04,
                year: EsfFigure(women: .shown(0), men: .suppressed, nonBinary: .shown(0), total: .suppressed),
                cumulative: EsfFigure(women: .shown(0), men: .suppressed, nonBinary: .shown(0), total: .suppressed)),
        ]
        m.suppressed = true
        m.canOpenFigures = false
        return m
    }

    /// 2025 as frozen in January, with what changed since.
    static func esfReportFrozen() -> EsfReportModel {
        EsfReportModel(
            streamID: esfStreamID, streamName: "ESF+ Kansrijk 2026–2027", year: 2025, years: [2025, 2026, 2027],
            rows: [EsfReportRow(indicator: .eeco01, year: figure(4, 3), cumulative: figure(4, 3))],
            suppressed: false, canOpenFigures: true, mayReadBSN: true, missingCharacteristics: 0, declined: 0,
            snapshotTakenAt: january14, canFreeze: false,
            differences: [
                EsfDifferenceRow(indicator: .eeco01, column: "2025", gender: .woman, snapshot: 4, current: 5),
                EsfDifferenceRow(indicator: .eeco01, column: "cumulative", gender: .woman, snapshot: 4, current: 5),
            ], showingSnapshot: true)
    }

    static let esfPeople = [
        EsfPersonRow(
            personID: fatimaID, enrolmentID: fatimaEnrolmentID, name: "Fatima Yusuf", gender: .woman,
            entryDate: SimpleDate("2026-10-05")!, exitDate: nil, results: [], bsn: "111222333", homeless: false,
            qualification: false),
        EsfPersonRow(
            personID: UUID(uuidString: "00000000-0000-0000-0000-0000000000B7")!, enrolmentID: nil,
            name: "Hiba Mansour", gender: .woman, entryDate: SimpleDate("2026-03-02")!,
            exitDate: SimpleDate("2026-09-30")!, results: [.eecr02, .eecr03], bsn: nil, homeless: true,
            qualification: true),
    ]

    static func esfFigurePeople() -> EsfPeopleModel {
        let path = "/funding/\(esfStreamID.uuidString)/esf/figure"
        let query = "year=2026&indicator=EECO01&column=2026&gender=woman"
        return EsfPeopleModel(
            streamID: esfStreamID, streamName: "ESF+ Kansrijk 2026–2027", year: 2026,
            heading: "EECO01 Deelnemers totaal, vrouwen, 2026",
            rows: ResultPage(items: esfPeople, number: 1, size: 50, total: 2), hiddenCount: 4, path: path,
            query: query, csvHref: "\(path)?\(query)&format=csv", bsnReport: false)
    }

    static func esfBSNReport() -> EsfPeopleModel {
        let path = "/funding/\(esfStreamID.uuidString)/esf/bsn"
        return EsfPeopleModel(
            streamID: esfStreamID, streamName: "ESF+ Kansrijk 2026–2027", year: 2026,
            heading: "BSN-rapportage ESF+ 2026", rows: ResultPage(items: esfPeople, number: 1, size: 50, total: 2),
            hiddenCount: 0, path: path, query: "year=2026", csvHref: "\(path)?year=2026&format=csv", bsnReport: true)
    }
}
