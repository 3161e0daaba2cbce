import Foundation
import OpstapDomain

/// A person as the viewer may see them (already redacted by the app's field policy).
public struct PersonSummary: Sendable {
    public var id: UUID
    public var name: String
    public var dateOfBirth: SimpleDate?
    public var gender: String
    public var bsn: String?
    public var intake: IntakeProfile
    public var visible: Set<FieldGroup>
    /// Restriction of processing and erasure (ADR 0014): shown as a banner above the facts.
    public var processingRestricted = false
    public var erased = false
    public init(
        id: UUID, name: String, dateOfBirth: SimpleDate?, gender: String, bsn: String?, intake: IntakeProfile,
        visible: Set<FieldGroup>
    ) {
        self.id = id
        self.name = name
        self.dateOfBirth = dateOfBirth
        self.gender = gender
        self.bsn = bsn
        self.intake = intake
        self.visible = visible
    }
}

public enum PersonFacts {
    public static func render(_ context: PageContext, _ person: PersonSummary) -> HTMLNode {
        let t = context.t
        let p = person.intake
        var rows: [(String, String?)] = [
            (t(.dateOfBirth), person.dateOfBirth.map { DateText.text($0, t.locale) }),
            (t(.gender), GenderLabel(rawValue: person.gender).map { t.label($0) }),
        ]
        if person.visible.contains(.bsn) { rows.append((t(.bsn), person.bsn ?? "—")) }
        if person.visible.contains(.contact) {
            rows += [
                (t(.phone), p.contact.phone), (t(.email), p.contact.email),
                (
                    t(.address),
                    [p.contact.address, p.contact.postcode, p.contact.city].filter { !$0.isEmpty }.joined(
                        separator: ", ")
                ),
            ]
        }
        if person.visible.contains(.language) {
            let levels = [
                (t(.listening), p.dutchLevels.listening), (t(.reading), p.dutchLevels.reading),
                (t(.speaking), p.dutchLevels.speaking),
                (t(.writing), p.dutchLevels.writing), (t(.conversation), p.dutchLevels.conversation),
            ]
            .compactMap { label, level in level.map { "\(label) \($0.rawValue)" } }
            rows += [
                (t(.dutchLevels), levels.joined(separator: ", ")), (t(.languages), p.languages.joined(separator: ", ")),
            ]
        }
        if person.visible.contains(.education) {
            rows.append(
                (
                    t(.education),
                    p.education.map {
                        "\($0.description) (ISCED \($0.iscedLevel), \($0.country)\($0.completed ? "" : ", " + t(.notCompleted)))"
                    }.joined(separator: "; ")
                ))
            rows.append(
                (
                    t(.workExperience),
                    p.workExperience.map {
                        "\($0.role), \($0.sector) (\($0.country), \(t.number($0.years)) \(t(.yearsShort)))"
                    }.joined(separator: "; ")
                ))
        }
        if person.visible.contains(.household) {
            rows += [
                (t(.household), p.household.map { t.label($0) }),
                (
                    t(.residence),
                    p.residence.map { t.label($0) + (p.residenceDetail.isEmpty ? "" : " — " + p.residenceDetail) }
                ),
                (t(.residenceStatusLabel), p.residenceStatus.map { t.label($0) }),
            ]
        }
        if person.visible.contains(.benefits) { rows.append((t(.benefit), p.benefit.map { t.label($0) })) }
        if person.visible.contains(.civicIntegration) {
            let ci = p.civicIntegration
            rows += [
                (t(.learningRoute), ci.route.map { t.label($0) }),
                (t(.pipDate), ci.pipDate.map { DateText.text($0, t.locale) }),
                (t(.integrationDeadline), ci.deadline.map { DateText.text($0, t.locale) }),
            ]
        }
        return .fragment([PrivacyBanner.render(context, person), Widgets.facts(rows)])
    }
}

/// One line in a history or timeline.
public struct HistoryEntry: Sendable {
    public var date: String
    public var recordedAt: Date
    public var actor: String
    public var organisation: String
    public var text: String
    public var detail: String
    /// A link to the record this entry is about, when it is another one (an earlier route).
    public var href: String? = nil
    public init(date: String, recordedAt: Date, actor: String, organisation: String, text: String, detail: String) {
        self.date = date
        self.recordedAt = recordedAt
        self.actor = actor
        self.organisation = organisation
        self.text = text
        self.detail = detail
    }
}

public enum Timeline {
    /// Recorded on a later calendar day than its effective date (in the Dutch time zone).
    static func isLate(_ entry: HistoryEntry) -> Bool {
        guard let day = SimpleDate(entry.date) else { return false }
        return SimpleDate(entry.recordedAt) > day
    }

    public static func render(_ context: PageContext, _ entries: [HistoryEntry], title: String) -> HTMLNode {
        let t = context.t
        return el("section", ["class": "timeline", "aria-labelledby": "timeline-title"]) {
            el("h2", ["id": "timeline-title"]) { title }
            if entries.isEmpty { el("p", ["class": "empty"]) { t(.none) } }
            el("ol") {
                for entry in entries {
                    el("li") {
                        DateText.node(iso: entry.date, t.locale)
                        " "
                        if let href = entry.href {
                            el("strong") { el("a", ["href": href]) { entry.text } }
                        } else {
                            el("strong") { entry.text }
                        }
                        if !entry.detail.isEmpty { el("span", ["class": "detail"]) { " — " + entry.detail } }
                        el("span", ["class": "by"]) {
                            " "
                                + t(
                                    .byWhom, entry.actor, entry.organisation,
                                    DateText.timestamp(entry.recordedAt, t.locale))
                        }
                        // A step recorded after the day it happened says so: history shows late entries.
                        if Self.isLate(entry) { " "; Widgets.badge(t(.lateEntry), kind: "late") }
                    }
                }
            }
        }
    }
}
