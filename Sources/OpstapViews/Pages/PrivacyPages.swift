import Foundation
import OpstapDomain

extension RetentionRecordKind: Labelled { public static let labelPrefix = "retentionKind" }
extension ExportPart: Labelled { public static let labelPrefix = "exportPart" }

/// The parts of a person's export, in the order the readable export shows them. The names are
/// the JSON export's keys, so the two never drift apart.
public enum ExportPart: String, CaseIterable, Sendable {
    case person, candidacies, candidacyEvents, assessments, enrolments, transitions, guidanceAssignments, hours
    case notes, reviews, goals, statusMarks, placements, tenancies, housingRoutes, housingSteps, qualifications
    case exams, fitInterviews, jobOffers, followUps, fundingEligibilities, esfCharacteristics, accessLog
}

/// The banner over a person's facts on the dossier and candidate pages, and the way to the
/// person's rights for the roles that may exercise them.
public enum PrivacyBanner {
    public static func render(_ context: PageContext, _ person: PersonSummary) -> HTMLNode {
        let t = context.t
        let mayAct = context.user.map { Permission.exerciseDataSubjectRights.isGranted(to: $0.roles) } ?? false
        return .fragment([
            person.erased
                ? el("p", ["class": "notice", "role": "status"]) { t(.privacyErasedBanner) } : .fragment([]),
            person.processingRestricted
                ? el("p", ["class": "notice", "role": "status"]) { t(.privacyRestrictedBanner) } : .fragment([]),
            mayAct
                ? el("p") { Widgets.link(t(.privacyLink), Paths.personPrivacy(person.id)) } : .fragment([]),
        ])
    }
}

public struct PrivacyModel: Sendable {
    public var person: PersonSummary
    public var restrictedAt: Date?
    public var backHref: String
    public init(person: PersonSummary, restrictedAt: Date?, backHref: String) {
        self.person = person
        self.restrictedAt = restrictedAt
        self.backHref = backHref
    }
}

/// `/persons/{id}/privacy`: export, restriction and erasure of one person.
public enum PrivacyPage {
    public static func render(_ context: PageContext, _ m: PrivacyModel) -> String {
        let t = context.t
        let id = m.person.id
        return Layout.page(context, title: t(.privacyTitle, m.person.name)) {
            PrivacyBanner.render(context, m.person)
            el("p") { t(.privacyExplain) }
            el("h2") { t(.privacyExportTitle) }
            el("ul") {
                el("li") { Widgets.link(t(.privacyExportHTML), Paths.personExport(id)) }
                el("li") { Widgets.link(t(.privacyExportJSON), Paths.personExportJSON(id)) }
            }
            if !m.person.erased {
                el("h2") { t(.privacyRestrictionTitle) }
                if let at = m.restrictedAt {
                    el("p") { t(.privacyRestrictedSince, DateText.timestamp(at, t.locale)) }
                    el("form", ["method": "post", "action": Paths.personRestrictionLift(id)]) {
                        Form.csrf(context)
                        Form.submit(t(.privacyLiftButton))
                    }
                } else {
                    el("p") { t(.privacyRestrictionExplain) }
                    el("form", ["method": "post", "action": Paths.personRestriction(id)]) {
                        Form.csrf(context)
                        Form.submit(t(.privacyRestrictButton))
                    }
                }
            }
            el("h2") { t(.privacyErasureTitle) }
            el("p") { Widgets.link(t(.privacyErasureLink), Paths.personErase(id)) }
            el("p") { Widgets.link(t(.back), m.backHref) }
        }
    }
}

public struct ErasureHoldRow: Sendable {
    public var fundingStream: String
    public var reference: String
    public var streamEndsOn: SimpleDate
    public var until: SimpleDate
    public init(fundingStream: String, reference: String, streamEndsOn: SimpleDate, until: SimpleDate) {
        self.fundingStream = fundingStream
        self.reference = reference
        self.streamEndsOn = streamEndsOn
        self.until = until
    }
}

public struct ErasureModel: Sendable {
    public var personID: UUID
    public var name: String
    /// True on the page after the act: the plan is then what was done.
    public var done: Bool
    public var holds: [ErasureHoldRow]
    public var deleted: [(table: String, count: Int)]
    public var kept: [(table: String, count: Int)]
    public var errors: [FieldError]
    public init(
        personID: UUID, name: String, done: Bool, holds: [ErasureHoldRow], deleted: [(table: String, count: Int)],
        kept: [(table: String, count: Int)], errors: [FieldError] = []
    ) {
        self.personID = personID
        self.name = name
        self.done = done
        self.holds = holds
        self.deleted = deleted
        self.kept = kept
        self.errors = errors
    }
}

