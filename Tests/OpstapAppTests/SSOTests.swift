import Crypto
import Fluent
import Foundation
import JWTKit
import NIOHTTP1
import OpstapDomain
import OpstapViews
import Testing
import Vapor
@testable import OpstapApp

/// Single sign-on with OpenID Connect (issue 12 item 2, ADR 0011), against a provider in the
/// test process that signs ID tokens with the test's own RSA key. The full flow against a real
/// provider (`oidc-provider-mock`) is `tests/operations/test_sso.py`.
@Suite struct SSOTests {
    static let admin = TestPartnership.email(.administrator)
    static let coordinator = TestPartnership.email(.coordinator)
    /// The coordinator of another partnership, whose organisation has no single sign-on.
    static let otherCoordinator = TestPartnership.email(.coordinator, in: "Ander")

    /// Two partnerships: single sign-on is set up for the first one's municipality.
    static func partnerships(_ app: Application) async throws {
        _ = try await TestPartnership.make(app)
        _ = try await TestPartnership.make(app, name: "Ander")
    }

    /// Replaces the provider client with the fake one and configures it for the administrator's organisation.
    @discardableResult
    static func provider(
        _ app: Application, configure: Bool = true, requireSSO: Bool = false, trustMFA: Bool = false
    ) async throws -> FakeOIDCProvider {
        let fake = FakeOIDCProvider()
        app.oidcProvider = OIDCProvider(transport: fake)
        if configure {
            let organisationID = try await DemoLookups(db: app.db).user(admin).$organisation.id
            let config = OIDCConfiguration(organisationID: organisationID)
            config.issuer = FakeOIDCProvider.issuer
            config.clientID = FakeOIDCProvider.clientID
            config.clientSecretSealed = try SecretBox.seal(
                FakeOIDCProvider.clientSecret, key: try await SecretBox.key(app, on: app.db))
            config.requireSSO = requireSSO
            config.trustProviderMFA = trustMFA
            config.updatedAt = Date()
            try await config.save(on: app.db)
        }
        return fake
    }

    /// A fresh browser presses the single sign-on button with `email`.
    static func start(_ app: Application, _ email: String) async throws -> (HTTPResult, browser: String) {
        let (cookie, csrf) = try await Installation.anonymous(app, "/login")
        let response = try await Installation.post(
            app, "/login/oidc", cookie: cookie, fields: [("_csrf", csrf), ("email", email)])
        // `cookie` answers "name=value"; the browser keeps the value.
        let pair = WebClient.cookie(SSO.browserCookie, response.headers) ?? ""
        return (response, String(pair.dropFirst(SSO.browserCookie.count + 1)))
    }

    static func callback(_ app: Application, query: String, browser: String) async throws -> HTTPResult {
        var headers = HTTPHeaders()
        headers.add(name: .cookie, value: "\(SSO.browserCookie)=\(browser)")
        return try await send(app, .GET, "/login/oidc/callback?" + query, headers: headers)
    }

    /// Start, the provider's authorization, and the callback, with the ID token `claims` shapes.
    static func signIn(
        _ app: Application, _ fake: FakeOIDCProvider, email: String,
        claims: @escaping @Sendable (String) -> TestIDToken
    ) async throws -> HTTPResult {
        fake.claims.withLockedValue { $0 = claims }
        let (started, browser) = try await start(app, email)
        #expect(started.status == .seeOther)
        let location = try #require(started.headers.first(name: .location))
        let (code, state) = try fake.authorize(url: location)
        return try await callback(app, query: "code=\(code)&state=\(state)", browser: browser)
    }

    static func token(email: String, amr: [String]? = nil) -> @Sendable (String) -> TestIDToken {
        { nonce in TestIDToken(nonce: nonce, email: email, amr: amr) }
    }

    static func events(_ app: Application, _ kind: SecurityEventKind) async throws -> [SecurityEvent] {
        try await SecurityEvent.query(on: app.db).filter(\.$kind == kind).sort(\.$at).all()
    }

    // MARK: Configuration

