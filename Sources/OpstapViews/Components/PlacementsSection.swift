import Foundation
import OpstapDomain

public struct PlacementRow: Sendable {
    public var location: String
    public var organisation: String
    public var supervisor: String
    public var startsOn: String
    public var endsOn: String?
    public var weekdays: [Weekday]
    public var hoursPerWeek: Double
    public init(
        location: String, organisation: String, supervisor: String, startsOn: String, endsOn: String?,
        weekdays: [Weekday], hoursPerWeek: Double
    ) {
        self.location = location
        self.organisation = organisation
        self.supervisor = supervisor
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.weekdays = weekdays
        self.hoursPerWeek = hoursPerWeek
    }
}

public struct PlacementsModel: Sendable {
    public var placements: [PlacementRow]
    public var waiting: [String]
    public var canPlace: Bool
    public var locations: [(value: String, label: String)]
    public var supervisors: [(value: String, label: String)]
    public var values: [String: String]
    public var weekdays: Set<String>
    public var errors: [FieldError]
    public var refusal: String?
    /// When the location was full: offer the waiting list for it.
    public var offerWaitingList: Bool
    public init(
        placements: [PlacementRow], waiting: [String], canPlace: Bool, locations: [(value: String, label: String)],
        supervisors: [(value: String, label: String)],
        values: [String: String], weekdays: Set<String>, errors: [FieldError], refusal: String?, offerWaitingList: Bool
    ) {
        self.placements = placements
        self.waiting = waiting
        self.canPlace = canPlace
        self.locations = locations
        self.supervisors = supervisors
        self.values = values
        self.weekdays = weekdays
        self.errors = errors
        self.refusal = refusal
        self.offerWaitingList = offerWaitingList
    }
}

/// A participant's placements (several at once are possible) and the form to add one.
public enum PlacementsSection {
    public static func render(_ context: PageContext, _ m: PlacementsModel, enrolmentID: UUID) -> HTMLNode {
        let t = context.t
        return el(
            "section",
            ["aria-labelledby": "placements-title", "id": DossierPage.Part.placements.rawValue, "tabindex": "-1"]
        ) {
            el("h2", ["id": "placements-title"]) { t(.placementsTitle) }
            Layout.sectionFlash(context, DossierPage.Part.placements.rawValue)
            if let refusal = m.refusal {
                el("div", ["class": "error-summary", "role": "alert"]) { el("p") { refusal } }
            }
            if m.offerWaitingList {
                el("form", ["method": "post", "action": Paths.participantWaitingList(enrolmentID), "class": "action"]) {
                    Form.csrf(context)
                    el("input", ["type": "hidden", "name": "locationId", "value": m.values["locationId"] ?? ""])
                    el("input", ["type": "hidden", "name": "startsOn", "value": m.values["startsOn"] ?? ""])
                    Form.submit(t(.putOnWaitingList))
                }
            }
            Widgets.table(
                caption: t(.placementsTitle),
                headers: [t(.location), t(.workSupervisorLabel), t(.period), t(.days), t(.hoursPerWeek)],
                rows: m.placements.map { row in
                    [
                        .text("\(row.location) (\(row.organisation))"), .text(row.supervisor),
                        .text(
                            DateText.text(iso: row.startsOn, t.locale) + " – "
                                + (row.endsOn.map { DateText.text(iso: $0, t.locale) } ?? "…")),
                        .text(row.weekdays.map { t.label($0) }.joined(separator: ", ")),
                        t.figure(row.hoursPerWeek),
                    ]
                },
                empty: t(.noPlacements))
            if !m.waiting.isEmpty { el("p") { t(.waitingFor, m.waiting.joined(separator: ", ")) } }
            if m.canPlace {
                // Open while it holds what was typed: after an error, a refusal or a full location.
                FormFold.render(
                    t(.addPlacement), id: "add-placement",
                    open: !m.errors.isEmpty || m.refusal != nil || m.offerWaitingList
                ) {
                    el(
                        "form",
                        [
                            "method": "post", "action": Paths.participantPlacements(enrolmentID), "class": "action",
                            "novalidate": "",
                        ]
                    ) {
                        Form.csrf(context)
                        Form.select(
                            context, label: t(.location), name: "locationId", options: m.locations,
                            selected: m.values["locationId"], errors: m.errors, includeEmpty: true, required: true)
                        Form.select(
                            context, label: t(.workSupervisorLabel), name: "supervisorId", options: m.supervisors,
                            selected: m.values["supervisorId"], errors: m.errors, includeEmpty: true, required: true)
                        Form.input(
                            context, label: t(.startDate), name: "startsOn", value: m.values["startsOn"] ?? "",
                            type: "date", errors: m.errors, required: true, scope: "placement")
                        Form.input(
                            context, label: t(.endDate), name: "endsOn", value: m.values["endsOn"] ?? "", type: "date",
                            errors: m.errors, scope: "placement")
                        Form.checkboxes(
                            context, legend: t(.days), name: "weekdays", options: Form.options(Weekday.self, t),
                            checked: m.weekdays, errors: m.errors)
                        Form.input(
                            context, label: t(.hoursPerWeek), name: "hoursPerWeek",
                            value: m.values["hoursPerWeek"] ?? "",
                            errors: m.errors, required: true, scope: "placement")
                        Form.submit(t(.addPlacement), secondary: true)
                    }
                }
            }
        }
    }
}

