import Foundation

extension ProgrammeDefinition {
    /// Every problem that keeps this definition from being published, at once.
    /// `knownOrganisations` are the organisations that exist; partners must be among them.
    public func validate(knownOrganisations: Set<UUID>) -> [FieldError] {
        var errors: [FieldError] = []
        if name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            errors.append(FieldError("name", .required))
        }
        if partners.isEmpty { errors.append(FieldError("partners", .atLeastOne)) }
        for (index, partner) in partners.enumerated() where !knownOrganisations.contains(partner.organisationID) {
            errors.append(FieldError("partners[\(index)].organisationId", .unknownOrganisation))
        }
        if Set(partners.map(\.organisationID)).count != partners.count {
            errors.append(FieldError("partners", .duplicatePartner))
        }
        errors += Self.codesProblems(phases.map(\.code), field: "phases")
        errors += Self.codesProblems(streams.map(\.code), field: "streams")
        errors += Self.codesProblems(selectionCriteria.map(\.code), field: "selectionCriteria")
        errors += Self.codesProblems(outcomes.map(\.code), field: "outcomes")
        if phases.isEmpty { errors.append(FieldError("phases", .atLeastOne)) }
        if streams.isEmpty { errors.append(FieldError("streams", .atLeastOne)) }
        if outcomes.isEmpty { errors.append(FieldError("outcomes", .atLeastOne)) }
        if let owner = ownerOrganisationID, !partners.contains(where: { $0.organisationID == owner }) {
            errors.append(FieldError("ownerOrganisationId", .ownerNotPartner))
        }
        for (index, stream) in streams.enumerated() {
            if stream.name.isBlank { errors.append(FieldError("streams[\(index)].name", .required)) }
            if phase(stream.firstPhaseCode) == nil {
                errors.append(FieldError("streams[\(index)].firstPhaseCode", .unknownPhase, [stream.firstPhaseCode]))
            }
            for (code, weeks) in stream.phaseWeeks.sorted(by: { $0.key < $1.key }) {
                let field = "streams[\(index)].phaseWeeks.\(code)"
                if phase(code) == nil {
                    errors.append(FieldError(field, .unknownPhase, [code]))
                } else if !(1...520).contains(weeks) {
                    errors.append(FieldError(field, .outOfRange, ["1", "520"]))
                }
            }
        }
        for (index, phase) in phases.enumerated() {
            let field = "phases[\(index)]"
            if phase.name.isBlank { errors.append(FieldError("\(field).name", .required)) }
            if !(1...520).contains(phase.plannedWeeks) {
                errors.append(FieldError("\(field).plannedWeeks", .outOfRange, ["1", "520"]))
            }
            errors += Self.scheduleProblems(phase.schedule, field: "\(field).schedule")
            // A period may start as late as the longest length any stream plans for the phase.
            let longest =
                ([phase.plannedWeeks] + streams.compactMap { $0.phaseWeeks[phase.code] }).max() ?? phase.plannedWeeks
            var seenWeeks = Set<Int>()
            for (periodIndex, period) in phase.laterPeriods.enumerated() {
                let periodField = "\(field).laterPeriods[\(periodIndex)]"
                if !(2...max(2, longest)).contains(period.fromWeek) {
                    errors.append(FieldError("\(periodField).fromWeek", .outOfRange, ["2", String(max(2, longest))]))
                } else if !seenWeeks.insert(period.fromWeek).inserted {
                    errors.append(FieldError("\(periodField).fromWeek", .duplicateWeek, [String(period.fromWeek)]))
                }
                errors += Self.scheduleProblems(period.schedule, field: "\(periodField).schedule")
            }
        }
        for (index, criterion) in selectionCriteria.enumerated() {
            if criterion.name.isBlank { errors.append(FieldError("selectionCriteria[\(index)].name", .required)) }
            if criterion.kind == .condition { continue }  // yes/no: no scale to check
            if !(1...10).contains(criterion.maxScore) {
                errors.append(FieldError("selectionCriteria[\(index)].maxScore", .outOfRange, ["1", "10"]))
            }
            if !(1...max(1, criterion.maxScore)).contains(criterion.minimumScore) {
                errors.append(
                    FieldError("selectionCriteria[\(index)].minimumScore", .outOfRange, ["1", "\(criterion.maxScore)"]))
            }
        }
        errors += guidance.validate()
        for (index, outcome) in outcomes.enumerated() {
            if outcome.name.isBlank { errors.append(FieldError("outcomes[\(index)].name", .required)) }
            if let months = outcome.afterMonths {
                if outcome.kind != .contract {
                    errors.append(FieldError("outcomes[\(index)].afterMonths", .notForThisKind))
                } else if !(1...120).contains(months) {
                    errors.append(FieldError("outcomes[\(index)].afterMonths", .outOfRange, ["1", "120"]))
                }
            }
        }
        return errors
    }

    /// One week's schedule: hours within reason, at least one day per activity, each activity once.
    private static func scheduleProblems(_ schedule: [ScheduleItem], field: String) -> [FieldError] {
        var errors: [FieldError] = []
        for (itemIndex, item) in schedule.enumerated() {
            if !(item.hoursPerWeek > 0 && item.hoursPerWeek <= 60) {
                errors.append(FieldError("\(field)[\(itemIndex)].hoursPerWeek", .outOfRange, ["0", "60"]))
            }
            if item.days.isEmpty {
                errors.append(FieldError("\(field)[\(itemIndex)].days", .atLeastOne))
            }
        }
        if Set(schedule.map(\.activity)).count != schedule.count {
            errors.append(FieldError(field, .duplicateActivity))
        }
        if schedule.reduce(0, { $0 + $1.hoursPerWeek }) > 60 {
            errors.append(FieldError(field, .tooManyHours, ["60"]))
        }
        return errors
    }

    private static func codesProblems(_ codes: [String], field: String) -> [FieldError] {
        var errors: [FieldError] = []
        var seen = Set<String>()
        for (index, code) in codes.enumerated() {
            if !Code.isValid(code) {
                errors.append(FieldError("\(field)[\(index)].code", .invalidCode))
            } else if !seen.insert(code).inserted {
                errors.append(FieldError("\(field)[\(index)].code", .duplicateCode, [code]))
            }
        }
        return errors
    }
}

/// Short identifiers used inside a programme definition (phase, stream, criterion codes):
/// lowercase letters, digits and hyphens, so they are stable in URLs and exports.
public enum Code {
    public static func isValid(_ code: String) -> Bool {
        (1...40).contains(code.count)
            && code.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
            && code.first != "-"
    }
}

extension String {
    var isBlank: Bool { trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
}
