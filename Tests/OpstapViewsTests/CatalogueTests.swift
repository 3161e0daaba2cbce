import Testing
@testable import OpstapDomain
@testable import OpstapViews

@Suite struct CatalogueTests {
    @Test(arguments: AppLocale.allCases)
    func everyLocaleHasEveryKey(_ locale: AppLocale) {
        // Staff languages carry the whole catalogue; the participant's languages their pages.
        let missing = Catalogue.requiredKeys(for: locale).subtracting(Catalogue.entries(for: locale).keys)
        #expect(missing.isEmpty, "\(locale) misses: \(missing.sorted())")
    }

    @Test(arguments: AppLocale.allCases)
    func noLocaleKeepsKeysNothingUses(_ locale: AppLocale) {
        let stale = Set(Catalogue.entries(for: locale).keys).subtracting(Catalogue.requiredKeys(for: locale))
        #expect(stale.isEmpty, "\(locale) has unused: \(stale.sorted())")
    }

    @Test(arguments: AppLocale.allCases)
    func placeholdersMatchBetweenLocales(_ locale: AppLocale) {
        let dutch = Catalogue.entries(for: .nl)
        for (key, text) in Catalogue.entries(for: locale) {
            #expect(placeholders(text) == placeholders(dutch[key] ?? ""), "\(locale) \(key)")
        }
    }

    func placeholders(_ text: String) -> Set<String> {
        Set((0..<5).map { "{\($0)}" }.filter { text.contains($0) })
    }

    @Test func argumentsAreFilledIn() {
        #expect(Translator(.en)(.pageOf, "2", "5", "120") == "Page 2 of 5 (120 in all)")
        #expect(Translator(.nl).label(Role.workSupervisor) == "Werkbegeleider")
    }

    @Test func everyParticipantLanguageCoversTheParticipantsPagesInTheStaffLanguagesToo() {
        for locale in AppLocale.staff {
            let missing = Catalogue.participantKeys.subtracting(Catalogue.entries(for: locale).keys)
            #expect(
                missing.subtracting((1...12).map { "month.\($0)" }).isEmpty, "\(locale) misses: \(missing.sorted())")
        }
        #expect(Translator(.ar).label(Attendance.ill) != Translator(.nl).label(Attendance.ill))
        #expect(DateText.text(SimpleDate(year: 2026, month: 11, day: 16)!, .uk).hasPrefix("16 "))
    }

    @Test func acceptLanguagePicksASupportedLocale() {
        #expect(AppLocale.preferred(fromAcceptLanguage: "fa-AF,fa;q=0.9", among: AppLocale.allCases) == .prs)
        #expect(AppLocale.preferred(fromAcceptLanguage: "ti-ER", among: AppLocale.allCases) == .ti)
        #expect(AppLocale.preferred(fromAcceptLanguage: "ar", among: AppLocale.staff) == .nl)
        #expect(AppLocale.preferred(fromAcceptLanguage: "en-GB,en;q=0.9,nl;q=0.8") == .en)
        #expect(AppLocale.preferred(fromAcceptLanguage: "de-DE,fr") == .nl)
        #expect(AppLocale.preferred(fromAcceptLanguage: nil) == .nl)
    }
}

@Suite struct LocaleFormattingTests {
    @Test func numbersUseTheLocalesDecimalSeparatorWithoutTrailingZeros() {
        #expect(Translator(.nl).number(7.5) == "7,5")
        #expect(Translator(.nl).number(1.25) == "1,25")
        #expect(Translator(.en).number(7.5) == "7.5")
        #expect(Translator(.nl).number(14) == "14")
    }

    @Test func datesInErrorMessagesAreWrittenAsTheLocaleWritesThem() {
        let error = FieldError("date", .beforeEnrolment, ["2026-09-21"])
        #expect(Translator(.nl).error(error) == "Deze datum ligt vóór de inschrijving (21 sep. 2026).")
        #expect(Translator(.en).error(error) == "This date is before the enrolment (21 Sep 2026).")
    }
}
