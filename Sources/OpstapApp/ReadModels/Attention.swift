import Fluent
import Foundation
import OpstapDomain
import OpstapViews

/// Who needs attention: signals for a set of participants, computed from the ledger and
/// the planning in a fixed number of queries (transitions, recent lines, approved sums).
enum Attention {
    static func items(for enrolments: [Enrolment], actor: Actor, today: SimpleDate, on db: any Database) async throws -> [AttentionItem] {
        let running = enrolments.filter { !$0.snapshot.state.isTerminal }
        let ids = running.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let transitions = Dictionary(grouping: try await EnrolmentTransition.query(on: db).filter(\.$enrolment.$id ~~ ids).sort(\.$sequence).all(),
                                     by: { $0.$enrolment.id })
        let longestWindow = running.map { $0.programmeVersion.definition.guidance.attendanceWeeks }.max() ?? 4
        let recent = Dictionary(grouping: try await HourEntry.query(on: db).filter(\.$enrolment.$id ~~ ids)
            .filter(\.$date > today.adding(weeks: -longestWindow).iso).all(), by: { $0.$enrolment.id })
        // Hours waiting for approval are not a shortfall: the signal counts submitted lines too.
        let actual = try await CohortHours.approvedHours(of: ids, statuses: [.approved, .submitted], on: db)
        // The integration deadline is civic-integration data: only those who may see it get its signal.
        let seesDeadline = actor.visibleFields.contains(.civicIntegration)
        let contacts = try await LatestDates.lastContacts(ids, on: db)
        let reviews = try await LatestDates.lastReviews(ids, on: db)
        let colours = try await latestColours(ids, on: db)
        let items = running.compactMap { enrolment -> AttentionItem? in
            let id = enrolment.id!
            let signals = signalsFor(
                enrolment, transitions: transitions[id] ?? [], recent: (recent[id] ?? []).map(\.line), actual: actual[id]?.total ?? 0,
                deadline: seesDeadline ? enrolment.person.intake.civicIntegration.deadline : nil, lastContact: contacts[id], lastReview: reviews[id], today: today)
            guard !signals.isEmpty else { return nil }
            return AttentionItem(enrolmentID: id, name: enrolment.person.fullName, href: "/participants/\(id.uuidString)", cohort: enrolment.cohort.name,
                                 signals: signals, colour: colours[id])
        }
        return items.sorted {
            let a = ($0.signals.map(\.severity).max() ?? .notice, $0.signals.map(\.since).max()!)
            let b = ($1.signals.map(\.severity).max() ?? .notice, $1.signals.map(\.since).max()!)
            return a > b
        }
    }

    /// The latest red/amber/green mark per participant.
    static func latestColours(_ ids: [UUID], on db: any Database) async throws -> [UUID: RAGColour] {
        let marks = try await StatusMark.query(on: db).filter(\.$enrolment.$id ~~ ids).sort(\.$recordedAt).all()
        var result: [UUID: RAGColour] = [:]
        for mark in marks { result[mark.$enrolment.id] = RAGColour(rawValue: mark.colour) }
        return result
    }

    static func signalsFor(_ enrolment: Enrolment, transitions: [EnrolmentTransition], recent: [LedgerLine], actual: Double, deadline: SimpleDate?,
                           lastContact: SimpleDate?, lastReview: SimpleDate?, today: SimpleDate) -> [Signal] {
        let definition = enrolment.programmeVersion.definition
        let snapshot = enrolment.snapshot
        let (spans, pauses) = HoursOverview.schedule(transitions, definition: definition)
        let expected = spans.first.map { $0.from <= today ? ExpectedHours.over($0.from...today, spans: spans, pauses: pauses).total : 0 } ?? 0
        let running = snapshot.state == .inPhase ? spans.last : nil
        return Signals.compute(SignalInput(
            today: today, settings: definition.guidance, recentLines: recent, expectedToDate: expected, actualToDate: actual,
            currentPhase: running.flatMap { definition.phase($0.phase.code, for: enrolment.stream) }, phaseStartedOn: running?.from, integrationDeadline: deadline,
            lastContact: lastContact, guidedSince: spans.first?.from, lastReviewHeld: lastReview))
    }
}
