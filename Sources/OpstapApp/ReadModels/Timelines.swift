import Fluent
import Foundation
import OpstapDomain
import OpstapViews

/// One timeline per participant: selection history and enrolment transitions together,
/// newest first, with who did what.
struct Timelines {
    let db: any Database

    /// `transitions`: the enrolment's, in sequence, when the caller has them already.
    func entries(
        for enrolment: Enrolment, definition: ProgrammeDefinition, t: Translator,
        transitions loaded: [EnrolmentTransition]? = nil
    ) async throws -> [HistoryEntry] {
        let enrolmentID = try enrolment.requireID()
        let transitions = try await EnrolmentTransitions.of(enrolmentID, on: db, unlessGiven: loaded)
        let events = try await CandidacyEvent.query(on: db).filter(\.$candidacy.$id == enrolment.$candidacy.id).sort(
            \.$sequence
        ).all()
        let people = try await userNames(transitions.map { $0.$actor.id } + events.map { $0.$actor.id }, on: db)
        let organisations = try await organisationNames(
            transitions.map { $0.$actorOrganisation.id } + events.map { $0.$actorOrganisation.id }, on: db)
        var entries: [HistoryEntry] = events.map { event in
            HistoryEntry(
                date: SimpleDate(event.recordedAt).iso, recordedAt: event.recordedAt,
                actor: people[event.$actor.id] ?? "",
                organisation: organisations[event.$actorOrganisation.id] ?? "",
                text: t.label(event.kind), detail: event.detail)
        }
        for transition in transitions {
            var details: [String] = []
            if let code = transition.phaseCode { details.append(definition.phase(code)?.name ?? code) }
            if let result = transition.phaseResult {
                details.append(t.label(result))
            }
            if let reason = transition.exitReason {
                details.append(t.label(reason))
            }
            if let reason = transition.reason, !reason.isEmpty { details.append(reason) }
            if let plannedReturn = transition.plannedReturn {
                details.append(t(.plannedReturn) + ": " + DateText.text(iso: plannedReturn, t.locale))
            }
            if let outcome = transition.outcomeCode { details.append(definition.outcome(outcome)?.name ?? outcome) }
            if let number = transition.versionNumber { details.append("v\(number)") }
            entries.append(
                HistoryEntry(
                    date: transition.effectiveOn, recordedAt: transition.recordedAt,
                    actor: people[transition.$actor.id] ?? "",
                    organisation: organisations[transition.$actorOrganisation.id] ?? "",
                    text: t.label(transition.kind), detail: details.joined(separator: " · ")))
        }
        return entries.sorted { ($0.date, $0.recordedAt) > ($1.date, $1.recordedAt) }
    }

    /// The person's other routes (an earlier enrolment before a re-entry, or a later one),
    /// as linked entries on this timeline: when each began and, if it ended, how.
    /// `others` must already be limited to what the viewer may see.
    func otherRoutes(_ others: [Enrolment], t: Translator) async throws -> [HistoryEntry] {
        let ids = others.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let transitions = try await EnrolmentTransition.query(on: db).filter(\.$enrolment.$id ~~ ids)
            .filter(\.$kind ~~ [TransitionKind.enrol, .withdraw, .complete]).all()
        let people = try await userNames(transitions.map { $0.$actor.id }, on: db)
        let organisations = try await organisationNames(transitions.map { $0.$actorOrganisation.id }, on: db)
        let cohorts = try await Cohort.query(on: db).filter(\.$id ~~ others.map { $0.$cohort.id }).all()
        let cohortNames = Dictionary(
            cohorts.compactMap { c in c.id.map { ($0, c.name) } }, uniquingKeysWith: { a, _ in a })
        let cohortOf = Dictionary(
            others.compactMap { e in e.id.map { ($0, e.$cohort.id) } }, uniquingKeysWith: { a, _ in a })
        return transitions.map { transition in
            let cohort = cohortOf[transition.$enrolment.id].flatMap { cohortNames[$0] } ?? ""
            let text =
                transition.kind == .enrol
                ? t(.otherRouteEnrolled, cohort) : t(.otherRouteEnded, cohort, t.label(transition.kind))
            var entry = HistoryEntry(
                date: transition.effectiveOn, recordedAt: transition.recordedAt,
                actor: people[transition.$actor.id] ?? "",
                organisation: organisations[transition.$actorOrganisation.id] ?? "", text: text, detail: "")
            entry.href = Paths.dossier(transition.$enrolment.id)
            return entry
        }
    }

}
