import OpstapDomain

/// Words a page in one locale. Static texts use typed keys (`K`); enumeration values use
/// `label(_:)`, keyed "<prefix>.<rawValue>". `Catalogue.requiredKeys` lists both kinds, and a
/// test fails when a locale lacks any of them.
public struct Translator: Sendable {
    public let locale: AppLocale

    public init(_ locale: AppLocale) { self.locale = locale }

    public func callAsFunction(_ key: K, _ arguments: String...) -> String {
        text(key.rawValue, arguments)
    }

    public func label<E: Labelled>(_ value: E) -> String {
        text(E.labelPrefix + "." + value.rawValue, [])
    }

    /// An argument that is an ISO date is shown as this locale writes dates.
    public func error(_ error: FieldError) -> String {
        text("error." + error.code.rawValue, localised(error.arguments))
    }

    /// A signal in words, with its figures.
    public func signal(_ signal: Signal) -> String {
        text(SignalKind.labelPrefix + "." + signal.kind.rawValue, localised(signal.figures))
    }

    private func localised(_ arguments: [String]) -> [String] {
        arguments.map { SimpleDate($0).map { DateText.text($0, locale) } ?? $0 }
    }

    /// Hours and other decimals as this locale writes them (7,5 and 1.250,5 in Dutch), without
    /// trailing zeros.
    public func number(_ value: Double) -> String {
        localised(Self.plain(value))
    }

    /// A whole number with this locale's thousands separator: 70.428 in Dutch, 70,428 in English.
    public func count(_ value: Int) -> String {
        localised(String(value))
    }

    /// A list's total, "meer dan 10.000" when it was counted up to a bound (`ListTotal`).
    public func total<Item>(_ page: ResultPage<Item>) -> String {
        page.totalIsLowerBound ? self(.moreThan, count(page.total)) : count(page.total)
    }

    /// A figure in a table: shown as this locale writes it, with its plain value for downloads
    /// (`<data value="1250.5">1.250,5</data>`).
    public func figure(_ value: Double) -> HTMLNode {
        el("data", ["value": Self.plain(value)]) { number(value) }
    }

    public func figure(_ value: Int) -> HTMLNode {
        el("data", ["value": String(value)]) { count(value) }
    }

