import Fluent
import FluentSQL
import SQLKit
import Foundation
import OpstapDomain
import OpstapViews

/// What waits for the signed-in user today, per kind of work their permissions let them do
/// (issue 14): each group counts every item in the user's scope, shows the first few, and
/// links each to the page where the work is done — a page the user may open. A few queries
/// per group, whatever the number of people.
struct WorkToday {
    let scope: Scope
    let now: Date
    static let shown = 5
    /// How far ahead a due task or an ending tenancy counts as today's work.
    static let horizonDays = 7
    static let tenancyHorizonDays = 30

    var actor: Actor { scope.actor }
    var db: any Database { scope.db }
    var today: SimpleDate { scope.today }

    func groups() async throws -> [WorkGroup] {
        var groups: [WorkGroup?] = []
        let supervises = actor.can(.approveHours) && !actor.roles.isDisjoint(with: [.workSupervisor, .teacher])
        let supervised = supervises ? try await LedgerOperations(scope: scope, now: now).supervisedEnrolments() : []
        if supervises { groups.append(try await hoursToApprove(supervised)) }
        if actor.roles.contains(.workSupervisor) { groups.append(try await reviewsToSign(supervised)) }
        if actor.roles.contains(.teacher) { groups.append(try await attendanceToRecord(supervised)) }
        groups.append(try await tasksDue())
        if actor.roles.contains(.coach) && actor.can(.moveParticipants) { groups.append(try await reviewsToPlan()) }
        if actor.can(.runSelection) {
            groups.append(try await candidacies(.referralsWithoutIntake, stage: .referred))
            groups.append(try await candidacies(.intakesOverdue, stage: .intakePlanned, intakeBefore: today))
            groups.append(try await candidacies(.candidatesToDecide, stage: .selection))
        }
        if actor.can(.enrol) {
            groups.append(try await emptyPlaces())
            groups.append(try await placementsToAllocate())
        }
        if actor.can(.manageJobs) {
            groups.append(try await openInterviews())
            groups.append(try await offersBelowGuarantee())
        }
        if actor.can(.manageHousing) && actor.visibleFields.contains(.housing) {
            groups.append(try await waitingForHome())
            groups.append(try await tenanciesEnding())
        }
        if actor.can(.manageFunding) || actor.roles.contains(.reporting) {
            groups.append(contentsOf: try await reports())
        }
        return groups.compactMap { $0 }.filter { $0.total > 0 }
    }

    // MARK: Work supervisors and teachers

    /// Submitted lines per intern and week, oldest week first.
    private func hoursToApprove(_ supervised: [UUID]) async throws -> WorkGroup? {
        guard !supervised.isEmpty else { return nil }
        let lines = try await HourEntry.query(on: db).filter(\.$enrolment.$id ~~ supervised)
            .filter(\.$status == EntryStatus.submitted)
            .field(\.$id).field(\.$enrolment.$id).field(\.$date).all()
        var perWeek: [WeekKey: Int] = [:]
        for line in lines {
            guard let date = SimpleDate(line.date) else { continue }
            perWeek[WeekKey(enrolment: line.$enrolment.id, monday: date.startOfWeek), default: 0] += 1
        }
        let weeks = perWeek.sorted {
            ($0.key.monday, $0.key.enrolment.uuidString) < ($1.key.monday, $1.key.enrolment.uuidString)
        }
        return try await named(
            .hoursToApprove, weeks, total: weeks.count, allHref: Paths.hoursApprovals(), enrolment: { $0.key.enrolment }
        ) { week, name in
            WorkItem(
                subject: name,
                href: Paths.hoursApprovals() + "?week=\(week.key.monday.iso)#intern-\(week.key.enrolment.uuidString)",
                date: week.key.monday.iso, number: Double(week.value))
        }
    }

    private struct WeekKey: Hashable {
        var enrolment: UUID
        var monday: SimpleDate
    }

