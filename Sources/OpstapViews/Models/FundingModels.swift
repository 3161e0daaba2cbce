import Foundation
import OpstapDomain

// Generated-style view models: plain values the pages render.

public struct FundingStreamRow: Sendable {
    public var id: UUID
    public var name: String
    public var kind: FundingKind
    public var funder: String
    public var reference: String
    public var amountCents: Int64?
    public var startsOn: SimpleDate
    public var endsOn: SimpleDate
    public var eligibleCount: Int

    public init(
        id: UUID, name: String, kind: FundingKind, funder: String, reference: String, amountCents: Int64?,
        startsOn: SimpleDate, endsOn: SimpleDate, eligibleCount: Int
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.funder = funder
        self.reference = reference
        self.amountCents = amountCents
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.eligibleCount = eligibleCount
    }
}

public struct FundingListModel: Sendable {
    public var programmeID: UUID
    public var programmeName: String
    public var streams: [FundingStreamRow]
    public var canManage: Bool
    public var funders: [(value: String, label: String)]
    public var streamOptions: [(value: String, label: String)]
    public var phaseOptions: [(value: String, label: String)]
    public var values: [String: String]
    public var checked: [String: Set<String>]
    public var errors: [FieldError]

    public init(
        programmeID: UUID, programmeName: String, streams: [FundingStreamRow], canManage: Bool,
        funders: [(value: String, label: String)], streamOptions: [(value: String, label: String)],
        phaseOptions: [(value: String, label: String)], values: [String: String], checked: [String: Set<String>],
        errors: [FieldError]
    ) {
        self.programmeID = programmeID
        self.programmeName = programmeName
        self.streams = streams
        self.canManage = canManage
        self.funders = funders
        self.streamOptions = streamOptions
        self.phaseOptions = phaseOptions
        self.values = values
        self.checked = checked
        self.errors = errors
    }
}

public struct EligibilityRow: Sendable {
    public var personID: UUID
    public var name: String
    public var eligible: Bool
    public var targetGroup: String
    public var evidence: EligibilityEvidence
    public var evidenceReference: String
    public var checkedOn: SimpleDate
    public var hasCharacteristics: Bool

    public init(
        personID: UUID, name: String, eligible: Bool, targetGroup: String, evidence: EligibilityEvidence,
        evidenceReference: String, checkedOn: SimpleDate, hasCharacteristics: Bool
    ) {
        self.personID = personID
        self.name = name
        self.eligible = eligible
        self.targetGroup = targetGroup
        self.evidence = evidence
        self.evidenceReference = evidenceReference
        self.checkedOn = checkedOn
        self.hasCharacteristics = hasCharacteristics
    }
}

public struct FundingStreamModel: Sendable {
    public var stream: FundingStreamRow
    public var programmeID: UUID
    public var programmeName: String
    public var targetDescription: String
    public var targetStreams: [String]
    public var fundedPhases: [String]
    public var eligibility: ResultPage<EligibilityRow>
    public var candidates: [(value: String, label: String)]
    public var canRecord: Bool
    public var years: [Int]
    public var values: [String: String]
    public var errors: [FieldError]

    public init(
        stream: FundingStreamRow, programmeID: UUID, programmeName: String, targetDescription: String,
        targetStreams: [String], fundedPhases: [String], eligibility: ResultPage<EligibilityRow>,
        candidates: [(value: String, label: String)], canRecord: Bool, years: [Int], values: [String: String],
        errors: [FieldError]
    ) {
        self.stream = stream
        self.programmeID = programmeID
        self.programmeName = programmeName
        self.targetDescription = targetDescription
        self.targetStreams = targetStreams
        self.fundedPhases = fundedPhases
        self.eligibility = eligibility
        self.candidates = candidates
        self.canRecord = canRecord
        self.years = years
        self.values = values
        self.errors = errors
    }
}

public struct EsfCharacteristicsModel: Sendable {
    public var streamID: UUID
    public var streamName: String
    public var personID: UUID
    public var personName: String
    public var values: [String: String]
    public var errors: [FieldError]
    public var recordedOn: SimpleDate?

    public init(
        streamID: UUID, streamName: String, personID: UUID, personName: String, values: [String: String],
        errors: [FieldError], recordedOn: SimpleDate?
    ) {
        self.streamID = streamID
        self.streamName = streamName
        self.personID = personID
        self.personName = personName
        self.values = values
        self.errors = errors
        self.recordedOn = recordedOn
    }
}

