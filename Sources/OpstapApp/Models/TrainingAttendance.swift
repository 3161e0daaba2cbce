import Fluent
import Foundation

final class TrainingAttendance: Model, @unchecked Sendable {
    static let schema = "training_attendance"

    @ID var id: UUID?
    @Parent(key: "training_id") var training: SupervisorTraining
    @Parent(key: "user_id") var user: User

    init() {}

    /// Listed, not found by reflection: Fluent reflects on every read and write otherwise
    /// (`ModelPropertiesTests` holds the list to the declarations).
    var properties: [any AnyProperty] { [$id, $training, $user] }
}
