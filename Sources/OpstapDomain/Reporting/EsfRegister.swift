import Foundation

/// One funded activity period (an enrolment in the funded programme, clipped to the operation by
/// the caller). `end` is the last day of the activity; nil = still running.
public struct EsfActivity: Equatable, Sendable, Codable {
    public var start: SimpleDate
    public var end: SimpleDate?

    public init(start: SimpleDate, end: SimpleDate?) {
        self.start = start
        self.end = end
    }
}

/// Dated evidence of what happened after (or around) leaving.
public enum EsfEvidence: Equatable, Sendable {
    case jobSearching(on: SimpleDate)
    case inEducation(on: SimpleDate)
    case qualificationAwarded(on: SimpleDate)
    /// A contract started or employment was observed that day.
    case employed(on: SimpleDate)
    /// Recorded at the six-month follow-up.
    case improvedSituation(on: SimpleDate)

    public var date: SimpleDate {
        switch self {
        case .jobSearching(let on), .inEducation(let on), .qualificationAwarded(let on),
            .employed(let on), .improvedSituation(let on):
            return on
        }
    }
}

/// Everything the register needs about one person, as read from the app's records.
public struct EsfPersonInput: Sendable {
    public var personID: UUID
    public var gender: EsfGender
    public var dateOfBirth: SimpleDate?
    public var activities: [EsfActivity]
    /// nil = not yet captured.
    public var characteristics: EsfEntryCharacteristics?
    public var evidence: [EsfEvidence]

    public init(
        personID: UUID,
        gender: EsfGender,
        dateOfBirth: SimpleDate?,
        activities: [EsfActivity],
        characteristics: EsfEntryCharacteristics?,
        evidence: [EsfEvidence]
    ) {
        self.personID = personID
        self.gender = gender
        self.dateOfBirth = dateOfBirth
        self.activities = activities
        self.characteristics = characteristics
        self.evidence = evidence
    }

    /// A second record of the same person adds its periods and evidence; what this record lacks is
    /// taken from the other, what it has is kept.
    mutating func absorb(_ other: EsfPersonInput) {
        activities += other.activities
        evidence += other.evidence
        if gender == .unknown { gender = other.gender }
        if dateOfBirth == nil { dateOfBirth = other.dateOfBirth }
        if characteristics == nil { characteristics = other.characteristics }
    }
}

/// One person in the ESF+ participant register of an operation.
public struct EsfParticipant: Equatable, Sendable, Codable {
    public var personID: UUID
    public var gender: EsfGender
    /// Start of the first activity: re-entry keeps the first entry.
    public var entryDate: SimpleDate
    /// End of the last activity; nil while any activity runs.
    public var exitDate: SimpleDate?
    public var ageAtEntry: Int?
    public var characteristics: EsfEntryCharacteristics?
    /// Subset of EECR01...EECR04.
    public var resultsOnLeaving: Set<EsfIndicator>
    /// Subset of EECR05, EECR06.
    public var resultsAfterSixMonths: Set<EsfIndicator>
    /// EECR03, kept apart because the BSN report needs it per person.
    public var qualificationGained: Bool

    public init(
        personID: UUID,
        gender: EsfGender,
        entryDate: SimpleDate,
        exitDate: SimpleDate?,
        ageAtEntry: Int?,
        characteristics: EsfEntryCharacteristics?,
        resultsOnLeaving: Set<EsfIndicator> = [],
        resultsAfterSixMonths: Set<EsfIndicator> = [],
        qualificationGained: Bool = false
    ) {
        self.personID = personID
        self.gender = gender
        self.entryDate = entryDate
        self.exitDate = exitDate
        self.ageAtEntry = ageAtEntry
        self.characteristics = characteristics
        self.resultsOnLeaving = resultsOnLeaving
        self.resultsAfterSixMonths = resultsAfterSixMonths
        self.qualificationGained = qualificationGained
    }
}

/// The common ESF+ indicators on persons (Regulation (EU) 2021/1057, Annex I). EECO18/19 count
/// organisations, not persons, and are left out.
public enum EsfIndicator: String, Codable, CaseIterable, Sendable, Comparable, CodingKeyRepresentable {
    case eeco01 = "EECO01", eeco02 = "EECO02", eeco03 = "EECO03", eeco04 = "EECO04", eeco05 = "EECO05"
    case eeco06 = "EECO06", eeco07 = "EECO07", eeco08 = "EECO08", eeco09 = "EECO09", eeco10 = "EECO10"
    case eeco11 = "EECO11", eeco12 = "EECO12", eeco13 = "EECO13", eeco14 = "EECO14", eeco15 = "EECO15"
    case eeco16 = "EECO16", eeco17 = "EECO17"
    case eecr01 = "EECR01", eecr02 = "EECR02", eecr03 = "EECR03", eecr04 = "EECR04", eecr05 = "EECR05"
    case eecr06 = "EECR06"

