import Crypto
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// The browser session of one request, loaded and saved by `WebSessionMiddleware`. It
/// replaces Vapor's sessions, which rewrite the stored row on every response that touches
/// the session and store one for every anonymous visitor.
final class WebSession: Sendable {
    struct State {
        var recordID: UUID?
        var userID: UUID?
        var data: [String: String] = [:]
        var loaded: [String: String] = [:]
        var lastSeenAt: Date?
        var destroyed = false
        /// Set at sign-in: the old session (if any) is removed and a new id issued.
        var renewed = false
        /// The anonymous CSRF token to send back in a signed cookie.
        var pendingCSRF: String?
    }

    let box = NIOLockedValueBox(State())
    /// The key that signs the anonymous CSRF cookie.
    let signingKey: SymmetricKey

    init(signingKey: SymmetricKey) { self.signingKey = signingKey }

    var userID: UUID? { box.withLockedValue { $0.destroyed ? nil : $0.userID } }

    subscript(key: String) -> String? {
        get { box.withLockedValue { $0.data[key] } }
        set { box.withLockedValue { $0.data[key] = newValue } }
    }

    /// Starts a new signed-in session for `userID` with a fresh CSRF token; `mfa` marks a
    /// session that still waits for the second step or for enrolment (`MFA`).
    func signIn(userID: UUID, mfa: String? = nil, now: Date = Date()) {
        box.withLockedValue {
            $0.userID = userID
            $0.data = [CSRFMiddleware.sessionKey: [UInt8].random(count: 24).base64URLEncoded()]
            if let mfa {
                $0.data[MFA.sessionKey] = mfa
                $0.data[MFA.sinceKey] = String(Int(now.timeIntervalSince1970))
            }
            $0.renewed = true
            $0.destroyed = false
        }
    }

    func destroy() {
        box.withLockedValue { $0.destroyed = true }
    }
}

extension Request {
    private struct WebSessionKey: StorageKey { typealias Value = WebSession }

    /// The session `WebSessionMiddleware` loaded; a throwaway one for requests outside it.
    var webSession: WebSession {
        get {
            if let session = storage[WebSessionKey.self] { return session }
            let session = WebSession(signingKey: SymmetricKey(size: .bits256))
            storage[WebSessionKey.self] = session
            return session
        }
        set { storage[WebSessionKey.self] = newValue }
    }
}
