import Foundation
import OpstapDomain

extension Array where Element == Choice {
    var options: [(value: String, label: String)] { map { ($0.value, $0.label) } }
}

/// A participant's way to a home, a qualification and a job: housing route and tenancy,
/// qualifications and exams, internship wishes, fit interviews and job offers with the
/// guarantee check, and the follow-up after leaving. Each form reports its own errors.
public enum PathwayPage {
    public static func render(_ context: PageContext, _ m: PathwayModel) -> String {
        let t = context.t
        return Layout.page(context, title: t(.pathwayTitle, m.participant)) {
            el("p") { Widgets.link(t(.backToDossier), m.dossierHref) }
            if let refusal = m.refusal {
                el("div", ["class": "error-summary", "role": "alert"]) { el("p") { refusal } }
            }
            housing(context, m)
            qualifications(context, m)
            job(context, m)
            followUp(context, m)
        }
    }

    /// Errors and values belong to the form that was sent; other forms start clean.
    static func state(_ m: PathwayModel, _ form: String) -> (values: [String: String], errors: [FieldError]) {
        m.form == form ? (m.values, m.errors) : ([:], [])
    }

    /// `scope` is the prefix the form's fields use, so the error summary links to them.
    static func form(
        _ context: PageContext, action: String, id: String, errors: [FieldError], scope: String? = nil,
        @HTMLBuilder content: () -> [HTMLNode]
    ) -> HTMLNode {
        el("form", ["method": "post", "action": action, "novalidate": "", "id": id, "class": "stacked"]) {
            Form.csrf(context)
            Form.errorSummary(context, errors, scope: scope ?? id.replacingOccurrences(of: "-form", with: ""))
            content()
        }
    }

    // MARK: Housing

    static func housing(_ context: PageContext, _ m: PathwayModel) -> HTMLNode {
        let t = context.t
        let h = m.housing
        return el("section", ["aria-labelledby": "housing-title"]) {
            el("h2", ["id": "housing-title"]) { t(.housingTitle) }
            Widgets.facts([(t(.housed), h.housed ? t(.yes) : t(.no))])
            if h.visible {
                Widgets.facts([
                    (t(.housingRoute), h.route.map(t.label)),
                    (t(.routeChosenOn), h.routeChosenOn.map { DateText.text(iso: $0, t.locale) }),
                ])
                if h.route != nil {
                    Widgets.table(
                        caption: t(.housingStepsCaption), headers: [t(.step), t(.date), t(.recordedBy), t(.note)],
                        rows: h.steps.map { row in
                            [
                                .text(t.label(row.step)),
                                row.doneOn.map { DateText.node(iso: $0, t.locale) } ?? .text(t(.notYet)),
                                .text(row.recordedBy ?? ""), .text(row.note),
                            ]
                        }, empty: "")
                }
                Widgets.table(
                    caption: t(.tenanciesCaption), headers: [t(.unit), t(.complex), t(.startsOn), t(.endsOn)],
                    rows: h.tenancies.map { row in
                        [
                            .text(row.unit), .text(row.complex), DateText.node(iso: row.startsOn, t.locale),
                            .text(
                                row.endsOn.map {
                                    DateText.text(iso: $0, t.locale)
                                        + (row.endReason == "withdrawal" ? " (" + t(.endedByWithdrawal) + ")" : "")
                                } ?? ""),
                        ]
                    }, empty: t(.noTenancies))
                if h.canManage && !m.terminal {
                    if h.steps.allSatisfy({ $0.doneOn == nil }) {
                        let s = state(m, "route")
                        form(
                            context, action: Paths.participantHousingRoute(m.enrolmentID), id: "route-form",
                            errors: s.errors
                        ) {
                            el("h3") { t(.chooseHousingRoute) }
                            Form.select(
                                context, label: t(.housingRoute), name: "route",
                                options: Form.options(HousingRoute.self, t),
                                selected: s.values["route"] ?? h.route?.rawValue,
                                errors: s.errors, scope: "route")
                            Form.input(
                                context, label: t(.routeChosenOn), name: "chosenOn",
                                value: s.values["chosenOn"] ?? m.today, type: "date", errors: s.errors, scope: "route")
                            Form.submit(t(.save))
                        }
                    }
                    if let next = h.nextStep {
                        let s = state(m, "step")
                        form(
                            context, action: Paths.participantHousingSteps(m.enrolmentID), id: "step-form",
                            errors: s.errors
                        ) {
                            el("h3") { t(.recordStep, t.label(next)) }
                            el("input", ["type": "hidden", "name": "step", "value": next.rawValue])
                            Form.input(
                                context, label: t(.date), name: "doneOn", value: s.values["doneOn"] ?? m.today,
                                type: "date", errors: s.errors, scope: "step")
                            Form.input(
                                context, label: t(.note), name: "note", value: s.values["note"] ?? "", errors: s.errors,
                                scope: "step")
                            Form.submit(t(.recordStepButton))
                        }
                    }
                    if h.route != nil && h.route != .alreadyHoused && !h.units.isEmpty {
                        let s = state(m, "tenancy")
                        form(
                            context, action: Paths.participantHousingTenancies(m.enrolmentID), id: "tenancy-form",
                            errors: s.errors
                        ) {
                            el("h3") { t(.allocateUnit) }
                            Form.select(
                                context, label: t(.unit), name: "unitId", options: h.units.options,
                                selected: s.values["unitId"], errors: s.errors, scope: "tenancy")
                            Form.input(
                                context, label: t(.tenancyStart), name: "startsOn",
                                value: s.values["startsOn"] ?? m.today, type: "date", errors: s.errors, scope: "tenancy"
                            )
                            Form.input(
                                context, label: t(.tenancyEnd), name: "endsOn", value: s.values["endsOn"] ?? "",
                                type: "date", errors: s.errors, hint: t(.tenancyEndHint), scope: "tenancy")
                            Form.submit(t(.allocateUnit))
                        }
                    }
                }
            }
        }
    }

