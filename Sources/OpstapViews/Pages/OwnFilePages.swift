import Foundation
import OpstapDomain

/// A participant's own pages (ADR 0015): their week, hours, route, team and who read their
/// file. Short sentences (B1), one column, every text from the catalogue.
public enum OwnFilePages {
    public static func week(_ context: PageContext, _ model: OwnWeekModel) -> String {
        let t = context.t
        let path = Paths.ownWeek() + "?week=\(model.weekStart.iso)"
        return ParticipantLayout.page(context, title: t(.meWeekTitle), tab: .week, returnPath: path) {
            el("p") { t(.meHello, model.givenName) }
            weekPager(context, weekStart: model.weekStart, today: model.today, base: Paths.ownWeek())
            for day in model.days {
                let isToday = day.date == model.today
                el("section", ["class": isToday ? "card today" : "card", "aria-labelledby": "d-\(day.date.iso)"]) {
                    el("h2", ["id": "d-\(day.date.iso)"]) {
                        (isToday ? t(.meToday) + " · " : "") + dayName(day.date, t)
                    }
                    switch day.kind {
                    case .holiday: el("p", ["class": "muted"]) { t(.meHoliday) }
                    case .paused: el("p", ["class": "muted"]) { t(.mePaused) }
                    case .free: el("p", ["class": "muted"]) { t(.meNothingPlanned) }
                    case .planned:
                        el("ul", ["class": "plain"]) {
                            for item in day.activities {
                                el("li") {
                                    el("strong") { t.label(item.activity) }
                                    " · " + t(.mePlannedHours, t.number(item.hours))
                                    if let place = item.place {
                                        el("br")
                                        t(.mePlace) + ": " + place + (item.address.map { ", " + $0 } ?? "")
                                    }
                                    if let supervisor = item.supervisor {
                                        el("br")
                                        t(.meSupervisorAt, supervisor)
                                    }
                                }
                            }
                        }
                    }
                }
            }
            el("p") { el("a", ["href": Paths.ownCalendar(), "download": ""]) { t(.meCalendar) } }
        }
    }

    public static func hours(_ context: PageContext, _ model: OwnHoursModel) -> String {
        let t = context.t
        let path = Paths.ownHours() + "?week=\(model.weekStart.iso)"
        let form = model.form
        let editing = form.editing.flatMap { id in model.lines.first { $0.id == id } }
        return ParticipantLayout.page(context, title: t(.meHoursTitle), tab: .hours, returnPath: path) {
            Form.errorSummary(context, form.errors, heading: .meErrorSummary)
            el("p") { t(.meHoursIntro) }
            weekPager(context, weekStart: model.weekStart, today: model.today, base: Paths.ownHours())
            if model.lines.isEmpty {
                el("p", ["class": "muted"]) { t(.meNoHours) }
            }
            for line in model.lines {
                el("article", ["class": "card", "id": "line-\(line.id.uuidString)"]) {
                    el("h2") { dayName(line.date, t) }
                    el("p") {
                        el("strong") { t.label(line.activity) }
                        " · " + t(.meHoursOf, t.number(line.hours)) + " · " + t.label(line.attendance)
                        el("br")
                        line.place
                        if !line.note.isEmpty {
                            el("br")
                            el("span", ["class": "muted"]) { line.note }
                        }
                    }
                    el("p") {
                        el("span", ["class": "status \(line.status.rawValue)"]) { t.label(line.status) }
                        if !line.recordedBySelf { " " + t(.meHoursRecordedBy) }
                    }
                    if line.status == .rejected, let reason = line.rejectionReason {
                        el("p", ["class": "field-error"]) { t(.meRejectedBecause, reason) }
                        el("p") { t(.meFixAndResend) }
                    }
                    if line.editable {
                        el("p") {
                            el("a", ["class": "button secondary", "href": Paths.ownHoursEntry(line.id)]) {
                                t(.meChange)
                            }
                        }
                    }
                }
            }
            el("p") { el("strong") { t(.meWeekTotal, t.number(model.total)) } }
            el("p") { t(.meApprovedTotal, t.number(model.approved)) }
            if model.submittable {
                el("form", ["method": "post", "action": Paths.ownHoursWeek()]) {
                    Form.csrf(context)
                    el("input", ["type": "hidden", "name": "week", "value": model.weekStart.iso])
                    el("p", ["class": "hint", "id": "submit-hint"]) { t(.meSubmitHint) }
                    el("button", ["type": "submit", "aria-describedby": "submit-hint"]) { t(.meSubmitWeek) }
                }
            }
            if !model.recordableDays.isEmpty || editing != nil {
                hourForm(context, model, editing: editing)
            }
        }
    }

