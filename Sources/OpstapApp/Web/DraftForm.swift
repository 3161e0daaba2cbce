import Foundation
import OpstapDomain

/// Reads the programme editor form into a definition. Rows without a code (or partner
/// organisation) are blank "add" rows and are skipped; rows marked remove are dropped.
/// Field names in errors use the positions in the resulting definition, which is also
/// how the form is rendered again. An unknown kind is a field error; the row keeps a
/// placeholder kind only so that the form can be shown again with the error.
enum DraftForm {
    static func parse(_ form: FormData) -> (ProgrammeDefinition, [FieldError]) {
        var errors: [FieldError] = []
        var definition = ProgrammeDefinition(name: form["name"], description: form["description"])
        if !form["ownerOrganisationId"].isEmpty {
            if let owner = UUID(uuidString: form["ownerOrganisationId"]) {
                definition.ownerOrganisationID = owner
            } else {
                errors.append(FieldError("ownerOrganisationId", .invalidChoice))
            }
        }

        for i in 0..<form.rowCount("partners") {
            let p = "partners[\(i)]"
            guard !form.has(p + ".remove"), !form[p + ".organisationId"].isEmpty else { continue }
            let index = definition.partners.count
            guard let id = UUID(uuidString: form[p + ".organisationId"]) else {
                errors.append(FieldError("partners[\(index)].organisationId", .invalidChoice))
                continue
            }
            definition.partners.append(Partner(organisationID: id, part: form[p + ".part"]))
        }

        var phases: [(order: Int, phase: Phase, errors: [FieldError])] = []
        for i in 0..<form.rowCount("phases") {
            let p = "phases[\(i)]"
            guard !form.has(p + ".remove"), !(form[p + ".code"].isEmpty && form[p + ".name"].isEmpty) else { continue }
            var rowErrors: [FieldError] = []
            let weeks = Int(form[p + ".plannedWeeks"])
            if weeks == nil { rowErrors.append(FieldError("plannedWeeks", .invalidNumber)) }
            let schedule = weekSchedule(form, prefix: p, errorPrefix: "", errors: &rowErrors)
            // Later schedule periods: rows without a week and without hours are blank "add" rows.
            var laterPeriods: [SchedulePeriod] = []
            for j in 0..<form.rowCount(p + ".laterPeriods") {
                let q = p + ".laterPeriods[\(j)]"
                guard !form.has(q + ".remove") else { continue }
                let index = laterPeriods.count
                var periodErrors: [FieldError] = []
                let items = weekSchedule(form, prefix: q, errorPrefix: "laterPeriods[\(index)].", errors: &periodErrors)
                if form[q + ".fromWeek"].isEmpty && items.isEmpty && periodErrors.isEmpty { continue }
                let week = Int(form[q + ".fromWeek"])
                if week == nil { periodErrors.append(FieldError("laterPeriods[\(index)].fromWeek", .invalidNumber)) }
                rowErrors += periodErrors
                laterPeriods.append(SchedulePeriod(fromWeek: week ?? 0, schedule: items))
            }
            let kind = PhaseKind(rawValue: form[p + ".kind"])
            if kind == nil { rowErrors.append(FieldError("kind", .invalidChoice)) }
            let phase = Phase(
                code: form[p + ".code"], name: form[p + ".name"], kind: kind ?? .other,
                plannedWeeks: weeks ?? 0, schedule: schedule, laterPeriods: laterPeriods)
            phases.append((Int(form[p + ".order"]) ?? (i + 1), phase, rowErrors))
        }
        // Stable sort by the order field so coordinators can reorder phases without scripts.
        let ordered = phases.enumerated().sorted { ($0.element.order, $0.offset) < ($1.element.order, $1.offset) }.map(
            \.element)
        for (index, row) in ordered.enumerated() {
            definition.phases.append(row.phase)
            errors += row.errors.map { FieldError("phases[\(index)].\($0.field)", $0.code, $0.arguments) }
        }

        for i in 0..<form.rowCount("streams") {
            let p = "streams[\(i)]"
            guard !form.has(p + ".remove"), !(form[p + ".code"].isEmpty && form[p + ".name"].isEmpty) else { continue }
            let index = definition.streams.count
            var phaseWeeks: [String: Int] = [:]
            // Per-phase lengths: an empty field means the phase's own planned duration.
            for (name, value) in form.pairs where name.hasPrefix(p + ".phaseWeeks.") {
                let code = String(name.dropFirst((p + ".phaseWeeks.").count))
                let text = value.trimmingCharacters(in: .whitespaces)
                guard !text.isEmpty else { continue }
                if let weeks = Int(text) {
                    phaseWeeks[code] = weeks
                } else {
                    errors.append(FieldError("streams[\(index)].phaseWeeks.\(code)", .invalidNumber))
                }
            }
            definition.streams.append(
                Stream(
                    code: form[p + ".code"], name: form[p + ".name"], firstPhaseCode: form[p + ".firstPhaseCode"],
                    phaseWeeks: phaseWeeks))
        }

        for i in 0..<form.rowCount("selectionCriteria") {
            let p = "selectionCriteria[\(i)]"
            guard !form.has(p + ".remove"), !(form[p + ".code"].isEmpty && form[p + ".name"].isEmpty) else { continue }
            let index = definition.selectionCriteria.count
            let kind = CriterionKind(rawValue: form[p + ".kind"])
            if kind == nil { errors.append(FieldError("selectionCriteria[\(index)].kind", .invalidChoice)) }
            let maxScore = Int(form[p + ".maxScore"])
            let minimum = Int(form[p + ".minimumScore"])
            // A condition is yes/no: its scale fields are not read.
            if kind == .score {
                if maxScore == nil { errors.append(FieldError("selectionCriteria[\(index)].maxScore", .invalidNumber)) }
                if minimum == nil {
                    errors.append(FieldError("selectionCriteria[\(index)].minimumScore", .invalidNumber))
                }
            }
            definition.selectionCriteria.append(
                SelectionCriterion(
                    code: form[p + ".code"], name: form[p + ".name"], description: form[p + ".description"],
                    kind: kind ?? .score,
                    maxScore: maxScore ?? 5, minimumScore: minimum ?? 1))
        }

        for i in 0..<form.rowCount("outcomes") {
            let p = "outcomes[\(i)]"
            guard !form.has(p + ".remove"), !(form[p + ".code"].isEmpty && form[p + ".name"].isEmpty) else { continue }
            let index = definition.outcomes.count
            var months: Int?
            if !form[p + ".afterMonths"].isEmpty {
                months = Int(form[p + ".afterMonths"])
                if months == nil { errors.append(FieldError("outcomes[\(index)].afterMonths", .invalidNumber)) }
            }
            let kind = OutcomeKind(rawValue: form[p + ".kind"])
            if kind == nil { errors.append(FieldError("outcomes[\(index)].kind", .invalidChoice)) }
            definition.outcomes.append(
                Outcome(code: form[p + ".code"], name: form[p + ".name"], kind: kind ?? .other, afterMonths: months))
        }
        // Thresholds: fields left out of the form keep their defaults.
        func number(_ name: String) -> Double? {
            let text = form["guidance.\(name)"].replacingOccurrences(of: ",", with: ".")
            guard !text.isEmpty else { return nil }
            guard let value = Double(text) else {
                errors.append(FieldError("guidance.\(name)", .invalidNumber)); return nil
            }
            return value
        }
        if let value = number("attendanceThreshold") { definition.guidance.attendanceThreshold = value }
        if let value = number("attendanceWeeks") { definition.guidance.attendanceWeeks = Int(value) }
        if let value = number("hoursBehindShare") { definition.guidance.hoursBehindShare = value }
        if let value = number("unexcusedInARow") { definition.guidance.unexcusedInARow = Int(value) }
        if let value = number("deadlineWeeks") { definition.guidance.deadlineWeeks = Int(value) }
        if let value = number("noContactDays") { definition.guidance.noContactDays = Int(value) }
        if let value = number("reviewCadenceWeeks") { definition.guidance.reviewCadenceWeeks = Int(value) }
        // An empty guarantee field means the programme guarantees no hours.
        if form.has("guidance.jobGuaranteeHours") {
            definition.guidance.jobGuaranteeHours = number("jobGuaranteeHours")
        }
        return (definition, errors)
    }