    // MARK: Qualifications

    static func qualifications(_ context: PageContext, _ m: PathwayModel) -> HTMLNode {
        let t = context.t
        let q = m.qualifications
        return el("section", ["aria-labelledby": "qualifications-title"]) {
            el("h2", ["id": "qualifications-title"]) { t(.qualificationsTitle) }
            if q.rows.isEmpty { el("p", ["class": "empty"]) { t(.noQualifications) } }
            for row in q.rows {
                el("article", ["class": "card", "id": "qualification-\(row.id.uuidString)"]) {
                    el("h3") { row.name + (row.crebo.map { " (crebo \($0))" } ?? "") }
                    Widgets.facts([
                        (t(.level), t.label(row.level)), (t(.startsOn), DateText.text(iso: row.startedOn, t.locale)),
                        (
                            t(.status),
                            t.label(row.status) + (row.concludedOn.map { " " + DateText.text(iso: $0, t.locale) } ?? "")
                        ),
                    ])
                    Widgets.table(
                        caption: t(.examsCaption), headers: [t(.subject), t(.date), t(.result)],
                        rows: row.exams.map {
                            [
                                .text($0.subject), DateText.node(iso: $0.takenOn, t.locale),
                                Widgets.badge(
                                    t.label($0.result),
                                    kind: $0.result == .failed
                                        ? "rejected" : $0.result == .passed ? "completed" : "warning"),
                            ]
                        }, empty: t(.noExams))
                    if q.canManage && row.status == .inProgress {
                        let examState = state(m, "exam-\(row.id.uuidString)")
                        form(
                            context, action: Paths.participantQualificationExams(m.enrolmentID, row.id),
                            id: "exam-\(row.id.uuidString)", errors: examState.errors
                        ) {
                            el("h4") { t(.recordExam) }
                            Form.input(
                                context, label: t(.subject), name: "subject", value: examState.values["subject"] ?? "",
                                errors: examState.errors, scope: "exam-\(row.id.uuidString)")
                            Form.input(
                                context, label: t(.date), name: "takenOn",
                                value: examState.values["takenOn"] ?? m.today, type: "date", errors: examState.errors,
                                scope: "exam-\(row.id.uuidString)")
                            Form.select(
                                context, label: t(.result), name: "result", options: Form.options(ExamResult.self, t),
                                selected: examState.values["result"], errors: examState.errors,
                                scope: "exam-\(row.id.uuidString)")
                            Form.submit(t(.recordExam))
                        }
                        let endState = state(m, "conclude-\(row.id.uuidString)")
                        form(
                            context, action: Paths.participantQualificationConclude(m.enrolmentID, row.id),
                            id: "conclude-\(row.id.uuidString)", errors: endState.errors
                        ) {
                            el("h4") { t(.concludeQualification) }
                            Form.select(
                                context, label: t(.status), name: "status",
                                options: [QualificationStatus.awarded, .stopped].map { ($0.rawValue, t.label($0)) },
                                selected: endState.values["status"], errors: endState.errors, includeEmpty: true,
                                required: true, scope: "conclude-\(row.id.uuidString)")
                            Form.input(
                                context, label: t(.date), name: "concludedOn",
                                value: endState.values["concludedOn"] ?? m.today, type: "date", errors: endState.errors,
                                scope: "conclude-\(row.id.uuidString)")
                            Form.submit(t(.save))
                        }
                    }
                }
            }
            if q.canManage && !m.terminal {
                let s = state(m, "qualification")
                form(
                    context, action: Paths.participantQualifications(m.enrolmentID), id: "qualification-form",
                    errors: s.errors
                ) {
                    el("h3") { t(.startQualification) }
                    Form.select(
                        context, label: t(.qualification), name: "qualificationId", options: q.choices.options,
                        selected: s.values["qualificationId"], errors: s.errors, scope: "qualification")
                    Form.input(
                        context, label: t(.startsOn), name: "startedOn", value: s.values["startedOn"] ?? m.today,
                        type: "date", errors: s.errors, scope: "qualification")
                    Form.submit(t(.startQualification))
                }
            }
        }
    }

