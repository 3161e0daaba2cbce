import Foundation
import OpstapDomain
import SnapshotTesting
import Testing
@testable import OpstapViews

/// A person's rights (export, restriction, erasure) and the readable export, against
/// `__Snapshots__/PageSnapshotTests+Privacy/`.
@Suite struct PrivacyPageSnapshotTests {
    typealias F = PageFixtures

    static let coordinator = F.staff([.coordinator, .administrator], name: "Sanne de Vries")
    static let back = "/participants/\(F.enrolmentID.uuidString)"

    @Test func privacy() {
        assertSnapshot(
            of: PrivacyPage.render(
                Self.coordinator, PrivacyModel(person: F.ali(), restrictedAt: nil, backHref: Self.back)),
            as: .html, named: "open")
        assertSnapshot(
            of: PrivacyPage.render(
                Self.coordinator,
                PrivacyModel(person: F.ali(restricted: true), restrictedAt: F.november18, backHref: Self.back)),
            as: .html, named: "restricted")
        assertSnapshot(
            of: PrivacyPage.render(
                Self.coordinator, PrivacyModel(person: F.ali(erased: true), restrictedAt: nil, backHref: Self.back)),
            as: .html, named: "erased")
    }

    @Test func erasure() {
        assertSnapshot(of: ErasurePage.render(Self.coordinator, F.erasurePlan()), as: .html, named: "plan")
        var unconfirmed = F.erasurePlan()
        unconfirmed.errors = [FieldError("confirm", .required)]
        assertSnapshot(of: ErasurePage.render(Self.coordinator, unconfirmed), as: .html, named: "not-confirmed")
        let done = ErasureModel(
            personID: F.noorID, name: "Noor Haddad", done: true, holds: [],
            deleted: [("candidacies", 1), ("person_keys", 1), ("notes", 0)], kept: [])
        assertSnapshot(of: ErasurePage.render(Self.coordinator, done), as: .html, named: "done-without-hold")
    }

    @Test func export() {
        assertSnapshot(of: PersonExportPage.render(Self.coordinator, F.export()), as: .html)
    }
}
