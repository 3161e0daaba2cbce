/// The level of an mbo qualification, or a certificate at the participant's own level.
public enum QualificationLevel: String, Codable, CaseIterable, Sendable, Comparable {
    case certificate
    case mbo1
    case mbo2
    case mbo3
    case mbo4

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Where a participant stands with a qualification.
public enum QualificationStatus: String, Codable, CaseIterable, Sendable {
    case inProgress
    case awarded
    case stopped
}

public enum ExamResult: String, Codable, CaseIterable, Sendable {
    case planned
    case passed
    case failed
}

public enum QualificationRules {
    /// A crebo is the five-digit number of an mbo qualification in the register.
    public static func isCrebo(_ text: String) -> Bool {
        text.count == 5 && text.allSatisfy(\.isASCII) && text.allSatisfy(\.isNumber)
    }

    /// An exam result: a planned exam may lie ahead; a result (passed, failed) cannot.
    public static func checkExam(
        result: ExamResult, on date: SimpleDate, started: SimpleDate, today: SimpleDate
    ) -> FieldErrorCode? {
        if date < started { return .beforeQualificationStart }
        if result != .planned && date > today { return .dateInFuture }
        return nil
    }

    /// A diploma or certificate is dated on or after the start, and not ahead of today.
    public static func checkAward(on date: SimpleDate, started: SimpleDate, today: SimpleDate) -> FieldErrorCode? {
        if date < started { return .beforeQualificationStart }
        if date > today { return .dateInFuture }
        return nil
    }
}
