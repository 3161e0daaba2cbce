import Foundation
import OpstapDomain

public struct HoursRow: Sendable {
    public var activity: ActivityType
    public var expectedWeek: Double
    public var actualWeek: Double
    public var expectedToDate: Double
    public var actualToDate: Double
    public init(
        activity: ActivityType, expectedWeek: Double, actualWeek: Double, expectedToDate: Double, actualToDate: Double
    ) {
        self.activity = activity
        self.expectedWeek = expectedWeek
        self.actualWeek = actualWeek
        self.expectedToDate = expectedToDate
        self.actualToDate = actualToDate
    }
}

public struct LedgerRow: Sendable {
    public var id: UUID
    public var participant: String?
    public var date: String
    public var activity: ActivityType
    public var hours: Double
    public var attendance: Attendance
    public var place: String
    public var note: String
    public var status: EntryStatus
    public var rejectionReason: String?
    public var correctsDate: String?
    public var superseded: Bool
    public init(
        id: UUID, participant: String?, date: String, activity: ActivityType, hours: Double, attendance: Attendance,
        place: String, note: String,
        status: EntryStatus, rejectionReason: String?, correctsDate: String?, superseded: Bool
    ) {
        self.id = id
        self.participant = participant
        self.date = date
        self.activity = activity
        self.hours = hours
        self.attendance = attendance
        self.place = place
        self.note = note
        self.status = status
        self.rejectionReason = rejectionReason
        self.correctsDate = correctsDate
        self.superseded = superseded
    }
}

/// Expected against recorded hours, per activity; shared by the dossier and the hours page.
public enum HoursTable {
    public static func render(_ context: PageContext, _ rows: [HoursRow], weekStart: String) -> HTMLNode {
        let t = context.t
        let total = rows.reduce(
            HoursRow(activity: .practice, expectedWeek: 0, actualWeek: 0, expectedToDate: 0, actualToDate: 0)
        ) {
            HoursRow(
                activity: .practice, expectedWeek: $0.expectedWeek + $1.expectedWeek,
                actualWeek: $0.actualWeek + $1.actualWeek,
                expectedToDate: $0.expectedToDate + $1.expectedToDate, actualToDate: $0.actualToDate + $1.actualToDate)
        }
        func cells(_ label: String, _ row: HoursRow) -> [HTMLNode] {
            [
                .text(label), t.figure(row.expectedWeek), t.figure(row.actualWeek),
                t.figure(row.expectedToDate),
                t.figure(row.actualToDate), .text(percentage(row.actualToDate, of: row.expectedToDate)),
            ]
        }
        return Widgets.table(
            caption: t(.hoursCaption, DateText.text(iso: weekStart, t.locale)),
            headers: [
                t(.activity), t(.expectedThisWeek), t(.actualThisWeek), t(.expectedToDate), t(.actualToDate),
                t(.ofExpected),
            ],
            rows: rows.map { cells(t.label($0.activity), $0) } + (rows.isEmpty ? [] : [cells(t(.total), total)]),
            empty: t(.noHoursExpected))
    }

    public static func percentage(_ actual: Double, of expected: Double) -> String {
        expected > 0 ? "\(Int((actual / expected * 100).rounded())) %" : "—"
    }
}

public struct HoursPageModel: Sendable {
    public var enrolmentID: UUID
    public var participant: String
    public var dossierHref: String
    public var overview: [HoursRow]
    public var weekStart: String
    public var entries: ResultPage<LedgerRow>
    public var canRecord: Bool
    public var canApprove: Bool
    public var values: [String: String]
    public var errors: [FieldError]
    public var refusal: String?
    public var correcting: LedgerRow?
    public init(
        enrolmentID: UUID, participant: String, dossierHref: String, overview: [HoursRow], weekStart: String,
        entries: ResultPage<LedgerRow>,
        canRecord: Bool, canApprove: Bool, values: [String: String], errors: [FieldError], refusal: String?,
        correcting: LedgerRow?
    ) {
        self.enrolmentID = enrolmentID
        self.participant = participant
        self.dossierHref = dossierHref
        self.overview = overview
        self.weekStart = weekStart
        self.entries = entries
        self.canRecord = canRecord
        self.canApprove = canApprove
        self.values = values
        self.errors = errors
        self.refusal = refusal
        self.correcting = correcting
    }
}

