import Fluent
import Foundation
import OpstapDomain

/// The ESF+ register of one funding stream: participants, the indicator table, the BSN
/// report and frozen snapshots. Figures cover every eligible participant (they are
/// aggregates); the people behind a figure are filtered to those the viewer may see.
struct EsfReports {
    let scope: Scope

    /// What a snapshot freezes: the table and the register exactly as they were.
    struct Frozen: Codable {
        var table: EsfIndicatorTable
        var participants: [EsfParticipant]
    }

    func years(of stream: FundingStream) -> [Int] {
        let period = stream.period
        let last = min(period.end.year, scope.today.year)
        // A grant that starts in a later year has no report yet.
        return period.start.year <= last ? Array(period.start.year...last) : []
    }

    func checkYear(_ year: Int?, of stream: FundingStream) throws -> Int {
        let years = years(of: stream)
        guard stream.kind == .esfPlus, let last = years.last else { throw AccessDenied.notFound }
        guard let year else { return last }
        guard years.contains(year) else {
            throw ValidationFailure([FieldError("year", .outOfRange, [String(years.first!), String(last)])])
        }
        return year
    }

    func register(_ stream: FundingStream) async throws -> [EsfParticipant] {
        let people = try await EsfInputs(db: scope.db).people(for: stream, today: scope.today)
        // A stable order (entry date, then person) so screens, downloads and pages agree.
        return EsfRegister.participants(people, today: scope.today)
            .sorted { $0.entryDate != $1.entryDate ? $0.entryDate < $1.entryDate : $0.personID < $1.personID }
    }

    func current(_ stream: FundingStream, year: Int) async throws -> Frozen {
        let participants = try await register(stream)
        let table = EsfIndicatorTableBuilder.build(participants, firstYear: stream.period.start.year, reportYear: year)
        return Frozen(table: table, participants: participants)
    }

    func snapshot(_ stream: FundingStream, year: Int) async throws -> (EsfSnapshot, Frozen)? {
        guard
            let record = try await EsfSnapshot.query(on: scope.db).filter(\.$stream.$id == stream.requireID()).filter(
                \.$year == year
            ).first()
        else { return nil }
        return (record, try JSONDecoder().decode(Frozen.self, from: Data(record.report.utf8)))
    }

    /// Freezes the report of a closed year; a year is frozen once.
    func freeze(_ stream: FundingStream, year: Int) async throws -> EsfSnapshot {
        try scope.actor.require(.manageFunding)
        guard year < scope.today.year else {
            throw ValidationFailure([FieldError("year", .yearNotClosed, [String(year)])])
        }
        if try await snapshot(stream, year: year) != nil {
            throw ValidationFailure([FieldError("year", .alreadyFrozen, [String(year)])])
        }
        let frozen = try await current(stream, year: year)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let record = EsfSnapshot()
        record.$stream.id = try stream.requireID()
        record.year = year
        record.report = String(decoding: try encoder.encode(frozen), as: UTF8.self)
        record.$takenBy.id = scope.actor.userID
        try await record.create(on: scope.db)
        return record
    }

    /// Participants active in the year: entered on or before its last day and not left before its first.
    static func activeIn(_ year: Int, _ participants: [EsfParticipant]) -> [EsfParticipant] {
        participants.filter { $0.entryDate.year <= year && ($0.exitDate.map { $0.year >= year } ?? true) }
    }

    /// One person of a list behind a figure, the participant list or the BSN report.
    struct ListedPerson {
        var participant: EsfParticipant
        var name: String
        var bsn: String?
        var enrolmentID: UUID?
    }

    /// The people among `ids` the viewer may see, in order, one page of them (all when `page`
    /// is nil) with names; `total` counts the visible ones, `hidden` the rest. Pages, downloads
    /// and the API all list people through here.
    func listed(
        _ ids: [UUID], of participants: [EsfParticipant], programmeID: UUID, page: PageQuery?
    ) async throws -> (people: [ListedPerson], total: Int, hidden: Int) {
        let visible = try await visiblePersonIDs(programmeID: programmeID)
        let byID = Dictionary(participants.map { ($0.personID, $0) }, uniquingKeysWith: { first, _ in first })
        let shown = ids.filter { visible.contains($0) && byID[$0] != nil }
        let slice = page.map { Array(shown.dropFirst($0.offset).prefix($0.size)) } ?? shown
        let details = try await details(of: slice, programmeID: programmeID)
        let people = slice.compactMap { id in
            details[id].map {
                ListedPerson(participant: byID[id]!, name: $0.name, bsn: $0.bsn, enrolmentID: $0.enrolmentID)
            }
        }
        return (people, shown.count, ids.count - shown.count)
    }

    /// The people of the programme the viewer may see (one query), to filter a figure's list.
    func visiblePersonIDs(programmeID: UUID) async throws -> Set<UUID> {
        Set(try await scope.listedCandidacies().filter(\.$programme.$id == programmeID).all(\.$person.$id))
    }

    /// Names, BSNs and enrolments of one page of people (already known to be visible).
    private func details(
        of ids: [UUID], programmeID: UUID
    ) async throws -> [UUID: (name: String, bsn: String?, enrolmentID: UUID?)] {
        guard !ids.isEmpty else { return [:] }
        let people = try await Person.query(on: scope.db).filter(\.$id ~~ ids).all()
        scope.logListed(ids)
        let enrolments = try await Enrolment.query(on: scope.db).filter(\.$person.$id ~~ ids).filter(
            \.$programme.$id == programmeID
        )
        .sort(\.$lastTransitionOn, .descending).all()
        var enrolmentOf: [UUID: UUID] = [:]
        for enrolment in enrolments where enrolmentOf[enrolment.$person.id] == nil {
            enrolmentOf[enrolment.$person.id] = enrolment.id
        }
        var result: [UUID: (name: String, bsn: String?, enrolmentID: UUID?)] = [:]
        for person in people {
            let id = try person.requireID()
            result[id] = (person.fullName, person.bsn, enrolmentOf[id])
        }
        return result
    }
}
