import Crypto
import Testing
import Foundation
import JWTKit
import NIOConcurrencyHelpers
import NIOHTTP1
import Vapor
@testable import OpstapApp

/// An OpenID provider inside the test process (no network): discovery, a JWKS with the test's
/// own RSA key, and a token endpoint that checks the PKCE verifier and answers with an ID
/// token the test shapes (`claims`), signed with that key (or another, for tampering tests).
final class FakeOIDCProvider: OIDCTransport, @unchecked Sendable {
    static let issuer = "https://idp.example.test/realm"
    static let clientID = "opstap-test"
    static let clientSecret = "s3cret-for-the-test"

    /// Test-only keys (generated for these tests; they protect nothing).
    static let signingKeyPEM = """
        -----BEGIN PRIVATE KEY-----
        MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQDG6wX7g1hNaJBL
        MC3duFka5DWGmhqD51kubQlluiEUf4zbJf3V6hoxk8DXfWcIk8LscG5ESyOGqYGh
        1N4+2g9CKVuVD9XqfIY9lNjh1e3osnsjJdegSuxQ6dzyWsyMyQdNbNePzYsPUi1/
        KxH5O2m46LG6DJNkCU+ooVZtkudrGFODZeMgOynOGNvattEZYqnmvQOdYzScPACK
        z0cekVln5pk4E0218/giBDEY/B7IYx2hjSrX9NQuwDp3VyATMf3I4z5MFkgF+DYY
        sgM7W1I0zLdPE1M21UbNWf8u2AykBLyyW8qvhYAqhIGDfqsrCmLp8Foh6x6qWWyL
        s5/lHQ+3AgMBAAECggEAFdp8LcWgTeDO+XOxlkpKf8nSl5cWkqc4BQG1ppdsSvQ4
        ZVsnJ/kwJ4I0DXiZeTfCkndHpfkbThARTdY1FHKgeoRQq2+x8LD9joZrzWPTX108
        agAeUF3q2HjY7UdMcaskQj1S8VmDjYtZtD7nGpqMYuQtomL/Tl43gi83b5JUGk/A
        RK5Vv46GDyGJuLb1b2mRiKmURddPeHXkyAY2FQ/GaiQLDpW1c9wqFjyC7nLnfOrQ
        PORVEQq5crNBwtmIedqF8cOu2vGVNg9e/B8Wnk6aQeYSnTkjrXm1YvCkHK+DhRXb
        vmkO/2mDRbdXiLNBYY/XhayvLIxRuiDHL6YhjhO4AQKBgQDmkA1VyBCklN8fCIPb
        dc8fdMVMW1wqil2ZzHqjfG8tcBwEcMLsb92nk7ob1nQiqMLElTM0Ak85sK+Zx126
        fOHHto6k6DgMHvXunZJMoe3hWRrJph6e8iq5SifotXA2LmeXboRx0f8zf5LAB4bf
        loLjCH/xQ9h/M9G+Rl/SuWmFVwKBgQDc3TV6pWISZDDjtbr9YHudI6J90h0JglFq
        Oxhnf8q5RMnT1PCpwFc9snazBXPc10uvPtHuHDJQoOJjmWLOthCAumEXu3YfL6ns
        DNP0IcZzr09ZobYYKFCRC4PBzgqIW64uyMpa1vbYEqxy+eCuZUSd1elpG6xIwz2t
        r84R20zsoQKBgE4BfNGB/8d/KsIYImx0vl/ZJQuBeXxXFfX8DZ4UcpT/8iq6b+iI
        rIiO3Y+fjelQCZ1zEUDOazmMgszXe+mlaMomBLrcamIHc5OIsj/FJXNxrzN8Ra3n
        JvdLlJcSE+Xw61F7rcnIj7w/tEnOAh7RkHT5ojfhiXT39kWXD8J+wqm/AoGAaaJ/
        fo51Lpiu7Wow6hjoZorxn74L1012BRoInQ/49M2avm89P+NXlpGxxgPYm4p5j3K7
        U2g3BGs+fCaTpIxdrkP2RjSJ1XaljdnA0iYJVbFGgXcfscQubIEWXm5eiUNYNtYg
        OnxQCZ48zq0GskKLI/Z4saXjq9V9vYG1TMMXsqECgYEAut9CBSbiNJXRZHBsBoU2
        sNWglqIfsA0fn+/gNUUaVHKXh0XkaIiSuITdUNHNm+KtCMheTU+/t1esiVRceZp1
        2WC5IDo1iZ/WhUvyNgf7+sKAPcxY5Uce1MlzBv2ZYYk31cSBwNbSRP7gW3biadTg
        ZtO5xXUb/FM48VB6L95Qyy0=
        -----END PRIVATE KEY-----
        """
    static let otherKeyPEM = """
        -----BEGIN PRIVATE KEY-----
        MIIEvAIBADANBgkqhkiG9w0BAQEFAASCBKYwggSiAgEAAoIBAQCOhFJn8Y+dhrLY
        1kTSHEdmHVtBj8VbIaQgSk0jjo1O2jx1SRYwJV3SRV5KvenHynjBBMws0US5OVxU
        BqEnjdDS7as9d5nJpftw+IGIgADglK4KJ/oGVreFMMphUOA8Uxgrht1kQ+3Cg5+x
        i/bqRNln4HIVjsRIJyA/p6Qd9k4xnuse4dV9Pd2hqPvWsPH9kj+N0rFfs0/2XxbD
        MZc/pPYbX2bmVHUpfymqy/dSq+mjr9rG9DiQOeNi8k0zKl5UeDY7DlAnpqPh5SQQ
        ukeOu/2daMsDn+CtYk+wqDeto5l4jm7hp/6YnXxH7d0H1S/rDwrvusW8RK1Ofaml
        n2mTxUHzAgMBAAECggEADNgxX4h7UhsGv9l0s58a2Q6b3+ln3YVg3nKNez8cAaRU
        cjM950vAcsGpWueJspkCXLSxYvffAsNmf9tmtA+2NDYTCrCR0R7yVEWbBXgyTz6Q
        y2RVxpms/QZFs/miP0czh92MbIuQWfybUvKNAW/NGSCdOs/DZWFcj0ztOX1ICA63
        i9rL3F8st7YDddN8sPQjjUBZ7trT3VLvtT7YI5d7uYslNXGcJDxWwIsxvfktEph9
        GarxA+wbidvl4OacTeT/qB5EzqRssGBGuiiVnoBGqUgyr4ZWSuhZV3IyhVaay3wM
        tCbhbGYNWaMXebjoy0jNo5vUc4bZoXuYDpdKgJUcWQKBgQDIAHMnrAdQPUeU+g2R
        zkYGgjOZNWxKdvqYNTKnWJPWH8qxmR+PTKNgtnhXVsh5OaHB71C09r5E4NgM4Ntc
        nCyoq3EMHyBowIwbGqfkl5ih7yzfzQqi7zjZwwLcDeWMmFstUfrOf2VYajVIXw4/
        iMdLedatPMCFjAjJs/hAinHN5QKBgQC2a4WRHjP//di0Vk7sooy8dyfR1tafnx5O
        VXjdnGovtLBRl0jsF95eX9vee8rT8c99mqxIYkK8QCBzp7IlPyAnLwSy4xE/OvbL
        BCld/HBgmOqNGLPUrDvyrG/rYaD4nTosg72xfrixWIFXc7gjINOG7PAiIWRK51bF
        wf0IZa+S9wKBgA03kmSdxsHzusZKnBj1o8UMV7KZSDXHlRn38ggDH4n4AeIot2A1
        9VoP1PYYoxj3yQvS7+d1ou9UWJLJTVXacE0ZP1hIulCR4PBtm4jMx+Zzsuh7WWeZ
        HY2uiILYXEIlU2k0ULnSy3TDWBAXUA680EbZn2lFaYep0G7b+NzzCUBNAoGAOier
        DCmB0GF/3XYKcTwc+9RM2IPSJk8W3Ug4YQYFgDHtaAV/1OyDErkiohn6/nh/en59
        4BGbTuJuthBHJcKrIHLH37OuAudsWCp6eaEJvnHhjJvMcMd70RCSGYslQzz0l85k
        AhrxDHC3w0Z79I75gHE22NqmW47GxgLjBPNN9t8CgYBoEBsVmyOrV4GtfsLAqXdR
        DiTmoY+u4CFtjOs9m7PZQKBw4tYJTl+TEg7FvuUYW1JtIiIgYHwu0GIYbt+AH0z2
        ju2CMf4UckHZcdRjwoznSNzLLDsMA3SrT11qJkAZ/8upEesibAtes06r7M1pgzx4
        HPDONYjr/Ngk8UpgJ6h23w==
        -----END PRIVATE KEY-----
        """

