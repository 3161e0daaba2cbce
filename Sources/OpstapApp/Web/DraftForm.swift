import Foundation
import OpstapDomain

/// Reads the programme editor form into a definition. Rows without a code (or partner
/// organisation) are blank "add" rows and are skipped; rows marked remove are dropped.
/// Field names in errors use the positions in the resulting definition, which is also
/// how the form is rendered again.
enum DraftForm {
    static func parse(_ form: FormData) -> (ProgrammeDefinition, [FieldError]) {
        var errors: [FieldError] = []
        var definition = ProgrammeDefinition(name: form["name"], description: form["description"])

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
            var schedule: [ScheduleItem] = []
            for activity in ActivityType.allCases {
                let hoursText = form[p + ".hours.\(activity.rawValue)"].replacingOccurrences(of: ",", with: ".")
                let days = form.values(p + ".days.\(activity.rawValue)").compactMap(Weekday.init(rawValue:))
                if hoursText.isEmpty && days.isEmpty { continue }
                guard let hours = Double(hoursText) else {
                    rowErrors.append(FieldError("hours.\(activity.rawValue)", .invalidNumber))
                    continue
                }
                schedule.append(ScheduleItem(activity: activity, hoursPerWeek: hours, days: days))
            }
            let phase = Phase(
                code: form[p + ".code"], name: form[p + ".name"], kind: PhaseKind(rawValue: form[p + ".kind"]) ?? .other,
                plannedWeeks: weeks ?? 0, schedule: schedule)
            phases.append((Int(form[p + ".order"]) ?? (i + 1), phase, rowErrors))
        }
        // Stable sort by the order field so coordinators can reorder phases without scripts.
        let ordered = phases.enumerated().sorted { ($0.element.order, $0.offset) < ($1.element.order, $1.offset) }.map(\.element)
        for (index, row) in ordered.enumerated() {
            definition.phases.append(row.phase)
            errors += row.errors.map { FieldError("phases[\(index)].\($0.field)", $0.code, $0.arguments) }
        }

        for i in 0..<form.rowCount("streams") {
            let p = "streams[\(i)]"
            guard !form.has(p + ".remove"), !(form[p + ".code"].isEmpty && form[p + ".name"].isEmpty) else { continue }
            definition.streams.append(Stream(code: form[p + ".code"], name: form[p + ".name"], firstPhaseCode: form[p + ".firstPhaseCode"]))
        }

        for i in 0..<form.rowCount("selectionCriteria") {
            let p = "selectionCriteria[\(i)]"
            guard !form.has(p + ".remove"), !(form[p + ".code"].isEmpty && form[p + ".name"].isEmpty) else { continue }
            let index = definition.selectionCriteria.count
            let maxScore = Int(form[p + ".maxScore"])
            let minimum = Int(form[p + ".minimumScore"])
            if maxScore == nil { errors.append(FieldError("selectionCriteria[\(index)].maxScore", .invalidNumber)) }
            if minimum == nil { errors.append(FieldError("selectionCriteria[\(index)].minimumScore", .invalidNumber)) }
            definition.selectionCriteria.append(SelectionCriterion(
                code: form[p + ".code"], name: form[p + ".name"], description: form[p + ".description"],
                maxScore: maxScore ?? 5, minimumScore: minimum ?? 1))
        }

        for i in 0..<form.rowCount("outcomes") {
            let p = "outcomes[\(i)]"
            guard !form.has(p + ".remove"), !(form[p + ".code"].isEmpty && form[p + ".name"].isEmpty) else { continue }
            definition.outcomes.append(Outcome(code: form[p + ".code"], name: form[p + ".name"], kind: OutcomeKind(rawValue: form[p + ".kind"]) ?? .other))
        }
        // Thresholds: fields left out of the form keep their defaults.
        func number(_ name: String) -> Double? {
            let text = form["guidance.\(name)"].replacingOccurrences(of: ",", with: ".")
            guard !text.isEmpty else { return nil }
            guard let value = Double(text) else { errors.append(FieldError("guidance.\(name)", .invalidNumber)); return nil }
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
        if form.has("guidance.jobGuaranteeHours") { definition.guidance.jobGuaranteeHours = number("jobGuaranteeHours") }
        return (definition, errors)
    }

    /// Validation speaks of schedule positions; the form has one row per activity type.
    static func formFieldName(_ error: FieldError, in definition: ProgrammeDefinition) -> FieldError {
        let pattern = #/^phases\[(\d+)\]\.schedule\[(\d+)\]\.(hoursPerWeek|days)$/#
        guard let match = error.field.wholeMatch(of: pattern), let phase = Int(match.1), let item = Int(match.2),
              phase < definition.phases.count, item < definition.phases[phase].schedule.count
        else { return error }
        let activity = definition.phases[phase].schedule[item].activity.rawValue
        let field = match.3 == "days" ? "days" : "hours"
        return FieldError("phases[\(phase)].\(field).\(activity)", error.code, error.arguments)
    }
}
