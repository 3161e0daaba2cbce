import Foundation
import OpstapDomain
import SnapshotTesting
import Testing
@testable import OpstapViews

/// A candidate, registering a referral, the intake form and registrations held for a
/// municipality's duplicate check, against `__Snapshots__/PageSnapshotTests+Selection/`.
@Suite struct SelectionPageSnapshotTests {
    typealias F = PageFixtures

    @Test func candidate() {
        let context = F.leidenCoordinator()
        assertSnapshot(of: CandidatePage.render(context, F.candidateInSelection()), as: .html, named: "in-selection")
        var refused = F.candidateSelected()
        refused.errors = [FieldError("cohortId", .cohortFull, ["16"])]
        assertSnapshot(of: CandidatePage.render(context, refused), as: .html, named: "selected-cohort-full")
        // A coach reads along: no scores to give, no steps to take.
        var readOnly = F.candidateInSelection()
        readOnly.person = F.noor([.contact, .language])
        readOnly.canRunSelection = false
        readOnly.accessLog = nil
        readOnly.changeLog = nil
        assertSnapshot(of: CandidatePage.render(F.staff([.coach]), readOnly), as: .html, named: "read-only")
    }

    @Test func newCandidate() {
        let empty = NewCandidateModel(
            values: [:], errors: [], tracks: F.tracks, organisations: F.referrers, mayRecordBSN: true, duplicates: [])
        assertSnapshot(of: NewCandidatePage.render(F.leidenCoordinator(), empty), as: .html, named: "empty")
        let typed = [
            "givenName": "Ahmad", "familyName": "Rahimi", "dateOfBirth": "1994-05-02", "gender": "man",
            "track": "00000000-0000-0000-0000-0000000000A1|statushouders",
            "referredByOrganisationId": "00000000-0000-0000-0000-0000000000D2",
        ]
        let duplicates = [
            DuplicateChoice(personID: F.heldMatches[0].personID, reason: .sameNameAndDateOfBirth, name: "Ahmad Rahimi"),
            DuplicateChoice(personID: F.heldMatches[1].personID, reason: .sameBSN, name: nil),
        ]
        let doubtful = NewCandidateModel(
            values: typed, errors: [FieldError("referredOn", .required)], tracks: F.tracks,
            organisations: F.referrers, mayRecordBSN: false, duplicates: duplicates)
        assertSnapshot(of: NewCandidatePage.render(F.staff([.coach]), doubtful), as: .html, named: "duplicates")
    }

    @Test func intake() {
        let everything = IntakeModel(
            person: F.noor(Set(FieldGroup.allCases)), givenName: "Noor", familyName: "Haddad",
            backHref: "/candidates/\(F.otherID.uuidString)", errors: [])
        assertSnapshot(of: IntakePage.render(F.leidenCoordinator(), everything), as: .html, named: "municipality")
        let employer = IntakeModel(
            person: F.noor([.contact, .language, .education]), givenName: "Noor", familyName: "",
            backHref: "/candidates/\(F.otherID.uuidString)",
            errors: [FieldError("familyName", .required), FieldError("education[0].country", .invalidCountry)])
        assertSnapshot(of: IntakePage.render(F.staff([.coordinator]), employer), as: .html, named: "employer-errors")
    }

    @Test func heldRegistrations() {
        let municipality = F.staff([.intakeOfficer], name: "Fatima El Amrani", organisation: "Gemeente Tilburg")
        assertSnapshot(
            of: HeldRegistrationsPage.render(
                municipality, ResultPage(items: F.heldRows, number: 1, size: 25, total: 3)),
            as: .html, named: "list")
        assertSnapshot(
            of: HeldRegistrationsPage.render(municipality, ResultPage(items: [], number: 1, size: 25, total: 0)),
            as: .html, named: "empty")
    }

    @Test func oneHeldRegistration() {
        let municipality = F.staff([.intakeOfficer], name: "Fatima El Amrani", organisation: "Gemeente Tilburg")
        let held = F.heldRows[0]
        assertSnapshot(
            of: HeldRegistrationsPage.renderOne(
                municipality, held, matches: F.heldMatches, mayResolve: true, errors: []), as: .html,
            named: "to-resolve")
        assertSnapshot(
            of: HeldRegistrationsPage.renderOne(
                municipality, held, matches: F.heldMatches, mayResolve: true,
                errors: [FieldError("personId", .required)]), as: .html, named: "no-choice")
        assertSnapshot(
            of: HeldRegistrationsPage.renderOne(F.staff([.coach]), held, matches: [], mayResolve: false, errors: []),
            as: .html, named: "waiting")
        assertSnapshot(
            of: HeldRegistrationsPage.renderOne(
                F.staff([.coach]), F.heldRows[1], matches: [], mayResolve: false, errors: []), as: .html,
            named: "linked")
    }
}
