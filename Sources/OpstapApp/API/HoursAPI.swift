import Fluent
import Foundation
import OpstapDomain
import Vapor

struct APIHourEntry: Content {
    var id: UUID
    var enrolmentId: UUID
    var date: SimpleDate
    var activity: ActivityType
    var hours: Double
    var attendance: Attendance
    var place: String
    var note: String
    var status: EntryStatus
    var rejectionReason: String?
    var corrects: UUID?
    var recordedBy: UUID
    var decidedBy: UUID?
    var decidedAt: Date?

}

extension APIHourEntry {
    init(_ entry: HourEntry) throws {
        let line = entry.line
        self.init(
            id: try entry.requireID(), enrolmentId: entry.$enrolment.id, date: line.date, activity: line.activity,
            hours: entry.hours,
            attendance: line.attendance, place: entry.place, note: entry.note, status: line.status,
            rejectionReason: entry.rejectionReason,
            corrects: entry.$corrects.id, recordedBy: entry.$recordedBy.id, decidedBy: entry.$decidedBy.id,
            decidedAt: entry.decidedAt)
    }
}

struct APIHourRequest: Content {
    var date: SimpleDate
    var activity: ActivityType
    var hours: Double
    var attendance: Attendance
    var place: String
    var note: String?
    var corrects: UUID?
    /// Submit for approval at once (default) or keep as a draft.
    var submit: Bool?
}

struct APIHoursOverview: Content {
    struct Row: Content {
        var activity: ActivityType
        var expectedWeek: Double
        var actualWeek: Double
        var expectedToDate: Double
        var actualToDate: Double
    }
    var weekStart: SimpleDate
    var rows: [Row]
}

struct APIRejectRequest: Content {
    var reason: String
}

struct APIWeekRequest: Content {
    var week: SimpleDate
}

struct APIWeekApproved: Content {
    var weekStart: SimpleDate
    var approved: Int
}

/// The hours and attendance ledger over the API.
struct HoursAPI {
    func list(_ req: Request) async throws -> APIPage<APIHourEntry> {
        let scope = try req.scope()
        let page = try req.pageQuery()
        let enrolment = try await scope.enrolment(req.idParameter())
        let enrolmentID = try enrolment.requireID()
        let query = HourEntry.query(on: req.db).filter(\.$enrolment.$id == enrolmentID)
        return try await APIPage(query.sort(\.$date, .descending).sort(\.$id).page(page).map(APIHourEntry.init))
    }

    func overview(_ req: Request) async throws -> APIHoursOverview {
        let scope = try req.scope()
        let enrolment = try await scope.enrolment(req.idParameter())
        guard let version = try await ProgrammeVersion.find(enrolment.$programmeVersion.id, on: req.db) else {
            throw AccessDenied.notFound
        }
        let overview = try await HoursOverview.load(
            for: enrolment, definition: version.definition, today: scope.today, on: req.db)
        return APIHoursOverview(
            weekStart: overview.weekStart,
            rows: overview.rows.map {
                .init(
                    activity: $0.activity, expectedWeek: $0.expectedWeek, actualWeek: $0.actualWeek,
                    expectedToDate: $0.expectedToDate, actualToDate: $0.actualToDate)
            })
    }

    func record(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        try scope.actor.require(.recordHours)
        let enrolment = try await scope.enrolment(req.idParameter())
        let body = try req.content.decode(APIHourRequest.self)
        let input = HourInput(
            date: body.date.iso, activity: body.activity.rawValue, hours: String(body.hours),
            attendance: body.attendance.rawValue,
            place: body.place, note: body.note ?? "", corrects: body.corrects)
        let entry = try await LedgerOperations(scope: scope, now: req.clock.now()).record(
            input, for: enrolment, submit: body.submit ?? true)
        return try await created(
            APIHourEntry(entry), location: "/api/v1/enrolments/\(try enrolment.requireID().uuidString)/hours")
    }

    func step(_ req: Request, action: String) async throws -> APIHourEntry {
        let scope = try req.scope()
        switch action {
        case "submit": try scope.actor.require(.recordHours)
        case "approve", "reject": try scope.actor.require(.approveHours)
        default: throw AccessDenied.notFound
        }
        guard let entry = try await HourEntry.find(try req.idParameter(), on: req.db) else {
            throw AccessDenied.notFound
        }
        let enrolment = try await scope.enrolment(entry.$enrolment.id)
        let step: LedgerStep =
            switch action {
            case "submit": .submit
            case "approve": .approve
            default: .reject(reason: try req.content.decode(APIRejectRequest.self).reason)
            }
        try await LedgerOperations(scope: scope, now: req.clock.now()).apply(step, to: entry, enrolment: enrolment)
        return try APIHourEntry(entry)
    }

    func approveWeek(_ req: Request) async throws -> APIWeekApproved {
        let scope = try req.scope()
        try scope.actor.require(.approveHours)
        let body = try req.content.decode(APIWeekRequest.self)
        let count = try await LedgerOperations(scope: scope, now: req.clock.now()).approveWeek(startingOn: body.week)
        return APIWeekApproved(weekStart: body.week.startOfWeek, approved: count)
    }
}
