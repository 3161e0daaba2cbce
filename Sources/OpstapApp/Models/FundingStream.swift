import Fluent
import Foundation
import OpstapDomain

/// Money a programme runs on: an ESF+ operation, a municipal budget or another grant.
final class FundingStream: Model, @unchecked Sendable {
    static let schema = "funding_streams"

    @ID var id: UUID?
    @Parent(key: "programme_id") var programme: Programme
    @Field(key: "kind") var kind: FundingKind
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

    var period: (start: SimpleDate, end: SimpleDate) { (SimpleDate(startsOn)!, SimpleDate(endsOn)!) }

    /// Listed, not found by reflection: Fluent reflects on every read and write otherwise
    /// (`ModelPropertiesTests` holds the list to the declarations).
    var properties: [any AnyProperty] {
        [
            $id, $programme, $kind, $name, $reference, $funder, $amountCents, $amountMissing, $startsOn, $endsOn,
            $targetStreams, $targetDescription, $fundedPhases, $createdAt,
        ]
    }
}
