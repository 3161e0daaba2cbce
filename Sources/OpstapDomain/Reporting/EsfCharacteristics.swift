import Foundation

/// ESF+ breaks every person-level indicator down by gender. `unknown` keeps people whose gender
/// was never recorded visible in the totals instead of silently dropping them.
public enum EsfGender: String, Codable, CaseIterable, Sendable {
    case woman
    case man
    case nonBinary
    case unknown
}

/// Labour market status on the day of entry. Exactly one applies; long-term unemployment is a
/// kind of unemployment, so it counts in both EECO02 and EECO03.
public enum EmploymentStatusAtEntry: String, Codable, CaseIterable, Sendable {
    case unemployed
    case longTermUnemployed
    case inactive
    case employed

    /// EECO02 counts every unemployed person, long-term or not.
    public var isUnemployed: Bool { self == .unemployed || self == .longTermUnemployed }
}

/// Answer to a special-category question (GDPR art. 9). A participant may decline; a declined
/// answer is never counted as yes, but the number of declined answers is reported separately.
public enum SensitiveAnswer: String, Codable, CaseIterable, Sendable {
    case yes
    case no
    case declined
}

/// The three ISCED bands of EECO09–EECO11.
public enum EducationBand: String, Codable, CaseIterable, Sendable {
    case isced0to2
    case isced3to4
    case isced5to8

    /// Levels outside 0...8 are clamped; `EsfEntryCharacteristics.errors()` refuses them on capture.
    public init(iscedLevel: Int) {
        switch iscedLevel {
        case ...2: self = .isced0to2
        case 3...4: self = .isced3to4
        default: self = .isced5to8
        }
    }
}

/// Age bands of EECO06–EECO08; 30–54 has no indicator of its own but keeps the bands complete.
public enum AgeBand: String, Codable, CaseIterable, Sendable {
    case under18
    case from18to29
    case from30to54
    case from55

    public init(age: Int) {
        switch age {
        case ..<18: self = .under18
        case 18...29: self = .from18to29
        case 30...54: self = .from30to54
        default: self = .from55
        }
    }
}

/// Captured once per person per operation, exactly as the indicators need them.
public struct EsfEntryCharacteristics: Codable, Equatable, Sendable {
    public var employmentStatus: EmploymentStatusAtEntry
    /// Highest ISCED level attained at entry, 0...8.
    public var iscedLevel: Int
    public var thirdCountryNational: Bool
    public var foreignBackground: SensitiveAnswer
    public var minority: SensitiveAnswer
    public var disability: SensitiveAnswer
    public var homelessOrHousingExclusion: Bool
    public var ruralArea: Bool

    public init(
        employmentStatus: EmploymentStatusAtEntry,
        iscedLevel: Int,
        thirdCountryNational: Bool,
        foreignBackground: SensitiveAnswer,
        minority: SensitiveAnswer,
        disability: SensitiveAnswer,
        homelessOrHousingExclusion: Bool,
        ruralArea: Bool
    ) {
        self.employmentStatus = employmentStatus
        self.iscedLevel = iscedLevel
        self.thirdCountryNational = thirdCountryNational
        self.foreignBackground = foreignBackground
        self.minority = minority
        self.disability = disability
        self.homelessOrHousingExclusion = homelessOrHousingExclusion
        self.ruralArea = ruralArea
    }

    public var educationBand: EducationBand { EducationBand(iscedLevel: iscedLevel) }

    /// The output indicators fed by a sensitive question, in the order of `sensitiveAnswers`.
    public static let sensitiveIndicators: [EsfIndicator] = [.eeco12, .eeco14, .eeco15]

    /// The sensitive answers, in the order of `sensitiveIndicators`.
    public var sensitiveAnswers: [(indicator: EsfIndicator, answer: SensitiveAnswer)] {
        [(.eeco12, disability), (.eeco14, foreignBackground), (.eeco15, minority)]
    }

    /// True when the participant declined at least one sensitive question.
    public var declinedAny: Bool {
        disability == .declined || foreignBackground == .declined || minority == .declined
    }

    /// Field errors with field names equal to the property names. Every other field is a closed
    /// choice the type system already guarantees.
    public func errors() -> [FieldError] {
        var errors: [FieldError] = []
        if !(0...8).contains(iscedLevel) { errors.append(FieldError("iscedLevel", .outOfRange, ["0", "8"])) }
        return errors
    }
}
