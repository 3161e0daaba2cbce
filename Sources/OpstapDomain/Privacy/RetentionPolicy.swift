/// The kinds of record that have a retention period of their own. The periods are data
/// (`RetentionPolicy.defaults`), each with the reason it is that long; the purge command and
/// the README read them from here.
public enum RetentionRecordKind: String, CaseIterable, Codable, Sendable {
    /// Someone referred to a programme who was never enrolled, once every candidacy is decided.
    case candidateNeverEnrolled
    /// A participant whose every route ended by withdrawal.
    case withdrawnParticipant
    /// A participant who completed (at least one route ended by completion).
    case completedParticipant
    /// What an ESF+ operation must keep about a participant it counted (CPR art. 82).
    case esfEvidence
    /// Who opened whose file (NEN 7513).
    case accessLog
    /// Sign-ins, tokens, roles and the acts of this ADR.
    case securityLog
    /// Web sessions past their absolute lifetime.
    case sessions
    /// Uploaded CSV files of candidate and participant imports (names, birth dates).
    case importFiles
}

/// From which day a retention period counts.
public enum RetentionStart: String, Codable, Sendable {
    /// The last decision or step of the person's candidacies.
    case lastCandidacyStep
    /// The day the last route ended (withdrawal or completion).
    case leaving
    /// 31 December of the year the funding stream ends: the CPR counts from the end of the
    /// year of the last payment, which comes after the stream's end; a later payment or an
    /// audit extends the hold (see ADR 0014).
    case endOfYearOfStreamEnd
    /// The moment the entry was written.
    case written
    /// The moment the session or file stopped being used.
    case lastUse
}

/// One retention period: how long after `from` a kind of record is kept, and what happens then.
public struct RetentionRule: Equatable, Sendable {
    public let kind: RetentionRecordKind
    public let months: Int
    public let from: RetentionStart
    /// False for the hash-chained logs: removing their oldest rows needs the chain to be cut at
    /// a recorded point (ADR 0012), which the purge does not do yet; it reports them instead.
    public let purgedByCommand: Bool

    public init(kind: RetentionRecordKind, months: Int, from: RetentionStart, purgedByCommand: Bool = true) {
        self.kind = kind
        self.months = months
        self.from = from
        self.purgedByCommand = purgedByCommand
    }

    /// The reason, as a catalogue key (`retentionReason.<kind>`).
    public var reasonKey: String { "retentionReason." + kind.rawValue }

    /// The last day the record is kept when its period starts on `start`.
    public func keptUntil(start: SimpleDate) -> SimpleDate {
        switch from {
        case .endOfYearOfStreamEnd:
            SimpleDate(year: start.year + months / 12, month: 12, day: 31)!
        default:
            start.adding(months: months)
        }
    }

    /// Whether a record whose period started on `start` is past it on `today`.
    public func isDue(start: SimpleDate, today: SimpleDate) -> Bool { keptUntil(start: start) < today }
}

/// The installation's retention periods. Defaults, written down with their reasons so that a
/// municipality's archivist can check them against its Selectielijst and the managing
/// authority's ESF+ instructions; a different period is a change here, reviewed like code.
public enum RetentionPolicy {
    public static let defaults: [RetentionRule] = [
        // A candidate who was not taken may be asked for the next intake; after a year the
        // referral has no purpose left.
        RetentionRule(kind: .candidateNeverEnrolled, months: 12, from: .lastCandidacyStep),
        // Re-entry to the same programme happens within about two years; after that the route
        // is no longer needed for guidance.
        RetentionRule(kind: .withdrawnParticipant, months: 24, from: .leaving),
        // Follow-ups (4 weeks, 6 months), the job guarantee and covenant goals are reported for
        // years after completion.
        RetentionRule(kind: .completedParticipant, months: 60, from: .leaving),
        // CPR (EU) 2021/1060 art. 82: five years from 31 December of the year of the last payment.
        RetentionRule(kind: .esfEvidence, months: 60, from: .endOfYearOfStreamEnd),
        // A participant may ask who looked at their file for as long as a completed route is kept.
        RetentionRule(kind: .accessLog, months: 60, from: .written, purgedByCommand: false),
        // BIO 8.15: security events are kept long enough to investigate an incident afterwards.
        RetentionRule(kind: .securityLog, months: 24, from: .written, purgedByCommand: false),
        // A session past its 12-hour lifetime cannot be used again.
        RetentionRule(kind: .sessions, months: 0, from: .lastUse),
        // The upload is needed only until the import has run and been checked.
        RetentionRule(kind: .importFiles, months: 1, from: .lastUse),
    ]

    public static func rule(_ kind: RetentionRecordKind) -> RetentionRule {
        defaults.first { $0.kind == kind }!
    }

    /// The last day ESF+ evidence of a stream ending on `streamEnd` must be kept.
    public static func esfHoldEnd(streamEnd: SimpleDate) -> SimpleDate {
        rule(.esfEvidence).keptUntil(start: streamEnd)
    }
}
