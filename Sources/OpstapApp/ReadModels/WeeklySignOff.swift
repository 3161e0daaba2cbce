import Fluent
import Foundation
import OpstapDomain
import OpstapViews

/// The work supervisor's week per intern (issue 11, item 9): what the schedule planned
/// against what was recorded, with the exceptions (ill, absent, days without hours), so a
/// week is approved or sent back per intern from a phone. Three queries for the whole week,
/// whatever the number of interns.
enum WeeklySignOff {
    static func cards(
        entries: [HourEntry], enrolments: [Enrolment], week monday: SimpleDate, today: SimpleDate, on db: any Database
    ) async throws -> [SignOffCard] {
        let ids = enrolments.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let transitions = Dictionary(
            grouping: try await EnrolmentTransition.query(on: db).filter(\.$enrolment.$id ~~ ids).sort(\.$sequence)
                .all(), by: { $0.$enrolment.id })
        let versions = Dictionary(
            uniqueKeysWithValues: try await ProgrammeVersion.query(on: db)
                .filter(\.$id ~~ Set(enrolments.map { $0.$programmeVersion.id })).all().compactMap { version in
                    version.id.map { ($0, version.definition) }
                })
        let days = (0..<7).map { monday.adding(days: $0) }
        let byEnrolment = Dictionary(grouping: entries, by: { $0.$enrolment.id })
        return enrolments.compactMap { enrolment -> SignOffCard? in
            guard let id = enrolment.id, let definition = versions[enrolment.$programmeVersion.id] else { return nil }
            let (spans, pauses) = HoursOverview.schedule(transitions[id] ?? [], definition: definition)
            let planned = days.map { ExpectedHours.on($0, spans: spans, pauses: pauses).total }
            let lines = (byEnrolment[id] ?? []).map(\.line)
            let counted = lines.filter { $0.status != .rejected }
            guard planned.reduce(0, +) > 0 || !lines.isEmpty else { return nil }
            func hours(_ attendance: Attendance) -> Double {
                counted.filter { $0.attendance == attendance }.map(\.hours).reduce(0, +)
            }
            // A planned day that has passed with no line at all (nor a rejected one to fix).
            let missing = zip(days, planned).filter { day, plannedHours in
                plannedHours > 0 && day <= today && !lines.contains { $0.date == day }
            }.map(\.0)
            return SignOffCard(
                enrolmentID: id, name: enrolment.person.fullName, planned: planned.reduce(0, +),
                recorded: hours(.present), ill: hours(.ill),
                absent: hours(.excusedAbsence) + hours(.unexcusedAbsence), missingDays: missing,
                submitted: lines.filter { $0.status == .submitted }.count,
                approved: lines.filter { $0.status == .approved }.count,
                rejected: lines.filter { $0.status == .rejected }.count)
        }.sorted { $0.name < $1.name }
    }
}
