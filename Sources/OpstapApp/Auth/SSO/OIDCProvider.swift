import Foundation
import JWTKit
import NIOConcurrencyHelpers
import NIOCore
import OpstapDomain
import Vapor

/// An HTTP answer from an OpenID provider.
struct OIDCHTTPResponse: Sendable {
    var status: UInt
    var body: Data
}

/// How Opstap talks to OpenID providers: Vapor's HTTP client in production, a fake provider
/// in the Swift tests (no network; the Python operations test uses a real provider).
protocol OIDCTransport: Sendable {
    func get(_ url: String) async throws -> OIDCHTTPResponse
    func postForm(_ url: String, form: [(String, String)], headers: HTTPHeaders) async throws -> OIDCHTTPResponse
}

struct VaporOIDCTransport: OIDCTransport {
    /// The application's client, taken at each call: it exists only once the app is running.
    let app: Application
    private var client: any Client { app.client }
    static let timeout = TimeAmount.seconds(10)
    /// Discovery documents, key sets and token answers are small; anything bigger is refused.
    static let maxBytes = 1024 * 1024

    func get(_ url: String) async throws -> OIDCHTTPResponse {
        let response = try await client.get(URI(string: url)) {
            $0.timeout = Self.timeout
            $0.headers.replaceOrAdd(name: .accept, value: "application/json")
        }
        return try Self.answer(response)
    }

    func postForm(_ url: String, form: [(String, String)], headers: HTTPHeaders) async throws -> OIDCHTTPResponse {
        let response = try await client.post(URI(string: url), headers: headers) {
            $0.timeout = Self.timeout
            $0.headers.replaceOrAdd(name: .contentType, value: "application/x-www-form-urlencoded")
            $0.headers.replaceOrAdd(name: .accept, value: "application/json")
            $0.body = ByteBuffer(string: OIDCProvider.formEncode(form))
        }
        return try Self.answer(response)
    }

    private static func answer(_ response: ClientResponse) throws -> OIDCHTTPResponse {
        var body = response.body ?? ByteBuffer()
        guard body.readableBytes <= maxBytes else { throw SSORefusal.providerUnreachable }
        return OIDCHTTPResponse(status: response.status.code, body: body.readData(length: body.readableBytes) ?? Data())
    }
}

/// What `/.well-known/openid-configuration` says (OpenID Connect Discovery 1.0 §3).
struct OIDCMetadata: Codable, Sendable {
    var issuer: String
    var authorizationEndpoint: String
    var tokenEndpoint: String
    var jwksURI: String
    var tokenEndpointAuthMethodsSupported: [String]?
    var codeChallengeMethodsSupported: [String]?

    enum CodingKeys: String, CodingKey {
        case issuer
        case authorizationEndpoint = "authorization_endpoint"
        case tokenEndpoint = "token_endpoint"
        case jwksURI = "jwks_uri"
        case tokenEndpointAuthMethodsSupported = "token_endpoint_auth_methods_supported"
        case codeChallengeMethodsSupported = "code_challenge_methods_supported"
    }
}

/// Discovery, the provider's keys and the token endpoint, with a cache per issuer shared by
/// all requests of this process: discovery and JWKS are fetched at most once an hour, and the
/// keys again when a token names a key id not seen yet (key rotation), at most once a minute.
final class OIDCProvider: Sendable {
    static let cacheLifetime: TimeInterval = 3600
    static let refetchInterval: TimeInterval = 60
    /// Algorithms accepted in ID tokens: asymmetric only ("none" and HMAC never).
    static let acceptedAlgorithms: Set<String> = [
        "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384",
    ]

    struct Entry: Sendable {
        var metadata: OIDCMetadata
        var keys: JWTKeyCollection
        var keyIDs: Set<String>
        var fetchedAt: Date
        var keysFetchedAt: Date
    }

    let transport: any OIDCTransport
    private let entries = NIOLockedValueBox<[String: Entry]>([:])

    init(transport: any OIDCTransport) { self.transport = transport }

