import Fluent
import Foundation
import OpstapDomain
import OpstapViews
import SQLKit

/// The figures behind a programme's dashboard, as chart data: funnel, retention per cohort,
/// phase progress, hours, housing and outcomes. Counts are suppressed below five people for
/// reporting roles.
struct DashboardCharts {
    let scope: Scope
    let t: Translator

    struct Result {
        var participants: Int
        var charts: [DashboardChart]
    }

    private var suppress: Bool { scope.actor.seesSuppressedFigures }

    /// A count series, with words for suppressed cells.
    private func counts(_ name: String, _ values: [Int]) -> ChartSeries {
        let shown = values.map { suppress ? SmallCells.suppress($0) : .shown($0) }
        return ChartSeries(
            name: name, values: shown.map { if case .shown(let n) = $0 { return Double(n) } else { return nil } },
            valueLabels: shown.map { t.count($0) })
    }

    func charts(programme: Programme, filter: DashboardFilter) async throws -> Result {
        let programmeID = try programme.requireID()
        let all = try await ProgrammeFacts.load(programmeID: programmeID, on: scope.db)
        let rows = try await filter.apply(to: all, db: scope.db)
        let definition = try await ProgrammeOperations(scope: scope, now: Date()).currentVersion(of: programme)?
            .definition
        var charts: [DashboardChart] = []
        charts.append(try await funnel(programmeID: programmeID, rows: rows, filtered: filter.query.isEmpty == false))
        charts.append(try await retention(programmeID: programmeID, rows: rows))
        charts.append(phases(rows, definition: definition))
        charts.append(try await hours(rows))
        if let housing = try await housing(programmeID: programmeID) { charts.append(housing) }
        charts.append(outcomes(rows))
        return Result(participants: rows.count, charts: charts)
    }

    /// From referral to a job. Referral and selection count candidacies (of the filtered
    /// participants when a filter is set); the later steps count participants.
    private func funnel(programmeID: UUID, rows: [ProgrammeFacts.Row], filtered: Bool) async throws -> DashboardChart {
        var referred = 0, intakeHeld = 0, selected = 0
        if let sql = scope.db as? any SQLDatabase {
            let candidacies = try await sql.raw(
                "SELECT person_id, stage, decision FROM candidacies WHERE programme_id = \(bind: programmeID)"
            ).all()
            let people = Set(rows.map(\.personID))
            for row in candidacies {
                if filtered, !people.contains(try row.decode(column: "person_id", as: UUID.self)) { continue }
                referred += 1
                let stage = try row.decodeEnum(column: "stage", as: CandidacyStage.self)
                if [.intakeHeld, .selection, .decided].contains(stage) { intakeHeld += 1 }
                if try row.decodeEnum(column: "decision", as: SelectionDecision?.self) == .selected {
                    selected += 1
                }
            }
        }
        let steps = [
            (t(.funnelReferred), referred), (t(.funnelIntakeHeld), intakeHeld), (t(.funnelSelected), selected),
            (t(.funnelStarted), rows.count), (t(.funnelCompleted), rows.filter { $0.completedOn != nil }.count),
            (t(.funnelJob), rows.filter { $0.jobStartedOn != nil }.count),
        ]
        return DashboardChart(
            id: "funnel", title: t(.chartFunnel), description: t(.chartFunnelDescription),
            categories: steps.map(\.0), series: [counts(t(.people), steps.map(\.1))], line: false, yMax: 0)
    }

    /// Share of starters still in the programme by month since their start, per cohort (Kaplan–Meier).
    private func retention(programmeID: UUID, rows: [ProgrammeFacts.Row]) async throws -> DashboardChart {
        let cohorts = try await Cohort.query(on: scope.db).filter(\.$programme.$id == programmeID).sort(\.$startDate)
            .all()
        let maxMonth = max(1, min(24, rows.map { $0.startedOn }.min().map { months(from: $0, to: scope.today) } ?? 1))
        var series: [ChartSeries] = []
        for cohort in cohorts {
            let members = rows.filter { $0.cohortID == cohort.id }
            guard !members.isEmpty else { continue }
            let spells = members.map {
                (start: $0.startedOn, withdrawnOn: $0.withdrawnOn, censoredOn: $0.completedOn ?? scope.today)
            }
            let curve = Retention.curve(spells, maxMonth: maxMonth)
            let hidden = suppress && members.count < SmallCells.threshold
            series.append(
                ChartSeries(
                    name: cohort.name + " (" + (hidden ? t(.suppressedCount) : String(members.count)) + ")",
                    values: curve.map { hidden || $0.atRisk == 0 ? nil : $0.share },
                    valueLabels: curve.map {
                        hidden
                            ? t(.suppressedCount) : ($0.atRisk == 0 ? "—" : t.number(($0.share * 100).rounded()) + " %")
                    }))
        }
        return DashboardChart(
            id: "retention", title: t(.chartRetention), description: t(.chartRetentionDescription),
            categories: (0...maxMonth).map { t(.monthN, String($0)) }, series: series, line: true, yMax: 1)
    }

    private func months(from start: SimpleDate, to end: SimpleDate) -> Int {
        (end.year - start.year) * 12 + end.month - start.month
    }

