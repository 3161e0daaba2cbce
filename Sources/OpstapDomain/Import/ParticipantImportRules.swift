import Foundation

/// A field a CSV of running participants can fill: the person (as in the candidate import),
/// the enrolment date, the current phase (a cross-check) and the start of each phase of the stream.
public enum ParticipantImportField: Hashable, Sendable {
    case person(CandidateImportField)
    case enrolledOn
    case currentPhase
    case phaseStart(String)

    /// The name in mappings, the API and row errors: `givenName`, `enrolledOn`, `currentPhase`, `phase.<code>`.
    public var key: String {
        switch self {
        case .person(let field): field.rawValue
        case .enrolledOn: "enrolledOn"
        case .currentPhase: "currentPhase"
        case .phaseStart(let code): "phase." + code
        }
    }

    public init?(key: String) {
        switch key {
        case "enrolledOn": self = .enrolledOn
        case "currentPhase": self = .currentPhase
        default:
            if key.hasPrefix("phase."), key.count > 6 {
                self = .phaseStart(String(key.dropFirst(6)))
            } else if let field = CandidateImportField(rawValue: key) {
                self = .person(field)
            } else {
                return nil
            }
        }
    }

    public var isRequired: Bool {
        switch self {
        case .person(let field): field.isRequired
        case .enrolledOn: true
        case .currentPhase, .phaseStart: false
        }
    }
}

/// A participant's history as the import will write it: enrolled on a day, then the state
/// machine's commands in order. Earlier phases count as passed on the day the next one started.
public struct ParticipantHistory: Sendable, Equatable {
    public var enrolledOn: SimpleDate
    public var referredOn: SimpleDate
    public var commands: [EnrolmentCommand]
    public var snapshot: EnrolmentSnapshot
}

/// How a spreadsheet of people already in a programme becomes enrolments with their history.
public enum ParticipantImportRules {
    /// The phases a participant of `stream` goes through, in programme order.
    public static func phases(of stream: String, in definition: ProgrammeDefinition) -> [Phase] {
        guard let first = definition.firstPhase(for: stream), let index = definition.phaseIndex(first.code) else {
            return []
        }
        return Array(definition.phases[index...])
    }

    /// The fields of an import into `stream`, in the order the mapping step shows them.
    public static func fields(stream: String, definition: ProgrammeDefinition) -> [ParticipantImportField] {
        CandidateImportField.allCases.map { .person($0) } + [.enrolledOn, .currentPhase]
            + phases(of: stream, in: definition).map { .phaseStart($0.code) }
    }

    static let enrolmentSynonyms = [
        "inschrijfdatum", "ingeschrevenop", "datuminschrijving", "inschrijving", "instroomdatum",
        "enrolledon", "enrolmentdate", "enrollmentdate", "enrolled",
    ]
    static let currentPhaseSynonyms = ["huidigefase", "fase", "currentphase", "phase"]

    /// A first guess from the header names: the person's columns as in the candidate import,
    /// and a phase's start from a column named after the phase ("Start vooropleiding", "vooropleiding").
    public static func guessMapping(
        header: [String], stream: String, definition: ProgrammeDefinition
    ) -> [ParticipantImportField: Int] {
        var mapping: [ParticipantImportField: Int] = [:]
        for (field, index) in CandidateImportRules.guessMapping(header: header) { mapping[.person(field)] = index }
        let names = header.map(CandidateImportRules.normalised)
        func claim(_ field: ParticipantImportField, _ accepted: [String]) {
            if let index = names.firstIndex(where: { accepted.contains($0) }), !mapping.values.contains(index) {
                mapping[field] = index
            }
        }
        claim(.enrolledOn, enrolmentSynonyms)
        claim(.currentPhase, currentPhaseSynonyms)
        for phase in phases(of: stream, in: definition) {
            let words = Set([phase.code, phase.name].map(CandidateImportRules.normalised)).filter { !$0.isEmpty }
            claim(
                .phaseStart(phase.code),
                words.flatMap {
                    [$0, "start" + $0, "startdatum" + $0, "startvan" + $0, "startof" + $0, "begin" + $0, $0 + "start"]
                })
        }
        return mapping
    }

