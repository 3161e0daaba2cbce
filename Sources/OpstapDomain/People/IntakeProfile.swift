/// What intake learns about a person. Stored as one document per person; which parts a
/// viewer sees is decided by `FieldPolicy`, never by the page that shows it.
public struct IntakeProfile: Codable, Equatable, Sendable {
    public var dutchLevels: DutchLevels
    public var education: [EducationEntry]
    public var workExperience: [WorkExperienceEntry]
    public var household: Household?
    public var residence: Residence?
    public var residenceDetail: String
    /// The legal ground of stay; programmes may be open to some statuses only.
    public var residenceStatus: ResidenceStatus?
    public var benefit: BenefitStatus?
    public var civicIntegration: CivicIntegration
    public var languages: [String]
    public var contact: ContactDetails

    public init(
        dutchLevels: DutchLevels = DutchLevels(), education: [EducationEntry] = [],
        workExperience: [WorkExperienceEntry] = [],
        household: Household? = nil, residence: Residence? = nil, residenceDetail: String = "",
        benefit: BenefitStatus? = nil,
        civicIntegration: CivicIntegration = CivicIntegration(), languages: [String] = [],
        contact: ContactDetails = ContactDetails(),
        residenceStatus: ResidenceStatus? = nil
    ) {
        self.residenceStatus = residenceStatus
        self.dutchLevels = dutchLevels
        self.education = education
        self.workExperience = workExperience
        self.household = household
        self.residence = residence
        self.residenceDetail = residenceDetail
        self.benefit = benefit
        self.civicIntegration = civicIntegration
        self.languages = languages
        self.contact = contact
    }

    /// The highest ISCED level completed (ESF+ counts education at entry this way).
    public var highestIscedLevel: Int? {
        education.filter(\.completed).map(\.iscedLevel).max()
    }
}

/// CEFR levels as used by DUO and the civic-integration exams.
public enum CEFRLevel: String, Codable, CaseIterable, Sendable, Comparable {
    case a0 = "A0", a1 = "A1", a2 = "A2", b1 = "B1", b2 = "B2", c1 = "C1", c2 = "C2"
    public static func < (lhs: CEFRLevel, rhs: CEFRLevel) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

public struct DutchLevels: Codable, Equatable, Sendable {
    public var listening: CEFRLevel?
    public var reading: CEFRLevel?
    public var speaking: CEFRLevel?
    public var writing: CEFRLevel?
    public var conversation: CEFRLevel?

    public init(
        listening: CEFRLevel? = nil, reading: CEFRLevel? = nil, speaking: CEFRLevel? = nil, writing: CEFRLevel? = nil,
        conversation: CEFRLevel? = nil
    ) {
        self.listening = listening
        self.reading = reading
        self.speaking = speaking
        self.writing = writing
        self.conversation = conversation
    }
}

public struct EducationEntry: Codable, Equatable, Sendable {
    public var description: String
    /// ISCED 2011 level 0–8.
    public var iscedLevel: Int
    /// ISO 3166-1 alpha-2 country code.
    public var country: String
    public var completed: Bool
    public var yearCompleted: Int?

    public init(description: String, iscedLevel: Int, country: String, completed: Bool, yearCompleted: Int? = nil) {
        self.description = description
        self.iscedLevel = iscedLevel
        self.country = country
        self.completed = completed
        self.yearCompleted = yearCompleted
    }
}

public struct WorkExperienceEntry: Codable, Equatable, Sendable {
    public var role: String
    public var sector: String
    public var country: String
    public var years: Double

    public init(role: String, sector: String, country: String, years: Double) {
        self.role = role
        self.sector = sector
        self.country = country
        self.years = years
    }
}

public enum Household: String, Codable, CaseIterable, Sendable {
    case single
    case partner
    case partnerAndChildren
    case singleWithChildren
}

public enum Residence: String, Codable, CaseIterable, Sendable {
    case receptionCentre
    case ownHome
    case other
}

/// Residence status at intake (verblijfsstatus).
public enum ResidenceStatus: String, Codable, CaseIterable, Sendable {
    case permitHolder
    case asylumProcedure
    case temporaryProtection
    case euCitizen
    case other
}

public enum BenefitStatus: String, Codable, CaseIterable, Sendable {
    case none
    case participationAct
    case other
}

public enum LearningRoute: String, Codable, CaseIterable, Sendable {
    case b1Route
    case educationRoute
    case zRoute
}

public struct CivicIntegration: Codable, Equatable, Sendable {
    public var route: LearningRoute?
    public var pipDate: SimpleDate?
    public var deadline: SimpleDate?

    public init(route: LearningRoute? = nil, pipDate: SimpleDate? = nil, deadline: SimpleDate? = nil) {
        self.route = route
        self.pipDate = pipDate
        self.deadline = deadline
    }
}

public struct ContactDetails: Codable, Equatable, Sendable {
    public var phone: String
    public var email: String
    public var address: String
    public var postcode: String
    public var city: String

    public init(phone: String = "", email: String = "", address: String = "", postcode: String = "", city: String = "")
    {
        self.phone = phone
        self.email = email
        self.address = address
        self.postcode = postcode
        self.city = city
    }
}
