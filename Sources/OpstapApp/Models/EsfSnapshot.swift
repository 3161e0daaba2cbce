import Fluent
import Foundation
import OpstapDomain

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

    /// Listed, not found by reflection: Fluent reflects on every read and write otherwise
    /// (`ModelPropertiesTests` holds the list to the declarations).
    var properties: [any AnyProperty] { [$id, $stream, $year, $report, $takenBy, $takenAt] }
}
