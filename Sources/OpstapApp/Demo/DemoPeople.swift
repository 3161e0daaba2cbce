import Foundation
import OpstapDomain

/// Synthetic people: names, dates of birth and intake profiles that look like the
/// programmes' real participants without being anyone.
enum DemoPeople {
    struct Profile {
        var given: String
        var family: String
        var gender: Gender
        var birth: SimpleDate
        var intake: IntakeProfile
    }

    static let origins: [(country: String, language: String, women: [String], men: [String], families: [String])] = [
        (
            "SY", "Arabisch", ["Rama", "Lina", "Nour", "Hiba", "Yara", "Dima"],
            ["Ahmad", "Omar", "Khaled", "Mahmoud", "Yousef", "Samer"],
            ["Al-Hassan", "Haddad", "Khalil", "Darwish", "Mansour", "Sabbagh"]
        ),
        (
            "ER", "Tigrinya", ["Senait", "Helen", "Mebrat", "Selam", "Rahwa"],
            ["Yonas", "Dawit", "Filmon", "Kibrom", "Tesfay"],
            ["Tesfamariam", "Gebremedhin", "Haile", "Berhane", "Kidane"]
        ),
        (
            "AF", "Dari", ["Mariam", "Zahra", "Farzana", "Shabnam"], ["Ahmad Shah", "Farid", "Hamid", "Jawad"],
            ["Rahimi", "Noori", "Sultani", "Karimi"]
        ),
        ("TR", "Turks", ["Elif", "Zeynep", "Ayse"], ["Mehmet", "Emre", "Murat"], ["Yilmaz", "Demir", "Kaya"]),
        ("YE", "Arabisch", ["Amal", "Huda"], ["Ali", "Saleh"], ["Al-Ahmadi", "Qasim"]),
        (
            "SO", "Somalisch", ["Hodan", "Ayaan", "Sahra"], ["Abdi", "Mohamed", "Hassan"],
            ["Warsame", "Abdullahi", "Farah"]
        ),
    ]

    static let studentGiven = (
        women: ["Sanne", "Fleur", "Noa", "Lotte", "Iris", "Sara"],
        men: ["Daan", "Bram", "Thijs", "Milan", "Ruben", "Jesse"]
    )
    static let studentFamily = [
        "de Vries", "Jansen", "van Dijk", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "Bos",
    ]

    static func profile(statushouder: Bool, programme: String, random: inout DemoRandom) -> Profile {
        let woman = random.chance(0.55)
        let gender: Gender = woman ? .woman : .man
        var intake = IntakeProfile()
        let given: String
        let family: String
        let birth: SimpleDate
        if statushouder {
            let origin = random.pick(origins)
            given = random.pick(woman ? origin.women : origin.men)
            family = random.pick(origin.families)
            birth = SimpleDate(year: random.int(1975...2004), month: random.int(1...12), day: random.int(1...28))!
            let levels: [CEFRLevel] = programme == "leiden" ? [.a2, .a2, .b1] : [.a1, .a2, .a2]
            intake.dutchLevels = DutchLevels(
                listening: random.pick(levels), reading: random.pick(levels), speaking: random.pick(levels),
                writing: random.pick([.a1, .a2]), conversation: random.pick(levels))
            intake.languages = [origin.language, random.chance(0.5) ? "Engels" : "Nederlands"]
            let isced = random.pick([1, 2, 2, 3, 3, 4, 6])
            intake.education = [
                EducationEntry(
                    description: isced >= 6
                        ? "Bachelor (verpleegkunde)" : isced >= 3 ? "Middelbare school" : "Basisonderwijs",
                    iscedLevel: isced, country: origin.country, completed: random.chance(0.8))
            ]
            if random.chance(0.6) {
                intake.workExperience = [
                    WorkExperienceEntry(
                        role: random.pick([
                            "Verzorgende", "Winkelmedewerker", "Kapper", "Naaister", "Bouwvakker", "Mantelzorger",
                        ]), sector: random.pick(["Zorg", "Detailhandel", "Ambacht"]), country: origin.country,
                        years: Double(random.int(1...8)))
                ]
            }
            intake.household = random.pick([
                .single, .single, .single, .partner, .partnerAndChildren, .singleWithChildren,
            ])
            intake.residence = random.pick([.receptionCentre, .receptionCentre, .ownHome])
            intake.residenceDetail =
                intake.residence == .receptionCentre ? (programme == "leiden" ? "Azc Katwijk" : "Azc Oisterwijk") : ""
            intake.benefit = .participationAct
            let pip = SimpleDate(year: random.int(2022...2024), month: random.int(1...12), day: random.int(1...28))!
            intake.civicIntegration = CivicIntegration(
                route: programme == "leiden" ? .educationRoute : random.pick([.b1Route, .b1Route, .zRoute]),
                pipDate: pip, deadline: pip.adding(days: 3 * 365))
        } else {
            given = random.pick(woman ? studentGiven.women : studentGiven.men)
            family = random.pick(studentFamily)
            birth = SimpleDate(year: random.int(2005...2008), month: random.int(1...12), day: random.int(1...28))!
            intake.dutchLevels = DutchLevels(
                listening: .c1, reading: .b2, speaking: .c1, writing: .b2, conversation: .c1)
            intake.languages = ["Nederlands", "Engels"]
            intake.education = [
                EducationEntry(description: "Vmbo basis", iscedLevel: 2, country: "NL", completed: true)
            ]
            intake.household = .single
            intake.residence = .ownHome
            intake.benefit = BenefitStatus.none
        }
        let city = programme == "leiden" ? "Leiden" : "Tilburg"
        intake.contact = ContactDetails(
            phone: "06-\(random.int(10_000_000...99_999_999))",
            email: "\(given.lowercased().replacingOccurrences(of: " ", with: ".")).\(random.int(10...99))@voorbeeld.nl",
            address: intake.residence == .ownHome
                ? "\(random.pick(["Lange Mare", "Hooigracht", "Kruisstraat", "Piusstraat", "Ringbaan-West"])) \(random.int(1...200))"
                : "",
            postcode: intake.residence == .ownHome
                ? (programme == "leiden"
                    ? "2312 \(random.pick(["AB", "CD", "EK"]))" : "5038 \(random.pick(["AB", "HG", "KL"]))") : "",
            city: intake.residence == .ownHome ? city : "")
        return Profile(given: given, family: family, gender: gender, birth: birth, intake: intake)
    }

    /// A random number that passes the elfproef (synthetic, in the 1xxxxxxxx range).
    static func bsn(_ random: inout DemoRandom) -> String {
        while true {
            var digits = [1] + (0..<7).map { _ in random.int(0...9) }
            let sum = digits.enumerated().reduce(0) { $0 + (9 - $1.offset) * $1.element }
            let check = sum % 11
            guard check < 10 else { continue }
            digits.append(check)
            let text = digits.map(String.init).joined()
            if BSN(text) != nil { return text }
        }
    }
}