    /// The issuer's metadata, from the cache or fetched. Throws `providerUnreachable`.
    func metadata(issuer: String, now: Date = Date()) async throws -> OIDCMetadata {
        try await entry(issuer: issuer, now: now).metadata
    }

    /// Fetches and checks discovery now (used when an administrator saves the settings).
    func discover(issuer: String) async throws -> OIDCMetadata {
        let response = try await transport.get(IssuerURLRule.discoveryURL(issuer))
        guard response.status == 200,
            let metadata = try? JSONDecoder().decode(OIDCMetadata.self, from: response.body)
        else { throw SSORefusal.providerUnreachable }
        // Discovery §4.3: the document must name exactly the issuer it was fetched for.
        guard metadata.issuer == issuer,
            [metadata.authorizationEndpoint, metadata.tokenEndpoint, metadata.jwksURI].allSatisfy({
                IssuerURLRule.problem($0) == nil || Self.hasQuery($0)
            })
        else { throw SSORefusal.providerUnreachable }
        return metadata
    }

    /// An endpoint may carry a query (some providers do); the scheme rule still applies.
    private static func hasQuery(_ url: String) -> Bool {
        guard var components = URLComponents(string: url), components.query != nil else { return false }
        components.query = nil
        return IssuerURLRule.problem(components.string ?? "") == nil
    }

    private func entry(issuer: String, now: Date) async throws -> Entry {
        if let cached = entries.withLockedValue({ $0[issuer] }),
            now.timeIntervalSince(cached.fetchedAt) < Self.cacheLifetime
        {
            return cached
        }
        let metadata = try await discover(issuer: issuer)
        let (keys, ids) = try await fetchKeys(metadata)
        let entry = Entry(metadata: metadata, keys: keys, keyIDs: ids, fetchedAt: now, keysFetchedAt: now)
        entries.withLockedValue { $0[issuer] = entry }
        return entry
    }

    private func fetchKeys(_ metadata: OIDCMetadata) async throws -> (JWTKeyCollection, Set<String>) {
        let response = try await transport.get(metadata.jwksURI)
        guard response.status == 200, let jwks = try? JSONDecoder().decode(JWKS.self, from: response.body) else {
            throw SSORefusal.providerUnreachable
        }
        let keys = JWTKeyCollection()
        var ids: Set<String> = []
        // Keys the library cannot use (encryption keys, unknown types) are skipped, not fatal.
        let signing = jwks.keys.filter { $0.keyIdentifier != nil }
        for jwk in signing {
            if (try? await keys.add(jwk: jwk, isDefault: signing.count == 1)) != nil, let id = jwk.keyIdentifier {
                ids.insert(id.string)
            }
        }
        guard !ids.isEmpty else { throw SSORefusal.providerUnreachable }
        return (keys, ids)
    }

    /// Forgets an issuer (its settings changed).
    func forget(issuer: String) {
        _ = entries.withLockedValue { $0.removeValue(forKey: issuer) }
    }

    // MARK: Token endpoint

    /// Exchanges the authorization code for the ID token (RFC 6749 §4.1.3, RFC 7636 §4.5).
    func exchange(
        code: String, verifier: String, redirectURI: String, clientID: String, clientSecret: String,
        issuer: String, now: Date
    ) async throws -> String {
        let metadata = try await metadata(issuer: issuer, now: now)
        var form = [
            ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", redirectURI),
            ("code_verifier", verifier),
        ]
        var headers = HTTPHeaders()
        let methods = metadata.tokenEndpointAuthMethodsSupported ?? ["client_secret_basic"]
        if methods.contains("client_secret_basic") || !methods.contains("client_secret_post") {
            // RFC 6749 §2.3.1: both parts form-encoded before base64.
            let pair = Self.formComponent(clientID) + ":" + Self.formComponent(clientSecret)
            headers.replaceOrAdd(name: .authorization, value: "Basic " + Data(pair.utf8).base64EncodedString())
        } else {
            form += [("client_id", clientID), ("client_secret", clientSecret)]
        }
        let response: OIDCHTTPResponse
        do {
            response = try await transport.postForm(metadata.tokenEndpoint, form: form, headers: headers)
        } catch {
            throw SSORefusal.providerUnreachable
        }
        struct TokenAnswer: Decodable { let id_token: String? }
        guard response.status == 200 else { throw SSORefusal.codeRefused }
        guard let answer = try? JSONDecoder().decode(TokenAnswer.self, from: response.body), let token = answer.id_token
        else { throw SSORefusal.malformedToken }
        return token
    }

