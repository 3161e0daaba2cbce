import Foundation
import OpstapDomain
import SnapshotTesting
import Testing
@testable import OpstapViews

/// Activation, the activation letter and the second step of signing in (MFA), against
/// `__Snapshots__/PageSnapshotTests+SignIn/`.
@Suite struct SignInPageSnapshotTests {
    typealias F = PageFixtures

    @Test func activation() {
        assertSnapshot(
            of: ActivationPage.render(F.visitor(), code: "", errors: [], minimumPasswordLength: 12), as: .html,
            named: "empty")
        let errors = [FieldError("code", .codeExpired), FieldError("repeat", .passwordsDiffer)]
        assertSnapshot(
            of: ActivationPage.render(F.visitor(), code: "K7QM-42XP", errors: errors, minimumPasswordLength: 12),
            as: .html, named: "expired-code")
    }

    @Test func activationLetter() {
        let model = ActivationLetterPage.Model(
            name: "Ali Qasim", code: "K7QM-42XP", link: "https://opstap.example/activeren", signIn: "06 2345 6789",
            expiresOn: SimpleDate("2026-12-06")!, contact: "Coach Amarant, 06 1234 5606")
        assertSnapshot(of: ActivationLetterPage.render(F.visitor(), model), as: .html, named: "nl")
        // The letter in the participant's own language, right to left.
        assertSnapshot(of: ActivationLetterPage.render(F.visitor(.ar), model), as: .html, named: "ar")
    }

    @Test func secondStep() {
        assertSnapshot(of: MFAVerifyPage.render(F.visitor(), errors: []), as: .html, named: "empty")
        assertSnapshot(
            of: MFAVerifyPage.render(F.visitor(), errors: [FieldError("code", .mfaCodeWrong)]), as: .html,
            named: "wrong-code")
    }

    @Test func authenticatorSetUp() throws {
        let secret = "JBSWY3DPEHPK3PXPJBSWY3DP"
        let qr = try QRCode("otpauth://totp/Opstap:coach%40amarant.nl?secret=\(secret)&issuer=Opstap")
        let context = F.staff([.coach])
        assertSnapshot(
            of: MFAEnrolPage.render(context, MFAEnrolModel(secret: secret, qr: qr, required: true, errors: [])),
            as: .html, named: "required")
        assertSnapshot(
            of: MFAEnrolPage.render(
                context,
                MFAEnrolModel(secret: secret, qr: qr, required: false, errors: [FieldError("code", .mfaCodeWrong)])),
            as: .html, named: "wrong-code")
    }

    @Test func recoveryCodes() {
        let codes = [
            "7hq2-mx4c", "pk9d-2wra", "f3ne-8ytu", "c6vb-q1zs", "rj5t-ka7m", "w2gx-n8pe", "m4zu-6bdf", "t9ck-h3va",
        ]
        assertSnapshot(of: MFARecoveryCodesPage.render(F.staff([.coach]), codes: codes), as: .html)
    }

    @Test func authenticatorStatus() {
        assertSnapshot(
            of: MFAStatusPage.render(F.staff([.coach]), since: F.october5, recoveryCodesLeft: 7), as: .html)
    }
}
