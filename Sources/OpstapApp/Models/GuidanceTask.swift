import Fluent
import Foundation
import OpstapDomain

/// A task with a due date and an assignee, by hand or from a signal or an overdue review.
final class GuidanceTask: Model, @unchecked Sendable {
    static let schema = "tasks"

    @ID var id: UUID?
    @OptionalParent(key: "enrolment_id") var enrolment: Enrolment?
    @Field(key: "title") var title: String
    @Field(key: "due_on") var dueOn: String
    @Parent(key: "assignee_id") var assignee: User
    @Parent(key: "created_by") var createdBy: User
    @Field(key: "source") var source: TaskSource
    @Field(key: "status") var status: TaskStatus
    @OptionalField(key: "done_at") var doneAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(enrolmentID: UUID?, title: String, dueOn: String, assigneeID: UUID, createdBy: UUID, source: TaskSource) {
        self.$enrolment.id = enrolmentID
        self.title = title
        self.dueOn = dueOn
        self.$assignee.id = assigneeID
        self.$createdBy.id = createdBy
        self.source = source
        self.status = .open
    }

    /// Listed, not found by reflection: Fluent reflects on every read and write otherwise
    /// (`ModelPropertiesTests` holds the list to the declarations).
    var properties: [any AnyProperty] {
        [$id, $enrolment, $title, $dueOn, $assignee, $createdBy, $source, $status, $doneAt, $createdAt]
    }
}