    /// Where participants stand: per phase of the programme, plus completed and withdrawn.
    private func phases(_ rows: [ProgrammeFacts.Row], definition: ProgrammeDefinition?) -> DashboardChart {
        var categories: [String] = [], values: [Int] = []
        for phase in definition?.phases ?? [] {
            categories.append(phase.name)
            values.append(rows.filter { !$0.state.isTerminal && $0.phaseCode == phase.code }.count)
        }
        categories.append(t(.notStartedYet));
        values.append(rows.filter { !$0.state.isTerminal && $0.phaseCode == nil }.count)
        categories.append(t.label(EnrolmentState.completed));
        values.append(rows.filter { $0.state == .completed }.count)
        categories.append(t.label(EnrolmentState.withdrawn));
        values.append(rows.filter { $0.state == .withdrawn }.count)
        return DashboardChart(
            id: "phases", title: t(.chartPhases), description: t(.chartPhasesDescription),
            categories: categories, series: [counts(t(.people), values)], line: false, yMax: 0)
    }

    /// Approved hours against the hours the schedule expects, per cohort, for running participants.
    private func hours(_ rows: [ProgrammeFacts.Row]) async throws -> DashboardChart {
        let running = rows.filter { !$0.state.isTerminal }
        // In chunks, so no query carries more ids than the databases accept.
        var enrolments: [Enrolment] = [], loaded: [CohortHours.Row] = []
        for start in stride(from: 0, to: running.count, by: 1000) {
            let chunk = try await Enrolment.query(on: scope.db).filter(
                \.$id ~~ running[start..<min(start + 1000, running.count)].map(\.enrolmentID)
            )
            .with(\.$programmeVersion).all()
            enrolments += chunk
            loaded += try await CohortHours.load(chunk, today: scope.today, on: scope.db)
        }
        let cohortOf = Dictionary(uniqueKeysWithValues: try enrolments.map { (try $0.requireID(), $0.$cohort.id) })
        let cohorts = try await Cohort.query(on: scope.db).filter(\.$id ~~ Array(Set(cohortOf.values))).sort(
            \.$startDate
        ).all()
        var expected: [UUID: Double] = [:], actual: [UUID: Double] = [:]
        for row in loaded {
            guard let cohort = cohortOf[row.enrolmentID] else { continue }
            expected[cohort, default: 0] += row.expected.total
            actual[cohort, default: 0] += row.actual.total
        }
        let names = cohorts.map(\.name)
        let ids = try cohorts.map { try $0.requireID() }
        let e = ids.map { expected[$0] ?? 0 }, a = ids.map { actual[$0] ?? 0 }
        let few = Dictionary(grouping: running, by: \.cohortID).mapValues(\.count)
        func series(_ name: String, _ values: [Double]) -> ChartSeries {
            let hidden = ids.map { suppress && (few[$0] ?? 0) < SmallCells.threshold }
            return ChartSeries(
                name: name, values: zip(values, hidden).map { $1 ? nil : $0.rounded() },
                valueLabels: zip(values, hidden).map { $1 ? t(.suppressedCount) : t.number($0.rounded()) })
        }
        return DashboardChart(
            id: "hours", title: t(.chartHours), description: t(.chartHoursDescription),
            categories: names, series: [series(t(.expectedHours), e), series(t(.approvedHours), a)], line: false,
            yMax: 0)
    }

    /// Units, occupied units and people waiting, per housing complex of the programme.
    private func housing(programmeID: UUID) async throws -> DashboardChart? {
        let complexes = try await HousingComplex.query(on: scope.db).filter(\.$programme.$id == programmeID).sort(
            \.$name
        ).all()
        guard !complexes.isEmpty else { return nil }
        let figures = try await HousingOccupancy.load(complexes.compactMap(\.id), today: scope.today, on: scope.db)
        let f = try complexes.map { figures[try $0.requireID()] ?? HousingOccupancy.Figures() }
        return DashboardChart(
            id: "housing", title: t(.chartHousing), description: t(.chartHousingDescription),
            categories: complexes.map(\.name),
            series: [
                counts(t(.units), f.map(\.units)), counts(t(.occupied), f.map(\.occupied)),
                counts(t(.waiting), f.map(\.waiting)),
            ],
            line: false, yMax: 0)
    }

    /// How participants left: completed (with or without a job) and each reason for withdrawing.
    private func outcomes(_ rows: [ProgrammeFacts.Row]) -> DashboardChart {
        var categories = [t(.completedWithJob), t(.completedWithoutJob)]
        var values = [
            rows.filter { $0.state == .completed && $0.jobStartedOn != nil }.count,
            rows.filter { $0.state == .completed && $0.jobStartedOn == nil }.count,
        ]
        for reason in ExitReason.allCases {
            categories.append(t(.withdrawnBecause, t.label(reason)))
            values.append(rows.filter { $0.state == .withdrawn && $0.exitReason == reason }.count)
        }
        return DashboardChart(
            id: "outcomes", title: t(.chartOutcomes), description: t(.chartOutcomesDescription),
            categories: categories, series: [counts(t(.people), values)], line: false, yMax: 0)
    }
}
