/// The coach's own judgement of how a participant is doing, next to the computed signals.
public enum RAGColour: String, Codable, CaseIterable, Sendable {
    case red
    case amber
    case green
}

public enum TaskStatus: String, Codable, CaseIterable, Sendable {
    case open
    case done
}

/// Where a task came from.
public enum TaskSource: String, Codable, CaseIterable, Sendable {
    case manual
    case signal
    case review
    case followUp
}