    /// Checks a row's dates and phases and replays them through the state machine, so an
    /// imported history obeys the same rules as one entered by hand. Errors name the field
    /// (`enrolledOn`, `referredOn`, `currentPhase`, `phase.<code>`); the history is nil when there are any.
    public static func history(
        enrolledOn enrolledText: String, referredOn referredText: String, phaseStarts: [String: String],
        currentPhase: String,
        stream: String, definition: ProgrammeDefinition, today: SimpleDate
    ) -> (history: ParticipantHistory?, errors: [FieldError]) {
        var errors: [FieldError] = []
        let enrolledOn = date(enrolledText, field: "enrolledOn", required: true, today: today, errors: &errors)
        let referredOn = date(referredText, field: "referredOn", required: false, today: today, errors: &errors)
        if let enrolledOn, let referredOn, enrolledOn < referredOn {
            errors.append(FieldError("enrolledOn", .beforeReferral, [referredOn.iso]))
        }
        let streamPhases = phases(of: stream, in: definition)
        for code in phaseStarts.keys.sorted()
        where !streamPhases.contains(where: { $0.code == code }) && !(phaseStarts[code] ?? "").isBlank {
            errors.append(
                FieldError(
                    "phase." + code, definition.phase(code) == nil ? .unknownPhase : .phaseNotInStream,
                    [definition.phase(code)?.name ?? code]))
        }
        // The phases started, in programme order; a later one without an earlier one is a gap.
        var starts: [(phase: Phase, on: SimpleDate)] = []
        var missing: Phase?
        for phase in streamPhases {
            let text = phaseStarts[phase.code] ?? ""
            let field = "phase." + phase.code
            if text.isBlank { if missing == nil { missing = phase }; continue }
            if let gap = missing { errors.append(FieldError(field, .earlierPhaseMissing, [gap.name])); continue }
            guard let day = date(text, field: field, required: false, today: today, errors: &errors) else { continue }
            if let enrolledOn, day < enrolledOn {
                errors.append(FieldError(field, .beforeEnrolment, [enrolledOn.iso])); continue
            }
            if let previous = starts.last, day <= previous.on {
                errors.append(FieldError(field, .notAfterPreviousPhase, [previous.phase.name, previous.on.iso]));
                continue
            }
            starts.append((phase, day))
        }
        if !currentPhase.isBlank {
            let wanted = CandidateImportRules.normalised(currentPhase)
            let named = definition.phases.first {
                CandidateImportRules.normalised($0.code) == wanted || CandidateImportRules.normalised($0.name) == wanted
            }
            if let named {
                if !streamPhases.contains(where: { $0.code == named.code }) {
                    errors.append(FieldError("currentPhase", .phaseNotInStream, [named.name]))
                } else if named.code != starts.last?.phase.code,
                    !errors.contains(where: { $0.field.hasPrefix("phase.") })
                {
                    errors.append(FieldError("currentPhase", .currentPhaseMismatch, [starts.last?.phase.name ?? "—"]))
                }
            } else {
                errors.append(FieldError("currentPhase", .unknownPhase, [currentPhase]))
            }
        }
        guard errors.isEmpty, let enrolledOn else { return (nil, errors) }

        var snapshot = EnrolmentSnapshot(state: .enrolled, stream: stream, lastTransitionOn: enrolledOn)
        var commands: [EnrolmentCommand] = []
        for (index, start) in starts.enumerated() {
            var steps: [EnrolmentCommand] = []
            if index > 0 { steps.append(.completePhase(result: .passed, on: start.on)) }
            steps.append(.startPhase(code: start.phase.code, on: start.on))
            for command in steps {
                switch EnrolmentMachine.apply(command, to: snapshot, definition: definition, today: today) {
                case .success(let next): snapshot = next; commands.append(command)
                case .failure(let refusal):
                    return (
                        nil, [FieldError("phase." + start.phase.code, .invalidChoice, [String(describing: refusal)])]
                    )
                }
            }
        }
        return (
            ParticipantHistory(
                enrolledOn: enrolledOn, referredOn: referredOn ?? enrolledOn, commands: commands, snapshot: snapshot),
            []
        )
    }

    private static func date(
        _ text: String, field: String, required: Bool, today: SimpleDate, errors: inout [FieldError]
    ) -> SimpleDate? {
        if text.isBlank {
            if required { errors.append(FieldError(field, .required)) }
            return nil
        }
        guard let day = CandidateImportRules.date(text) else {
            errors.append(FieldError(field, .invalidDate)); return nil
        }
        if day > today { errors.append(FieldError(field, .dateInFuture)); return nil }
        return day
    }
}
