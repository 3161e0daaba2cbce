import Foundation
import OpstapDomain
import SnapshotTesting
import Testing
@testable import OpstapViews

/// Setting up an installation, invitations, one organisation, one staff member and one
/// location, against `__Snapshots__/PageSnapshotTests+Partnership/`.
@Suite struct PartnershipPageSnapshotTests {
    typealias F = PageFixtures

    @Test func setup() {
        assertSnapshot(
            of: SetupPage.render(F.visitor(), token: "", values: [:], errors: []), as: .html, named: "empty")
        let values = [
            "organisationName": "Amarant", "kind": "careEmployer", "city": "Tilburg", "name": "Sanne de Vries",
            "email": "s.devries@amarant.nl",
        ]
        let errors = [FieldError("token", .setupTokenWrong), FieldError("password", .passwordTooShort, ["12"])]
        assertSnapshot(
            of: SetupPage.render(F.visitor(), token: "", values: values, errors: errors), as: .html,
            named: "wrong-token")
    }

    @Test func invitation() {
        let invitation = InvitationView(
            organisationName: "Gemeente Leiden", email: "m.bakker@leiden.nl", roles: [.intakeOfficer, .coordinator])
        assertSnapshot(
            of: InvitationPage.render(
                F.visitor(), code: "inv-7d2k9q", invitation: invitation, values: [:], errors: []), as: .html,
            named: "open")
        assertSnapshot(
            of: InvitationPage.render(
                F.visitor(), code: "inv-0000", invitation: nil, values: [:],
                errors: [FieldError("code", .invitationUnknown)]), as: .html, named: "unknown-code")
    }

    @Test func organisation() {
        // The app words the expiry as a timestamp before it reaches the page.
        func expiry(_ date: Date) -> String { DateText.timestamp(date, .nl) }
        let invitations = [
            InvitationRow(
                email: "m.bakker@leiden.nl", roles: [.administrator], expiresOn: expiry(F.november29), status: .open),
            InvitationRow(
                email: "j.visser@leiden.nl", roles: [.intakeOfficer], expiresOn: expiry(F.october30),
                status: .accepted),
            InvitationRow(
                email: "info@leiden.nl", roles: [.reporting], expiresOn: expiry(F.october1), status: .expired),
        ]
        let issued = IssuedInvitationView(
            email: "m.bakker@leiden.nl", link: "https://opstap.example/invite/inv-7d2k9q",
            expiresOn: expiry(F.november29))
        let model = OrganisationAdminModel(
            id: F.gemeenteLeidenID, name: "Gemeente Leiden", kind: .municipality, city: "Leiden",
            invitations: invitations, issued: issued, values: [:], roles: [], errors: [], form: nil)
        assertSnapshot(of: OrganisationAdminPage.render(F.administrator(), model), as: .html, named: "issued")
        var refused = model
        refused.issued = nil
        refused.invitations = []
        refused.form = "invite"
        refused.values = ["email": "m.bakker@"]
        refused.roles = []
        refused.errors = [FieldError("email", .invalidEmail), FieldError("roles", .atLeastOne)]
        assertSnapshot(of: OrganisationAdminPage.render(F.administrator(), refused), as: .html, named: "invite-errors")
    }

    @Test func staffMember() {
        let coach = StaffMemberModel(row: F.coachRow, isSelf: false, roles: ["coach"], errors: [])
        assertSnapshot(of: StaffMemberPage.render(F.administrator(), coach), as: .html, named: "colleague")
        let own = StaffMemberModel(
            row: F.staffRows[0], isSelf: true, roles: [], errors: [FieldError("roles", .atLeastOne)])
        assertSnapshot(of: StaffMemberPage.render(F.administrator(), own), as: .html, named: "self-without-roles")
    }

    @Test func location() {
        let values = [
            "locationName": "Dagbesteding Tilburg-Noord", "locationKind": "dayActivities", "address": "Kempenbaan 12",
            "postcode": "5022 KC", "locationCity": "Tilburg",
        ]
        assertSnapshot(
            of: LocationEditPage.render(F.administrator(), id: F.dayCentreID, values: values, errors: []), as: .html,
            named: "filled")
        var typed = values
        typed["postcode"] = "5022"
        assertSnapshot(
            of: LocationEditPage.render(
                F.administrator(), id: F.dayCentreID, values: typed, errors: [FieldError("postcode", .invalidPostcode)]),
            as: .html, named: "wrong-postcode")
    }
}
