import Foundation
import OpstapDomain

public struct IntakeModel: Sendable {
    public var person: PersonSummary
    public var givenName: String
    public var familyName: String
    public var backHref: String
    public var errors: [FieldError]
    public init(person: PersonSummary, givenName: String, familyName: String, backHref: String, errors: [FieldError]) {
        self.person = person
        self.givenName = givenName
        self.familyName = familyName
        self.backHref = backHref
        self.errors = errors
    }
}

/// The intake profile form. Only the parts the viewer may see are shown; the app keeps
/// the rest as stored when the form is saved.
public enum IntakePage {
    public static func render(_ context: PageContext, _ m: IntakeModel) -> String {
        let t = context.t
        let p = m.person.intake
        let errors = m.errors
        let shows = m.person.visible
        let levels = CEFRLevel.allCases.map { ($0.rawValue, $0.rawValue) }
        return Layout.page(context, title: t(.intakeTitle, m.person.name)) {
            el("p") { Widgets.link(t(.back), m.backHref) }
            el("form", ["method": "post", "action": Paths.personIntake(m.person.id), "novalidate": ""]) {
                Form.csrf(context)
                Form.errorSummary(context, errors)
                el("fieldset") {
                    el("legend") { t(.personTitle) }
                    Form.input(
                        context, label: t(.givenName), name: "givenName", value: m.givenName, errors: errors,
                        required: true)
                    Form.input(
                        context, label: t(.familyName), name: "familyName", value: m.familyName, errors: errors,
                        required: true)
                    Form.input(
                        context, label: t(.dateOfBirth), name: "dateOfBirth", value: m.person.dateOfBirth?.iso ?? "",
                        type: "date", errors: errors)
                    Form.select(
                        context, label: t(.gender), name: "gender", options: Form.options(GenderLabel.self, t),
                        selected: m.person.gender, errors: errors)
                    if shows.contains(.bsn) {
                        Form.input(
                            context, label: t(.bsn), name: "bsn", value: m.person.bsn ?? "", errors: errors,
                            hint: t(.bsnHint))
                    }
                }
                if shows.contains(.contact) {
                    el("fieldset") {
                        el("legend") { t(.contactTitle) }
                        Form.input(
                            context, label: t(.phone), name: "contact.phone", value: p.contact.phone, type: "tel",
                            errors: errors)
                        Form.input(
                            context, label: t(.email), name: "contact.email", value: p.contact.email, type: "email",
                            errors: errors)
                        Form.input(
                            context, label: t(.address), name: "contact.address", value: p.contact.address,
                            errors: errors)
                        Form.input(
                            context, label: t(.postcode), name: "contact.postcode", value: p.contact.postcode,
                            errors: errors)
                        Form.input(
                            context, label: t(.city), name: "contact.city", value: p.contact.city, errors: errors)
                    }
                }
                if shows.contains(.language) {
                    el("fieldset") {
                        el("legend") { t(.dutchLevels) }
                        Form.select(
                            context, label: t(.listening), name: "dutch.listening", options: levels,
                            selected: p.dutchLevels.listening?.rawValue, includeEmpty: true)
                        Form.select(
                            context, label: t(.reading), name: "dutch.reading", options: levels,
                            selected: p.dutchLevels.reading?.rawValue, includeEmpty: true)
                        Form.select(
                            context, label: t(.speaking), name: "dutch.speaking", options: levels,
                            selected: p.dutchLevels.speaking?.rawValue, includeEmpty: true)
                        Form.select(
                            context, label: t(.writing), name: "dutch.writing", options: levels,
                            selected: p.dutchLevels.writing?.rawValue, includeEmpty: true)
                        Form.select(
                            context, label: t(.conversation), name: "dutch.conversation", options: levels,
                            selected: p.dutchLevels.conversation?.rawValue, includeEmpty: true)
                        Form.input(
                            context, label: t(.languages), name: "languages",
                            value: p.languages.joined(separator: ", "), errors: errors, hint: t(.languagesHint))
                    }
                }
                if shows.contains(.education) {
                    el("fieldset") {
                        el("legend") { t(.education) }
                        for (i, entry)
                            in (p.education + [
                                EducationEntry(description: "", iscedLevel: 0, country: "", completed: true)
                            ]).enumerated()
                        {
                            let blank = i >= p.education.count
                            el("div", ["class": "row"]) {
                                Form.input(
                                    context, label: t(.educationDescription), name: "education[\(i)].description",
                                    value: entry.description, errors: errors)
                                Form.select(
                                    context, label: t(.iscedLevel), name: "education[\(i)].iscedLevel",
                                    options: (0...8).map { (String($0), "ISCED \($0)") },
                                    selected: blank ? nil : String(entry.iscedLevel), errors: errors, includeEmpty: true
                                )
                                Form.input(
                                    context, label: t(.country), name: "education[\(i)].country", value: entry.country,
                                    errors: errors, hint: t(.countryHint))
                                Form.select(
                                    context, label: t(.completed), name: "education[\(i)].completed",
                                    options: [("yes", t(.yes)), ("no", t(.no))],
                                    selected: entry.completed ? "yes" : "no")
                            }
                        }
                    }
                    el("fieldset") {
                        el("legend") { t(.workExperience) }
                        for (i, entry)
                            in (p.workExperience + [WorkExperienceEntry(role: "", sector: "", country: "", years: 0)])
                            .enumerated()
                        {
                            let blank = i >= p.workExperience.count
                            el("div", ["class": "row"]) {
                                Form.input(
                                    context, label: t(.workRole), name: "workExperience[\(i)].role", value: entry.role,
                                    errors: errors)
                                Form.input(
                                    context, label: t(.sector), name: "workExperience[\(i)].sector",
                                    value: entry.sector, errors: errors)
                                Form.input(
                                    context, label: t(.country), name: "workExperience[\(i)].country",
                                    value: entry.country, errors: errors, hint: t(.countryHint))
                                Form.input(
                                    context, label: t(.years), name: "workExperience[\(i)].years",
                                    value: blank ? "" : t.number(entry.years), errors: errors)
                            }
                        }
                    }
                }
                if shows.contains(.household) {
                    el("fieldset") {
                        el("legend") { t(.householdTitle) }
                        Form.select(
                            context, label: t(.household), name: "household", options: Form.options(Household.self, t),
                            selected: p.household?.rawValue, errors: errors, includeEmpty: true)
                        Form.select(
                            context, label: t(.residence), name: "residence", options: Form.options(Residence.self, t),
                            selected: p.residence?.rawValue, errors: errors, includeEmpty: true)
                        Form.input(
                            context, label: t(.residenceDetail), name: "residenceDetail", value: p.residenceDetail,
                            errors: errors)
                        Form.select(
                            context, label: t(.residenceStatusLabel), name: "residenceStatus",
                            options: Form.options(ResidenceStatus.self, t), selected: p.residenceStatus?.rawValue,
                            errors: errors, includeEmpty: true)
                    }
                }
                if shows.contains(.benefits) {
                    Form.select(
                        context, label: t(.benefit), name: "benefit", options: Form.options(BenefitStatus.self, t),
                        selected: p.benefit?.rawValue, errors: errors, includeEmpty: true)
                }
                if shows.contains(.civicIntegration) {
                    el("fieldset") {
                        el("legend") { t(.civicIntegrationTitle) }
                        Form.select(
                            context, label: t(.learningRoute), name: "civicIntegration.route",
                            options: Form.options(LearningRoute.self, t), selected: p.civicIntegration.route?.rawValue,
                            errors: errors, includeEmpty: true)
                        Form.input(
                            context, label: t(.pipDate), name: "civicIntegration.pipDate",
                            value: p.civicIntegration.pipDate?.iso ?? "", type: "date", errors: errors)
                        Form.input(
                            context, label: t(.integrationDeadline), name: "civicIntegration.deadline",
                            value: p.civicIntegration.deadline?.iso ?? "", type: "date", errors: errors)
                    }
                }
                Form.submit(t(.save))
            }
        }
    }
}
