import Fluent
import Foundation
import OpstapDomain

/// Money a programme runs on: an ESF+ operation, a municipal budget or another grant.
final class FundingStream: Model, @unchecked Sendable {
    static let schema = "funding_streams"

    @ID var id: UUID?
    @Parent(key: "programme_id") var programme: Programme
    @Field(key: "kind") var kind: String
    @Field(key: "name") var name: String
    /// The funder's reference, e.g. the ESF+ operation number.
    @Field(key: "reference") var reference: String
    @Parent(key: "funder_id") var funder: Organisation
    /// Euro cents, so amounts add up exactly.
    @Field(key: "amount_cents") var amountCents: Int64
    /// True when no amount was agreed (M0037); `amount_cents` then holds 0.
    @OptionalField(key: "amount_missing") var amountMissing: Bool?
    @Field(key: "starts_on") var startsOn: String
    @Field(key: "ends_on") var endsOn: String
    /// Programme stream codes the grant is for; empty means every stream.
    @Field(key: "target_streams") var targetStreams: [String]
    @Field(key: "target_description") var targetDescription: String
    /// Phase codes whose activities the grant pays for; empty means every phase.
    @Field(key: "funded_phases") var fundedPhases: [String]
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    /// The agreed amount in euro cents, nil when none was agreed.
    var amount: Int64? {
        get { amountMissing == true ? nil : amountCents }
        set {
            amountCents = newValue ?? 0
            amountMissing = newValue == nil ? true : nil
        }
    }

    var fundingKind: FundingKind { FundingKind(rawValue: kind) ?? .other }
    var period: (start: SimpleDate, end: SimpleDate) { (SimpleDate(startsOn)!, SimpleDate(endsOn)!) }
}

/// Whether a person may be counted under a funding stream, and on what evidence.
final class FundingEligibility: Model, @unchecked Sendable {
    static let schema = "funding_eligibilities"

    @ID var id: UUID?
    @Parent(key: "funding_stream_id") var stream: FundingStream
    @Parent(key: "person_id") var person: Person
    @Field(key: "eligible") var eligible: Bool
    @Field(key: "target_group") var targetGroup: String
    @Field(key: "evidence_kind") var evidenceKind: String
    /// Where the evidence is kept (document number, file reference); never the document itself.
    @Field(key: "evidence_reference") var evidenceReference: String
    @Field(key: "checked_on") var checkedOn: String
    @Parent(key: "recorded_by") var recordedBy: User
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

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
}

/// An ESF+ report for a closed year, frozen so it reproduces exactly later.
final class EsfSnapshot: Model, @unchecked Sendable {
    static let schema = "esf_snapshots"

    @ID var id: UUID?
    @Parent(key: "funding_stream_id") var stream: FundingStream
    @Field(key: "year") var year: Int
    /// The indicator table and the participant list as JSON, exactly as shown when frozen.
    @Field(key: "report") var report: String
    @Parent(key: "taken_by") var takenBy: User
    @Timestamp(key: "taken_at", on: .create) var takenAt: Date?

    init() {}
}