    /// One week's hours and days per activity type, read from fields under `prefix`.
    private static func weekSchedule(
        _ form: FormData, prefix: String, errorPrefix: String, errors: inout [FieldError]
    ) -> [ScheduleItem] {
        var schedule: [ScheduleItem] = []
        for activity in ActivityType.allCases {
            let hoursText = form[prefix + ".hours.\(activity.rawValue)"].replacingOccurrences(of: ",", with: ".")
            let days = form.values(prefix + ".days.\(activity.rawValue)").compactMap(Weekday.init(rawValue:))
            if hoursText.isEmpty && days.isEmpty { continue }
            guard let hours = Double(hoursText) else {
                errors.append(FieldError(errorPrefix + "hours.\(activity.rawValue)", .invalidNumber))
                continue
            }
            schedule.append(ScheduleItem(activity: activity, hoursPerWeek: hours, days: days))
        }
        return schedule
    }

    /// Validation speaks of schedule positions; the form has one row per activity type.
    static func formFieldName(_ error: FieldError, in definition: ProgrammeDefinition) -> FieldError {
        let pattern = #/^phases\[(\d+)\]\.(laterPeriods\[(\d+)\]\.)?schedule\[(\d+)\]\.(hoursPerWeek|days)$/#
        guard let match = error.field.wholeMatch(of: pattern), let phase = Int(match.1), let item = Int(match.4),
            phase < definition.phases.count
        else { return error }
        let schedule: [ScheduleItem]
        if let period = match.3.flatMap({ Int($0) }) {
            guard period < definition.phases[phase].laterPeriods.count else { return error }
            schedule = definition.phases[phase].laterPeriods[period].schedule
        } else {
            schedule = definition.phases[phase].schedule
        }
        guard item < schedule.count else { return error }
        let activity = schedule[item].activity.rawValue
        let field = match.5 == "days" ? "days" : "hours"
        return FieldError("phases[\(phase)].\(match.2 ?? "")\(field).\(activity)", error.code, error.arguments)
    }
}