    @Test func theAPIValidatesTheSettingsAndNeverReturnsTheSecret() async throws {
        try await withOpstap(demo: false) { app in
            try await Self.partnerships(app)
            let fake = try await Self.provider(app, configure: false)
            let api = try await APIClient.forUser(app, Self.admin)
            let organisationID = try await DemoLookups(db: app.db).user(Self.admin).$organisation.id
            let path = "/api/v1/organisations/\(organisationID.uuidString)/sso"
            #expect(try await api.send(.GET, path).status == .notFound)

            let bad = try await api.send(.PUT, path, json: #"{"issuer":"ftp://idp.example.test","clientId":""}"#)
            #expect(bad.status == .badRequest)
            #expect(bad.headers.contentType?.subType == "problem+json")
            let problem = try JSONDecoder().decode(APIProblem.self, from: Data(bad.body.readableBytesView))
            let fields = Dictionary(uniqueKeysWithValues: (problem.invalidParams ?? []).map { ($0.name, $0.code) })
            #expect(fields == ["issuer": "invalidURL", "clientId": "required", "clientSecret": "required"])

            let plainHTTP = try await api.send(
                .PUT, path, json: #"{"issuer":"http://idp.example.test","clientId":"a","clientSecret":"b"}"#)
            #expect(plainHTTP.status == .badRequest && plainHTTP.body.string.contains(#""name":"issuer""#))
            #expect(plainHTTP.body.string.contains("invalidURL"))

            // The discovery document names another issuer: refused on the issuer field.
            fake.state.withLockedValue { $0.discoveryIssuer = "https://evil.example.test" }
            let body =
                #"{"issuer":"\#(FakeOIDCProvider.issuer)","clientId":"\#(FakeOIDCProvider.clientID)","clientSecret":"\#(FakeOIDCProvider.clientSecret)","requireSso":true}"#
            let mismatch = try await api.send(.PUT, path, json: body)
            #expect(mismatch.status == .badRequest && mismatch.body.string.contains("oidcDiscoveryFailed"))
            fake.state.withLockedValue { $0.discoveryIssuer = FakeOIDCProvider.issuer }

            let saved = try await api.send(.PUT, path, json: body)
            #expect(saved.status == .ok)
            let settings = try api.decode(APISSOSettings.self, saved)
            #expect(settings.issuer == FakeOIDCProvider.issuer && settings.clientId == FakeOIDCProvider.clientID)
            #expect(settings.clientSecretSet && settings.requireSso && !settings.trustProviderMfa)
            #expect(settings.redirectUri.hasSuffix("/login/oidc/callback"))
            #expect(!saved.body.string.contains(FakeOIDCProvider.clientSecret))
            // Sealed at rest, readable with the server's key only.
            let stored = try #require(try await OIDCConfiguration.query(on: app.db).first())
            #expect(!stored.clientSecretSealed.contains(FakeOIDCProvider.clientSecret))
            #expect(
                SecretBox.open(stored.clientSecretSealed, key: try await SecretBox.key(app, on: app.db))
                    == FakeOIDCProvider.clientSecret)
            #expect(SecretBox.open(stored.clientSecretSealed, key: SymmetricKey(size: .bits256)) == nil)
            // Left out, the secret is kept.
            let kept = try await api.send(
                .PUT, path, json: #"{"issuer":"\#(FakeOIDCProvider.issuer)","clientId":"renamed"}"#)
            #expect(kept.status == .ok)
            let again = try #require(try await OIDCConfiguration.query(on: app.db).first())
            #expect(again.clientID == "renamed" && again.clientSecretSealed == stored.clientSecretSealed)
            #expect(!again.requireSSO)
            let read = try await api.send(.GET, path)
            #expect(read.status == .ok && !read.body.string.contains("clientSecret\""))
            #expect(try await Self.events(app, .ssoSettingsChanged).count == 2)

            // Another organisation's administrator, and a coordinator of this one, may not.
            let other = try await APIClient.forUser(app, TestPartnership.email(.administrator, in: "Ander"))
            #expect(try await other.send(.GET, path).status == .forbidden)
            #expect(try await other.send(.PUT, path, json: body).status == .forbidden)
            let coordinator = try await APIClient.forUser(app, Self.coordinator)
            #expect(try await coordinator.send(.GET, path).status == .forbidden)
            #expect(try await api.send(.GET, "/api/v1/organisations/\(UUID().uuidString)/sso").status == .notFound)

            #expect(try await api.send(.DELETE, path).status == .noContent)
            #expect(try await api.send(.GET, path).status == .notFound)
            #expect(try await api.send(.DELETE, path).status == .notFound)
        }
    }

    @Test func theAdministrationPageSavesTheSettingsAndNamesTheWrongField() async throws {
        try await withOpstap(demo: false) { app in
            try await Self.partnerships(app)
            try await Self.provider(app, configure: false)
            let web = try await WebClient.login(app, Self.admin, password: TestPartnership.password)
            let page = try await web.get("/admin/sso")
            #expect(page.status == .ok && page.body.string.contains("/login/oidc/callback"))
            let wrong = try await web.post(
                "/admin/sso", [("issuer", "not a url"), ("clientId", "x"), ("clientSecret", "y")])
            #expect(wrong.status == .badRequest)
            #expect(wrong.body.string.contains("Vul een volledig https-adres in"))
            #expect(wrong.body.string.contains(##"href="#f-issuer""##))
            let saved = try await web.post(
                "/admin/sso",
                [
                    ("issuer", FakeOIDCProvider.issuer), ("clientId", FakeOIDCProvider.clientID),
                    ("clientSecret", FakeOIDCProvider.clientSecret), ("options", "trustProviderMFA"),
                ])
            #expect(saved.status == .seeOther)
            let shown = try await web.get("/admin/sso")
            #expect(shown.body.string.contains(FakeOIDCProvider.clientID))
            #expect(!shown.body.string.contains(FakeOIDCProvider.clientSecret))
            let stored = try #require(try await OIDCConfiguration.query(on: app.db).first())
            #expect(stored.trustProviderMFA && !stored.requireSSO)
            #expect(try await web.post("/admin/sso/remove", []).status == .seeOther)
            #expect(try await OIDCConfiguration.query(on: app.db).count() == 0)
        }
    }

    // MARK: The flow

    @Test func aVerifiedUserOfTheOrganisationIsSentThroughTheProviderAndSignedIn() async throws {
        try await withOpstap(demo: false) { app in
            try await Self.partnerships(app)
            let fake = try await Self.provider(app)
            let (started, browser) = try await Self.start(app, Self.coordinator)
            #expect(started.status == .seeOther)
            let location = try #require(started.headers.first(name: .location))
            #expect(location.hasPrefix(FakeOIDCProvider.issuer + "/authorize?"))
            let items = Dictionary(
                uniqueKeysWithValues: (URLComponents(string: location)?.queryItems ?? []).map {
                    ($0.name, $0.value ?? "")
                })
            #expect(items["response_type"] == "code" && items["client_id"] == FakeOIDCProvider.clientID)
            #expect(items["code_challenge_method"] == "S256" && items["code_challenge"]?.count == 43)
            #expect(items["scope"] == "openid email profile" && items["login_hint"] == Self.coordinator)
            #expect(items["redirect_uri"]?.hasSuffix("/login/oidc/callback") == true)
            #expect((items["state"]?.count ?? 0) >= 43 && (items["nonce"]?.count ?? 0) >= 43)
            #expect(browser.count == 43)
            // Stored: the state only as a hash, bound to the browser cookie's hash.
            let pending = try #require(try await OIDCSignIn.query(on: app.db).first())
            #expect(
                pending.stateHash == APITokens.hash(items["state"]!) && pending.browserHash == APITokens.hash(browser))
            #expect(SSO.challenge(pending.codeVerifier) == items["code_challenge"])

            fake.claims.withLockedValue { $0 = Self.token(email: Self.coordinator, amr: ["pwd", "mfa"]) }
            let (code, state) = try fake.authorize(url: location)
            let done = try await Self.callback(app, query: "code=\(code)&state=\(state)", browser: browser)
            #expect(done.status == .seeOther && done.headers.first(name: .location) == "/")
            let session = try #require(WebClient.sessionCookie(done.headers))
            #expect(try await MFATests.get(app, "/participants", cookie: session).status == .ok)
            // The code went to the token endpoint with the verifier and the same redirect URI.
            let request = try #require(fake.state.withLockedValue { $0.tokenRequests.first })
            #expect(request["code"] == code && request["redirect_uri"] == items["redirect_uri"])
            #expect(request["code_verifier"] == pending.codeVerifier)
            #expect(try await OIDCSignIn.query(on: app.db).count() == 0)
            let event = try #require(try await Self.events(app, .ssoSignedIn).first)
            #expect(event.email == Self.coordinator && event.detail?.contains("second factor: provider") == true)
        }
    }

    @Test func withoutAProviderSecondFactorOpstapsOwnMFAFollows() async throws {
        try await withOpstap(demo: false) { app in
            try await Self.partnerships(app)
            let fake = try await Self.provider(app)
            let done = try await Self.signIn(
                app, fake, email: Self.coordinator, claims: Self.token(email: Self.coordinator))
            // The coordinator sees personal data: MFA is required and not set up yet.
            #expect(done.status == .seeOther && done.headers.first(name: .location) == "/account/mfa")
            let session = try #require(WebClient.sessionCookie(done.headers))
            let blocked = try await MFATests.get(app, "/participants", cookie: session)
            #expect(blocked.headers.first(name: .location) == "/account/mfa")
            #expect(try await Self.events(app, .ssoSignedIn).first?.detail?.contains("second factor: Opstap") == true)
        }
    }

    @Test func anOrganisationThatTrustsItsProviderSkipsOpstapsCode() async throws {
        try await withOpstap(demo: false) { app in
            try await Self.partnerships(app)
            let fake = try await Self.provider(app, trustMFA: true)
            let done = try await Self.signIn(
                app, fake, email: Self.coordinator, claims: Self.token(email: Self.coordinator))
            #expect(done.status == .seeOther && done.headers.first(name: .location) == "/")
        }
    }

    @Test func theStateWorksOnceInTheBrowserThatStartedItAndExpires() async throws {
        try await withOpstap(demo: false) { app in
            try await Self.partnerships(app)
            let fake = try await Self.provider(app)
            fake.claims.withLockedValue { $0 = Self.token(email: Self.coordinator, amr: ["mfa"]) }
            // Another browser (no cookie, or another one) cannot finish it, and that uses it up.
            let (first, browser) = try await Self.start(app, Self.coordinator)
            let (code, state) = try fake.authorize(url: try #require(first.headers.first(name: .location)))
            let elsewhere = try await Self.callback(app, query: "code=\(code)&state=\(state)", browser: SSO.random())
            #expect(elsewhere.status == .unauthorized)
            #expect(elsewhere.body.string.contains("De aanmelding is in een andere browser begonnen."))
            #expect(!elsewhere.body.string.contains("SSORefusal") && !elsewhere.body.string.contains("Abort"))
            let replay = try await Self.callback(app, query: "code=\(code)&state=\(state)", browser: browser)
            #expect(replay.status == .unauthorized)
            #expect(replay.body.string.contains("Deze aanmelding is al gebruikt of onbekend."))
            // Used once: the second callback with the same state is refused.
            let (second, browser2) = try await Self.start(app, Self.coordinator)
            let (code2, state2) = try fake.authorize(url: try #require(second.headers.first(name: .location)))
            #expect(
                try await Self.callback(app, query: "code=\(code2)&state=\(state2)", browser: browser2).status
                    == .seeOther)
            #expect(
                try await Self.callback(app, query: "code=\(code2)&state=\(state2)", browser: browser2).status
                    == .unauthorized)
            // Expired after ten minutes.
            let (third, browser3) = try await Self.start(app, Self.coordinator)
            let (code3, state3) = try fake.authorize(url: try #require(third.headers.first(name: .location)))
            try await OIDCSignIn.query(on: app.db).set(\.$expiresAt, to: app.clock.now().addingTimeInterval(-1))
                .update()
            let late = try await Self.callback(app, query: "code=\(code3)&state=\(state3)", browser: browser3)
            #expect(late.status == .unauthorized && late.body.string.contains("De aanmelding duurde te lang."))
            // The provider's own refusal (the user cancelled) is said as such.
            let (fourth, browser4) = try await Self.start(app, Self.coordinator)
            let (_, state4) = try fake.authorize(url: try #require(fourth.headers.first(name: .location)))
            let cancelled = try await Self.callback(
                app, query: "error=access_denied&state=\(state4)", browser: browser4)
            #expect(cancelled.status == .unauthorized)
            #expect(cancelled.body.string.contains("De inlogdienst heeft de aanmelding afgebroken."))
            let reasons = try await Self.events(app, .ssoSignInFailed).compactMap(\.detail)
            #expect(
                reasons == ["otherBrowser", "unknownState", "unknownState", "expired", "providerError: access_denied"])
        }
    }

    struct BadToken: CustomTestStringConvertible, Sendable {
        let name: String
        let reason: SSORefusal
        let claims: @Sendable (String) -> TestIDToken
        var otherKey = false
        var tamper: (@Sendable (String) -> String)?
        var testDescription: String { name }
    }

    static let coordinatorToken = token(email: coordinator, amr: ["mfa"])

    static let badTokens: [BadToken] = [
        BadToken(
            name: "signed with a key the provider does not publish", reason: .badSignature, claims: coordinatorToken,
            otherKey: true),
        BadToken(
            name: "payload changed after signing", reason: .badSignature, claims: token(email: "someone@test.test"),
            tamper: { token in
                // Swap in a payload naming the coordinator, keeping the signature.
                let parts = token.split(separator: ".").map(String.init)
                var json = try! JSONSerialization.jsonObject(with: Data(base64URL: parts[1])!) as! [String: Any]
                json["email"] = coordinator
                let payload = Array(try! JSONSerialization.data(withJSONObject: json)).base64URLEncoded()
                return [parts[0], payload, parts[2]].joined(separator: ".")
            }),
        BadToken(
            name: "algorithm none", reason: .malformedToken, claims: coordinatorToken,
            tamper: { token in
                let parts = token.split(separator: ".").map(String.init)
                return [Array(#"{"alg":"none","typ":"JWT"}"#.utf8).base64URLEncoded(), parts[1], ""].joined(
                    separator: ".")
            }),
        BadToken(
            name: "expired", reason: .tokenExpired,
            claims: { nonce in
                var t = TestIDToken(nonce: nonce, email: coordinator, amr: ["mfa"])
                t.exp = Date().addingTimeInterval(-120).timeIntervalSince1970
                t.iat = Date().addingTimeInterval(-600).timeIntervalSince1970
                return t
            }),
        BadToken(
            name: "issued in the future", reason: .issuedInFuture,
            claims: { nonce in
                var t = TestIDToken(nonce: nonce, email: coordinator, amr: ["mfa"])
                t.iat = Date().addingTimeInterval(600).timeIntervalSince1970
                return t
            }),
        BadToken(
            name: "another audience", reason: .wrongAudience,
            claims: { nonce in
                var t = TestIDToken(nonce: nonce, email: coordinator, amr: ["mfa"])
                t.aud = ["another-client"]
                return t
            }),
        BadToken(
            name: "several audiences without azp", reason: .wrongAudience,
            claims: { nonce in
                var t = TestIDToken(nonce: nonce, email: coordinator, amr: ["mfa"])
                t.aud = [FakeOIDCProvider.clientID, "another-client"]
                return t
            }),
        BadToken(
            name: "another issuer", reason: .wrongIssuer,
            claims: { nonce in
                var t = TestIDToken(nonce: nonce, email: coordinator, amr: ["mfa"])
                t.iss = "https://evil.example.test"
                return t
            }),
        BadToken(
            name: "another nonce", reason: .wrongNonce,
            claims: { _ in TestIDToken(nonce: SSO.random(), email: coordinator, amr: ["mfa"]) }),
        BadToken(
            name: "e-mail not verified", reason: .emailNotVerified,
            claims: { nonce in
                var t = TestIDToken(nonce: nonce, email: coordinator, amr: ["mfa"])
                t.email_verified = false
                return t
            }),
        BadToken(
            name: "unknown user", reason: .unknownUser, claims: token(email: "stranger@leiden.example", amr: ["mfa"])),
        BadToken(
            name: "user of another organisation", reason: .unknownUser,
            claims: token(email: Self.otherCoordinator, amr: ["mfa"])),
    ]

    @Test(arguments: badTokens)
    func aBadIDTokenIsRefusedAndLogged(_ bad: BadToken) async throws {
        try await withOpstap(demo: false) { app in
            try await Self.partnerships(app)
            let fake = try await Self.provider(app)
            fake.signWithOtherKey.withLockedValue { $0 = bad.otherKey }
            fake.tamper.withLockedValue { $0 = bad.tamper }
            let done = try await Self.signIn(app, fake, email: Self.coordinator, claims: bad.claims)
            #expect(done.status == .unauthorized)
            #expect(WebClient.sessionCookie(done.headers)?.isEmpty ?? true)
            let html = done.body.string
            #expect(html.contains("Aanmelden via uw organisatie is niet gelukt."))
            #expect(html.contains(Translator(.nl).label(bad.reason)))
            let event = try #require(try await Self.events(app, .ssoSignInFailed).first)
            #expect(event.detail?.hasPrefix(bad.reason.rawValue) == true)
            #expect(event.organisationID == (try await DemoLookups(db: app.db).user(Self.admin).$organisation.id))
            #expect(try await Self.events(app, .ssoSignedIn).isEmpty)
        }
    }

    @Test func aDeactivatedAccountIsRefused() async throws {
        try await withOpstap(demo: false) { app in
            try await Self.partnerships(app)
            let fake = try await Self.provider(app)
            let user = try await DemoLookups(db: app.db).user(Self.coordinator)
            user.active = false
            try await user.save(on: app.db)
            let done = try await Self.signIn(app, fake, email: Self.coordinator, claims: Self.coordinatorToken)
            #expect(done.status == .unauthorized && done.body.string.contains("Uw account is gedeactiveerd."))
            let event = try #require(try await Self.events(app, .ssoSignInFailed).first)
            #expect(event.detail == "accountDeactivated" && event.userID == user.id)
        }
    }

    @Test func anInvitedPersonGetsTheirAccountThroughTheProvider() async throws {
        try await withOpstap(demo: false) { app in
            try await Self.partnerships(app)
            let fake = try await Self.provider(app)
            let admin = try await DemoLookups(db: app.db).user(Self.admin)
            try await Invitation(
                organisationID: admin.$organisation.id, email: "nieuw@leiden.example", roles: [.reporting],
                codeHash: APITokens.hash("x"), invitedBy: admin.id, expiresAt: app.clock.now().addingTimeInterval(86400)
            ).create(on: app.db)
            let done = try await Self.signIn(
                app, fake, email: "nieuw@leiden.example",
                claims: { nonce in TestIDToken(nonce: nonce, email: "nieuw@leiden.example", name: "Nieuwe Collega") })
            #expect(done.status == .seeOther && done.headers.first(name: .location) == "/")
            let user = try #require(try await User.query(on: app.db).filter(\.$email == "nieuw@leiden.example").first())
            #expect(user.name == "Nieuwe Collega" && user.roles == [.reporting])
            #expect(
                try await Invitation.query(on: app.db).filter(\.$email == "nieuw@leiden.example").first()?.acceptedAt
                    != nil)
        }
    }

    @Test func requiredSSORefusesPasswordSignInOfStaffButNotOfAdministrators() async throws {
        try await withOpstap(demo: false) { app in
            try await Self.partnerships(app)
            try await Self.provider(app, requireSSO: true)
            let (cookie, csrf) = try await Installation.anonymous(app, "/login")
            let refused = try await Installation.post(
                app, "/login", cookie: cookie,
                fields: [("_csrf", csrf), ("email", Self.coordinator), ("password", TestPartnership.password)])
            #expect(refused.status == .forbidden)
            #expect(refused.body.string.contains("Uw organisatie laat u alleen aanmelden via haar eigen inlogdienst."))
            #expect(WebClient.sessionCookie(refused.headers) == nil)
            #expect(
                try await Self.events(app, .signInFailed).first?.detail?.contains("requires single sign-on") == true)
            // Administrators keep password and MFA, so a broken provider cannot lock them out.
            _ = try await WebClient.login(app, Self.admin, password: TestPartnership.password)
            // Another organisation's staff are not affected.
            _ = try await WebClient.login(app, Self.otherCoordinator, password: TestPartnership.password)
        }
    }

    @Test func anAddressWithoutSingleSignOnIsToldToUseItsPassword() async throws {
        try await withOpstap(demo: false) { app in
            try await Self.partnerships(app)
            try await Self.provider(app)
            let (response, _) = try await Self.start(app, Self.otherCoordinator)
            #expect(response.status == .badRequest)
            #expect(
                response.body.string.contains("Voor dit e-mailadres is aanmelden via een organisatie niet ingesteld."))
        }
    }