public struct EsfFigure: Sendable {
    public var women: SuppressedCount
    public var men: SuppressedCount
    public var nonBinary: SuppressedCount
    public var total: SuppressedCount

    public init(women: SuppressedCount, men: SuppressedCount, nonBinary: SuppressedCount, total: SuppressedCount) {
        self.women = women
        self.men = men
        self.nonBinary = nonBinary
        self.total = total
    }
}

public struct EsfReportRow: Sendable {
    public var indicator: EsfIndicator
    public var year: EsfFigure
    public var cumulative: EsfFigure

    public init(indicator: EsfIndicator, year: EsfFigure, cumulative: EsfFigure) {
        self.indicator = indicator
        self.year = year
        self.cumulative = cumulative
    }
}

public struct EsfDifferenceRow: Sendable {
    public var indicator: EsfIndicator
    public var column: String
    public var gender: EsfGender
    public var snapshot: Int
    public var current: Int

    public init(indicator: EsfIndicator, column: String, gender: EsfGender, snapshot: Int, current: Int) {
        self.indicator = indicator
        self.column = column
        self.gender = gender
        self.snapshot = snapshot
        self.current = current
    }
}

public struct EsfReportModel: Sendable {
    public var streamID: UUID
    public var streamName: String
    public var year: Int
    public var years: [Int]
    public var rows: [EsfReportRow]
    public var suppressed: Bool
    public var canOpenFigures: Bool
    public var mayReadBSN: Bool
    public var missingCharacteristics: Int
    public var declined: Int
    public var snapshotTakenAt: Date?
    public var canFreeze: Bool
    public var differences: [EsfDifferenceRow]
    public var showingSnapshot: Bool

    public init(
        streamID: UUID, streamName: String, year: Int, years: [Int], rows: [EsfReportRow], suppressed: Bool,
        canOpenFigures: Bool, mayReadBSN: Bool, missingCharacteristics: Int, declined: Int, snapshotTakenAt: Date?,
        canFreeze: Bool, differences: [EsfDifferenceRow], showingSnapshot: Bool
    ) {
        self.streamID = streamID
        self.streamName = streamName
        self.year = year
        self.years = years
        self.rows = rows
        self.suppressed = suppressed
        self.canOpenFigures = canOpenFigures
        self.mayReadBSN = mayReadBSN
        self.missingCharacteristics = missingCharacteristics
        self.declined = declined
        self.snapshotTakenAt = snapshotTakenAt
        self.canFreeze = canFreeze
        self.differences = differences
        self.showingSnapshot = showingSnapshot
    }
}

public struct EsfPersonRow: Sendable {
    public var personID: UUID
    public var enrolmentID: UUID?
    public var name: String
    public var gender: EsfGender
    public var entryDate: SimpleDate
    public var exitDate: SimpleDate?
    public var results: [EsfIndicator]
    public var bsn: String?
    public var homeless: Bool?
    public var qualification: Bool

    public init(
        personID: UUID, enrolmentID: UUID?, name: String, gender: EsfGender, entryDate: SimpleDate,
        exitDate: SimpleDate?, results: [EsfIndicator], bsn: String?, homeless: Bool?, qualification: Bool
    ) {
        self.personID = personID
        self.enrolmentID = enrolmentID
        self.name = name
        self.gender = gender
        self.entryDate = entryDate
        self.exitDate = exitDate
        self.results = results
        self.bsn = bsn
        self.homeless = homeless
        self.qualification = qualification
    }
}

public struct EsfPeopleModel: Sendable {
    public var streamID: UUID
    public var streamName: String
    public var year: Int
    public var heading: String
    public var rows: ResultPage<EsfPersonRow>
    public var hiddenCount: Int
    public var path: String
    public var query: String
    public var csvHref: String
    public var bsnReport: Bool

    public init(
        streamID: UUID, streamName: String, year: Int, heading: String, rows: ResultPage<EsfPersonRow>,
        hiddenCount: Int, path: String, query: String, csvHref: String, bsnReport: Bool
    ) {
        self.streamID = streamID
        self.streamName = streamName
        self.year = year
        self.heading = heading
        self.rows = rows
        self.hiddenCount = hiddenCount
        self.path = path
        self.query = query
        self.csvHref = csvHref
        self.bsnReport = bsnReport
    }
}