    // MARK: Job

    static func job(_ context: PageContext, _ m: PathwayModel) -> HTMLNode {
        let t = context.t
        let j = m.job
        return el("section", ["aria-labelledby": "job-title"]) {
            el("h2", ["id": "job-title"]) { t(.jobTitle) }
            el("p") { j.guaranteeHours.map { t(.guaranteeIs, t.number($0)) } ?? t(.noGuarantee) }
            el("h3") { t(.placementWishes) }
            if j.preferences.isEmpty {
                el("p", ["class": "empty"]) { t(.noWishes) }
            } else {
                el("ol") { for name in j.preferences { el("li") { name } } }
            }
            if j.canSetPreferences && !m.terminal {
                let s = state(m, "preferences")
                form(
                    context, action: Paths.participantPreferences(m.enrolmentID), id: "preferences-form",
                    errors: s.errors
                ) {
                    for rank in 1...3 {
                        Form.select(
                            context, label: t(.wishRank, String(rank)), name: "rank\(rank)",
                            options: j.locationChoices.options, selected: s.values["rank\(rank)"],
                            errors: s.errors, includeEmpty: true, scope: "preferences")
                    }
                    Form.submit(t(.saveWishes))
                }
            }
            el("h3") { t(.fitInterviews) }
            Widgets.table(
                caption: t(.fitInterviews), headers: [t(.employer), t(.date), t(.result), t(.note)],
                rows: j.interviews.map { row in
                    [
                        .text(row.employer),
                        .text(
                            DateText.text(iso: row.plannedOn, t.locale)
                                + (row.plannedTime.isEmpty ? "" : " " + row.plannedTime)),
                        row.result == .planned && row.mayRecord && j.canManage
                            ? resultForm(context, m, row) : .text(t.label(row.result)), .text(row.note),
                    ]
                }, empty: t(.noInterviews))
            if j.canManage && !m.terminal && !j.employers.isEmpty {
                let s = state(m, "interview")
                form(
                    context, action: Paths.participantInterviews(m.enrolmentID), id: "interview-form", errors: s.errors
                ) {
                    el("h4") { t(.planInterview) }
                    Form.select(
                        context, label: t(.employer), name: "employerId", options: j.employers.options,
                        selected: s.values["employerId"], errors: s.errors, scope: "interview")
                    Form.input(
                        context, label: t(.date), name: "plannedOn", value: s.values["plannedOn"] ?? "", type: "date",
                        errors: s.errors, scope: "interview")
                    Form.input(
                        context, label: t(.time), name: "plannedTime", value: s.values["plannedTime"] ?? "",
                        type: "time", errors: s.errors, scope: "interview")
                    Form.submit(t(.planInterview))
                }
            }
            el("h3") { t(.jobOffers) }
            Widgets.table(
                caption: t(.jobOffers),
                headers: [
                    t(.employer), t(.jobRole), t(.hoursPerWeek), t(.contractType), t(.startsOn), t(.guaranteeCheck),
                    t(.status),
                ],
                rows: j.offers.map { row in
                    [
                        .text(row.employer + (row.location.map { " — \($0)" } ?? "")), .text(row.role),
                        t.figure(row.hoursPerWeek), .text(t.label(row.contract)),
                        DateText.node(iso: row.startsOn, t.locale), guarantee(context, row.guarantee),
                        row.status == .offered && row.mayDecide && j.canManage
                            ? offerActions(context, m, row) : .text(t.label(row.status)),
                    ]
                }, empty: t(.noOffers))
            if j.canManage && !j.employers.isEmpty {
                let s = state(m, "offer")
                form(context, action: Paths.participantOffers(m.enrolmentID), id: "offer-form", errors: s.errors) {
                    el("h4") { t(.recordOffer) }
                    Form.select(
                        context, label: t(.employer), name: "employerId", options: j.employers.options,
                        selected: s.values["employerId"], errors: s.errors, scope: "offer")
                    Form.select(
                        context, label: t(.location), name: "locationId", options: j.employerLocations.options,
                        selected: s.values["locationId"], errors: s.errors, includeEmpty: true, scope: "offer")
                    Form.input(
                        context, label: t(.jobRole), name: "role", value: s.values["role"] ?? "", errors: s.errors,
                        scope: "offer")
                    Form.input(
                        context, label: t(.hoursPerWeek), name: "hoursPerWeek", value: s.values["hoursPerWeek"] ?? "",
                        errors: s.errors, scope: "offer")
                    Form.select(
                        context, label: t(.contractType), name: "contractType",
                        options: Form.options(ContractType.self, t), selected: s.values["contractType"],
                        errors: s.errors, scope: "offer")
                    Form.input(
                        context, label: t(.startsOn), name: "startsOn", value: s.values["startsOn"] ?? "", type: "date",
                        errors: s.errors, scope: "offer")
                    Form.input(
                        context, label: t(.offeredOn), name: "offeredOn", value: s.values["offeredOn"] ?? m.today,
                        type: "date", errors: s.errors, scope: "offer")
                    Form.submit(t(.recordOffer))
                }
            }
        }
    }