/// One participant's hours and attendance: expected against actual, the ledger, and a form
/// to record (or correct) a line.
public enum HoursPage {
    public static func render(_ context: PageContext, _ m: HoursPageModel) -> String {
        let t = context.t
        let base = Paths.participantHours(m.enrolmentID)
        let v = m.values
        return Layout.page(context, title: t(.hoursPageTitle, m.participant)) {
            el("p") { Widgets.link(t(.backToDossier), m.dossierHref) }
            if let refusal = m.refusal {
                el("div", ["class": "error-summary", "role": "alert"]) { el("p") { refusal } }
            }
            HoursTable.render(context, m.overview, weekStart: m.weekStart)
            if m.canRecord {
                el("h2", ["id": "record"]) {
                    m.correcting == nil
                        ? t(.recordHours) : t(.correctEntry, DateText.text(iso: m.correcting!.date, t.locale))
                }
                el("form", ["method": "post", "action": base, "novalidate": ""]) {
                    Form.csrf(context)
                    Form.errorSummary(context, m.errors)
                    if let original = m.correcting {
                        el("input", ["type": "hidden", "name": "corrects", "value": original.id.uuidString])
                    }
                    Form.input(
                        context, label: t(.date), name: "date", value: v["date"] ?? "", type: "date", errors: m.errors,
                        required: true)
                    Form.select(
                        context, label: t(.activity), name: "activity", options: Form.options(ActivityType.self, t),
                        selected: v["activity"], errors: m.errors, required: true)
                    Form.input(
                        context, label: t(.hours), name: "hours", value: v["hours"] ?? "", errors: m.errors,
                        required: true, hint: t(.hoursHint))
                    Form.select(
                        context, label: t(.attendanceLabel), name: "attendance",
                        options: Form.options(Attendance.self, t), selected: v["attendance"] ?? "present",
                        errors: m.errors)
                    Form.input(
                        context, label: t(.place), name: "place", value: v["place"] ?? "", errors: m.errors,
                        required: true, hint: t(.placeHint))
                    Form.input(context, label: t(.note), name: "note", value: v["note"] ?? "", errors: m.errors)
                    el("div", ["class": "actions"]) {
                        Form.submit(t(.submitForApproval), name: "action", value: "submit")
                        Form.submit(t(.saveAsDraft), name: "action", value: "draft", secondary: true)
                    }
                }
            }
            el("h2") { t(.ledgerTitle) }
            LedgerTable.render(
                context, m.entries.items, enrolmentID: m.enrolmentID, canRecord: m.canRecord,
                canApprove: m.canApprove, showParticipant: false)
            Widgets.pagination(context, m.entries, path: base, query: "")
        }
    }
}

public enum LedgerTable {
    /// `enrolmentID` is the participant whose hours page shows the ledger; nil on the approvals
    /// page, where a line moves by its own path.
    public static func render(
        _ context: PageContext, _ rows: [LedgerRow], enrolmentID: UUID?, canRecord: Bool, canApprove: Bool,
        showParticipant: Bool
    ) -> HTMLNode {
        let t = context.t
        var headers = [t(.date), t(.activity), t(.hours), t(.attendanceLabel), t(.place), t(.status), ""]
        if showParticipant { headers.insert(t(.name), at: 0) }
        return Widgets.table(
            caption: t(.ledgerTitle), headers: headers,
            rows: rows.map { row in
                var cells: [HTMLNode] = [
                    DateText.node(iso: row.date, t.locale), .text(t.label(row.activity)), t.figure(row.hours),
                    .text(t.label(row.attendance)), .text(row.place + (row.note.isEmpty ? "" : " — " + row.note)),
                    fragment {
                        Widgets.badge(row.superseded ? t(.superseded) : t.label(row.status), kind: row.status.rawValue)
                        if let reason = row.rejectionReason { el("span", ["class": "detail"]) { " " + reason } }
                        if let date = row.correctsDate {
                            el("span", ["class": "detail"]) {
                                " " + t(.correctionOf, DateText.text(iso: date, t.locale))
                            }
                        }
                    },
                    actions(context, row, enrolmentID: enrolmentID, canRecord: canRecord, canApprove: canApprove),
                ]
                if showParticipant { cells.insert(.text(row.participant ?? ""), at: 0) }
                return cells
            },
            empty: t(.noEntries))
    }

