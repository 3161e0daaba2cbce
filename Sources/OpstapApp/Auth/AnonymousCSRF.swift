import Crypto
import Foundation
import Vapor

/// The CSRF token of a visitor who is not signed in (the sign-in, set-up and invitation
/// forms) lives in a cookie signed with the server's key instead of a stored session: an
/// anonymous visit stores nothing, and a site that can plant cookies cannot forge one.
enum AnonymousCSRF {
    static let cookieName = "opstap_csrf"

    /// The token the visitor's cookie carries, or a new one sent with this response.
    static func token(for request: Request) -> String {
        let session = request.webSession
        if let pending = session.box.withLockedValue({ $0.pendingCSRF }) { return pending }
        if let value = request.cookies[cookieName]?.string, let nonce = verify(value, key: session.signingKey) {
            return nonce
        }
        let fresh = [UInt8].random(count: 24).base64URLEncoded()
        session.box.withLockedValue { $0.pendingCSRF = fresh }
        return fresh
    }

    static func cookie(nonce: String, key: SymmetricKey, secure: Bool) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: nonce + "." + signature(nonce, key: key), path: "/", isSecure: secure, isHTTPOnly: true,
            sameSite: .lax)
    }

    static func verify(_ value: String, key: SymmetricKey) -> String? {
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        let nonce = String(parts[0])
        guard let mac = Data(base64URL: String(parts[1])),
            HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: Data(nonce.utf8), using: key)
        else { return nil }
        return nonce
    }

    private static func signature(_ nonce: String, key: SymmetricKey) -> String {
        Array(HMAC<SHA256>.authenticationCode(for: Data(nonce.utf8), using: key)).base64URLEncoded()
    }
}

extension Data {
    /// Decodes unpadded base64url (RFC 4648 §5).
    init?(base64URL text: String) {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        self.init(base64Encoded: base64)
    }
}
