import Foundation
import OpstapDomain

// Generated-style view models: plain values the pages render.

/// One field of the mapping step: its name in the form, its label and the chosen column.
public struct ImportColumnChoice: Sendable {
    public var name: String
    /// The label as shown; nil for a candidate field, which the page words from the catalogue.
    public var label: String?
    public var isRequired: Bool
    public var selected: Int?

    public init(field: CandidateImportField, selected: Int?) {
        self.init(name: field.rawValue, label: nil, isRequired: field.isRequired, selected: selected)
    }

    public init(name: String, label: String?, isRequired: Bool, selected: Int?) {
        self.name = name
        self.label = label
        self.isRequired = isRequired
        self.selected = selected
    }
}

public struct ImportPreviewRow: Sendable {
    public var line: Int
    public var values: [String]
    public var errors: [String]
    public var duplicate: String?

    public init(line: Int, values: [String], errors: [String], duplicate: String?) {
        self.line = line
        self.values = values
        self.errors = errors
        self.duplicate = duplicate
    }
}

public struct ImportModel: Sendable {
    public var id: UUID
    public var programmeID: UUID
    public var programmeName: String
    public var fileName: String
    public var status: String
    public var header: [String]
    public var sample: [String]
    public var choices: [ImportColumnChoice]
    public var totalRows: Int
    public var processedRows: Int
    public var importedRows: Int
    public var skippedRows: Int
    public var failure: String
    public var problemRows: [ImportPreviewRow]
    public var problemCount: Int
    public var duplicateRows: [ImportPreviewRow]
    public var firstRows: [ImportPreviewRow]
    public var previewed: Bool
    public var errors: [FieldError]
    /// Running participants into a cohort rather than candidates: the import's pages live
    /// under `/participant-imports` instead of `/imports` (`paths`).
    public var participants = false
    /// Where the result leads: the candidates, or the cohort the participants went into.
    public var doneHref = Paths.candidates()

    public init(
        id: UUID, programmeID: UUID, programmeName: String, fileName: String, status: String, header: [String],
        sample: [String], choices: [ImportColumnChoice], totalRows: Int, processedRows: Int, importedRows: Int,
        skippedRows: Int, failure: String, problemRows: [ImportPreviewRow], problemCount: Int,
        duplicateRows: [ImportPreviewRow], firstRows: [ImportPreviewRow], previewed: Bool, errors: [FieldError]
    ) {
        self.id = id
        self.programmeID = programmeID
        self.programmeName = programmeName
        self.fileName = fileName
        self.status = status
        self.header = header
        self.sample = sample
        self.choices = choices
        self.totalRows = totalRows
        self.processedRows = processedRows
        self.importedRows = importedRows
        self.skippedRows = skippedRows
        self.failure = failure
        self.problemRows = problemRows
        self.problemCount = problemCount
        self.duplicateRows = duplicateRows
        self.firstRows = firstRows
        self.previewed = previewed
        self.errors = errors
    }
}

public struct NewImportModel: Sendable {
    public var programmeID: UUID
    public var programmeName: String
    public var streams: [(value: String, label: String)]
    public var values: [String: String]
    public var errors: [FieldError]

    public init(
        programmeID: UUID, programmeName: String, streams: [(value: String, label: String)], values: [String: String],
        errors: [FieldError]
    ) {
        self.programmeID = programmeID
        self.programmeName = programmeName
        self.streams = streams
        self.values = values
        self.errors = errors
    }
}

// MARK: - Participant import

public struct NewParticipantImportModel: Sendable {
    public var cohortID: UUID
    public var cohortName: String
    public var programmeName: String
    public var streams: [(value: String, label: String)]
    /// Phases of each stream in order, for the hint on the phase columns.
    public var phasesByStream: [(stream: String, phases: [String])]
    public var values: [String: String]
    public var errors: [FieldError]

    public init(
        cohortID: UUID, cohortName: String, programmeName: String, streams: [(value: String, label: String)],
        phasesByStream: [(stream: String, phases: [String])], values: [String: String], errors: [FieldError]
    ) {
        self.cohortID = cohortID
        self.cohortName = cohortName
        self.programmeName = programmeName
        self.streams = streams
        self.phasesByStream = phasesByStream
        self.values = values
        self.errors = errors
    }
}
