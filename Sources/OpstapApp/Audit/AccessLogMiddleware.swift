import Fluent
import Foundation
import OpstapViews
import Vapor

/// Writes one access-log row per person whose data a request read (see `AccessRecorder`),
/// unless it was refused (401, 403, 404) or failed (5xx): a form sent back with errors (400)
/// still shows the file it belongs to. The rows are stored before the response leaves: if
/// they cannot be written, the reader gets an error rather than unlogged data.
struct AccessLogMiddleware: AsyncMiddleware {
    /// The header an API client states its purpose in (NEN 7513 asks for it where known).
    static let purposeHeader = "Opstap-Purpose"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let recorder = AccessRecorder()
        request.storage[AccessRecorder.Key.self] = recorder
        let response = try await next.respond(to: request)
        let reads = recorder.reads
        let refused = [401, 403, 404].contains(response.status.code) || response.status.code >= 500
        guard !refused, !reads.isEmpty, let actor = request.actor else { return response }
        // A participant reads only their own file: the log is of others reading it.
        if actor.isParticipant { return response }
        let path = request.route?.path ?? []
        let isAPI = path.first?.description == "api"
        let derived = Self.subject(of: path)
        let purpose = request.headers.first(name: Self.purposeHeader).map {
            String($0.trimmingCharacters(in: .whitespacesAndNewlines).prefix(200))
        }
        let at = request.clock.now()
        let entries = reads.map { read in
            let view = read.view ?? derived
            return AccessLogEntry(
                personID: read.personID, actorID: actor.userID, organisationID: actor.organisationID,
                view: isAPI && read.view == nil ? "api:" + view.rawValue : view.rawValue, at: at,
                purpose: purpose?.isEmpty == false ? purpose : nil)
        }
        try await request.application.accessLogWriter.store(entries, on: request.db)
        return response
    }

    /// What part of a file a route shows: its last literal path segment that names a part
    /// ("hours", "notes"), else the record a segment followed by an id names ("candidates/:id"),
    /// else a list of people (the attention list, a cohort's participants).
    static func subject(of path: [PathComponent]) -> AccessView {
        for (index, component) in path.enumerated().reversed() {
            guard case .constant(let segment) = component else { continue }
            if let part = parts[segment] { return part }
            let nextIsID = index + 1 < path.count && { if case .parameter = path[index + 1] { true } else { false } }()
            if nextIsID, let record = records[segment] { return record }
        }
        return .list
    }

    private static let parts: [String: AccessView] = [
        "hours": .hours, "approvals": .hours, "notes": .notes, "reviews": .reviews, "goals": .goals,
        "placements": .placements, "supervision": .placements, "housing": .housing, "tenancies": .housing,
        "qualifications": .qualifications, "jobs": .jobs, "offers": .jobs, "interviews": .jobs,
        "follow-ups": .jobs, "eligibility": .eligibility, "characteristics": .eligibility,
        "assessments": .assessments, "status": .status, "tasks": .tasks, "schedule.ics": .calendar,
        "intake": .intake, "export": .export, "bsn": .bsnReport, "bsn-report": .bsnReport,
    ]

    private static let records: [String: AccessView] = [
        "persons": .person, "candidates": .candidate, "participants": .dossier, "enrolments": .dossier,
    ]
}