    /// Result indicators (EECR) describe leavers; output indicators (EECO) describe entrants.
    public var isResult: Bool { ordinal >= Self.eecr01.ordinal }

    /// Position in the report (index in `allCases`). Spelled out because the table builder asks for
    /// it once per person and indicator, where a lookup in `allCases` or a dictionary shows up.
    public var ordinal: Int {
        switch self {
        case .eeco01: 0
        case .eeco02: 1
        case .eeco03: 2
        case .eeco04: 3
        case .eeco05: 4
        case .eeco06: 5
        case .eeco07: 6
        case .eeco08: 7
        case .eeco09: 8
        case .eeco10: 9
        case .eeco11: 10
        case .eeco12: 11
        case .eeco13: 12
        case .eeco14: 13
        case .eeco15: 14
        case .eeco16: 15
        case .eeco17: 16
        case .eecr01: 17
        case .eecr02: 18
        case .eecr03: 19
        case .eecr04: 20
        case .eecr05: 21
        case .eecr06: 22
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.ordinal < rhs.ordinal }
}

public enum EsfRegister {
    /// Days after the exit date within which a result upon leaving still counts (ESF+: four weeks).
    public static let leavingWindowDays = 28
    /// Half-width of the window around exit + six months in which a follow-up observation counts.
    public static let sixMonthWindowDays = 28

    /// Builds one participant per person (persons with no activity starting on or before `today` are
    /// left out; records with the same person id are merged, so a person counts once).
    ///
    /// An activity ending after `today` is still running, and evidence dated after `today` has not
    /// happened yet: neither produces an exit or a result ahead of time.
    /// Result windows: upon leaving = evidence dated from the exit date through exit + 28 days
    /// inclusive; six months = evidence dated from exit.adding(months: 6) minus 28 days through
    /// exit.adding(months: 6) plus 28 days, counted only when today >= exit.adding(months: 6) - 28 days.
    /// Evidence before the exit date does not count as a result, EXCEPT qualificationAwarded, which
    /// counts anywhere from entry through exit + 28 days. EECR06 only for employed-at-entry.
    public static func participants(_ people: [EsfPersonInput], today: SimpleDate) -> [EsfParticipant] {
        let todayNumber = DayArithmetic.dayNumber(today)
        return mergedByPerson(people).compactMap { participant($0, today: today, todayNumber: todayNumber) }
    }

    /// Keeps the order of first appearance.
    private static func mergedByPerson(_ people: [EsfPersonInput]) -> [EsfPersonInput] {
        var positionByPerson: [UUID: Int] = [:]
        positionByPerson.reserveCapacity(people.count)
        var merged: [EsfPersonInput] = []
        merged.reserveCapacity(people.count)
        for person in people {
            if let position = positionByPerson[person.personID] {
                merged[position].absorb(person)
            } else {
                positionByPerson[person.personID] = merged.count
                merged.append(person)
            }
        }
        return merged
    }

    private static func participant(_ person: EsfPersonInput, today: SimpleDate, todayNumber: Int) -> EsfParticipant? {
        let started = person.activities.filter { $0.start <= today }
        guard let entry = started.map(\.start).min() else { return nil }
        let stillRunning = started.contains { activity in activity.end.map { $0 > today } ?? true }
        let exit = stillRunning ? nil : started.compactMap(\.end).max()

        var participant = EsfParticipant(
            personID: person.personID,
            gender: person.gender,
            entryDate: entry,
            exitDate: exit,
            ageAtEntry: person.dateOfBirth.map { $0.years(until: entry) },
            characteristics: person.characteristics)
        if let exit {
            let results = results(person, entry: entry, exit: exit, todayNumber: todayNumber)
            participant.resultsOnLeaving = results.onLeaving
            participant.resultsAfterSixMonths = results.afterSixMonths
            participant.qualificationGained = results.onLeaving.contains(.eecr03)
        }
        return participant
    }

