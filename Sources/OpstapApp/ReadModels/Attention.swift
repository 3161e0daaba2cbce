import Fluent
import FluentSQL
import Foundation
import OpstapDomain
import OpstapViews
import SQLKit

/// Who needs attention: signals for a set of participants, computed from the ledger and
/// the planning in a fixed number of queries (transitions, recent lines, approved sums).
///
/// Everything is computed "as of" a day (today by default): the state each participant was in
/// on that day (replayed from the effective dates of their history), hours dated up to that
/// day, and contacts, reviews and marks up to that day. Records entered late count on the day
/// they happened, so a past day shows what a coach would have seen had everything been
/// recorded on time.
enum Attention {
    static let runningStates: [EnrolmentState] = [.enrolled, .inPhase, .betweenPhases, .paused]

    /// The signal thresholds of the current version of each programme in the user's reach:
    /// the attention page shows them with a link to where they are set.
    static func rules(_ scope: Scope) async throws -> [ProgrammeSignalRules] {
        let programmes = try await scope.programmes().filter(\.$currentVersion != nil).sort(\.$name).all()
        // Only each programme's current version: the earlier ones carry whole definitions too,
        // and this runs on every attention list.
        let versions = try await ProgrammeVersion.query(on: scope.db)
            .join(Programme.self, on: \ProgrammeVersion.$programme.$id == \Programme.$id)
            .filter(\.$programme.$id ~~ programmes.compactMap(\.id))
            .filter(
                .sql(
                    embed:
                        "\(ident: ProgrammeVersion.schema).\(ident: "number") = \(ident: Programme.schema).\(ident: "current_version")"
                )
            )
            .all()
        return try programmes.compactMap { programme in
            let id = try programme.requireID()
            guard
                let current = versions.first(where: { $0.$programme.id == id && $0.number == programme.currentVersion })
            else { return nil }
            return ProgrammeSignalRules(
                programmeName: programme.name, href: Paths.programme(id),
                settings: current.definition.guidance, showsIntegrationDeadline: scope.actor.seesIntegrationDeadline)
        }
    }

    /// `transitions`: every one of these enrolments' transitions, when the caller has them already.
    static func items(
        for enrolments: [Enrolment], actor: Actor, asOf: SimpleDate, on db: any Database,
        transitions: [EnrolmentTransition]? = nil
    ) async throws -> [AttentionItem] {
        try await items(
            for: enrolments, seesDeadline: actor.seesIntegrationDeadline, asOf: asOf, on: db, transitions: transitions)
    }

    /// The attention list of the actor's scope: today's from the stored signals, paged in SQL; an
    /// earlier day's computed for everyone who may have been running then.
    static func page(_ scope: Scope, asOf: SimpleDate, request: PageQuery) async throws -> ResultPage<AttentionItem> {
        if asOf >= scope.today {
            return try await AttentionStore.page(
                try await scope.listedEnrolments(), seesDeadline: scope.actor.seesIntegrationDeadline, request: request,
                today: scope.today, on: scope.db, listedFor: scope)
        }
        let items = try await all(
            try await scope.listedEnrolments(), actor: scope.actor, asOf: asOf, today: scope.today, on: scope.db)
        let shown = Array(items.dropFirst(request.offset).prefix(request.size))
        scope.logListed(
            try await Enrolment.query(on: scope.db).filter(\.$id ~~ shown.map(\.enrolmentID)).all(\.$person.$id))
        return ResultPage(items: shown, number: request.number, size: request.size, total: items.count)
    }

    static func items(
        for enrolments: [Enrolment], seesDeadline: Bool, asOf: SimpleDate, on db: any Database,
        transitions loaded: [EnrolmentTransition]? = nil
    ) async throws -> [AttentionItem] {
        let ids = enrolments.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        var history = loaded ?? []
        if loaded == nil {
            history = try await EnrolmentTransition.query(on: db).filter(\.$enrolment.$id ~~ ids).sort(\.$sequence)
                .all()
        }
        let allTransitions = Dictionary(grouping: history, by: { $0.$enrolment.id })
        // Only what had happened by `asOf`, and only those running on that day.
        var transitions: [UUID: [EnrolmentTransition]] = [:]
        var states: [UUID: EnrolmentReplay.State] = [:]
        for enrolment in enrolments {
            let id = try enrolment.requireID()
            let known = (allTransitions[id] ?? []).filter { SimpleDate($0.effectiveOn).map { $0 <= asOf } ?? false }
            guard let state = EnrolmentReplay.state(asOf: asOf, steps: known.compactMap(\.replayStep)),
                !state.state.isTerminal
            else { continue }
            transitions[id] = known
            states[id] = state
        }
        let running = enrolments.filter { $0.id.map { states[$0] != nil } ?? false }
        let runningIDs = running.compactMap(\.id)
        guard !runningIDs.isEmpty else { return [] }
        let longestWindow = running.map { $0.programmeVersion.definition.guidance.attendanceWeeks }.max() ?? 4
        let recent = Dictionary(
            grouping: try await HourEntry.query(on: db).filter(\.$enrolment.$id ~~ runningIDs)
                .filter(\.$date >= HoursWindow.range(today: asOf, weeks: longestWindow).lowerBound.iso)
                .filter(\.$date <= asOf.iso).all(),
            by: { $0.$enrolment.id })
        let contacts = try await LatestDates.lastContacts(runningIDs, until: asOf, on: db)
        let lastHours = try await LatestDates.lastHours(runningIDs, until: asOf, on: db)
        let reviews = try await LatestDates.lastReviews(runningIDs, until: asOf, on: db)
        let colours = try await latestColours(runningIDs, until: asOf, on: db)
        let items = try running.compactMap { enrolment -> AttentionItem? in
            let id = try enrolment.requireID()
            let signals = signalsFor(
                enrolment, state: states[id]?.state ?? .enrolled, transitions: transitions[id] ?? [],
                recent: (recent[id] ?? []).map(\.line),
                deadline: seesDeadline ? enrolment.person.intake.civicIntegration.deadline : nil,
                lastContact: contacts[id], lastReview: reviews[id], lastHours: lastHours[id], asOf: asOf)
            guard !signals.isEmpty else { return nil }
            return try AttentionItem(enrolment, signals: signals, colour: colours[id])
        }
        return items.sorted { ($0.rank, $0.latestSince) > ($1.rank, $1.latestSince) }
    }