    static func actions(
        _ context: PageContext, _ row: LedgerRow, enrolmentID: UUID?, canRecord: Bool, canApprove: Bool
    ) -> HTMLNode {
        let t = context.t
        let submit = enrolmentID.map { Paths.participantHoursEntrySubmit($0, row.id) } ?? Paths.hoursEntrySubmit(row.id)
        let approve =
            enrolmentID.map { Paths.participantHoursEntryApprove($0, row.id) } ?? Paths.hoursEntryApprove(row.id)
        let reject = enrolmentID.map { Paths.participantHoursEntryReject($0, row.id) } ?? Paths.hoursEntryReject(row.id)
        return fragment {
            if canRecord && (row.status == .draft || row.status == .rejected) {
                el("form", ["method": "post", "action": submit, "class": "inline"]) {
                    Form.csrf(context)
                    Form.submit(t(.submit), secondary: true)
                }
            }
            if canApprove && row.status == .submitted {
                el("form", ["method": "post", "action": approve, "class": "inline"]) {
                    Form.csrf(context)
                    Form.submit(t(.approve), secondary: true)
                }
                el("form", ["method": "post", "action": reject, "class": "inline reject"]) {
                    Form.csrf(context)
                    Form.input(context, label: t(.rejectionReason), name: "reason", scope: row.id.uuidString)
                    Form.submit(t(.reject), secondary: true)
                }
            }
            if canRecord && row.status == .approved && !row.superseded, let enrolmentID {
                el("a", ["href": Paths.participantHours(enrolmentID) + "?corrects=\(row.id.uuidString)#record"]) {
                    t(.correct)
                }
            }
        }
    }
}

/// One intern's week on the supervisor's sign-off: planned against recorded, exceptions.
public struct SignOffCard: Sendable {
    public var enrolmentID: UUID
    public var name: String
    public var planned: Double
    public var recorded: Double
    public var ill: Double
    public var absent: Double
    /// Planned days that have passed without any line.
    public var missingDays: [SimpleDate]
    public var submitted: Int
    public var approved: Int
    public var rejected: Int

    public init(
        enrolmentID: UUID, name: String, planned: Double, recorded: Double, ill: Double, absent: Double,
        missingDays: [SimpleDate], submitted: Int, approved: Int, rejected: Int
    ) {
        self.enrolmentID = enrolmentID
        self.name = name
        self.planned = planned
        self.recorded = recorded
        self.ill = ill
        self.absent = absent
        self.missingDays = missingDays
        self.submitted = submitted
        self.approved = approved
        self.rejected = rejected
    }

    public var hasExceptions: Bool { ill > 0 || absent > 0 || !missingDays.isEmpty }
}

public struct ApprovalsModel: Sendable {
    public var weekStart: String
    public var previousWeek: String
    public var nextWeek: String?
    public var rows: [LedgerRow]
    public var cards: [SignOffCard]
    public var refusal: String?
    /// The intern whose rejection lacked a reason, with that error.
    public var rejectErrors: (enrolmentID: UUID, errors: [FieldError])?

    public init(
        weekStart: String, previousWeek: String, nextWeek: String?, rows: [LedgerRow], cards: [SignOffCard] = [],
        refusal: String?, rejectErrors: (enrolmentID: UUID, errors: [FieldError])? = nil
    ) {
        self.weekStart = weekStart
        self.previousWeek = previousWeek
        self.nextWeek = nextWeek
        self.rows = rows
        self.cards = cards
        self.refusal = refusal
        self.rejectErrors = rejectErrors
    }
}

/// A supervisor's or teacher's week: every submitted line of their participants, approved
/// one by one or all at once.
public enum ApprovalsPage {
    public static func render(_ context: PageContext, _ m: ApprovalsModel) -> String {
        let t = context.t
        let submitted = m.rows.filter { $0.status == .submitted }
        return Layout.page(context, title: t(.approvalsTitle, DateText.text(iso: m.weekStart, t.locale))) {
            el("nav", ["class": "pagination", "aria-label": t(.weekNavigation)]) {
                el("a", ["href": Paths.hoursApprovals() + "?week=\(m.previousWeek)", "rel": "prev"]) {
                    t(.previousWeek)
                }
                if let next = m.nextWeek {
                    el("a", ["href": Paths.hoursApprovals() + "?week=\(next)", "rel": "next"]) { t(.nextWeek) }
                }
            }
            if let refusal = m.refusal {
                el("div", ["class": "error-summary", "role": "alert"]) { el("p") { refusal } }
            }
            if !m.cards.isEmpty { SignOffCards.render(context, m) }
            if !submitted.isEmpty {
                // All at once only after the totals and a confirmation (`BulkApprovalPage`).
                el("form", ["method": "get", "action": Paths.hoursApprovalsConfirm(), "class": "action"]) {
                    el("input", ["type": "hidden", "name": "week", "value": m.weekStart])
                    Form.submit(t(.approveWeek, String(submitted.count)))
                }
            }
            el("h2") { t(.signOffAllLines) }
            LedgerTable.render(
                context, m.rows, enrolmentID: nil, canRecord: false, canApprove: true, showParticipant: true)
        }
    }
}