    private static func results(
        _ person: EsfPersonInput, entry: SimpleDate, exit: SimpleDate, todayNumber: Int
    ) -> (onLeaving: Set<EsfIndicator>, afterSixMonths: Set<EsfIndicator>) {
        let entryDay = DayArithmetic.dayNumber(entry)
        let exitDay = DayArithmetic.dayNumber(exit)
        let uponLeaving = exitDay...(exitDay + leavingWindowDays)
        let whileEnrolledOrUponLeaving = entryDay...(exitDay + leavingWindowDays)
        let sixMonthsDay = DayArithmetic.dayNumber(exit, addingMonths: 6)
        let sixMonthsLater = (sixMonthsDay - sixMonthWindowDays)...(sixMonthsDay + sixMonthWindowDays)
        // Ignoring evidence dated after today already implies this; it is spelled out because it is the rule as stated.
        let sixMonthsReached = todayNumber >= sixMonthsLater.lowerBound
        let employedAtEntry = person.characteristics?.employmentStatus == .employed

        var onLeaving = Set<EsfIndicator>()
        var afterSixMonths = Set<EsfIndicator>()
        for item in person.evidence {
            let day = DayArithmetic.dayNumber(item.date)
            guard day <= todayNumber else { continue }
            switch item {
            case .jobSearching:
                if uponLeaving.contains(day) { onLeaving.insert(.eecr01) }
            case .inEducation:
                if uponLeaving.contains(day) { onLeaving.insert(.eecr02) }
            case .qualificationAwarded:
                // A diploma earned during the programme is its result, even though it predates the exit.
                if whileEnrolledOrUponLeaving.contains(day) { onLeaving.insert(.eecr03) }
            case .employed:
                if uponLeaving.contains(day) { onLeaving.insert(.eecr04) }
                if sixMonthsReached && sixMonthsLater.contains(day) { afterSixMonths.insert(.eecr05) }
            case .improvedSituation:
                // EECR06 is defined for people who already had a job at entry (better job, more hours, permanent contract).
                if employedAtEntry && sixMonthsReached && sixMonthsLater.contains(day) {
                    afterSixMonths.insert(.eecr06)
                }
            }
        }
        return (onLeaving, afterSixMonths)
    }
}

// MARK: - The indicator table

/// A column of the indicator table: one calendar year, or the whole operation so far.
/// Encodes as "2024" / "cumulative", also as a dictionary key, so snapshots stay readable JSON.
public enum EsfPeriodColumn: Hashable, Sendable, Comparable, Codable, CodingKeyRepresentable, CustomStringConvertible {
    case year(Int)
    case cumulative

    public var description: String {
        switch self {
        case .year(let year): return String(year)
        case .cumulative: return "cumulative"
        }
    }

