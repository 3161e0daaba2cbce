import Foundation
import Testing
@testable import OpstapDomain

@Suite struct ProgrammeValidationTests {
    let known: Set<UUID> = [Fixtures.partner]

    @Test func theReferenceShapeIsValid() {
        #expect(Fixtures.definition.validate(knownOrganisations: known).isEmpty)
    }

    @Test func reportsEveryProblemAtOnce() {
        var definition = Fixtures.definition
        definition.name = " "
        definition.phases[1].code = "voor"
        definition.phases[2].plannedWeeks = 0
        definition.streams[1].firstPhaseCode = "missing"
        definition.selectionCriteria[0].minimumScore = 9
        definition.partners.append(Partner(organisationID: UUID(), part: ""))
        let fields = Set(definition.validate(knownOrganisations: known).map(\.field))
        #expect(
            fields == [
                "name", "phases[1].code", "phases[2].plannedWeeks", "streams[1].firstPhaseCode",
                "selectionCriteria[0].minimumScore", "partners[1].organisationId",
            ])
    }

    @Test func scheduleHoursAreBounded() {
        var definition = Fixtures.definition
        definition.phases[0].schedule = [
            ScheduleItem(activity: .practice, hoursPerWeek: 40, days: [.monday]),
            ScheduleItem(activity: .theory, hoursPerWeek: 30, days: []),
        ]
        let codes = definition.validate(knownOrganisations: known).map(\.code)
        #expect(codes.contains(.tooManyHours))
        #expect(codes.contains(.atLeastOne))
    }

    @Test(arguments: ["mbo-1", "a", "periode-2"]) func acceptsShortLowercaseCodes(_ code: String) {
        #expect(Code.isValid(code))
    }
    @Test(arguments: ["", "Mbo", "mbo 1", "-x", "é"]) func refusesOtherCodes(_ code: String) {
        #expect(!Code.isValid(code))
    }
}