    /// Held reviews of the supervisor's interns that still lack the supervisor's signature.
    private func reviewsToSign(_ supervised: [UUID]) async throws -> WorkGroup? {
        guard !supervised.isEmpty else { return nil }
        let held = try await Review.query(on: db).filter(\.$enrolment.$id ~~ supervised)
            .filter(\.$status == ReviewStatus.held).sort(\.$heldOn).all()
            .filter { !$0.signedBy.contains(.workSupervisor) }
        return try await named(.reviewsToSign, held, total: held.count, enrolment: \.$enrolment.id) { review, name in
            WorkItem(
                subject: name, href: Paths.dossier(review.$enrolment.id) + "#reviews", date: review.heldOn)
        }
    }

    /// Planned days of the last two weeks that passed without any line, per participant the
    /// teacher records for.
    private func attendanceToRecord(_ supervised: [UUID]) async throws -> WorkGroup? {
        guard !supervised.isEmpty else { return nil }
        let enrolments = try await Enrolment.query(on: db).filter(\.$id ~~ supervised)
            .filter(\.$state ~~ Attention.runningStates).with(\.$person).all()
        var missing: [UUID: [SimpleDate]] = [:]
        for monday in [today.startOfWeek.adding(days: -7), today.startOfWeek] {
            let entries = try await HourEntry.query(on: db).filter(\.$enrolment.$id ~~ supervised)
                .filter(\.$date >= monday.iso).filter(\.$date <= monday.adding(days: 6).iso).all()
            let cards = try await WeeklySignOff.cards(
                entries: entries, enrolments: enrolments, week: monday, today: today.adding(days: -1), on: db)
            for card in cards where !card.missingDays.isEmpty {
                missing[card.enrolmentID, default: []] += card.missingDays
            }
        }
        let names = Dictionary(
            uniqueKeysWithValues: enrolments.compactMap { e in e.id.map { ($0, e.person.fullName) } })
        scope.logListed(try enrolments.filter { missing[try $0.requireID()] != nil }.map(\.$person.id))
        let items = missing.sorted { ($0.value.min()!, names[$0.key] ?? "") < ($1.value.min()!, names[$1.key] ?? "") }
            .map { id, days in
                WorkItem(
                    subject: names[id] ?? "—", href: Paths.participantHours(id),
                    date: days.min()?.iso, number: Double(days.count))
            }
        return WorkGroup(kind: .attendanceToRecord, total: items.count, items: Array(items.prefix(Self.shown)))
    }

    // MARK: Everyone

    /// The user's open tasks due within a week, overdue ones first.
    private func tasksDue() async throws -> WorkGroup? {
        let due = GuidanceTask.query(on: db).filter(\.$assignee.$id == actor.userID)
            .filter(\.$status == TaskStatus.open)
            .filter(\.$dueOn <= today.adding(days: Self.horizonDays).iso)
        let total = try await due.copy().count()
        let tasks = try await due.sort(\.$dueOn).limit(Self.shown).all()
        return WorkGroup(
            kind: .tasksDue, total: total,
            items: tasks.map { task in
                WorkItem(
                    subject: task.title,
                    href: task.$enrolment.id.map { Paths.dossier($0) + "#tasks" } ?? Paths.tasks(),
                    date: task.dueOn)
            }, allHref: Paths.tasks())
    }

    // MARK: Coaches

    /// The coach's own running participants without a planned review.
    private func reviewsToPlan() async throws -> WorkGroup? {
        var query = try await scope.listedEnrolments()
        // A coach's scope is already their own participants; a broader role narrows to its assignments.
        if actor.reach != .assignedOnly {
            query = query.join(GuidanceAssignment.self, on: \Enrolment.$id == \GuidanceAssignment.$enrolment.$id)
                .filter(GuidanceAssignment.self, \.$user.$id == actor.userID)
                .filter(GuidanceAssignment.self, \.$endsOn == nil)
        }
        let own =
            try await query
            .filter(\.$state ~~ [EnrolmentState.inPhase, .betweenPhases])
            .unique().all(\.$id)
        guard !own.isEmpty else { return nil }
        let planned = Set(
            try await Review.query(on: db).filter(\.$enrolment.$id ~~ own)
                .filter(\.$status == ReviewStatus.planned).all(\.$enrolment.$id))
        let unplanned = own.filter { !planned.contains($0) }
        guard !unplanned.isEmpty else { return nil }
        let first = try await Enrolment.query(on: db).filter(\.$id ~~ unplanned).sort(\.$lastTransitionOn)
            .limit(Self.shown).with(\.$person).all()
        scope.logListed(first.map(\.$person.id))
        return WorkGroup(
            kind: .reviewsToPlan, total: unplanned.count,
            items: try first.map {
                WorkItem(subject: $0.person.fullName, href: Paths.dossier(try $0.requireID()) + "#reviews")
            })
    }

