import Testing
@testable import OpstapDomain

@Suite struct DuplicateDetectionTests {
    let birth = SimpleDate(year: 1990, month: 5, day: 17)!

    @Test func sameNameAndDateOfBirthIsALikelyDuplicateWhateverCaseAccentsOrOrder() {
        let new = RegistryKey(
            nameKey: PersonName.matchKey(given: "Rama", family: "Al-Hassan"), dateOfBirth: birth, bsn: nil)
        let existing = RegistryKey(
            nameKey: PersonName.matchKey(given: "AL HASSAN", family: "Ráma"), dateOfBirth: birth, bsn: nil)
        #expect(DuplicateDetection.reason(new: new, existing: existing) == .sameNameAndDateOfBirth)
    }

    @Test func sameBSNIsALikelyDuplicateEvenWithAnotherName() {
        let new = RegistryKey(nameKey: "a b", dateOfBirth: nil, bsn: "111222333")
        let existing = RegistryKey(nameKey: "c d", dateOfBirth: birth, bsn: "111222333")
        #expect(DuplicateDetection.reason(new: new, existing: existing) == .sameBSN)
    }

    @Test func sameNameWithAnotherDateOfBirthIsNotADuplicate() {
        let key = PersonName.matchKey(given: "Omar", family: "Haddad")
        let new = RegistryKey(nameKey: key, dateOfBirth: birth, bsn: nil)
        let existing = RegistryKey(nameKey: key, dateOfBirth: birth.adding(days: 1), bsn: nil)
        #expect(DuplicateDetection.reason(new: new, existing: existing) == nil)
    }

    @Test func aMissingDateOfBirthNeverMatchesOnNameAlone() {
        let key = PersonName.matchKey(given: "Omar", family: "Haddad")
        #expect(
            DuplicateDetection.reason(
                new: RegistryKey(nameKey: key, dateOfBirth: nil, bsn: nil),
                existing: RegistryKey(nameKey: key, dateOfBirth: nil, bsn: nil)) == nil)
    }

    @Test func searchTokensAreNormalisedLikeStoredKeys() {
        #expect(PersonName.searchTokens("  Müller-Lüdenscheidt ") == ["muller", "ludenscheidt"])
    }
}