public struct LocationRow: Sendable {
    public var id: UUID
    public var name: String
    public var periods: [(from: String, until: String?, places: Int)]
    public var takenToday: Int
    public var placesToday: Int
    public var waiting: [String]
    public init(
        id: UUID, name: String, periods: [(from: String, until: String?, places: Int)], takenToday: Int,
        placesToday: Int, waiting: [String]
    ) {
        self.id = id
        self.name = name
        self.periods = periods
        self.takenToday = takenToday
        self.placesToday = placesToday
        self.waiting = waiting
    }
}

/// An employer's locations: places per period, occupancy today and the waiting list.
public enum LocationsPage {
    public static func render(
        _ context: PageContext, _ rows: [LocationRow], errors: [FieldError], errorsAt: UUID? = nil, canOffer: Bool
    ) -> String {
        let t = context.t
        return Layout.page(context, title: t(.locationsTitle)) {
            Form.errorSummary(context, errors, scope: errorsAt?.uuidString)
            for row in rows {
                el("section", ["class": "location"]) {
                    el("h2") { row.name }
                    el("p") { t(.occupancyToday, t.count(row.takenToday), t.count(row.placesToday)) }
                    Widgets.table(
                        caption: t(.placesPerPeriod, row.name), headers: [t(.period), t(.placesOffered)],
                        rows: row.periods.map {
                            [
                                .text(
                                    DateText.text(iso: $0.from, t.locale) + " – "
                                        + ($0.until.map { DateText.text(iso: $0, t.locale) } ?? "…")),
                                t.figure($0.places),
                            ]
                        },
                        empty: t(.noPlacesOffered))
                    if !row.waiting.isEmpty { el("p") { t(.waitingList, row.waiting.joined(separator: ", ")) } }
                    if canOffer {
                        // The errors of an offer show at the location it was made for only.
                        let rowErrors = row.id == errorsAt ? errors : []
                        el(
                            "form",
                            [
                                "method": "post", "action": Paths.locationPlaces(row.id), "class": "action",
                                "novalidate": "",
                            ]
                        ) {
                            Form.csrf(context)
                            Form.input(
                                context, label: t(.startDate), name: "placesFrom", type: "date", errors: rowErrors,
                                scope: row.id.uuidString)
                            Form.input(
                                context, label: t(.endDate), name: "placesUntil", type: "date", errors: rowErrors,
                                scope: row.id.uuidString)
                            Form.input(
                                context, label: t(.placesOffered), name: "places", type: "number", errors: rowErrors,
                                scope: row.id.uuidString)
                            Form.select(
                                context, label: t(.requiredLevel), name: "requiredLevel",
                                options: CEFRLevel.allCases.map { ($0.rawValue, $0.rawValue) }, selected: nil,
                                errors: rowErrors, includeEmpty: true, scope: row.id.uuidString)
                            Form.submit(t(.offerPlaces), secondary: true)
                        }
                    }
                }
            }
            if rows.isEmpty { el("p", ["class": "empty"]) { t(.noLocations) } }
        }
    }
}