    static func hourForm(_ context: PageContext, _ model: OwnHoursModel, editing: OwnHourLine?) -> HTMLNode {
        let t = context.t
        let form = model.form
        let values = form.values
        func value(_ name: String, _ fallback: String) -> String { values[name] ?? fallback }
        let days = editing.map { [$0.date] } ?? model.recordableDays
        let action = editing.map { Paths.ownHoursEntry($0.id) } ?? Paths.ownHours()
        return el("section", ["class": "card", "aria-labelledby": "hour-form"]) {
            el("h2", ["id": "hour-form"]) { editing == nil ? t(.meAddHours) : t(.meChangeTitle) }
            el("form", ["method": "post", "action": action]) {
                Form.csrf(context)
                el("input", ["type": "hidden", "name": "week", "value": model.weekStart.iso])
                Form.select(
                    context, label: t(.meDay), name: "date",
                    options: days.reversed().map { ($0.iso, dayName($0, t)) },
                    selected: value("date", editing?.date.iso ?? model.recordableDays.last?.iso ?? ""),
                    errors: form.errors, required: true)
                Form.select(
                    context, label: t(.meWhat), name: "activity", options: Form.options(ActivityType.self, t),
                    selected: value("activity", editing?.activity.rawValue ?? ActivityType.practice.rawValue),
                    errors: form.errors, required: true)
                Form.input(
                    context, label: t(.meHowManyHours), name: "hours",
                    value: value("hours", editing.map { t.number($0.hours) } ?? ""), errors: form.errors,
                    required: true, hint: t(.meHoursHint))
                Form.select(
                    context, label: t(.meWereYouThere), name: "attendance", options: Form.options(Attendance.self, t),
                    selected: value("attendance", editing?.attendance.rawValue ?? Attendance.present.rawValue),
                    errors: form.errors, required: true)
                Form.input(
                    context, label: t(.meWhere), name: "place",
                    value: value("place", editing?.place ?? model.places.first ?? ""), errors: form.errors,
                    required: true)
                Form.textarea(
                    context, label: t(.meReason), name: "note", value: value("note", editing?.note ?? ""),
                    errors: form.errors)
                el("div", ["class": "actions"]) {
                    Form.submit(t(.meSave))
                    if editing != nil {
                        el(
                            "a",
                            ["class": "button secondary", "href": Paths.ownHours() + "?week=\(model.weekStart.iso)"]
                        ) {
                            t(.meCancel)
                        }
                    }
                }
            }
        }
    }

    public static func route(_ context: PageContext, _ model: OwnRouteModel) -> String {
        let t = context.t
        return ParticipantLayout.page(context, title: t(.meRouteTitle), tab: .route, returnPath: Paths.ownRoute()) {
            Form.errorSummary(context, model.reflectionErrors, heading: .meErrorSummary)
            el("section", ["class": "card", "aria-labelledby": "phases"]) {
                el("h2", ["id": "phases"]) { t(.mePhases) }
                el("ol") {
                    for phase in model.phases {
                        el("li") {
                            el("strong") { phase.name }
                            " · "
                            switch phase.progress {
                            case .done: t(.mePhaseDone)
                            case .now: t(.mePhaseNow)
                            case .later: t(.mePhaseLater)
                            }
                            if let from = phase.from {
                                el("br")
                                el("span", ["class": "muted"]) {
                                    t(
                                        .mePhaseDates, DateText.text(from, t.locale),
                                        phase.until.map { DateText.text($0, t.locale) } ?? "…")
                                }
                            }
                        }
                    }
                }
            }
            el("section", ["class": "card", "aria-labelledby": "review"]) {
                el("h2", ["id": "review"]) { t(.meNextReview) }
                if let review = model.review {
                    el("p") {
                        t(.meReviewOn, DateText.text(review.plannedOn, t.locale)) + " · " + t.label(review.status)
                    }
                    if review.open {
                        el("form", ["method": "post", "action": Paths.ownReviewReflection(review.id)]) {
                            Form.csrf(context)
                            el("p", ["class": "hint"]) { t(.meReflectionHint) }
                            Form.textarea(
                                context, label: t(.meReflection), name: "reflection", value: review.reflection,
                                errors: model.reflectionErrors)
                            Form.submit(t(.meReflectionSave))
                        }
                    } else {
                        if !review.reflection.isEmpty { el("blockquote") { review.reflection } }
                        el("p", ["class": "muted"]) { t(.meReflectionClosed) }
                    }
                } else {
                    el("p", ["class": "muted"]) { t(.meNoReview) }
                }
            }
            el("section", ["class": "card", "aria-labelledby": "goals"]) {
                el("h2", ["id": "goals"]) { t(.meGoals) }
                if model.goals.isEmpty { el("p", ["class": "muted"]) { t(.meNoGoals) } }
                el("ul", ["class": "plain"]) {
                    for goal in model.goals {
                        el("li") {
                            el("strong") { goal.text }
                            el("br")
                            t.label(goal.status)
                            if let target = goal.targetOn { " · " + t(.meGoalTarget, DateText.text(target, t.locale)) }
                        }
                    }
                }
            }
            el("section", ["class": "card", "aria-labelledby": "school"]) {
                el("h2", ["id": "school"]) { t(.meSchool) }
                if model.qualifications.isEmpty { el("p", ["class": "muted"]) { t(.meNoSchool) } }
                for qualification in model.qualifications {
                    el("p") {
                        el("strong") { qualification.name }
                        " · " + t.label(qualification.status)
                    }
                    el("ul", ["class": "plain"]) {
                        for exam in qualification.exams {
                            el("li") {
                                if let day = exam.on {
                                    t(.meExamOn, exam.subject, t.label(exam.result), DateText.text(day, t.locale))
                                } else {
                                    // No day yet: no dangling "on".
                                    exam.subject + ": " + t.label(exam.result)
                                }
                            }
                        }
                    }
                }
            }
            el("section", ["class": "card", "aria-labelledby": "home"]) {
                el("h2", ["id": "home"]) { t(.meHome) }
                if let home = model.home {
                    el("p") { t(.meHomeNow, home) }
                } else if let step = model.nextHousingStep {
                    el("p") { t(.meHomeStep, t.label(step)) }
                } else {
                    el("p", ["class": "muted"]) { t(.meHomeNone) }
                }
            }
            el("section", ["class": "card", "aria-labelledby": "civic"]) {
                el("h2", ["id": "civic"]) { t(.meCivic) }
                el("p") {
                    model.civicDeadline.map { t(.meCivicDeadline, DateText.text($0, t.locale)) } ?? t(.meCivicNone)
                }
            }
            el("section", ["class": "card", "aria-labelledby": "messages"]) {
                el("h2", ["id": "messages"]) { t(.meMessages) }
                if model.messages.isEmpty { el("p", ["class": "muted"]) { t(.meNoMessages) } }
                for message in model.messages {
                    el("article") {
                        el("p", ["class": "muted"]) {
                            DateText.timestamp(message.at, t.locale) + " · " + message.author
                        }
                        el("p") { message.text }
                    }
                }
            }
        }
    }

