import Foundation
import OpstapDomain
import SnapshotTesting
import Testing
@testable import OpstapViews

/// One's own account, the administration of one's organisation, single sign-on and the
/// security log, against `__Snapshots__/PageSnapshotTests+Administration/`.
@Suite struct AdministrationPageSnapshotTests {
    typealias F = PageFixtures

    @Test func account() {
        let context = F.staff([.coach, .workSupervisor])
        assertSnapshot(of: AccountPage.render(context, F.accountModel()), as: .html, named: "tokens")
        var created = F.accountModel()
        created.newToken = "opst_q3T9vXk2LmP8wR4zN6yB1cD7fH5jK0sA2eG4iU6oY8"
        assertSnapshot(of: AccountPage.render(context, created), as: .html, named: "new-token")
        var refused = F.accountModel()
        refused.tokens = []
        refused.mfaOn = false
        refused.passwordErrors = [FieldError("current", .wrongPassword), FieldError("new", .passwordTooShort, ["12"])]
        refused.phone = "0612"
        refused.phoneErrors = [FieldError("phone", .invalidPhone)]
        assertSnapshot(of: AccountPage.render(context, refused), as: .html, named: "errors-no-tokens")
    }

    @Test func administration() {
        assertSnapshot(
            of: AdminPage.render(F.administrator(), F.adminModel(isSteward: true)), as: .html, named: "steward")
        var refused = F.adminModel(isSteward: false)
        refused.mfaAllStaff = false
        refused.form = "user"
        refused.values = ["name": "Yara Haddad", "email": "yara.haddad@amarant"]
        refused.roles = ["buddy"]
        refused.errors = [FieldError("email", .invalidEmail), FieldError("password", .passwordTooShort, ["12"])]
        assertSnapshot(of: AdminPage.render(F.administrator(), refused), as: .html, named: "partner-new-user-errors")
    }

    @Test func singleSignOn() {
        let redirect = "https://opstap.example/login/oidc/callback"
        let off = SSOSettingsModel(
            organisationName: "Amarant", updatedAt: nil, issuer: "", clientID: "", requireSSO: false,
            trustProviderMFA: false, redirectURI: redirect, errors: [])
        assertSnapshot(of: SSOSettingsPage.render(F.administrator(), off), as: .html, named: "off")
        let on = SSOSettingsModel(
            organisationName: "Amarant", updatedAt: F.november18,
            issuer: "https://login.microsoftonline.com/amarant.nl/v2.0", clientID: "opstap-amarant", requireSSO: true,
            trustProviderMFA: true, redirectURI: redirect, errors: [])
        assertSnapshot(of: SSOSettingsPage.render(F.administrator(), on), as: .html, named: "on")
        let refused = SSOSettingsModel(
            organisationName: "Amarant", updatedAt: nil, issuer: "http://login.amarant.nl", clientID: "",
            requireSSO: false, trustProviderMFA: false, redirectURI: redirect,
            errors: [FieldError("issuer", .invalidURL), FieldError("clientId", .required)])
        assertSnapshot(of: SSOSettingsPage.render(F.administrator(), refused), as: .html, named: "errors")
    }

    @Test func securityLog() {
        let events = ResultPage(items: F.securityEvents, number: 1, size: 50, total: 5)
        assertSnapshot(
            of: SecurityLogPage.render(F.administrator(), organisation: "Amarant", events: events), as: .html,
            named: "events")
        let none = ResultPage<SecurityEventRow>(items: [], number: 1, size: 50, total: 0)
        assertSnapshot(
            of: SecurityLogPage.render(F.administrator(), organisation: "Amarant", events: none), as: .html,
            named: "empty")
    }
}
