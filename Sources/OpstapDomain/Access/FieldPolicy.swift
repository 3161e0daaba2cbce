/// Groups of personal fields that are shown or hidden together.
public enum FieldGroup: String, CaseIterable, Sendable {
    case identity  // name, date of birth, gender
    case contact  // phone, e-mail, address
    case bsn
    case language  // Dutch levels, languages spoken
    case education  // education history, work experience
    case household  // household, residence
    case benefits
    case civicIntegration
    /// Housing route, steps, unit and address of the home. Others see only "housed: yes/no".
    case housing
}

/// Which fields a viewer may see, by the kind of their organisation and their roles
/// (PRODUCT.md §5). The BSN, benefits and civic-integration data are for the municipality
/// only; employers see working data; reporting roles see no individual at all.
public enum FieldPolicy {
    public static func visibleGroups(organisationKind: OrganisationKind, roles: Set<Role>) -> Set<FieldGroup> {
        let individualRoles = roles.subtracting([.reporting])
        guard !individualRoles.isEmpty else { return [] }
        switch organisationKind {
        case .municipality where individualRoles.isSubset(of: [.housingOfficer]):
            // Housing officers work on homes: housing data, not benefits, civic integration or
            // the BSN (no civic-integration or ESF+ task, so no legal basis for it).
            return Set(FieldGroup.allCases).subtracting([.benefits, .civicIntegration, .bsn])
        case .municipality:
            return Set(FieldGroup.allCases)
        case .refugeeSupport:
            return [.identity, .contact, .language, .education, .household, .housing]
        case .school:
            return [.identity, .contact, .language, .education]
        case .careEmployer, .employerOutsideCare:
            return [.identity, .contact, .language, .education]
        case .housingCorporation:
            return [.identity, .contact, .household, .housing]
        case .receptionAgency:
            return [.identity, .contact, .household, .housing]
        case .funder:
            // Funders and ministries follow the programme in aggregates, like reporting roles.
            return []
        case .knowledgeInstitution, .other:
            // No legal basis for personal data by default (least privilege).
            return []
        }
    }

    /// Searching by BSN reveals whether someone is registered, so it follows the BSN itself.
    public static func maySearchByBSN(organisationKind: OrganisationKind, roles: Set<Role>) -> Bool {
        visibleGroups(organisationKind: organisationKind, roles: roles).contains(.bsn)
    }

    /// Returns the profile with every part the viewer may not see emptied.
    public static func redact(_ profile: IntakeProfile, visible: Set<FieldGroup>) -> IntakeProfile {
        var result = profile
        if !visible.contains(.contact) { result.contact = ContactDetails() }
        if !visible.contains(.language) {
            result.dutchLevels = DutchLevels()
            result.languages = []
        }
        if !visible.contains(.education) {
            result.education = []
            result.workExperience = []
        }
        if !visible.contains(.household) {
            result.household = nil
            result.residence = nil
            result.residenceDetail = ""
            result.residenceStatus = nil
        }
        if !visible.contains(.benefits) { result.benefit = nil }
        if !visible.contains(.civicIntegration) { result.civicIntegration = CivicIntegration() }
        return result
    }
}

extension FieldPolicy {
    /// The group of a person field or intake part by its stored name (as the change log names
    /// it), for the fields not everyone who sees the file may see; nil for the rest. The same
    /// division as `redact` and `merge`.
    public static func group(ofField name: String) -> FieldGroup? {
        restrictedFields[name]
    }

    private static let restrictedFields: [String: FieldGroup] = [
        "bsn": .bsn, "contact": .contact, "dutchLevels": .language, "languages": .language,
        "education": .education, "workExperience": .education, "household": .household, "residence": .household,
        "residenceDetail": .household, "residenceStatus": .household, "benefit": .benefits,
        "civicIntegration": .civicIntegration,
    ]

    /// Applies an edit made by someone who sees only `visible`: parts they cannot see keep
    /// their stored value, so saving a form never wipes data the editor was not shown.
    public static func merge(stored: IntakeProfile, edited: IntakeProfile, visible: Set<FieldGroup>) -> IntakeProfile {
        var result = stored
        if visible.contains(.contact) { result.contact = edited.contact }
        if visible.contains(.language) {
            result.dutchLevels = edited.dutchLevels
            result.languages = edited.languages
        }
        if visible.contains(.education) {
            result.education = edited.education
            result.workExperience = edited.workExperience
        }
        if visible.contains(.household) {
            result.household = edited.household
            result.residence = edited.residence
            result.residenceDetail = edited.residenceDetail
            result.residenceStatus = edited.residenceStatus
        }
        if visible.contains(.benefits) { result.benefit = edited.benefit }
        if visible.contains(.civicIntegration) { result.civicIntegration = edited.civicIntegration }
        return result
    }
}
