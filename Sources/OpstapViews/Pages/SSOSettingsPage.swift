import Foundation
import OpstapDomain

public struct SSOSettingsModel: Sendable {
    public var organisationName: String
    /// When the settings were last saved; nil when single sign-on is not set up.
    public var updatedAt: Date?
    public var issuer: String
    public var clientID: String
    public var requireSSO: Bool
    public var trustProviderMFA: Bool
    public var redirectURI: String
    public var errors: [FieldError]

    public init(
        organisationName: String, updatedAt: Date?, issuer: String, clientID: String, requireSSO: Bool,
        trustProviderMFA: Bool, redirectURI: String, errors: [FieldError]
    ) {
        self.organisationName = organisationName
        self.updatedAt = updatedAt
        self.issuer = issuer
        self.clientID = clientID
        self.requireSSO = requireSSO
        self.trustProviderMFA = trustProviderMFA
        self.redirectURI = redirectURI
        self.errors = errors
    }
}

/// The administrator's single sign-on settings for their own organisation (ADR 0011). The
/// client secret is write-only: the field is always empty.
public enum SSOSettingsPage {
    public static func render(_ context: PageContext, _ m: SSOSettingsModel) -> String {
        let t = context.t
        return Layout.page(context, title: t(.ssoTitle)) {
            el("p") { t(.ssoExplain, m.organisationName) }
            el("p") {
                if let updatedAt = m.updatedAt {
                    t(.ssoStatusOn, DateText.timestamp(updatedAt, t.locale))
                } else {
                    t(.ssoStatusOff)
                }
            }
            el("p") { t(.ssoRedirectURI) }
            el("p") { el("code", ["id": "redirect-uri"]) { m.redirectURI } }
            el("form", ["method": "post", "action": Paths.adminSSO(), "novalidate": ""]) {
                Form.csrf(context)
                Form.errorSummary(context, m.errors)
                Form.input(
                    context, label: t(.ssoIssuer), name: "issuer", value: m.issuer, type: "url", errors: m.errors,
                    required: true, hint: t(.ssoIssuerHint))
                Form.input(
                    context, label: t(.ssoClientId), name: "clientId", value: m.clientID, errors: m.errors,
                    required: true)
                Form.input(
                    context, label: t(.ssoClientSecret), name: "clientSecret", type: "password", errors: m.errors,
                    required: m.updatedAt == nil, hint: t(.ssoClientSecretHint), autocomplete: "off")
                Form.checkboxes(
                    context, legend: t(.ssoOptions), name: "options",
                    options: [("requireSSO", t(.ssoRequire)), ("trustProviderMFA", t(.ssoTrustMFA))],
                    checked: Set(
                        [m.requireSSO ? "requireSSO" : nil, m.trustProviderMFA ? "trustProviderMFA" : nil].compactMap {
                            $0
                        }))
                el("p", ["class": "hint"]) { t(.ssoTrustMFAExplain) }
                Form.submit(t(.ssoSave))
            }
            if m.updatedAt != nil {
                el("form", ["method": "post", "action": Paths.adminSSORemove(), "class": "action"]) {
                    Form.csrf(context)
                    Form.submit(t(.ssoRemove), secondary: true)
                }
            }
        }
    }
}
