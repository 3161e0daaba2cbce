import Foundation
import OpstapDomain

public struct DuplicateChoice: Sendable {
    public var personID: UUID
    public var reason: DuplicateReason
    public var name: String?
    public init(personID: UUID, reason: DuplicateReason, name: String?) {
        self.personID = personID
        self.reason = reason
        self.name = name
    }
}

public struct NewCandidateModel: Sendable {
    public var values: [String: String]
    public var errors: [FieldError]
    public var tracks: [(value: String, label: String)]
    public var organisations: [(value: String, label: String)]
    public var mayRecordBSN: Bool
    public var duplicates: [DuplicateChoice]
    public init(
        values: [String: String], errors: [FieldError], tracks: [(value: String, label: String)],
        organisations: [(value: String, label: String)], mayRecordBSN: Bool, duplicates: [DuplicateChoice]
    ) {
        self.values = values
        self.errors = errors
        self.tracks = tracks
        self.organisations = organisations
        self.mayRecordBSN = mayRecordBSN
        self.duplicates = duplicates
    }
}

/// Registering a referral: the person (or a link to one already registered) and the
/// programme and stream they are referred to.
public enum NewCandidatePage {
    public static func render(_ context: PageContext, _ model: NewCandidateModel) -> String {
        let t = context.t
        let v = model.values
        let errors = model.errors
        return Layout.page(context, title: t(.newCandidate)) {
            el("form", ["method": "post", "action": Paths.candidatesNew(), "novalidate": ""]) {
                Form.csrf(context)
                Form.errorSummary(context, errors)
                if !model.duplicates.isEmpty {
                    el("fieldset", ["class": "warning", "id": "duplicates"]) {
                        el("legend") { t(.duplicateWarning) }
                        el("p") { t(.duplicateExplain) }
                        for (i, match) in model.duplicates.enumerated() {
                            let id = "dup-\(i)"
                            el("span", ["class": "check"]) {
                                el(
                                    "input",
                                    [
                                        "type": "radio", "id": id, "name": "existingPersonId",
                                        "value": match.personID.uuidString,
                                    ])
                                el("label", ["for": id]) {
                                    (match.name ?? t(.duplicateHiddenPerson)) + " — " + t.label(match.reason)
                                }
                            }
                        }
                        el("span", ["class": "check"]) {
                            el("input", ["type": "radio", "id": "dup-none", "name": "confirmNew", "value": "1"])
                            el("label", ["for": "dup-none"]) { t(.duplicateConfirmNew) }
                        }
                    }
                }
                el("fieldset") {
                    el("legend") { t(.personTitle) }
                    Form.input(
                        context, label: t(.givenName), name: "givenName", value: v["givenName"] ?? "", errors: errors,
                        required: true)
                    Form.input(
                        context, label: t(.familyName), name: "familyName", value: v["familyName"] ?? "",
                        errors: errors, required: true)
                    Form.input(
                        context, label: t(.dateOfBirth), name: "dateOfBirth", value: v["dateOfBirth"] ?? "",
                        type: "date", errors: errors)
                    Form.select(
                        context, label: t(.gender), name: "gender", options: Form.options(GenderLabel.self, t),
                        selected: v["gender"] ?? "unknown", errors: errors)
                    if model.mayRecordBSN {
                        Form.input(
                            context, label: t(.bsn), name: "bsn", value: v["bsn"] ?? "", errors: errors,
                            hint: t(.bsnHint))
                    }
                }
                el("fieldset") {
                    el("legend") { t(.referralTitle) }
                    Form.select(
                        context, label: t(.programmeAndStream), name: "track", options: model.tracks,
                        selected: v["track"], errors: errors, includeEmpty: true, required: true)
                    Form.select(
                        context, label: t(.referredBy), name: "referredByOrganisationId", options: model.organisations,
                        selected: v["referredByOrganisationId"], errors: errors)
                    Form.input(
                        context, label: t(.referredOn), name: "referredOn", value: v["referredOn"] ?? "", type: "date",
                        errors: errors, required: true)
                }
                Form.submit(t(.registerCandidate))
            }
        }
    }
}