    public init?(description: String) {
        if description == "cumulative" {
            self = .cumulative
        } else if let year = Int(description) {
            self = .year(year)
        } else {
            return nil
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        switch (lhs, rhs) {
        case (.year(let left), .year(let right)): return left < right
        case (.year, .cumulative): return true
        case (.cumulative, _): return false
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let column = Self(description: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Expected a year or \"cumulative\"")
        }
        self = column
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public var codingKey: any CodingKey { Key(stringValue: description) }

    public init?<T: CodingKey>(codingKey: T) { self.init(description: codingKey.stringValue) }
}

/// The people counted in one indicator and column, per gender (sorted person ids, so two tables
/// compare and diff deterministically).
public struct EsfCell: Equatable, Sendable, Codable {
    public var women: [UUID]
    public var men: [UUID]
    public var nonBinary: [UUID]
    public var unknown: [UUID]

    public init(women: [UUID] = [], men: [UUID] = [], nonBinary: [UUID] = [], unknown: [UUID] = []) {
        self.women = women
        self.men = men
        self.nonBinary = nonBinary
        self.unknown = unknown
    }

    public static let empty = EsfCell()

    public var total: Int { women.count + men.count + nonBinary.count + unknown.count }

    public func people(_ gender: EsfGender) -> [UUID] {
        switch gender {
        case .woman: return women
        case .man: return men
        case .nonBinary: return nonBinary
        case .unknown: return unknown
        }
    }

    public func count(_ gender: EsfGender) -> Int { people(gender).count }

    /// Everyone in the cell, whatever their gender.
    public var everyone: [UUID] { women + men + nonBinary + unknown }
}

public struct EsfIndicatorRow: Equatable, Sendable, Codable {
    public var indicator: EsfIndicator
    public var cells: [EsfPeriodColumn: EsfCell]

    public init(indicator: EsfIndicator, cells: [EsfPeriodColumn: EsfCell]) {
        self.indicator = indicator
        self.cells = cells
    }

    /// An empty cell for a column the table does not have.
    public func cell(_ column: EsfPeriodColumn) -> EsfCell { cells[column] ?? .empty }
}

public struct EsfIndicatorTable: Equatable, Sendable, Codable {
    /// Each calendar year from the operation's first year through the report year, then cumulative.
    public var columns: [EsfPeriodColumn]
    /// All 23 indicators EECO01–17, EECR01–06 in order, zeros included.
    public var rows: [EsfIndicatorRow]
    /// Participants with characteristics who declined at least one sensitive question, per column
    /// (counted like output indicators: entry year and cumulative).
    public var declined: [EsfPeriodColumn: Int]
    /// Declined answers per sensitive item (EECO12 disability, EECO14 foreign background,
    /// EECO15 minority), per column.
    public var declinedAnswers: [EsfIndicator: [EsfPeriodColumn: Int]]
    /// Participants entered up to the end of the report year whose characteristics are not
    /// captured yet (sorted); they are in no output row.
    public var missingCharacteristics: [UUID]

    public init(
        columns: [EsfPeriodColumn],
        rows: [EsfIndicatorRow],
        declined: [EsfPeriodColumn: Int],
        declinedAnswers: [EsfIndicator: [EsfPeriodColumn: Int]],
        missingCharacteristics: [UUID]
    ) {
        self.columns = columns
        self.rows = rows
        self.declined = declined
        self.declinedAnswers = declinedAnswers
        self.missingCharacteristics = missingCharacteristics
    }

    public func row(_ indicator: EsfIndicator) -> EsfIndicatorRow? {
        rows.first { $0.indicator == indicator }
    }

    public func cell(_ indicator: EsfIndicator, _ column: EsfPeriodColumn) -> EsfCell {
        row(indicator)?.cell(column) ?? .empty
    }
}

public enum EsfIndicatorTableBuilder {
    /// Output indicators count a participant in the year of entry (the entry year column) and in
    /// cumulative; result indicators in the year of exit and cumulative. Only participants entered
    /// up to Dec 31 of `reportYear` count; results only for exits up to Dec 31 of `reportYear`.
    /// Output indicators need characteristics (those without are in missingCharacteristics and
    /// counted in no output row). Age bands from ageAtEntry (no date of birth → in no age row).
    /// A year before `firstYear` has no column of its own and counts in cumulative only.
    public static func build(_ participants: [EsfParticipant], firstYear: Int, reportYear: Int) -> EsfIndicatorTable {
        let years = firstYear <= reportYear ? Array(firstYear...reportYear) : []
        let columns = years.map(EsfPeriodColumn.year) + [.cumulative]
        let cumulativeIndex = columns.count - 1
        func columnIndices(_ year: Int) -> [Int] {
            years.contains(year) ? [year - firstYear, cumulativeIndex] : [cumulativeIndex]
        }

        let genders = EsfGender.allCases
        let sensitive = EsfEntryCharacteristics.sensitiveIndicators
        // One flat list per (indicator, column, gender), filled in person-id order so every list comes out sorted.
        var people = [[UUID]](repeating: [], count: EsfIndicator.allCases.count * columns.count * genders.count)
        func slot(_ indicator: EsfIndicator, _ column: Int, _ gender: Int) -> Int {
            (indicator.ordinal * columns.count + column) * genders.count + gender
        }
        var declined = [Int](repeating: 0, count: columns.count)
        var declinedAnswers = [[Int]](repeating: [Int](repeating: 0, count: columns.count), count: sensitive.count)
        var missingCharacteristics: [UUID] = []

        for participant in sortedByPersonID(participants) where participant.entryDate.year <= reportYear {
            let id = participant.personID
            let gender = genders.firstIndex(of: participant.gender)!
            let entryColumns = columnIndices(participant.entryDate.year)
            if let characteristics = participant.characteristics {
                for indicator in outputIndicators(characteristics, ageAtEntry: participant.ageAtEntry) {
                    for column in entryColumns { people[slot(indicator, column, gender)].append(id) }
                }
                for column in entryColumns where characteristics.declinedAny { declined[column] += 1 }
                for (item, sensitiveItem) in characteristics.sensitiveAnswers.enumerated()
                where sensitiveItem.answer == .declined {
                    for column in entryColumns { declinedAnswers[item][column] += 1 }
                }
            } else {
                missingCharacteristics.append(id)
            }
            if let exit = participant.exitDate, exit.year <= reportYear {
                let exitColumns = columnIndices(exit.year)
                // The union, because a hand-built participant could list an indicator in both sets; it still counts once.
                for indicator in participant.resultsOnLeaving.union(participant.resultsAfterSixMonths)
                where indicator.isResult {
                    for column in exitColumns { people[slot(indicator, column, gender)].append(id) }
                }
            }
        }

        let rows = EsfIndicator.allCases.map { indicator in
            EsfIndicatorRow(
                indicator: indicator,
                cells: Dictionary(
                    uniqueKeysWithValues: columns.enumerated().map { index, column in
                        func list(_ gender: EsfGender) -> [UUID] {
                            people[slot(indicator, index, genders.firstIndex(of: gender)!)]
                        }
                        return (
                            column,
                            EsfCell(
                                women: list(.woman), men: list(.man), nonBinary: list(.nonBinary),
                                unknown: list(.unknown))
                        )
                    }))
        }
        func byColumn(_ counts: [Int]) -> [EsfPeriodColumn: Int] {
            Dictionary(uniqueKeysWithValues: zip(columns, counts).map { ($0, $1) })
        }
        return EsfIndicatorTable(
            columns: columns,
            rows: rows,
            declined: byColumn(declined),
            declinedAnswers: Dictionary(
                uniqueKeysWithValues: zip(sensitive, declinedAnswers.map(byColumn)).map { ($0, $1) }),
            missingCharacteristics: missingCharacteristics)
    }

    /// The output indicators one participant counts in.
    static func outputIndicators(_ characteristics: EsfEntryCharacteristics, ageAtEntry: Int?) -> [EsfIndicator] {
        var indicators: [EsfIndicator] = [.eeco01]
        switch characteristics.employmentStatus {
        case .unemployed: indicators.append(.eeco02)
        case .longTermUnemployed: indicators += [.eeco02, .eeco03]
        case .inactive: indicators.append(.eeco04)
        case .employed: indicators.append(.eeco05)
        }
        switch ageAtEntry.map(AgeBand.init(age:)) {
        case .under18: indicators.append(.eeco06)
        case .from18to29: indicators.append(.eeco07)
        case .from55: indicators.append(.eeco08)
        case .from30to54, nil: break
        }
        switch characteristics.educationBand {
        case .isced0to2: indicators.append(.eeco09)
        case .isced3to4: indicators.append(.eeco10)
        case .isced5to8: indicators.append(.eeco11)
        }
        // Declined and no are alike here: only an explicit yes counts.
        if characteristics.disability == .yes { indicators.append(.eeco12) }
        if characteristics.thirdCountryNational { indicators.append(.eeco13) }
        if characteristics.foreignBackground == .yes { indicators.append(.eeco14) }
        if characteristics.minority == .yes { indicators.append(.eeco15) }
        if characteristics.homelessOrHousingExclusion { indicators.append(.eeco16) }
        if characteristics.ruralArea { indicators.append(.eeco17) }
        return indicators
    }

    /// Sorting once up front (by the id's bytes, which is also uuidString order) is what keeps
    /// every cell sorted without sorting each of them again.
    private static func sortedByPersonID(_ participants: [EsfParticipant]) -> [EsfParticipant] {
        // Sorting positions, not the participants themselves, saves copying each one around.
        let keys = participants.map { sortKey($0.personID) }
        return participants.indices.sorted { keys[$0] < keys[$1] }.map { participants[$0] }
    }

    static func sortKey(_ id: UUID) -> (UInt64, UInt64) {
        withUnsafeBytes(of: id.uuid) { bytes in
            (
                UInt64(bigEndian: bytes.loadUnaligned(as: UInt64.self)),
                UInt64(bigEndian: bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
            )
        }
    }
}

/// Differences between a frozen snapshot and today's figures.
public struct EsfCellDifference: Equatable, Sendable, Codable {
    public var indicator: EsfIndicator
    public var column: EsfPeriodColumn
    public var gender: EsfGender
    public var snapshot: Int
    public var current: Int

    public init(indicator: EsfIndicator, column: EsfPeriodColumn, gender: EsfGender, snapshot: Int, current: Int) {
        self.indicator = indicator
        self.column = column
        self.gender = gender
        self.snapshot = snapshot
        self.current = current
    }
}

extension EsfIndicatorTable {
    /// Only cells whose count differs, in indicator, column, gender order. `self` is the snapshot.
    /// A column only one of the tables has compares against zero.
    public func differences(from current: EsfIndicatorTable) -> [EsfCellDifference] {
        let allColumns = Set(columns).union(current.columns).sorted()
        var differences: [EsfCellDifference] = []
        for indicator in EsfIndicator.allCases {
            for column in allColumns {
                let before = cell(indicator, column)
                let now = current.cell(indicator, column)
                for gender in EsfGender.allCases where before.count(gender) != now.count(gender) {
                    differences.append(
                        EsfCellDifference(
                            indicator: indicator, column: column, gender: gender,
                            snapshot: before.count(gender), current: now.count(gender)))
                }
            }
        }
        return differences
    }
}