/// The confirmation step before an erasure (nothing happens on GET), and the report after it:
/// what goes, what an ESF+ hold keeps, why and until when.
public enum ErasurePage {
    public static func render(_ context: PageContext, _ m: ErasureModel) -> String {
        let t = context.t
        let id = m.personID
        return Layout.page(context, title: t(m.done ? .erasureDoneTitle : .erasureTitle, m.name)) {
            Form.errorSummary(context, m.errors)
            el("p") { t(m.done ? .erasureDoneExplain : .erasureExplain) }
            el("h2") { t(.erasureHoldTitle) }
            if m.holds.isEmpty {
                el("p") { t(.erasureNoHold) }
            } else {
                el("p") { t(.erasureHoldExplain) }
                Widgets.table(
                    caption: t(.erasureHoldTitle),
                    headers: [t(.erasureStream), t(.erasureReference), t(.erasureStreamEnds), t(.erasureHeldUntil)],
                    rows: m.holds.map {
                        [
                            .text($0.fundingStream), .text($0.reference),
                            .text(DateText.text($0.streamEndsOn, t.locale)),
                            .text(DateText.text($0.until, t.locale)),
                        ]
                    }, empty: "")
                Widgets.table(
                    caption: t(.erasureKeptTitle), headers: [t(.erasureTable), t(.erasureCount)],
                    rows: m.kept.map { [.text($0.table), t.figure($0.count)] }, empty: t(.erasureNothing))
            }
            Widgets.table(
                caption: t(m.done ? .erasureDeletedTitle : .erasureToDeleteTitle),
                headers: [t(.erasureTable), t(.erasureCount)],
                rows: m.deleted.map { [.text($0.table), t.figure($0.count)] }, empty: t(.erasureNothing))
            if !m.done {
                el("form", ["method": "post", "action": Paths.personErase(id)]) {
                    Form.csrf(context)
                    Form.checkboxes(
                        context, legend: t(.erasureConfirmLegend), name: "confirm",
                        options: [(value: "yes", label: t(.erasureConfirm))], checked: [], errors: m.errors)
                    Form.submit(t(.erasureButton))
                }
                el("p") { Widgets.link(t(.back), Paths.personPrivacy(id)) }
            }
        }
    }
}

/// One record of the readable export: its fields as label and text.
public struct ExportRecord: Sendable {
    public var fields: [(name: String, value: String)]
    public init(fields: [(name: String, value: String)]) { self.fields = fields }
}

public struct ExportModel: Sendable {
    public var name: String
    public var exportedAt: Date
    public var exportedBy: String
    public var organisation: String
    public var parts: [(part: ExportPart, records: [ExportRecord])]
    public var omitted: [String]
    public init(
        name: String, exportedAt: Date, exportedBy: String, organisation: String,
        parts: [(part: ExportPart, records: [ExportRecord])], omitted: [String]
    ) {
        self.name = name
        self.exportedAt = exportedAt
        self.exportedBy = exportedBy
        self.organisation = organisation
        self.parts = parts
        self.omitted = omitted
    }
}

/// The readable export (AVG art. 15): every part with its records, made to print.
public enum PersonExportPage {
    public static func render(_ context: PageContext, _ m: ExportModel) -> String {
        let t = context.t
        return Layout.page(context, title: t(.exportTitle, m.name)) {
            el("p") { t(.exportIntro, DateText.timestamp(m.exportedAt, t.locale), m.exportedBy, m.organisation) }
            if !m.omitted.isEmpty {
                el("p", ["class": "notice"]) {
                    t(.exportOmitted, m.omitted.map { omittedPart(t, $0) }.joined(separator: ", "))
                }
            }
            for (part, records) in m.parts {
                el("section", ["class": "export-part"]) {
                    el("h2") { t.label(part) + " (\(records.count))" }
                    if records.isEmpty { el("p", ["class": "empty"]) { t(.erasureNothing) } }
                    for record in records {
                        Widgets.facts(record.fields.map { ($0.name, $0.value) })
                    }
                }
            }
        }
    }

    /// A part the export leaves out, in words: a group of fields, the housing route, or jobs
    /// at other employers (the API gives the same keys as they are).
    static func omittedPart(_ t: Translator, _ key: String) -> String {
        if key == "jobsOfOtherEmployers" { return t(.exportOmittedJobs) }
        let group = key.hasPrefix("fields.") ? String(key.dropFirst("fields.".count)) : key
        return FieldGroup(rawValue: group).map { t.label($0) } ?? key
    }
}

/// The retention periods, for the purge command's listing and the README.
public enum RetentionText {
    public static func line(_ t: Translator, _ rule: RetentionRule) -> String {
        t.label(rule.kind) + ": " + t(.retentionMonths, String(rule.months)) + " — "
            + t.label(RetentionReason(rawValue: rule.kind.rawValue)!)
    }
}

/// Why a kind of record is kept as long as it is: the catalogue's `retentionReason.<kind>`.
public enum RetentionReason: String, CaseIterable, Sendable, Labelled {
    public static let labelPrefix = "retentionReason"
    case candidateNeverEnrolled, withdrawnParticipant, completedParticipant, esfEvidence, accessLog, securityLog
    case sessions, importFiles
}