    // MARK: Selection

    private func candidacies(
        _ kind: WorkKind, stage: CandidacyStage, intakeBefore: SimpleDate? = nil
    ) async throws -> WorkGroup? {
        var query = try await scope.listedCandidacies().filter(\.$stage == stage)
        if let intakeBefore { query = query.filter(\.$intakeDate < intakeBefore.iso) }
        let total = try await query.copy().count()
        guard total > 0 else { return nil }
        query = intakeBefore == nil ? query.sort(\.$referredOn) : query.sort(\.$intakeDate)
        let first = try await query.sort(\.$id).limit(Self.shown).with(\.$person).all()
        scope.logListed(first.map(\.$person.id))
        return WorkGroup(
            kind: kind, total: total,
            items: try first.map {
                WorkItem(
                    subject: $0.person.fullName, href: Paths.candidate(try $0.requireID()),
                    date: intakeBefore == nil ? $0.referredOn : $0.intakeDate)
            }, allHref: Paths.candidates() + "?stage=\(stage.rawValue)")
    }

    // MARK: Cohorts

    /// Cohorts that have not started yet with places left.
    private func emptyPlaces() async throws -> WorkGroup? {
        let cohorts = try await scope.cohorts().filter(\.$startDate >= today.iso).sort(\.$startDate).all()
        let taken = try await CohortOperations(scope: scope).occupancy(of: cohorts.compactMap(\.id))
        let open = try cohorts.filter { $0.capacity > taken[try $0.requireID(), default: 0] }
        return WorkGroup(
            kind: .emptyPlaces, total: open.count,
            items: try open.prefix(Self.shown).map {
                WorkItem(
                    subject: $0.name, href: Paths.cohort(try $0.requireID()), date: $0.startDate,
                    number: Double($0.capacity - taken[try $0.requireID(), default: 0]))
            })
    }

    /// Per cohort, running participants without a placement today: the people the cohort's
    /// allocation page proposes places for. Counted in SQL on the scope's own query (never a
    /// list of ids to bind: a coordinator may see tens of thousands of participants). Loading
    /// every running participant to count them took most of a coordinator's start page at
    /// 100,000 people (20,000 rows); now it is a count, the cohorts concerned, and a count for
    /// each of the few cohorts shown.
    private func placementsToAllocate() async throws -> WorkGroup? {
        let runningStates: [EnrolmentState] = [.enrolled, .inPhase, .betweenPhases]
        let unplaced = try await scope.listedEnrolments().filter(\.$state ~~ runningStates)
            .filter(.sql(embed: Self.withoutPlacement(on: today)))
        let total = try await unplaced.copy().count()
        guard total > 0 else { return nil }
        let cohortIDs = try await unplaced.copy().unique().all(\.$cohort.$id)
        let cohorts = try await Cohort.query(on: db).filter(\.$id ~~ cohortIDs).sort(\.$startDate).sort(\.$id)
            .limit(Self.shown).all()
        var items: [WorkItem] = []
        for cohort in cohorts {
            let id = try cohort.requireID()
            let waiting = try await unplaced.copy().filter(\.$cohort.$id == id).count()
            items.append(WorkItem(subject: cohort.name, href: Paths.cohortAllocation(id), number: Double(waiting)))
        }
        return WorkGroup(kind: .placementsToAllocate, total: total, items: items)
    }

