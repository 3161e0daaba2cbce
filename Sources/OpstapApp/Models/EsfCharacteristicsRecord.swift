import Fluent
import Foundation
import OpstapDomain

/// The ESF+ entry characteristics of one person in one operation, captured once.
final class EsfCharacteristicsRecord: Model, @unchecked Sendable {
    static let schema = "esf_characteristics"

    @ID var id: UUID?
    @Parent(key: "funding_stream_id") var stream: FundingStream
    @Parent(key: "person_id") var person: Person
    @Field(key: "employment_status") var employmentStatus: EmploymentStatusAtEntry
    @Field(key: "isced_level") var iscedLevel: Int
    @Field(key: "third_country_national") var thirdCountryNational: Bool
    @Field(key: "foreign_background") var foreignBackground: SensitiveAnswer
    @Field(key: "minority") var minority: SensitiveAnswer
    @Field(key: "disability") var disability: SensitiveAnswer
    @Field(key: "homeless") var homeless: Bool
    @Field(key: "rural_area") var ruralArea: Bool
    @Parent(key: "recorded_by") var recordedBy: User
    @Field(key: "recorded_on") var recordedOn: String

    init() {}

    var characteristics: EsfEntryCharacteristics {
        EsfEntryCharacteristics(
            employmentStatus: employmentStatus, iscedLevel: iscedLevel, thirdCountryNational: thirdCountryNational,
            foreignBackground: foreignBackground, minority: minority, disability: disability,
            homelessOrHousingExclusion: homeless, ruralArea: ruralArea)
    }

    func apply(_ value: EsfEntryCharacteristics) {
        employmentStatus = value.employmentStatus
        iscedLevel = value.iscedLevel
        thirdCountryNational = value.thirdCountryNational
        foreignBackground = value.foreignBackground
        minority = value.minority
        disability = value.disability
        homeless = value.homelessOrHousingExclusion
        ruralArea = value.ruralArea
    }

    /// Listed, not found by reflection: Fluent reflects on every read and write otherwise
    /// (`ModelPropertiesTests` holds the list to the declarations).
    var properties: [any AnyProperty] {
        [
            $id, $stream, $person, $employmentStatus, $iscedLevel, $thirdCountryNational, $foreignBackground, $minority,
            $disability, $homeless, $ruralArea, $recordedBy, $recordedOn,
        ]
    }
}
