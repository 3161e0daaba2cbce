import Fluent
import Foundation
import OpstapDomain
import OpstapViews
import Vapor

/// A participant's schedule per day: the phase's weekly pattern (no public holidays, no
/// pauses) and where the practice hours are made.
enum Schedules {
    struct Day {
        var date: SimpleDate
        /// Planned, or why nothing is: a public holiday or a pause during the route, or free.
        var kind: OwnDay.Kind
        var hours: HoursByActivity
        /// The placements running that weekday (location and supervisor loaded).
        var placements: [Placement]

        var places: [String] { placements.map(\.location.name) }
    }

    /// Every day from `from` to `to`; three queries whatever the length.
    /// `transitions`: the enrolment's, in sequence, when the caller has them already.
    static func allDays(
        for enrolment: Enrolment, definition: ProgrammeDefinition, from: SimpleDate, to: SimpleDate,
        on db: any Database,
        transitions loaded: [EnrolmentTransition]? = nil
    ) async throws -> [Day] {
        let id = try enrolment.requireID()
        let transitions = try await EnrolmentTransitions.of(id, on: db, unlessGiven: loaded)
        let (spans, pauses) = HoursOverview.schedule(transitions, definition: definition)
        let placements = try await Placement.query(on: db).filter(\.$enrolment.$id == id).with(\.$location)
            .with(\.$supervisor).all()
        var result: [Day] = []
        var day = from
        while day <= to {
            let hours = ExpectedHours.on(day, spans: spans, pauses: pauses)
            let onRoute = spans.contains { DayRange(from: $0.from, until: $0.until).contains(day) }
            let kind: OwnDay.Kind =
                hours.total > 0
                ? .planned
                : !onRoute
                    ? .free
                    : pauses.contains { $0.contains(day) } ? .paused : DutchHolidays.contains(day) ? .holiday : .free
            let running = placements.filter { $0.range.contains(day) && $0.weekdays.contains(day.weekday) }
            result.append(Day(date: day, kind: kind, hours: hours, placements: running))
            day = day.adding(days: 1)
        }
        return result
    }

    /// The days with something planned.
    static func days(
        for enrolment: Enrolment, definition: ProgrammeDefinition, from: SimpleDate, to: SimpleDate,
        on db: any Database,
        transitions: [EnrolmentTransition]? = nil
    ) async throws -> [Day] {
        try await allDays(
            for: enrolment, definition: definition, from: from, to: to, on: db, transitions: transitions
        ).filter {
            $0.kind == .planned
        }
    }

    static func text(_ day: Day, _ t: Translator) -> String {
        ActivityType.allCases.filter { day.hours[$0] > 0 }.map {
            "\(t.label($0)) \(t.number(day.hours[$0])) \(t(.hoursShort))"
        }.joined(separator: ", ")
    }

    /// The iCalendar document for eight weeks back and twelve ahead.
    static func iCalendar(
        for enrolment: Enrolment, person: Person, definition: ProgrammeDefinition, today: SimpleDate, now: Date,
        t: Translator, on db: any Database
    ) async throws -> Response {
        let days = try await Self.days(
            for: enrolment, definition: definition, from: today.adding(weeks: -8), to: today.adding(weeks: 12), on: db)
        let stamp = ISO8601DateFormatter().string(from: now).replacingOccurrences(of: "-", with: "")
            .replacingOccurrences(of: ":", with: "")
        let document = ICalendar.document(
            name: t(.scheduleOf, person.fullName), uidPrefix: try enrolment.requireID().uuidString,
            days: days.map {
                ICalendar.Day(date: $0.date, summary: Self.text($0, t), description: $0.places.joined(separator: ", "))
            }, stamp: stamp)
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "calendar", parameters: ["charset": "utf-8"])
        headers.add(name: .contentDisposition, value: "attachment; filename=\"rooster.ics\"")
        headers.add(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(string: document))
    }
}
