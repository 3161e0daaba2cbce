import Fluent
import Foundation
import OpstapDomain

/// The ESF+ entry characteristics of one person in one operation, captured once.
final class EsfCharacteristicsRecord: Model, @unchecked Sendable {
    static let schema = "esf_characteristics"

    @ID var id: UUID?
    @Parent(key: "funding_stream_id") var stream: FundingStream
    @Parent(key: "person_id") var person: Person
    @Field(key: "employment_status") var employmentStatus: String
    @Field(key: "isced_level") var iscedLevel: Int
    @Field(key: "third_country_national") var thirdCountryNational: Bool
    @Field(key: "foreign_background") var foreignBackground: String
    @Field(key: "minority") var minority: String
    @Field(key: "disability") var disability: String
    @Field(key: "homeless") var homeless: Bool
    @Field(key: "rural_area") var ruralArea: Bool
    @Parent(key: "recorded_by") var recordedBy: User
    @Field(key: "recorded_on") var recordedOn: String

    init() {}

    var characteristics: EsfEntryCharacteristics? {
        guard let status = EmploymentStatusAtEntry(rawValue: employmentStatus),
            let foreign = SensitiveAnswer(rawValue: foreignBackground),
            let minority = SensitiveAnswer(rawValue: minority),
            let disability = SensitiveAnswer(rawValue: disability)
        else { return nil }
        return EsfEntryCharacteristics(
            employmentStatus: status, iscedLevel: iscedLevel, thirdCountryNational: thirdCountryNational,
            foreignBackground: foreign, minority: minority, disability: disability,
            homelessOrHousingExclusion: homeless, ruralArea: ruralArea)
    }

    func apply(_ value: EsfEntryCharacteristics) {
        employmentStatus = value.employmentStatus.rawValue
        iscedLevel = value.iscedLevel
        thirdCountryNational = value.thirdCountryNational
        foreignBackground = value.foreignBackground.rawValue
        minority = value.minority.rawValue
        disability = value.disability.rawValue
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