    /// Met, or short by so many hours: said in words, not only in colour.
    static func guarantee(_ context: PageContext, _ check: JobGuaranteeCheck) -> HTMLNode {
        let t = context.t
        guard let hours = check.guaranteedHours else { return .text(t(.noGuarantee)) }
        if check.meetsGuarantee { return Widgets.badge(t(.guaranteeMet, t.number(hours)), kind: "completed") }
        if check.contractType == .onCall && check.shortfall == 0 {
            return Widgets.badge(t(.guaranteeOnCall), kind: "urgent")
        }
        return Widgets.badge(t(.guaranteeShort, t.number(check.shortfall), t.number(hours)), kind: "urgent")
    }

    static func resultForm(_ context: PageContext, _ m: PathwayModel, _ row: InterviewRow) -> HTMLNode {
        let t = context.t
        let id = "result-\(row.id.uuidString)"
        let s = state(m, id)
        return form(context, action: Paths.participantInterviewResult(m.enrolmentID, row.id), id: id, errors: s.errors)
        {
            Form.select(
                context, label: t(.result), name: "result",
                options: [FitInterviewResult.positive, .negative, .cancelled].map { ($0.rawValue, t.label($0)) },
                selected: s.values["result"], errors: s.errors, includeEmpty: true, required: true, scope: id)
            Form.input(
                context, label: t(.note), name: "note", value: s.values["note"] ?? "", errors: s.errors, scope: id)
            Form.submit(t(.recordResult))
        }
    }

