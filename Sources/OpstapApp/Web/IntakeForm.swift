import Foundation
import OpstapDomain

/// Reads the intake form into a profile. Parts the viewer could not see are absent from
/// the form; `FieldPolicy.merge` keeps their stored values.
enum IntakeForm {
    static func parse(_ form: FormData) -> (IntakeProfile, [FieldError]) {
        var errors: [FieldError] = []
        var profile = IntakeProfile()
        profile.contact = ContactDetails(
            phone: form["contact.phone"], email: form["contact.email"], address: form["contact.address"],
            postcode: form["contact.postcode"], city: form["contact.city"])
        profile.dutchLevels = DutchLevels(
            listening: CEFRLevel(rawValue: form["dutch.listening"]),
            reading: CEFRLevel(rawValue: form["dutch.reading"]),
            speaking: CEFRLevel(rawValue: form["dutch.speaking"]), writing: CEFRLevel(rawValue: form["dutch.writing"]),
            conversation: CEFRLevel(rawValue: form["dutch.conversation"]))
        profile.languages = form["languages"].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        for i in 0..<form.rowCount("education") {
            let p = "education[\(i)]"
            guard !form[p + ".description"].isEmpty || !form[p + ".country"].isEmpty else { continue }
            let index = profile.education.count
            let level = Int(form[p + ".iscedLevel"])
            if level == nil { errors.append(FieldError("education[\(index)].iscedLevel", .invalidChoice)) }
            profile.education.append(
                EducationEntry(
                    description: form[p + ".description"], iscedLevel: level ?? 0,
                    country: form[p + ".country"].uppercased(),
                    completed: form[p + ".completed"] != "no"))
        }
        for i in 0..<form.rowCount("workExperience") {
            let p = "workExperience[\(i)]"
            guard !form[p + ".role"].isEmpty || !form[p + ".sector"].isEmpty else { continue }
            let index = profile.workExperience.count
            let years = Double(form[p + ".years"].replacingOccurrences(of: ",", with: "."))
            if years == nil { errors.append(FieldError("workExperience[\(index)].years", .invalidNumber)) }
            profile.workExperience.append(
                WorkExperienceEntry(
                    role: form[p + ".role"], sector: form[p + ".sector"], country: form[p + ".country"].uppercased(),
                    years: years ?? 0))
        }
        profile.household = Household(rawValue: form["household"])
        profile.residence = Residence(rawValue: form["residence"])
        profile.residenceDetail = form["residenceDetail"]
        profile.residenceStatus = ResidenceStatus(rawValue: form["residenceStatus"])
        if profile.residenceStatus == nil && !form["residenceStatus"].isEmpty {
            errors.append(FieldError("residenceStatus", .invalidChoice))
        }
        profile.benefit = BenefitStatus(rawValue: form["benefit"])
        profile.civicIntegration.route = LearningRoute(rawValue: form["civicIntegration.route"])
        for (field, keyPath) in [
            ("civicIntegration.pipDate", \CivicIntegration.pipDate),
            ("civicIntegration.deadline", \CivicIntegration.deadline),
        ] {
            let text = form[field]
            guard !text.isEmpty else { continue }
            if let date = SimpleDate(text) {
                profile.civicIntegration[keyPath: keyPath] = date
            } else {
                errors.append(FieldError(field, .invalidDate))
            }
        }
        return (profile, errors)
    }
}