    /// Every participant in `enrolments` that may have been running on `asOf`, in batches:
    /// a look back at an earlier day is complete however many there were.
    static func all(
        _ enrolments: QueryBuilder<Enrolment>, actor: Actor, asOf: SimpleDate, today: SimpleDate, on db: any Database
    ) async throws -> [AttentionItem] {
        let query = enrolments.copy()
        if asOf >= today {
            query.filter(\.$state ~~ runningStates)
        } else {
            query.group(.or) {
                $0.filter(\.$state ~~ runningStates).filter(\.$lastTransitionOn > asOf.iso)
            }
        }
        let ids = try await query.all(\.$id)
        var items: [AttentionItem] = []
        for start in stride(from: 0, to: ids.count, by: AttentionStore.batch) {
            let batch = try await Enrolment.query(on: db).filter(
                \.$id ~~ Array(ids[start..<min(start + AttentionStore.batch, ids.count)])
            )
            .with(\.$person).with(\.$cohort).with(\.$programmeVersion).all()
            items += try await Attention.items(for: batch, actor: actor, asOf: asOf, on: db)
        }
        return items.sorted { ($0.rank, $0.latestSince) > ($1.rank, $1.latestSince) }
    }

    /// The latest red/amber/green mark per participant.
    static func latestColours(
        _ ids: [UUID], until day: SimpleDate, on db: any Database
    ) async throws -> [UUID: RAGColour] {
        let marks = try await StatusMark.query(on: db).filter(\.$enrolment.$id ~~ ids).filter(\.$setOn <= day.iso)
            .sort(\.$setOn).sort(\.$recordedAt).all()
        var result: [UUID: RAGColour] = [:]
        for mark in marks { result[mark.$enrolment.id] = mark.colour }
        return result
    }

    static func signalsFor(
        _ enrolment: Enrolment, state: EnrolmentState, transitions: [EnrolmentTransition], recent: [LedgerLine],
        deadline: SimpleDate?, lastContact: SimpleDate?, lastReview: SimpleDate?, lastHours: SimpleDate? = nil,
        asOf today: SimpleDate
    ) -> [Signal] {
        let definition = enrolment.programmeVersion.definition
        let (spans, pauses) = HoursOverview.schedule(transitions, definition: definition)
        let expectedInWindow = HoursOverview.expectedInWindow(
            spans: spans, pauses: pauses, until: today, weeks: definition.guidance.attendanceWeeks)
        let running = state == .inPhase ? spans.last : nil
        return Signals.compute(
            SignalInput(
                today: today, settings: definition.guidance, recentLines: recent,
                currentPhase: running.flatMap { definition.phase($0.phase.code, for: enrolment.stream) },
                phaseStartedOn: running?.from, integrationDeadline: deadline,
                lastContact: lastContact, guidedSince: spans.first?.from, lastReviewHeld: lastReview,
                expectedInWindow: expectedInWindow, lastHoursOn: lastHours))
    }
}

extension EnrolmentTransition {
    /// This history row as a step for `EnrolmentReplay`.
    var replayStep: EnrolmentReplay.Step? {
        guard let day = SimpleDate(effectiveOn) else { return nil }
        return EnrolmentReplay.Step(kind: kind, on: day, phaseCode: phaseCode)
    }
}

extension AttentionItem {
    /// A row of the list for an enrolment loaded with its person and cohort.
    init(_ enrolment: Enrolment, signals: [Signal], colour: RAGColour?) throws {
        let id = try enrolment.requireID()
        self.init(
            enrolmentID: id, name: enrolment.person.fullName, href: Paths.dossier(id),
            cohort: enrolment.cohort.name, signals: signals, colour: colour)
    }

    /// The list's order: most severe first, then the most recent reason.
    var rank: Int { signals.map(\.severity.rawValue).max() ?? 0 }
    var latestSince: String { signals.map(\.since.iso).max() ?? "" }
}

extension Actor {
    /// The integration deadline is civic-integration data: only those who may see it get its signal.
    var seesIntegrationDeadline: Bool { visibleFields.contains(.civicIntegration) }
}
