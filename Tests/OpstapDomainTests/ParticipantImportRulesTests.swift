import Foundation
import Testing
@testable import OpstapDomain

/// Rows of a running programme become histories by the state machine's rules.
@Suite struct ParticipantImportRulesTests {
    let definition = Fixtures.definition

    func check(
        enrolled: String = "02-10-2023", referred: String = "", starts: [String: String], current: String = "",
        stream: String = "statushouders"
    )
        -> (history: ParticipantHistory?, errors: [FieldError])
    {
        ParticipantImportRules.history(
            enrolledOn: enrolled, referredOn: referred, phaseStarts: starts, currentPhase: current,
            stream: stream, definition: definition, today: Fixtures.today)
    }

    @Test func earlierPhasesArePassedOnTheDayTheNextStarted() throws {
        let result = check(starts: ["voor": "2023-10-02", "mbo-1": "19-02-2024"], current: "Mbo-1")
        let history = try #require(result.history, "\(result.errors)")
        #expect(
            history.commands == [
                .startPhase(code: "voor", on: SimpleDate("2023-10-02")!),
                .completePhase(result: .passed, on: SimpleDate("2024-02-19")!),
                .startPhase(code: "mbo-1", on: SimpleDate("2024-02-19")!),
            ])
        #expect(
            history.snapshot
                == EnrolmentSnapshot(
                    state: .inPhase, stream: "statushouders", phaseCode: "mbo-1",
                    lastTransitionOn: SimpleDate("2024-02-19")!, completedPhases: ["voor"]))
        #expect(history.referredOn == SimpleDate("2023-10-02")!, "referred on the enrolment date when not given")
    }

    @Test func phasesFollowTheStreamsOrderWithoutGaps() {
        #expect(
            check(starts: ["mbo-1": "2024-01-01"]).errors == [
                FieldError("phase.mbo-1", .earlierPhaseMissing, ["Vooropleiding"])
            ])
        #expect(
            check(starts: ["voor": "2024-03-01", "mbo-1": "2024-03-01"]).errors.map(\.code) == [.notAfterPreviousPhase])
        #expect(check(starts: ["voor": "2023-09-01"]).errors.map(\.code) == [.beforeEnrolment])
        #expect(check(starts: ["voor": "2026-12-01"]).errors.map(\.code) == [.dateInFuture])
        #expect(
            check(starts: ["voor": "2024-01-01"], stream: "studenten").errors == [
                FieldError("phase.voor", .phaseNotInStream, ["Vooropleiding"])
            ])
        #expect(check(starts: ["x": "2024-01-01"]).errors.map(\.code) == [.unknownPhase])
        #expect(
            check(starts: ["mbo-1": "2024-01-01"], stream: "studenten").history?.snapshot.phaseCode == "mbo-1",
            "students start in mbo-1")
    }

    @Test func theEnrolmentDateIsRequiredPastAndAfterTheReferral() {
        #expect(check(enrolled: "", starts: [:]).errors == [FieldError("enrolledOn", .required)])
        #expect(check(enrolled: "31-02-2024", starts: [:]).errors == [FieldError("enrolledOn", .invalidDate)])
        #expect(check(enrolled: "2027-01-01", starts: [:]).errors == [FieldError("enrolledOn", .dateInFuture)])
        #expect(
            check(referred: "2023-11-01", starts: [:]).errors == [
                FieldError("enrolledOn", .beforeReferral, ["2023-11-01"])
            ])
    }

    @Test func theCurrentPhaseColumnMustBeTheLastStarted() {
        #expect(
            check(starts: ["voor": "2023-10-02"], current: "mbo-1").errors == [
                FieldError("currentPhase", .currentPhaseMismatch, ["Vooropleiding"])
            ])
        #expect(
            check(starts: ["voor": "2023-10-02"], current: "Kookcursus").errors == [
                FieldError("currentPhase", .unknownPhase, ["Kookcursus"])
            ])
    }

    @Test func theHeaderIsGuessedFromPhaseCodesAndNames() {
        let mapping = ParticipantImportRules.guessMapping(
            header: [
                "Voornaam", "Achternaam", "Inschrijfdatum", "Start vooropleiding", "mbo-1", "Start Mbo-2",
                "Huidige fase",
            ],
            stream: "statushouders", definition: definition)
        #expect(
            mapping == [
                .person(.givenName): 0, .person(.familyName): 1, .enrolledOn: 2, .phaseStart("voor"): 3,
                .phaseStart("mbo-1"): 4,
                .phaseStart("mbo-2"): 5, .currentPhase: 6,
            ])
    }
}
