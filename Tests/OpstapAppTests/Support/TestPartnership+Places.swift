import Fluent
import Foundation
import OpstapDomain
import Testing
import Vapor
@testable import OpstapApp

/// Internship places and placements of a test partnership, offered and made as the demo does
/// (`DemoLoader.offerPlaces`, `DemoLoader.place`).
extension TestPartnership {
    /// The name of the care employer's hospital, made with the partnership.
    var hospitalName: String { "Ziekenhuis \(name)" }

    /// The care employer's hospital.
    func hospital() async throws -> Location {
        try #require(try await Location.query(on: app.db).filter(\.$name == hospitalName).first())
    }

    /// A second location of the care employer, a nursing home, made on first use.
    func nursingHome() async throws -> Location {
        let name = "Verpleeghuis \(self.name)"
        if let home = try await Location.query(on: app.db).filter(\.$name == name).first() { return home }
        let home = Location(
            organisationID: organisations.alrijne, name: name, address: "Zorgweg 2", postcode: "2333 AA",
            city: "Leiden", kind: .other)
        try await home.create(on: app.db)
        return home
    }

    /// `places` internship places at `location` (by default the hospital) from `from`.
    func offerPlaces(
        _ places: Int, at location: Location? = nil, from: SimpleDate = SimpleDate("2026-11-01")!
    ) async throws {
        try await loader.offerPlaces(location?.name ?? hospitalName, from: from, places: places)
    }

    /// `enrolment` placed at `location` (by default the hospital) from `from` on `days`, with
    /// the partnership's work supervisor.
    func place(
        _ enrolment: Enrolment, at location: Location? = nil, from: SimpleDate, days: [Weekday], hours: Double
    ) async throws {
        try await loader.place(
            enrolment, at: location?.name ?? hospitalName, supervisor: email(.workSupervisor), from: from, days: days,
            hours: hours)
    }
}