    // MARK: Pure rules

    @Test func theClaimRulesAllowSmallClockDifferences() {
        let now = Date()
        let claims = IDTokenClaims(
            issuer: "https://i", audiences: ["c"], expiresAt: now.addingTimeInterval(-30),
            issuedAt: now.addingTimeInterval(30), nonce: "n", subject: "s", email: "a@b", emailVerified: true)
        #expect(IDTokenRules.refusal(claims, issuer: "https://i", clientID: "c", nonce: "n", now: now) == nil)
        #expect(
            IDTokenRules.providerUsedMultipleFactors(
                IDTokenClaims(
                    issuer: nil, audiences: [], expiresAt: nil, issuedAt: nil, nonce: nil, subject: nil, email: nil,
                    emailVerified: nil, authenticationMethods: ["pwd", "OTP"])))
        #expect(IssuerURLRule.problem("https://login.example/tenant/v2.0") == nil)
        #expect(IssuerURLRule.problem("http://127.0.0.1:9400") == nil)
        #expect(IssuerURLRule.problem("http://idp.example") == .invalidURL)
        #expect(IssuerURLRule.problem("https://idp.example/?a=b") == .invalidURL)
        #expect(IssuerURLRule.problem("") == .required)
        // RFC 7636 appendix B.
        #expect(
            SSO.challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")
                == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
    }
}
