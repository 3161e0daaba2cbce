import Fluent
import Foundation
import OpstapDomain

/// Demo hours: what each participant's schedule expected, as recorded lines, with a few
/// excused absences, and for one participant a run of unexcused absences. Weeks before the
/// last are approved; the last week is submitted and waits for the supervisor.
extension DemoLoader {
    mutating func ledger(
        for enrolment: Enrolment, version: ProgrammeVersion, from: SimpleDate, to: SimpleDate, practicePlace: String,
        classPlace: String, fallingBehind: Bool, recordedBy: String, approvedBy: String
    ) async throws {
        let transitions = try await EnrolmentTransition.query(on: db).filter(\.$enrolment.$id == enrolment.requireID())
            .sort(\.$sequence).all()
        let (spans, pauses) = HoursOverview.schedule(transitions, definition: version.definition)
        let lastWeek = to.startOfWeek
        let recorder = try user(recordedBy).requireID()
        let approver = try user(approvedBy).requireID()
        var entries: [HourEntry] = []
        var day = from
        while day <= to {
            let expected = ExpectedHours.on(day, spans: spans, pauses: pauses)
            let absentDay = random.chance(0.04)
            let behind = fallingBehind && day >= to.adding(days: -20) && random.chance(0.7)
            for activity in ActivityType.allCases where expected[activity] > 0 {
                let attendance: Attendance = behind ? .unexcusedAbsence : absentDay ? .excusedAbsence : .present
                let hours = (expected[activity] * 4).rounded() / 4
                let entry = HourEntry(
                    enrolmentID: try enrolment.requireID(), date: day, activity: activity, hours: hours,
                    attendance: attendance,
                    place: activity == .practice ? practicePlace : classPlace, note: absentDay ? "Ziek gemeld" : "",
                    recordedBy: recorder)
                if day < lastWeek {
                    entry.status = .approved
                    entry.$decidedBy.id = approver
                    entry.decidedAt = day.adding(days: 7 - Weekday.allCases.firstIndex(of: day.weekday)!).date
                } else {
                    entry.status = .submitted
                }
                entries.append(entry)
            }
            day = day.adding(days: 1)
        }
        for start in stride(from: 0, to: entries.count, by: 400) {
            try await Array(entries[start..<min(start + 400, entries.count)]).create(on: db)
        }
    }
}
