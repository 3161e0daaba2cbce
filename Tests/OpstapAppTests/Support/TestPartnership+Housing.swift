import Fluent
import Foundation
import OpstapDomain
import Testing
import Vapor
@testable import OpstapApp

/// Homes of a test partnership: a studio complex of the programme and participants on the
/// housing route, written with the demo's own building blocks (`DemoLoader.studioComplex`,
/// `choose`, `letStudio`).
extension TestPartnership {
    /// A complex of `studios` studios for the programme, free from 1 September 2026, owned by a
    /// landlord of its own.
    @discardableResult
    func studioComplex(studios: Int = 4) async throws -> (complex: HousingComplex, studios: [HousingUnit]) {
        let landlord = Organisation(
            id: UUID(), name: "Verhuurder \(name)", kind: .housingCorporation, city: "Leiden")
        try await landlord.create(on: app.db)
        return try await loader.studioComplex(
            owner: try landlord.requireID(), programmeID: try programme.requireID(), name: "Studio's \(name)",
            address: "Zorgweg 10", postcode: "2333 AB", studios: studios, availableFrom: SimpleDate("2026-09-01")!)
    }

    /// `enrolment` on the `route`, chosen by the housing officer on the cohort's first day.
    func choose(_ route: HousingRoute, for enrolment: Enrolment) async throws {
        try await loader.choose(route, for: enrolment, on: SimpleDate(cohort.startDate)!, by: email(.housingOfficer))
    }

    /// A participant who lives alone (as the intake records) on the studio route, waiting for a studio.
    mutating func studioSeeker() async throws -> Enrolment {
        let enrolment = try await participant()
        let person = try #require(try await Person.find(enrolment.$person.id, on: app.db))
        person.intake.household = .single
        try await person.save(on: app.db)
        try await choose(.programmeStudio, for: enrolment)
        return enrolment
    }

    /// `enrolment` on the studio route, offered `unit` a week after the cohort's start and living
    /// in it from three weeks after.
    func letStudio(_ unit: HousingUnit, to enrolment: Enrolment) async throws {
        let start = SimpleDate(cohort.startDate)!
        try await choose(.programmeStudio, for: enrolment)
        try await loader.letStudio(
            unit, to: enrolment, offeredOn: start.adding(days: 7), from: start.adding(days: 21),
            by: email(.housingOfficer), organisation: organisations.gemeenteLeiden)
    }
}
