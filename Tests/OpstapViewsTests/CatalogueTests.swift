import Testing
@testable import OpstapDomain
@testable import OpstapViews

@Suite struct CatalogueTests {
    @Test(arguments: AppLocale.allCases)
    func everyLocaleHasEveryKey(_ locale: AppLocale) {
        let missing = Catalogue.requiredKeys.subtracting(Catalogue.entries(for: locale).keys)
        #expect(missing.isEmpty, "\(locale) misses: \(missing.sorted())")
    }

    @Test(arguments: AppLocale.allCases)
    func noLocaleKeepsKeysNothingUses(_ locale: AppLocale) {
        let stale = Set(Catalogue.entries(for: locale).keys).subtracting(Catalogue.requiredKeys)
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

    @Test func acceptLanguagePicksASupportedLocale() {
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
