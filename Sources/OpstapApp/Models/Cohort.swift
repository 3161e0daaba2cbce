import Fluent
import Foundation

/// A group that starts together. New enrolments in it follow `programmeVersion`.
final class Cohort: Model, @unchecked Sendable {
    static let schema = "cohorts"

    @ID var id: UUID?
    @Parent(key: "programme_id") var programme: Programme
    @Parent(key: "programme_version_id") var programmeVersion: ProgrammeVersion
    @Field(key: "name") var name: String
    @Field(key: "start_date") var startDate: String
    @Field(key: "capacity") var capacity: Int
    /// Stream codes as a comma-separated list.
    @Field(key: "streams") var streamsText: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(
        id: UUID? = nil, programmeID: UUID, versionID: UUID, name: String, startDate: String, capacity: Int,
        streams: [String]
    ) {
        self.id = id
        self.$programme.id = programmeID
        self.$programmeVersion.id = versionID
        self.name = name
        self.startDate = startDate
        self.capacity = capacity
        self.streamsText = streams.joined(separator: ",")
    }

    var streams: [String] { streamsText.split(separator: ",").map(String.init) }

    /// Listed, not found by reflection: Fluent reflects on every read and write otherwise
    /// (`ModelPropertiesTests` holds the list to the declarations).
    var properties: [any AnyProperty] {
        [$id, $programme, $programmeVersion, $name, $startDate, $capacity, $streamsText, $createdAt]
    }
}