    /// The enrolment (of the query it is added to) has no placement running on `day`.
    static func withoutPlacement(on day: SimpleDate) -> SQLQueryString {
        """
        NOT EXISTS (SELECT 1 FROM \(ident: Placement.schema) \(ident: "p") \
        WHERE \(ident: "p").\(ident: "enrolment_id") = \(ident: Enrolment.schema).\(ident: "id") \
        AND \(ident: "p").\(ident: "starts_on") <= \(bind: day.iso) \
        AND (\(ident: "p").\(ident: "ends_on") IS NULL OR \(ident: "p").\(ident: "ends_on") >= \(bind: day.iso)))
        """
    }

    // MARK: Work

    /// Employers see their own interviews and offers only, as on the pathway page.
    private var employerOnly: Bool {
        actor.roles.isDisjoint(with: [.administrator, .coordinator]) && actor.organisationKind.isEmployer
    }

    /// Planned fit interviews of the participants in scope (joined, as above).
    private func openInterviews() async throws -> WorkGroup? {
        var query = try await scope.listedEnrolments()
            .join(FitInterview.self, on: \Enrolment.$id == \FitInterview.$enrolment.$id)
            .filter(FitInterview.self, \.$result == FitInterviewResult.planned)
        if employerOnly { query = query.filter(FitInterview.self, \.$employer.$id == actor.organisationID) }
        let total = try await query.copy().count()
        let first = try await query.sort(FitInterview.self, \.$plannedOn).limit(Self.shown).all()
            .map { try $0.joined(FitInterview.self) }
        return try await named(.openInterviews, first, total: total, enrolment: \.$enrolment.id) { interview, name in
            WorkItem(
                subject: name, href: Paths.participantPathway(interview.$enrolment.id),
                date: interview.plannedOn)
        }
    }

    /// Open offers with fewer hours than the programme's job guarantee, or on call.
    private func offersBelowGuarantee() async throws -> WorkGroup? {
        var query = try await scope.listedEnrolments()
            .join(JobOffer.self, on: \Enrolment.$id == \JobOffer.$enrolment.$id)
            .filter(JobOffer.self, \.$status == JobOfferStatus.offered)
            .filter(JobOffer.self, \.$guaranteedHours != nil)
        if employerOnly { query = query.filter(JobOffer.self, \.$employer.$id == actor.organisationID) }
        let offers = try await query.sort(JobOffer.self, \.$offeredOn).all().map { try $0.joined(JobOffer.self) }
        let below = offers.filter { offer in
            guard let guaranteed = offer.guaranteedHours else { return false }
            return offer.hoursPerWeek < guaranteed || offer.contractType == .onCall
        }
        return try await named(.offersBelowGuarantee, below, total: below.count, enrolment: \.$enrolment.id) {
            offer, name in
            WorkItem(
                subject: name, href: Paths.participantPathway(offer.$enrolment.id),
                number: offer.hoursPerWeek)
        }
    }

    // MARK: Housing

    /// Running participants on the studio route without a home, longest waiting first.
    private func waitingForHome() async throws -> WorkGroup? {
        let programmes = try await scope.partnerProgrammeIDs()
        var waiting: [(HousingRouteChoice, Enrolment)] = []
        for programme in programmes {
            waiting += try await HousingOccupancy.waitingEnrolments(programmeID: programme, on: db)
        }
        let visible = Set(try await scope.listedEnrolments().filter(\.$id ~~ waiting.compactMap { $0.1.id }).all(\.$id))
        let listed = try waiting.filter { visible.contains(try $0.1.requireID()) }.sorted {
            $0.0.chosenOn < $1.0.chosenOn
        }
        return try await named(.waitingForHome, listed, total: listed.count, enrolment: { try $0.1.requireID() }) {
            row, name in
            WorkItem(subject: name, href: Paths.participantPathway(try row.1.requireID()), date: row.0.chosenOn)
        }
    }