    public static func team(_ context: PageContext, _ members: [OwnTeamMember]) -> String {
        let t = context.t
        return ParticipantLayout.page(context, title: t(.meTeamTitle), tab: .team, returnPath: Paths.ownTeam()) {
            if members.isEmpty {
                el("p", ["class": "muted"]) { t(.meNoTeam) }
            } else {
                el("p") { t(.meTeamIntro) }
            }
            for member in members {
                el("section", ["class": "card"]) {
                    el("h2") { member.name }
                    el("p", ["class": "muted"]) { t.label(member.role) }
                    el("div", ["class": "actions"]) {
                        if let phone = member.phone {
                            el("a", ["class": "button", "href": "tel:" + phone.filter { $0 == "+" || $0.isNumber }]) {
                                t(.meCall, phone)
                            }
                        }
                        if let email = member.email {
                            el("a", ["class": "button secondary", "href": "mailto:" + email]) { t(.meMail, email) }
                        }
                    }
                }
            }
        }
    }

    public static func access(_ context: PageContext, _ rows: ResultPage<OwnAccessRow>) -> String {
        let t = context.t
        return ParticipantLayout.page(context, title: t(.meAccessTitle), tab: .access, returnPath: Paths.ownAccess()) {
            el("p") { t(.meAccessIntro) }
            if rows.items.isEmpty { el("p", ["class": "muted"]) { t(.meAccessNone) } }
            el("ul", ["class": "plain"]) {
                for row in rows.items {
                    el("li", ["class": "card"]) {
                        el("p", ["class": "muted"]) { DateText.timestamp(row.at, t.locale) }
                        el("p") {
                            t(
                                .meAccessEntry, row.organisation, row.roles.map { t.label($0) }.joined(separator: ", "),
                                t.accessView(row.view, throughAPI: .meAccessThroughAPI))
                        }
                    }
                }
            }
            if rows.pageCount > 1 {
                el("nav", ["class": "pager", "aria-label": t(.meMore)]) {
                    if rows.number > 1 {
                        el("a", ["href": Paths.ownAccess() + "?page=\(rows.number - 1)"]) { "‹ \(rows.number - 1)" }
                    }
                    el("span") { "\(rows.number) / \(rows.pageCount)" }
                    if rows.number < rows.pageCount {
                        el("a", ["href": Paths.ownAccess() + "?page=\(rows.number + 1)"]) { "\(rows.number + 1) ›" }
                    }
                }
            }
        }
    }

    static func dayName(_ date: SimpleDate, _ t: Translator) -> String {
        t.label(date.weekday) + " " + DateText.text(date, t.locale)
    }

    static func weekPager(_ context: PageContext, weekStart: SimpleDate, today: SimpleDate, base: String) -> HTMLNode {
        let t = context.t
        return fragment {
            el("p", ["class": "muted"]) {
                t(.meWeekOf, DateText.text(weekStart, t.locale), DateText.text(weekStart.adding(days: 6), t.locale))
            }
            el("nav", ["class": "pager", "aria-label": t(.meWeekTitle)]) {
                el("a", ["href": "\(base)?week=\(weekStart.adding(days: -7).iso)"]) { t(.mePreviousWeek) }
                if weekStart != today.startOfWeek { el("a", ["href": base]) { t(.meThisWeekLink) } }
                el("a", ["href": "\(base)?week=\(weekStart.adding(days: 7).iso)"]) { t(.meNextWeek) }
            }
        }
    }
}
