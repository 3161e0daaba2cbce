import Foundation
import OpstapDomain

/// The second step of signing in: the authenticator code (or a recovery code).
public enum MFAVerifyPage {
    public static func render(_ context: PageContext, errors: [FieldError]) -> String {
        let t = context.t
        return Layout.page(context, title: t(.mfaVerifyTitle)) {
            el("p") { t(.mfaVerifyExplain) }
            el("form", ["method": "post", "action": Paths.loginMFA(), "class": "narrow", "novalidate": ""]) {
                Form.csrf(context)
                Form.errorSummary(context, errors)
                Form.input(
                    context, label: t(.mfaCode), name: "code", errors: errors, required: true, hint: t(.mfaCodeHint),
                    autocomplete: "one-time-code")
                Form.submit(t(.mfaVerifyButton))
            }
            el("form", ["method": "post", "action": Paths.logout(), "class": "inline"]) {
                Form.csrf(context)
                Form.submit(t(.mfaCancel), secondary: true)
            }
        }
    }
}

public struct MFAEnrolModel: Sendable {
    /// The authenticator key in base32, shown in groups of four for typing.
    public var secret: String
    public var qr: QRCode
    public var required: Bool
    public var errors: [FieldError]
    public init(secret: String, qr: QRCode, required: Bool, errors: [FieldError]) {
        self.secret = secret
        self.qr = qr
        self.required = required
        self.errors = errors
    }
}

/// Setting up the authenticator: QR code, the key to type by hand, and the first code.
public enum MFAEnrolPage {
    public static func render(_ context: PageContext, _ m: MFAEnrolModel) -> String {
        let t = context.t
        let grouped = stride(from: 0, to: m.secret.count, by: 4).map { start -> String in
            let from = m.secret.index(m.secret.startIndex, offsetBy: start)
            return String(m.secret[from..<m.secret.index(from, offsetBy: min(4, m.secret.count - start))])
        }.joined(separator: " ")
        return Layout.page(context, title: t(.mfaEnrolTitle)) {
            if m.required { el("p", ["class": "flash", "role": "status"]) { t(.mfaRequiredExplain) } }
            el("ol") {
                el("li") { t(.mfaEnrolStepApp) }
                el("li") { t(.mfaEnrolStepScan) }
                el("li") { t(.mfaEnrolStepCode) }
            }
            el("figure", ["class": "qr"]) {
                QRCodeSVG.render(m.qr, label: t(.mfaQRLabel))
                el("figcaption") {
                    t(.mfaManualKey)
                    " "
                    el("code", ["id": "mfa-secret", "data-secret": m.secret]) { grouped }
                }
            }
            el("form", ["method": "post", "action": Paths.accountMFA(), "class": "narrow", "novalidate": ""]) {
                Form.csrf(context)
                Form.errorSummary(context, m.errors)
                Form.input(
                    context, label: t(.mfaCode), name: "code", errors: m.errors, required: true,
                    autocomplete: "one-time-code")
                Form.submit(t(.mfaEnrolButton))
            }
        }
    }
}

/// The recovery codes, shown once after enrolment.
public enum MFARecoveryCodesPage {
    public static func render(_ context: PageContext, codes: [String]) -> String {
        let t = context.t
        return Layout.page(context, title: t(.mfaRecoveryTitle)) {
            el("p") { t(.mfaRecoveryExplain) }
            el("ul", ["class": "recovery-codes", "id": "recovery-codes"]) {
                for code in codes { el("li") { el("code") { code } } }
            }
            el("p") { Widgets.link(t(.mfaContinue), Paths.home()) }
        }
    }
}

/// The account page's MFA status when the authenticator is set up.
public enum MFAStatusPage {
    public static func render(_ context: PageContext, since: Date, recoveryCodesLeft: Int) -> String {
        let t = context.t
        return Layout.page(context, title: t(.mfaEnrolTitle)) {
            el("p") { t(.mfaActiveSince, DateText.timestamp(since, t.locale)) }
            el("p") { t(.mfaRecoveryLeft, String(recoveryCodesLeft)) }
            el("p") { t(.mfaLostExplain) }
            el("p") { Widgets.link(t(.back), Paths.account()) }
        }
    }
}

/// A QR code as inline SVG: one path of dark squares, with a quiet zone of four modules.
/// Presentation attributes only (no style), so the page's content security policy holds.
public enum QRCodeSVG {
    public static func render(_ code: QRCode, label: String, moduleSize: Int = 4) -> HTMLNode {
        let quiet = 4
        let extent = code.size + 2 * quiet
        var path = ""
        for (row, modules) in code.modules.enumerated() {
            for (column, dark) in modules.enumerated() where dark {
                path += "M\(column + quiet) \(row + quiet)h1v1h-1z"
            }
        }
        return .element(
            "svg",
            [
                .init("xmlns", "http://www.w3.org/2000/svg"), .init("viewBox", "0 0 \(extent) \(extent)"),
                .init("width", String(extent * moduleSize)), .init("height", String(extent * moduleSize)),
                .init("role", "img"), .init("aria-label", label), .init("shape-rendering", "crispEdges"),
            ],
            [
                .element(
                    "rect",
                    [.init("width", String(extent)), .init("height", String(extent)), .init("fill", "#ffffff")], []),
                .element("path", [.init("d", path), .init("fill", "#000000")], []),
            ])
    }
}