    // MARK: ID token

    /// Verifies the signature against the issuer's keys and returns the claims; the claim
    /// rules (`IDTokenRules`) are checked by the caller.
    func verifiedClaims(_ token: String, issuer: String, now: Date) async throws -> IDTokenClaims {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let headerData = Data(base64URL: String(parts[0])),
            let header = try? JSONDecoder().decode(Header.self, from: headerData),
            Self.acceptedAlgorithms.contains(header.alg)
        else { throw SSORefusal.malformedToken }
        var entry = try await entry(issuer: issuer, now: now)
        if let kid = header.kid, !entry.keyIDs.contains(kid),
            now.timeIntervalSince(entry.keysFetchedAt) >= Self.refetchInterval
        {
            // A key we have not seen: the provider may have rotated its keys.
            let (keys, ids) = try await fetchKeys(entry.metadata)
            entry.keys = keys
            entry.keyIDs = ids
            entry.keysFetchedAt = now
            let updated = entry
            entries.withLockedValue { $0[issuer] = updated }
        }
        let payload: Payload
        do {
            payload = try await entry.keys.verify(token, as: Payload.self)
        } catch is DecodingError {
            throw SSORefusal.malformedToken
        } catch {
            throw SSORefusal.badSignature
        }
        return payload.claims
    }

    private struct Header: Decodable {
        let alg: String
        let kid: String?
    }

    /// The raw claims; the checks are ours (`IDTokenRules`), so the library only verifies the signature.
    struct Payload: JWTPayload {
        var iss: String?
        var aud: Audience?
        var azp: String?
        var exp: Double?
        var iat: Double?
        var nonce: String?
        var sub: String?
        var email: String?
        var email_verified: FlexibleBool?
        var name: String?
        var amr: [String]?

        func verify(using algorithm: some JWTAlgorithm) async throws {}

        var claims: IDTokenClaims {
            IDTokenClaims(
                issuer: iss, audiences: aud?.values ?? [], authorizedParty: azp,
                expiresAt: exp.map(Date.init(timeIntervalSince1970:)),
                issuedAt: iat.map(Date.init(timeIntervalSince1970:)),
                nonce: nonce, subject: sub, email: email?.lowercased(), emailVerified: email_verified?.value,
                name: name,
                authenticationMethods: amr ?? [])
        }
    }

    /// `aud` is a string or an array of strings (RFC 7519 §4.1.3).
    struct Audience: Codable, Sendable {
        var values: [String]
        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let one = try? container.decode(String.self) {
                values = [one]
            } else {
                values = try container.decode([String].self)
            }
        }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(values)
        }
    }

    /// Some providers send `email_verified` as the string "true".
    struct FlexibleBool: Codable, Sendable {
        var value: Bool
        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let bool = try? container.decode(Bool.self) {
                value = bool
            } else {
                value = (try? container.decode(String.self))?.lowercased() == "true"
            }
        }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(value)
        }
    }

    // MARK: Encoding

    /// RFC 3986 unreserved characters, ASCII only.
    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    static func formComponent(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    static func formEncode(_ fields: [(String, String)]) -> String {
        fields.map { formComponent($0.0) + "=" + formComponent($0.1) }.joined(separator: "&")
    }
}

extension Application {
    struct OIDCProviderKey: StorageKey { typealias Value = OIDCProvider }

    /// The process's OpenID provider client; tests replace it with a fake transport.
    var oidcProvider: OIDCProvider {
        get { storage[OIDCProviderKey.self] ?? OIDCProvider(transport: VaporOIDCTransport(app: self)) }
        set { storage[OIDCProviderKey.self] = newValue }
    }
}
