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
        for (index, stream) in streams.enumerated() {
            if stream.name.isBlank { errors.append(FieldError("streams[\(index)].name", .required)) }
            if phase(stream.firstPhaseCode) == nil {
                errors.append(FieldError("streams[\(index)].firstPhaseCode", .unknownPhase, [stream.firstPhaseCode]))
            }
        }
        for (index, phase) in phases.enumerated() {
            let field = "phases[\(index)]"
            if phase.name.isBlank { errors.append(FieldError("\(field).name", .required)) }
            if !(1...520).contains(phase.plannedWeeks) {
                errors.append(FieldError("\(field).plannedWeeks", .outOfRange, ["1", "520"]))
            }
            for (itemIndex, item) in phase.schedule.enumerated() {
                if !(item.hoursPerWeek > 0 && item.hoursPerWeek <= 60) {
                    errors.append(FieldError("\(field).schedule[\(itemIndex)].hoursPerWeek", .outOfRange, ["0", "60"]))
                }
                if item.days.isEmpty {
                    errors.append(FieldError("\(field).schedule[\(itemIndex)].days", .atLeastOne))
                }
            }
            if Set(phase.schedule.map(\.activity)).count != phase.schedule.count {
                errors.append(FieldError("\(field).schedule", .duplicateActivity))
            }
            if phase.hoursPerWeek > 60 {
                errors.append(FieldError("\(field).schedule", .tooManyHours, ["60"]))
            }
        }
        for (index, criterion) in selectionCriteria.enumerated() {
            if criterion.name.isBlank { errors.append(FieldError("selectionCriteria[\(index)].name", .required)) }
            if !(1...10).contains(criterion.maxScore) {
                errors.append(FieldError("selectionCriteria[\(index)].maxScore", .outOfRange, ["1", "10"]))
            }
            if !(1...max(1, criterion.maxScore)).contains(criterion.minimumScore) {
                errors.append(FieldError("selectionCriteria[\(index)].minimumScore", .outOfRange, ["1", "\(criterion.maxScore)"]))
            }
        }
        errors += guidance.validate()
        for (index, outcome) in outcomes.enumerated() where outcome.name.isBlank {
            errors.append(FieldError("outcomes[\(index)].name", .required))
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
