import Fluent
import Foundation
import OpstapDomain

/// One line of the hours and attendance ledger. Activity, attendance and status are typed: a
/// stored value the domain does not know fails the read with an error (and is logged) instead
/// of quietly becoming a default.
final class HourEntry: Model, @unchecked Sendable {
    static let schema = "hour_entries"

    @ID var id: UUID?
    @Parent(key: "enrolment_id") var enrolment: Enrolment
    @Field(key: "date") var date: String
    @Field(key: "activity") var activity: ActivityType
    @Field(key: "hours") var hours: Double
    @Field(key: "attendance") var attendance: Attendance
    /// Where the hours were made: a location (placement) or a class, in words.
    @Field(key: "place") var place: String
    @Field(key: "note") var note: String
    @Field(key: "status") var status: EntryStatus
    @OptionalField(key: "rejection_reason") var rejectionReason: String?
    @OptionalParent(key: "corrects_id") var corrects: HourEntry?
    @Parent(key: "recorded_by") var recordedBy: User
    @OptionalParent(key: "decided_by") var decidedBy: User?
    @OptionalField(key: "decided_at") var decidedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(
        enrolmentID: UUID, date: SimpleDate, activity: ActivityType, hours: Double, attendance: Attendance,
        place: String, note: String,
        recordedBy: UUID, corrects: UUID? = nil
    ) {
        self.$enrolment.id = enrolmentID
        self.date = date.iso
        self.activity = activity
        self.hours = hours
        self.attendance = attendance
        self.place = place
        self.note = note
        self.status = .draft
        self.$recordedBy.id = recordedBy
        self.$corrects.id = corrects
    }

    var line: LedgerLine {
        LedgerLine(
            id: id?.uuidString ?? "new", date: SimpleDate(date) ?? SimpleDate(year: 2000, month: 1, day: 1)!,
            activity: activity, hours: hours, attendance: attendance, placeKey: place.lowercased(),
            status: status, corrects: $corrects.id?.uuidString)
    }

    /// Listed, not found by reflection: Fluent reflects on every read and write otherwise
    /// (`ModelPropertiesTests` holds the list to the declarations).
    var properties: [any AnyProperty] {
        [
            $id, $enrolment, $date, $activity, $hours, $attendance, $place, $note, $status, $rejectionReason, $corrects,
            $recordedBy, $decidedBy, $decidedAt, $createdAt, $updatedAt,
        ]
    }
}