    /// The shortest decimal form with a point and at most two decimals: "7.5", "12".
    static func plain(_ value: Double) -> String {
        var text = String(format: "%.2f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// A plain number ("-1250.5") in this locale's marks, digits grouped by three.
    private func localised(_ plain: String) -> String {
        let negative = plain.hasPrefix("-")
        let parts = plain.dropFirst(negative ? 1 : 0).split(separator: ".", omittingEmptySubsequences: false)
        let digits = String(parts.first ?? "0")
        var grouped = ""
        for (index, digit) in digits.reversed().enumerated() {
            if index > 0 && index % 3 == 0 { grouped.append(locale.usesDecimalComma ? "." : ",") }
            grouped.append(digit)
        }
        var text = (negative ? "-" : "") + String(grouped.reversed())
        if parts.count > 1 { text += (locale.usesDecimalComma ? "," : ".") + parts[1] }
        return text
    }

    /// Euro amounts as this locale writes them: € 288.518,00 in Dutch, €288,518.00 in English.
    public func money(cents: Int64) -> String {
        let euros = localised(String(cents / 100))
        let fraction = String(format: "%02d", Int(abs(cents % 100)))
        return locale.usesDecimalComma ? "€ " + euros + "," + fraction : "€" + euros + "." + fraction
    }

    /// A count that may be suppressed for reporting roles (fewer than five people).
    public func count(_ value: SuppressedCount) -> String {
        switch value {
        case .shown(let n): return count(n)
        case .suppressed: return self(.suppressedCount)
        }
    }

    func text(_ key: String, _ arguments: [String]) -> String {
        var value = Catalogue.entries(for: locale)[key] ?? Catalogue.entries(for: .nl)[key] ?? key
        for (index, argument) in arguments.enumerated() {
            value = value.replacingOccurrences(of: "{\(index)}", with: argument)
        }
        return value
    }
}

/// An enumeration whose values are shown to users.
public protocol Labelled: RawRepresentable, CaseIterable where RawValue == String {
    static var labelPrefix: String { get }
}

extension Role: Labelled { public static let labelPrefix = "role" }
extension OrganisationKind: Labelled { public static let labelPrefix = "organisationKind" }
extension LocationKind: Labelled { public static let labelPrefix = "locationKind" }
extension CandidacyStage: Labelled { public static let labelPrefix = "stage" }
extension SelectionDecision: Labelled { public static let labelPrefix = "decision" }
extension EnrolmentState: Labelled { public static let labelPrefix = "state" }
extension PhaseResult: Labelled { public static let labelPrefix = "phaseResult" }
extension ExitReason: Labelled { public static let labelPrefix = "exitReason" }
extension TransitionKind: Labelled { public static let labelPrefix = "transition" }
extension PhaseKind: Labelled { public static let labelPrefix = "phaseKind" }
extension ActivityType: Labelled { public static let labelPrefix = "activity" }
extension Weekday: Labelled { public static let labelPrefix = "weekday" }
extension OutcomeKind: Labelled { public static let labelPrefix = "outcomeKind" }
extension CriterionKind: Labelled { public static let labelPrefix = "criterionKind" }
extension ResidenceStatus: Labelled { public static let labelPrefix = "residenceStatus" }
extension Household: Labelled { public static let labelPrefix = "household" }
extension Residence: Labelled { public static let labelPrefix = "residence" }
extension BenefitStatus: Labelled { public static let labelPrefix = "benefit" }
extension LearningRoute: Labelled { public static let labelPrefix = "learningRoute" }
extension FieldErrorCode: Labelled { public static let labelPrefix = "error" }
extension GenderLabel: Labelled { public static let labelPrefix = "gender" }
extension CandidacyEventKind: Labelled { public static let labelPrefix = "event" }
extension DuplicateReason: Labelled { public static let labelPrefix = "duplicate" }

extension Attendance: Labelled { public static let labelPrefix = "attendance" }
extension EntryStatus: Labelled { public static let labelPrefix = "entryStatus" }
extension RAGColour: Labelled { public static let labelPrefix = "rag" }
extension TaskStatus: Labelled { public static let labelPrefix = "taskStatus" }
extension TaskSource: Labelled { public static let labelPrefix = "taskSource" }
extension ReviewStatus: Labelled { public static let labelPrefix = "reviewStatus" }
extension ReviewParty: Labelled { public static let labelPrefix = "reviewParty" }
extension GoalStatus: Labelled { public static let labelPrefix = "goalStatus" }
extension NoteLevel: Labelled { public static let labelPrefix = "noteLevel" }
extension SignalKind: Labelled { public static let labelPrefix = "signal" }
extension SeverityLabel: Labelled { public static let labelPrefix = "severity" }

/// Severity as words and badge kinds.
public enum SeverityLabel: String, CaseIterable, Sendable {
    case notice, warning, urgent

    public init(_ severity: Severity) {
        self =
            switch severity {
            case .notice: .notice
            case .warning: .warning
            case .urgent: .urgent
            }
    }
}

extension AccessView: Labelled { public static let labelPrefix = "accessView" }
extension HousingRoute: Labelled { public static let labelPrefix = "housingRoute" }
extension HousingStep: Labelled { public static let labelPrefix = "housingStep" }
extension UnitKind: Labelled { public static let labelPrefix = "unitKind" }
extension QualificationLevel: Labelled { public static let labelPrefix = "qualificationLevel" }
extension QualificationStatus: Labelled { public static let labelPrefix = "qualificationStatus" }
extension ExamResult: Labelled { public static let labelPrefix = "examResult" }
extension FitInterviewResult: Labelled { public static let labelPrefix = "fitResult" }
extension ContractType: Labelled { public static let labelPrefix = "contract" }
extension JobOfferStatus: Labelled { public static let labelPrefix = "offerStatus" }
extension FollowUpMoment: Labelled { public static let labelPrefix = "followUpMoment" }
extension FollowUpSituation: Labelled { public static let labelPrefix = "situation" }
extension FollowUpSource: Labelled { public static let labelPrefix = "followUpSource" }
extension FundingKind: Labelled { public static let labelPrefix = "fundingKind" }
extension EligibilityEvidence: Labelled { public static let labelPrefix = "evidence" }
extension EmploymentStatusAtEntry: Labelled { public static let labelPrefix = "employmentStatus" }
extension SensitiveAnswer: Labelled { public static let labelPrefix = "sensitiveAnswer" }
extension EsfIndicator: Labelled { public static let labelPrefix = "esf" }
extension EsfGender: Labelled { public static let labelPrefix = "esfGender" }
extension GoalMeasure: Labelled { public static let labelPrefix = "goalMeasure" }
extension GoalProgress: Labelled { public static let labelPrefix = "goalProgress" }
extension CandidateImportField: Labelled { public static let labelPrefix = "importField" }

/// What was opened, as the access log stores it; through the API it is stored with the
/// prefix "api:" ("api:hours").
public enum AccessView: String, CaseIterable, Sendable {
    case candidate, intake, dossier, bsnReport, person, hours, notes, reviews, goals, placements, housing
    /// `export`: an export of the whole file (AVG art. 15; ADR 0014).
    case qualifications, jobs, eligibility, assessments, status, tasks, calendar, export, list
    case apiPerson = "api:person"
}

/// What a change-log entry is about.
public enum ChangeSubject: String, CaseIterable, Sendable {
    case person, intake, team, account, programme
}

/// Fields whose change is logged and named in words; other fields (of a programme
/// definition) are shown by their stored name.
public enum ChangedField: String, CaseIterable, Sendable {
    case givenName, familyName, dateOfBirth, gender, bsn
    case dutchLevels, education, workExperience, household, residence, residenceDetail, residenceStatus, benefit
    case civicIntegration, languages, contact
    case roles, active, assignment, endsOn, draft, publishedVersion
}

extension ChangeSubject: Labelled { public static let labelPrefix = "changeSubject" }
extension ChangedField: Labelled { public static let labelPrefix = "changedField" }
extension FieldGroup: Labelled { public static let labelPrefix = "fieldGroup" }

extension Translator {
    public func changedField(_ stored: String) -> String {
        ChangedField(rawValue: stored).map { label($0) } ?? stored
    }

    /// A stored access-log view in words, e.g. "API: Uren" for "api:hours"; `throughAPI` words
    /// a read through the API (the participant's pages say it without jargon).
    public func accessView(_ stored: String, throughAPI: K = .accessViewThroughAPI) -> String {
        if let view = AccessView(rawValue: stored) { return label(view) }
        if stored.hasPrefix("api:"), let view = AccessView(rawValue: String(stored.dropFirst(4))) {
            return self(throughAPI, label(view))
        }
        return stored
    }
}

/// Gender values as stored on a person.
public enum GenderLabel: String, CaseIterable, Sendable {
    case woman, man, nonBinary, unknown
}
