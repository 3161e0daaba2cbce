import Foundation
import OpstapDomain
@testable import OpstapViews

/// Amarant's staff, the partnership's organisations and Amarant's locations, for the account,
/// administration and partnership pages.
extension PageFixtures {
    static let amarantID = UUID(uuidString: "00000000-0000-0000-0000-0000000000D1")!
    static let gemeenteTilburgID = UUID(uuidString: "00000000-0000-0000-0000-0000000000D2")!
    static let rocTilburgID = UUID(uuidString: "00000000-0000-0000-0000-0000000000D3")!
    static let gemeenteLeidenID = UUID(uuidString: "00000000-0000-0000-0000-0000000000D4")!
    static let dayCentreID = UUID(uuidString: "00000000-0000-0000-0000-000000000031")!
    static let residenceID = UUID(uuidString: "00000000-0000-0000-0000-000000000032")!

    /// The administrator who reads the administration pages.
    static func administrator(flash: String? = nil) -> PageContext {
        staff([.administrator, .coordinator], flash: flash, name: "Sanne de Vries")
    }

    static let coachRow = StaffRow(
        id: UUID(uuidString: "00000000-0000-0000-0000-000000000011")!, name: "Coach Amarant",
        email: "coach@amarant.nl", roles: [.coach], active: true)

    static let staffRows = [
        StaffRow(
            id: UUID(uuidString: "00000000-0000-0000-0000-000000000013")!, name: "Sanne de Vries",
            email: "s.devries@amarant.nl", roles: [.administrator, .coordinator], active: true),
        coachRow,
        StaffRow(
            id: UUID(uuidString: "00000000-0000-0000-0000-000000000012")!, name: "Werkbegeleider Amarant",
            email: "werkbegeleider@amarant.nl", roles: [.workSupervisor], active: true),
        StaffRow(
            id: UUID(uuidString: "00000000-0000-0000-0000-000000000014")!, name: "Pieter Jansen",
            email: "p.jansen@amarant.nl", roles: [.buddy], active: false),
    ]

    static let organisationRows = [
        OrganisationRow(
            id: amarantID, name: "Amarant", kind: .careEmployer, city: "Tilburg",
            locations: ["Dagbesteding Tilburg-Noord", "Woonlocatie Goirle"]),
        OrganisationRow(
            id: gemeenteTilburgID, name: "Gemeente Tilburg", kind: .municipality, city: "Tilburg", locations: []),
        OrganisationRow(
            id: rocTilburgID, name: "ROC Tilburg", kind: .school, city: "Tilburg", locations: ["Campus Stappegoor"]),
    ]

    static let amarantLocations = [
        AdminLocationRow(
            id: dayCentreID, name: "Dagbesteding Tilburg-Noord", address: "Kempenbaan 12", postcode: "5022 KC",
            city: "Tilburg", kind: .dayActivities),
        AdminLocationRow(
            id: residenceID, name: "Woonlocatie Goirle", address: "Tilburgseweg 80", postcode: "5051 AJ",
            city: "Goirle", kind: .residential),
    ]

    static func adminModel(isSteward: Bool) -> AdminModel {
        var m = AdminModel(
            organisationName: "Amarant", staff: ResultPage(items: staffRows, number: 1, size: 25, total: 4),
            organisations: ResultPage(items: organisationRows, number: 1, size: 25, total: 3),
            ownOrganisationID: amarantID, values: [:], roles: [], errors: [], form: nil, isSteward: isSteward,
            ownLocations: amarantLocations)
        m.mfaAllStaff = true
        return m
    }

    static func accountModel() -> AccountModel {
        var m = AccountModel(
            email: "coach@amarant.nl", roles: [.coach, .workSupervisor], organisation: "Amarant",
            tokens: [
                TokenRow(
                    id: UUID(uuidString: "00000000-0000-0000-0000-000000000051")!, name: "Koppeling roosterapp",
                    createdAt: october1, lastUsedAt: november21, expiresAt: december30),
                TokenRow(
                    id: UUID(uuidString: "00000000-0000-0000-0000-000000000052")!, name: "Export uren",
                    createdAt: november20, lastUsedAt: nil, expiresAt: february19),
            ], newToken: nil, errors: [])
        m.mfaOn = true
        m.phone = "+31 6 1234 5606"
        return m
    }

    static let securityEvents = [
        SecurityEventRow(
            at: todayMorning, kind: .signedIn, account: "coach@amarant.nl", by: "coach@amarant.nl",
            address: "192.0.2.14", detail: ""),
        SecurityEventRow(
            at: todayEarly, kind: .signInFailed, account: "p.jansen@amarant.nl", by: "", address: "198.51.100.7",
            detail: "Wachtwoord onjuist"),
        SecurityEventRow(
            at: november20, kind: .tokenCreated, account: "coach@amarant.nl", by: "coach@amarant.nl",
            address: "192.0.2.14", detail: "Export uren"),
        SecurityEventRow(
            at: november18, kind: .rolesChanged, account: "werkbegeleider@amarant.nl", by: "s.devries@amarant.nl",
            address: "192.0.2.30", detail: "Werkbegeleider"),
        SecurityEventRow(
            at: november17, kind: .accountDeactivated, account: "p.jansen@amarant.nl", by: "s.devries@amarant.nl",
            address: "192.0.2.30", detail: ""),
    ]
}