    static func offerActions(_ context: PageContext, _ m: PathwayModel, _ row: OfferRow) -> HTMLNode {
        let t = context.t
        return el(
            "form",
            ["method": "post", "action": Paths.participantOfferStatus(m.enrolmentID, row.id), "class": "inline"]
        ) {
            Form.csrf(context)
            Form.submit(t(.offerAccepted), name: "status", value: JobOfferStatus.accepted.rawValue)
            Form.submit(t(.offerDeclined), name: "status", value: JobOfferStatus.declined.rawValue, secondary: true)
        }
    }

    // MARK: Follow-up

    static func followUp(_ context: PageContext, _ m: PathwayModel) -> HTMLNode {
        let t = context.t
        let f = m.followUp
        return el("section", ["aria-labelledby": "followup-title"]) {
            el("h2", ["id": "followup-title"]) { t(.followUpTitle) }
            if f.rows.isEmpty { el("p", ["class": "empty"]) { t(.followUpAfterLeaving) } }
            for row in f.rows {
                el("article", ["class": "card", "id": "followup-\(row.id.uuidString)"]) {
                    el("h3") { t.label(row.moment) }
                    Widgets.facts([
                        (t(.dueOn), DateText.text(iso: row.dueOn, t.locale)),
                        (t(.situation), row.situation.map(t.label)),
                        (t(.observedOn), row.observedOn.map { DateText.text(iso: $0, t.locale) }),
                        (t(.source), row.source.map(t.label)), (t(.note), row.note),
                    ])
                    if row.situation == nil && f.canRecord {
                        let id = "followup-form-\(row.id.uuidString)"
                        let s = state(m, id)
                        form(
                            context, action: Paths.participantFollowUp(m.enrolmentID, row.id), id: id, errors: s.errors,
                            scope: id
                        ) {
                            Form.select(
                                context, label: t(.situation), name: "situation",
                                options: Form.options(FollowUpSituation.self, t), selected: s.values["situation"],
                                errors: s.errors, includeEmpty: true, required: true, scope: id)
                            Form.input(
                                context, label: t(.observedOn), name: "observedOn",
                                value: s.values["observedOn"] ?? m.today, type: "date", errors: s.errors, scope: id)
                            Form.select(
                                context, label: t(.source), name: "source",
                                options: Form.options(FollowUpSource.self, t), selected: s.values["source"],
                                errors: s.errors, scope: id)
                            Form.input(
                                context, label: t(.note), name: "note", value: s.values["note"] ?? "", errors: s.errors,
                                scope: id)
                            if row.moment == .sixMonths {
                                Form.select(
                                    context, label: t(.improvedSituation), name: "improvedSituation",
                                    options: [("false", t(.no)), ("true", t(.yes))],
                                    selected: s.values["improvedSituation"], errors: s.errors, includeEmpty: true,
                                    scope: id)
                            }
                            Form.submit(t(.recordFollowUp))
                        }
                    }
                }
            }
        }
    }
}