    struct Authorization: Sendable {
        var challenge: String
        var nonce: String
    }

    struct State: Sendable {
        /// code → what the authorize request carried.
        var codes: [String: Authorization] = [:]
        var tokenRequests: [[String: String]] = []
        var jwksFetches = 0
        var discoveryFetches = 0
        var discoveryIssuer: String = FakeOIDCProvider.issuer
    }

    let state = NIOLockedValueBox(State())
    /// Builds the ID token's claims from the nonce of the authorize request.
    let claims = NIOLockedValueBox<@Sendable (String) -> TestIDToken>({ _ in TestIDToken() })
    /// Sign with the key the JWKS does not publish.
    let signWithOtherKey = NIOLockedValueBox(false)
    /// Change the token after signing (a tampered payload).
    let tamper = NIOLockedValueBox<(@Sendable (String) -> String)?>(nil)

    /// Remembers what the browser's authorize request carried, as the provider would before
    /// redirecting back with `code`.
    func authorize(url: String) throws -> (code: String, state: String) {
        let components = try #require(URLComponents(string: url))
        let items = Dictionary(uniqueKeysWithValues: (components.queryItems ?? []).map { ($0.name, $0.value ?? "") })
        let code = UUID().uuidString
        state.withLockedValue {
            $0.codes[code] = Authorization(challenge: items["code_challenge"] ?? "", nonce: items["nonce"] ?? "")
        }
        return (code, items["state"] ?? "")
    }