/// One card per intern: usable on a phone, one decision per intern and week.
enum SignOffCards {
    static func render(_ context: PageContext, _ m: ApprovalsModel) -> HTMLNode {
        let t = context.t
        return el("section", ["aria-labelledby": "sign-off"]) {
            el("h2", ["id": "sign-off"]) { t(.signOffTitle) }
            el("ul", ["class": "cards"]) {
                for card in m.cards {
                    let id = card.enrolmentID.uuidString
                    let errors = m.rejectErrors?.enrolmentID == card.enrolmentID ? m.rejectErrors?.errors ?? [] : []
                    el("li", ["class": card.hasExceptions ? "card exceptions" : "card", "id": "intern-\(id)"]) {
                        el("h3") { card.name }
                        el("p") {
                            t(.signOffPlannedRecorded, t.number(card.planned), t.number(card.recorded))
                        }
                        if card.hasExceptions {
                            el("ul", ["class": "exceptions"]) {
                                if card.ill > 0 { el("li") { t(.signOffIll, t.number(card.ill)) } }
                                if card.absent > 0 { el("li") { t(.signOffAbsent, t.number(card.absent)) } }
                                if !card.missingDays.isEmpty {
                                    el("li") {
                                        t(
                                            .signOffMissing,
                                            card.missingDays.map {
                                                t.label($0.weekday) + " " + DateText.text($0, t.locale)
                                            }
                                            .joined(separator: ", "))
                                    }
                                }
                            }
                        }
                        el("p", ["class": "muted"]) {
                            t(.signOffCounts, String(card.submitted), String(card.approved), String(card.rejected))
                        }
                        if card.submitted > 0 {
                            el("div", ["class": "actions"]) {
                                el("form", ["method": "post", "action": Paths.hoursApprovalsIntern(card.enrolmentID)]) {
                                    Form.csrf(context)
                                    el("input", ["type": "hidden", "name": "week", "value": m.weekStart])
                                    el("button", ["type": "submit", "aria-label": t(.signOffApproveFor, card.name)]) {
                                        t(.signOffApprove)
                                    }
                                }
                                el("details", ["open": errors.isEmpty ? nil : ""]) {
                                    el("summary", ["class": "button secondary"]) { t(.reject) }
                                    el(
                                        "form",
                                        [
                                            "method": "post",
                                            "action": Paths.hoursApprovalsInternReject(card.enrolmentID),
                                        ]
                                    ) {
                                        Form.csrf(context)
                                        Form.errorSummary(context, errors, scope: id)
                                        el("input", ["type": "hidden", "name": "week", "value": m.weekStart])
                                        Form.textarea(
                                            context, label: t(.rejectionReason), name: "reason", errors: errors,
                                            required: true, scope: id)
                                        el("button", ["type": "submit", "aria-label": t(.signOffRejectFor, card.name)])
                                        {
                                            t(.signOffReject)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The confirmation before approving every submitted line of a week at once: the totals per
/// intern, and what approving means (approved hours are final).
public enum BulkApprovalPage {
    public static func render(_ context: PageContext, weekStart: String, cards: [SignOffCard]) -> String {
        let t = context.t
        let pending = cards.filter { $0.submitted > 0 }
        let lines = pending.map(\.submitted).reduce(0, +)
        return Layout.page(context, title: t(.bulkApprovalTitle, DateText.text(iso: weekStart, t.locale))) {
            el("p") { t(.bulkApprovalExplain, String(lines), String(pending.count)) }
            Widgets.table(
                caption: t(.signOffTitle),
                headers: [t(.name), t(.signOffPlannedHeader), t(.signOffRecordedHeader), t(.signOffLinesHeader)],
                rows: pending.map {
                    [
                        .text($0.name), t.figure($0.planned), t.figure($0.recorded),
                        t.figure($0.submitted),
                    ]
                }, empty: t(.signOffNothing))
            el("div", ["class": "actions"]) {
                el("form", ["method": "post", "action": Paths.hoursApprovals(), "class": "inline"]) {
                    Form.csrf(context)
                    el("input", ["type": "hidden", "name": "week", "value": weekStart])
                    Form.submit(t(.bulkApprovalConfirm, String(lines)))
                }
                el("a", ["href": Paths.hoursApprovals() + "?week=\(weekStart)"]) { t(.back) }
            }
        }
    }
}
