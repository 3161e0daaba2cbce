import Foundation
import Testing
@testable import OpstapApp

/// RFC 6238 appendix B: the test vectors for SHA-1, SHA-256 and SHA-512 with 8 digits.
@Suite struct TOTPTests {
    static let times: [TimeInterval] = [59, 1_111_111_109, 1_111_111_111, 1_234_567_890, 2_000_000_000, 20_000_000_000]

    static func totp(_ algorithm: TOTP.Algorithm, seed: String) -> TOTP {
        TOTP(secret: Array(seed.utf8), algorithm: algorithm, digits: 8)
    }

    @Test func sha1MatchesTheRFCVectors() {
        let totp = Self.totp(.sha1, seed: "12345678901234567890")
        #expect(
            Self.times.map { totp.code(at: Date(timeIntervalSince1970: $0)) }
                == ["94287082", "07081804", "14050471", "89005924", "69279037", "65353130"])
    }

    @Test func sha256MatchesTheRFCVectors() {
        let totp = Self.totp(.sha256, seed: "12345678901234567890123456789012")
        #expect(
            Self.times.map { totp.code(at: Date(timeIntervalSince1970: $0)) }
                == ["46119246", "68084774", "67062674", "91819424", "90698825", "77737706"])
    }

    @Test func sha512MatchesTheRFCVectors() {
        let totp = Self.totp(.sha512, seed: "1234567890123456789012345678901234567890123456789012345678901234")
        #expect(
            Self.times.map { totp.code(at: Date(timeIntervalSince1970: $0)) }
                == ["90693936", "25091201", "99943326", "93441116", "38618901", "47863826"])
    }

    @Test func aCodeIsAcceptedOneStepEitherSideAndNoFurther() {
        let totp = TOTP(secret: Array("12345678901234567890".utf8))
        let now = Date(timeIntervalSince1970: 1_111_111_111)
        let step = totp.step(at: now)
        #expect(totp.matchingStep(totp.code(step: step - 1), at: now) == step - 1)
        #expect(totp.matchingStep(totp.code(step: step + 1), at: now) == step + 1)
        #expect(totp.matchingStep(totp.code(step: step - 2), at: now) == nil)
        #expect(totp.matchingStep("12345", at: now) == nil)
    }

    @Test func base32RoundTripsAndReadsWhatPeopleType() {
        let secret = Array("12345678901234567890".utf8)
        #expect(Base32.encode(secret) == "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")
        #expect(Base32.decode("gezd gnbv-gy3t qojq gezdgnbvgy3tqojq") == secret)
        #expect(Base32.decode("GEZ1") == nil)
    }
}