    /// Tenancies in the user's complexes that end within a month.
    private func tenanciesEnding() async throws -> WorkGroup? {
        let complexes = try await HousingOperations(scope: scope, now: now).complexes().all()
        let units = try await HousingUnit.query(on: db).filter(\.$complex.$id ~~ complexes.compactMap(\.id)).all()
        let ending = try await Tenancy.query(on: db).filter(\.$unit.$id ~~ units.compactMap(\.id))
            .filter(\.$endsOn >= today.iso).filter(\.$endsOn <= today.adding(days: Self.tenancyHorizonDays).iso)
            .sort(\.$endsOn).all()
        let complexOfUnit = Dictionary(uniqueKeysWithValues: try units.map { (try $0.requireID(), $0.$complex.id) })
        return try await named(.tenanciesEnding, ending, total: ending.count, enrolment: \.$enrolment.id) {
            tenancy, name in
            WorkItem(
                subject: name, href: Paths.housingComplex(complexOfUnit[tenancy.$unit.id]!), date: tenancy.endsOn)
        }
    }

    // MARK: Reporting

    /// ESF+ years that have closed: those not yet frozen are due, the frozen ones are ready to read.
    private func reports() async throws -> [WorkGroup?] {
        let streams = try await FundingStream.query(on: db).filter(\.$programme.$id ~~ scope.partnerProgrammeIDs())
            .filter(\.$kind == FundingKind.esfPlus).sort(\.$name).all()
        let snapshots = try await EsfSnapshot.query(on: db).filter(\.$stream.$id ~~ streams.compactMap(\.id)).all()
        let frozen = Dictionary(
            snapshots.map { (ReportKey(stream: $0.$stream.id, year: $0.year), $0) }, uniquingKeysWith: { a, _ in a })
        var due: [WorkItem] = []
        var done: [WorkItem] = []
        let reports = EsfReports(scope: scope)
        for stream in streams {
            for year in reports.years(of: stream) where year < today.year {
                let href = Paths.esfReport(try stream.requireID()) + "?year=\(year)"
                let subject = "\(stream.name) \(year)"
                if let snapshot = frozen[ReportKey(stream: try stream.requireID(), year: year)] {
                    done.append(
                        WorkItem(subject: subject, href: href, date: snapshot.takenAt.map { SimpleDate($0).iso }))
                } else {
                    due.append(WorkItem(subject: subject, href: href))
                }
            }
        }
        return [
            WorkGroup(kind: .reportsDue, total: due.count, items: Array(due.prefix(Self.shown))),
            actor.roles.contains(.reporting)
                ? WorkGroup(kind: .reportsFrozen, total: done.count, items: Array(done.suffix(Self.shown).reversed()))
                : nil,
        ]
    }

    private struct ReportKey: Hashable {
        var stream: UUID
        var year: Int
    }

    // MARK: Names

    /// A group whose items are participants: the first few, named in one query.
    private func named<Row>(
        _ kind: WorkKind, _ rows: [Row], total: Int, allHref: String? = nil, enrolment: (Row) throws -> UUID,
        _ item: (Row, _ name: String) throws -> WorkItem
    ) async throws -> WorkGroup {
        let shown = Array(rows.prefix(Self.shown))
        let names = try await names(of: Set(shown.map(enrolment)))
        return WorkGroup(
            kind: kind, total: total, items: try shown.map { try item($0, names[try enrolment($0)] ?? "—") },
            allHref: allHref)
    }

    /// The names of a few participants, read in one query and logged as listed.
    private func names(of enrolmentIDs: Set<UUID>) async throws -> [UUID: String] {
        guard !enrolmentIDs.isEmpty else { return [:] }
        let enrolments = try await Enrolment.query(on: db).filter(\.$id ~~ Array(enrolmentIDs)).with(\.$person).all()
        scope.logListed(enrolments.map(\.$person.id))
        return Dictionary(uniqueKeysWithValues: try enrolments.map { (try $0.requireID(), $0.person.fullName) })
    }
}