    func get(_ url: String) async throws -> OIDCHTTPResponse {
        if url == Self.issuer + "/.well-known/openid-configuration" {
            let issuer = state.withLockedValue {
                $0.discoveryFetches += 1
                return $0.discoveryIssuer
            }
            let body: [String: Any] = [
                "issuer": issuer, "authorization_endpoint": Self.issuer + "/authorize",
                "token_endpoint": Self.issuer + "/token", "jwks_uri": Self.issuer + "/jwks",
                "code_challenge_methods_supported": ["S256"],
                "token_endpoint_auth_methods_supported": ["client_secret_basic"],
            ]
            return OIDCHTTPResponse(status: 200, body: try JSONSerialization.data(withJSONObject: body))
        }
        if url == Self.issuer + "/jwks" {
            state.withLockedValue { $0.jwksFetches += 1 }
            let key = try Insecure.RSA.PrivateKey(pem: Self.signingKeyPEM).publicKey
            let (n, e) = try key.getKeyPrimitives()
            let jwk: [String: Any] = [
                "kty": "RSA", "kid": "test-key", "use": "sig", "alg": "RS256",
                "n": Array(n).base64URLEncoded(), "e": Array(e).base64URLEncoded(),
            ]
            return OIDCHTTPResponse(status: 200, body: try JSONSerialization.data(withJSONObject: ["keys": [jwk]]))
        }
        return OIDCHTTPResponse(status: 404, body: Data())
    }

    func postForm(_ url: String, form: [(String, String)], headers: HTTPHeaders) async throws -> OIDCHTTPResponse {
        guard url == Self.issuer + "/token" else { return OIDCHTTPResponse(status: 404, body: Data()) }
        let fields = Dictionary(form, uniquingKeysWith: { a, _ in a })
        state.withLockedValue { $0.tokenRequests.append(fields) }
        let expectedAuth = "Basic " + Data("\(Self.clientID):\(Self.clientSecret)".utf8).base64EncodedString()
        guard headers.first(name: .authorization) == expectedAuth, fields["grant_type"] == "authorization_code",
            let code = fields["code"],
            let authorization = state.withLockedValue({ $0.codes.removeValue(forKey: code) }),
            let verifier = fields["code_verifier"],
            Array(SHA256.hash(data: Data(verifier.utf8))).base64URLEncoded() == authorization.challenge
        else {
            return OIDCHTTPResponse(status: 400, body: Data(#"{"error":"invalid_grant"}"#.utf8))
        }
        var token = try await sign(claims.withLockedValue { $0 }(authorization.nonce))
        if let tamper = tamper.withLockedValue({ $0 }) { token = tamper(token) }
        let body = try JSONSerialization.data(withJSONObject: [
            "id_token": token, "token_type": "Bearer", "access_token": "x",
        ])
        return OIDCHTTPResponse(status: 200, body: body)
    }

    func sign(_ payload: TestIDToken) async throws -> String {
        let pem = signWithOtherKey.withLockedValue { $0 } ? Self.otherKeyPEM : Self.signingKeyPEM
        let keys = JWTKeyCollection()
        await keys.add(rsa: try Insecure.RSA.PrivateKey(pem: pem), digestAlgorithm: .sha256, kid: "test-key")
        return try await keys.sign(payload, kid: "test-key")
    }
}

/// The claims a test puts in an ID token; nil leaves a claim out.
struct TestIDToken: JWTPayload {
    var iss: String? = FakeOIDCProvider.issuer
    var aud: [String]? = [FakeOIDCProvider.clientID]
    var azp: String?
    var exp: Double? = Date().addingTimeInterval(300).timeIntervalSince1970
    var iat: Double? = Date().timeIntervalSince1970
    var nonce: String?
    var sub: String? = "subject-1"
    var email: String?
    var email_verified: Bool? = true
    var name: String?
    var amr: [String]?

    func verify(using algorithm: some JWTAlgorithm) async throws {}
}
