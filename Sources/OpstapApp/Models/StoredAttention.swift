import Fluent
import Foundation
import OpstapDomain

/// A participant's attention signals as computed for a day, kept so the attention list can be
/// ordered and paged in SQL however many participants are running (see `AttentionStore`).
///
/// The civic-integration deadline is data not every role may see, so the ordering keys are kept
/// twice: with all signals, and without the deadline signal.
final class StoredAttention: Model, @unchecked Sendable {
    static let schema = "attention_signals"

    /// The enrolment's own id: one row per enrolment.
    @ID(custom: "enrolment_id", generatedBy: .user) var id: UUID?
    /// The day the signals were computed for. Whether they are still current is kept on the
    /// enrolment (`AttentionStore.freshnessColumn`), where a new enrolment has it unset.
    @Field(key: "computed_for") var computedFor: String
    /// Highest severity (0 when there is no signal) and the latest "since", for ordering.
    @Field(key: "rank") var rank: Int
    @OptionalField(key: "since") var since: String?
    @Field(key: "rank_without_deadline") var rankWithoutDeadline: Int
    @OptionalField(key: "since_without_deadline") var sinceWithoutDeadline: String?
    @Field(key: "signals") var signals: StoredSignals
    /// The latest red/amber/green mark on that day.
    @OptionalField(key: "colour") var colour: RAGColour?

    init() {}

    /// Listed, not found by reflection: Fluent reflects on every read and write otherwise
    /// (`ModelPropertiesTests` holds the list to the declarations).
    var properties: [any AnyProperty] {
        [$id, $computedFor, $rank, $since, $rankWithoutDeadline, $sinceWithoutDeadline, $signals, $colour]
    }
}

/// The signals as one JSON document (a bare array would be a PostgreSQL array of documents).
struct StoredSignals: Codable, Sendable, Equatable {
    var signals: [StoredSignal]
}

/// `Signal` as stored: keys and figures, never translated text.
struct StoredSignal: Codable, Sendable, Equatable {
    var kind: SignalKind
    var severity: Int
    var figures: [String]
    var since: String

    init(_ signal: Signal) {
        kind = signal.kind
        severity = signal.severity.rawValue
        figures = signal.figures
        since = signal.since.iso
    }

    var signal: Signal? {
        guard let severity = Severity(rawValue: severity), let since = SimpleDate(since) else { return nil }
        return Signal(kind: kind, severity: severity, figures: figures, since: since)
    }
}
