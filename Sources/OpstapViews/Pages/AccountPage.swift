import Foundation
import OpstapDomain

public struct TokenRow: Sendable {
    public var id: UUID
    public var name: String
    public var createdAt: Date?
    public var lastUsedAt: Date?
    public var expiresAt: Date?
    public init(id: UUID, name: String, createdAt: Date?, lastUsedAt: Date?, expiresAt: Date? = nil) {
        self.id = id
        self.name = name
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt
        self.expiresAt = expiresAt
    }
}

public struct AccountModel: Sendable {
    public var email: String
    public var roles: [Role]
    public var organisation: String
    public var tokens: [TokenRow]
    public var newToken: String?
    public var errors: [FieldError]
    public var passwordErrors: [FieldError] = []
    /// The lifetimes a new API token may have, in days; the first is the default.
    public var tokenLifetimes: [Int] = [90, 30, 365]
    public var mfaOn = false
    /// The number participants see on their team page (`/mijn/team`), with its problems.
    public var phone = ""
    public var phoneErrors: [FieldError] = []
    public init(
        email: String, roles: [Role], organisation: String, tokens: [TokenRow], newToken: String?, errors: [FieldError]
    ) {
        self.email = email
        self.roles = roles
        self.organisation = organisation
        self.tokens = tokens
        self.newToken = newToken
        self.errors = errors
    }
}

/// The user's own settings: language and API tokens.
public enum AccountPage {
    public static func render(_ context: PageContext, _ m: AccountModel) -> String {
        let t = context.t
        return Layout.page(context, title: t(.accountTitle)) {
            Widgets.facts([
                (t(.email), m.email), (t(.organisation), m.organisation),
                (t(.rolesLabel), m.roles.map { t.label($0) }.joined(separator: ", ")),
                (t(.mfaEnrolTitle), m.mfaOn ? t(.mfaStatusOn) : t(.mfaStatusOff)),
            ])
            el("p") { Widgets.link(t(.mfaLink), Paths.accountMFA()) }
            el("h2") { t(.phoneTitle) }
            el("form", ["method": "post", "action": Paths.accountPhone(), "class": "action"]) {
                Form.csrf(context)
                Form.input(
                    context, label: t(.phone), name: "phone", value: m.phone, type: "tel", errors: m.phoneErrors,
                    hint: t(.phoneForParticipantsHint), autocomplete: "tel")
                Form.submit(t(.phoneSave), secondary: true)
            }
            el("h2") { t(.languageTitle) }
            el("form", ["method": "post", "action": Paths.accountLocale(), "class": "action"]) {
                Form.csrf(context)
                Form.select(
                    context, label: t(.language), name: "locale", options: [("nl", "Nederlands"), ("en", "English")],
                    selected: t.locale.rawValue)
                Form.submit(t(.save), secondary: true)
            }
            el("h2") { t(.passwordTitle) }
            el("form", ["method": "post", "action": Paths.accountPassword(), "class": "action", "novalidate": ""]) {
                Form.csrf(context)
                Form.errorSummary(context, m.passwordErrors)
                Form.input(
                    context, label: t(.currentPassword), name: "current", type: "password", errors: m.passwordErrors,
                    required: true, autocomplete: "current-password")
                Form.input(
                    context, label: t(.newPassword), name: "new", type: "password", errors: m.passwordErrors,
                    required: true, hint: t(.passwordHint), autocomplete: "new-password")
                Form.submit(t(.changePassword), secondary: true)
            }
            el("h2") { t(.tokensTitle) }
            el("p") { t(.tokensExplain) }
            if let token = m.newToken {
                el("div", ["class": "flash", "role": "status"]) {
                    el("p") { t(.tokenCreated) }
                    el("p") { el("code", ["id": "new-token"]) { token } }
                }
            }
            Widgets.table(
                caption: t(.tokensTitle), headers: [t(.name), t(.createdAt), t(.lastUsed), t(.tokenExpires), ""],
                rows: m.tokens.map { token in
                    [
                        .text(token.name), .text(token.createdAt.map { DateText.timestamp($0, t.locale) } ?? ""),
                        .text(token.lastUsedAt.map { DateText.timestamp($0, t.locale) } ?? t(.never)),
                        .text(token.expiresAt.map { DateText.timestamp($0, t.locale) } ?? ""),
                        el(
                            "form",
                            [
                                "method": "post", "action": Paths.accountTokenRevoke(token.id),
                                "class": "inline",
                            ]
                        ) {
                            Form.csrf(context)
                            Form.submit(t(.revoke), secondary: true)
                        },
                    ]
                },
                empty: t(.noTokens))
            el("form", ["method": "post", "action": Paths.accountTokens(), "class": "action", "novalidate": ""]) {
                Form.csrf(context)
                Form.errorSummary(context, m.errors)
                Form.input(context, label: t(.tokenName), name: "name", errors: m.errors, required: true)
                Form.select(
                    context, label: t(.tokenLifetime), name: "days",
                    options: m.tokenLifetimes.map { (String($0), t(.tokenDays, String($0))) },
                    selected: String(m.tokenLifetimes.first ?? 90), errors: m.errors)
                Form.submit(t(.createToken))
            }
        }
    }
}
