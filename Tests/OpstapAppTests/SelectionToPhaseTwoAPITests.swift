import Fluent
import Foundation
import OpstapDomain
import Testing
import Vapor
@testable import OpstapApp

/// A candidate from referral to a participant in phase 2, through the JSON API only.
@Suite struct SelectionToPhaseTwoAPITests {
    @Test func walksACandidateFromReferralToPhaseTwo() async throws {
        try await withOpstap(demo: false) { app in
            let p = try await TestPartnership.make(app)
            let (programme, cohort) = (p.programme, p.cohort)
            let api = try await p.api(.coordinator)

            let registered = try await api.send(
                .POST, "/api/v1/candidates",
                json: """
                    {"givenName":"Samira","familyName":"Testpersoon","dateOfBirth":"1996-04-12","gender":"woman","bsn":"111222333",
                     "programmeId":"\(programme.id!)","stream":"statushouders","referredOn":"2026-11-02"}
                    """)
            #expect(registered.status == .created)
            #expect(registered.headers.first(name: .location)?.hasPrefix("/api/v1/candidates/") == true)
            var candidate = try api.decode(APICandidate.self, registered)
            #expect(candidate.stage == .referred)
            let base = "/api/v1/candidates/\(candidate.id)"

            for step in [
                #"{"step":"planIntake","date":"2026-11-10"}"#, #"{"step":"recordIntakeHeld","date":"2026-11-10"}"#,
                #"{"step":"startSelection"}"#,
            ] {
                let response = try await api.send(.POST, base + "/steps", json: step)
                #expect(response.status == .ok, "\(step)")
            }
            for criterion in ["taalniveau", "vooropleiding", "motivatie", "affiniteit-zorg"] {
                #expect(
                    try await api.send(.PUT, base + "/assessments/\(criterion)", json: #"{"score":4,"note":"goed"}"#)
                        .status == .ok)
            }
            let decided = try await api.send(
                .POST, base + "/decision", json: #"{"decision":"selected","reason":"Voldoet aan alle criteria."}"#)
            candidate = try api.decode(APICandidate.self, decided)
            #expect(candidate.decision == .selected)

            let enrolled = try await api.send(
                .POST, "/api/v1/enrolments", json: #"{"candidateId":"\#(candidate.id)","cohortId":"\#(cohort.id!)"}"#)
            #expect(enrolled.status == .created)
            let enrolment = try api.decode(APIEnrolment.self, enrolled)
            #expect(enrolment.programmeVersion == 1)
            let transitions = "/api/v1/enrolments/\(enrolment.id)/transitions"
            for body in [
                #"{"kind":"startPhase","phase":"vooropleiding","date":"2026-11-22"}"#,
                #"{"kind":"completePhase","result":"passed","date":"2026-11-22"}"#,
                #"{"kind":"startPhase","phase":"mbo-1","date":"2026-11-22"}"#,
            ] {
                #expect(try await api.send(.POST, transitions, json: body).status == .ok, "\(body)")
            }
            let now = try api.decode(APIEnrolment.self, try await api.send(.GET, "/api/v1/enrolments/\(enrolment.id)"))
            #expect(now.state == .inPhase)
            #expect(now.phase == "mbo-1")
            #expect(now.completedPhases == ["vooropleiding"])

            let history = try api.decode(APIPage<APITransition>.self, try await api.send(.GET, transitions)).items
            #expect(history.map(\.kind) == [.enrol, .startPhase, .completePhase, .startPhase])
            #expect(Set(history.map(\.actorId)).count == 1)
            let selection = try api.decode(APIPage<APIHistoryEvent>.self, try await api.send(.GET, base + "/history"))
                .items
            #expect(
                selection.map(\.kind) == [
                    "referred", "intakePlanned", "intakeHeld", "selectionStarted", "assessed", "assessed", "assessed",
                    "assessed", "selected",
                ])
        }
    }

    @Test func anInvalidTransitionIsRefusedWithTheReasonAndChangesNothing() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let enrolment = try await p.participant()
            let api = try await p.api(.coordinator)
            let response = try await api.send(
                .POST, "/api/v1/enrolments/\(enrolment.id!)/transitions",
                json: #"{"kind":"resume","date":"2026-11-22"}"#)
            #expect(response.status == .conflict)
            #expect(response.headers.contentType?.description.hasPrefix("application/problem+json") == true)
            let problem = try api.decode(APIProblem.self, response)
            #expect(problem.detail == "\"Hervatten\" kan niet vanuit de status \"In fase\".")
            let transitions = try await EnrolmentTransition.query(on: app.db).filter(\.$enrolment.$id == enrolment.id!)
                .count()
            #expect(transitions == 2)
        }
    }

    @Test func selectingBeforeEveryCriterionIsScoredIsRefused() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let candidacy = try await p.candidate(upTo: .intakeHeld)
            let api = try await p.api(.intakeOfficer)
            #expect(
                try await api.send(
                    .POST, "/api/v1/candidates/\(candidacy.id!)/steps", json: #"{"step":"startSelection"}"#
                ).status == .ok)
            let response = try await api.send(
                .POST, "/api/v1/candidates/\(candidacy.id!)/decision", json: #"{"decision":"selected","reason":"ok"}"#)
            #expect(response.status == .conflict)
            #expect(
                try api.decode(APIProblem.self, response).detail.contains(
                    "Taalniveau Nederlands, Eerdere opleiding, Motivatie, Affiniteit met de zorg"))
        }
    }

    @Test func aFullCohortRefusesAnotherEnrolment() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app, capacity: 2)
            for _ in 0..<2 { _ = try await p.participant() }
            let cohort = p.cohort
            let candidacy = try await p.candidate(upTo: .selection)
            try await DemoLookups(db: app.db).scoreAll(candidacy, app: app, by: p.email(.coordinator))
            let api = try await p.api(.coordinator)
            #expect(
                try await api.send(
                    .POST, "/api/v1/candidates/\(candidacy.id!)/decision",
                    json: #"{"decision":"selected","reason":"ok"}"#
                ).status == .ok)
            let response = try await api.send(
                .POST, "/api/v1/enrolments", json: #"{"candidateId":"\#(candidacy.id!)","cohortId":"\#(cohort.id!)"}"#)
            #expect(response.status == .badRequest)
            #expect(try api.decode(APIProblem.self, response).invalidParams?.map(\.code) == ["cohortFull"])
        }
    }
}
