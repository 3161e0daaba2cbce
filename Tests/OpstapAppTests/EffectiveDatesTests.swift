import Fluent
import Foundation
import OpstapDomain
import Testing
import Vapor
@testable import OpstapApp

/// A partnership that brings in a cohort that began long ago: every step carries the day it
/// happened, the clock only says when it was recorded, and everything computed from dates
/// follows the effective dates.
@Suite struct EffectiveDatesTests {
    /// A partnership whose programme was published in June 2023, so a cohort of that autumn falls
    /// under it.
    func partnership(_ app: Application) async throws -> TestPartnership {
        try await TestPartnership.make(app, publishedOn: SimpleDate("2023-06-01")!)
    }

    /// A permit holder referred in September 2023, selected, and enrolled in a new cohort that
    /// started on 2 October 2023 — all entered today (22 November 2026) by the coordinator.
    struct Running {
        let api: APIClient
        let candidateID: UUID
        let enrolmentID: UUID
        let cohortID: UUID
    }

    func enterRunningParticipant(_ p: TestPartnership) async throws -> Running {
        try await enterRunningParticipant(try await p.api(.coordinator), programme: p.programme)
    }

    func enterRunningParticipant(
        _ api: APIClient, programme: Programme, bsn: String = "123456782", enrolledOn: String = "2023-10-02"
    ) async throws -> Running {
        let cohort = try await api.send(
            .POST, "/api/v1/cohorts",
            json: """
                {"programmeId":"\(programme.id!)","name":"Instroom oktober 2023","startDate":"2023-10-02","capacity":20,"streams":["statushouders"]}
                """)
        #expect(cohort.status == .created)
        let cohortID = try api.decode(APICohortIDOnly.self, cohort).id
        let registered = try await api.send(
            .POST, "/api/v1/candidates",
            json: """
                {"givenName":"Hanna","familyName":"Oudgediende","dateOfBirth":"1991-03-14","gender":"woman","bsn":"\(bsn)",
                 "programmeId":"\(programme.id!)","stream":"statushouders","referredOn":"2023-09-01"}
                """)
        #expect(registered.status == .created)
        let candidate = try api.decode(APICandidate.self, registered)
        let base = "/api/v1/candidates/\(candidate.id)"
        for step in [
            #"{"step":"planIntake","date":"2023-09-11"}"#, #"{"step":"recordIntakeHeld","date":"2023-09-11"}"#,
            #"{"step":"startSelection"}"#,
        ] {
            #expect(try await api.send(.POST, base + "/steps", json: step).status == .ok, "\(step)")
        }
        for criterion in ["taalniveau", "vooropleiding", "motivatie", "affiniteit-zorg"] {
            #expect(
                try await api.send(.PUT, base + "/assessments/\(criterion)", json: #"{"score":4,"note":"goed"}"#).status
                    == .ok)
        }
        #expect(
            try await api.send(.POST, base + "/decision", json: #"{"decision":"selected","reason":"Voldoet."}"#).status
                == .ok)
        let enrolled = try await api.send(
            .POST, "/api/v1/enrolments",
            json: """
                {"candidateId":"\(candidate.id)","cohortId":"\(cohortID)","enrolledOn":"\(enrolledOn)"}
                """)
        #expect(enrolled.status == .created)
        let enrolment = try api.decode(APIEnrolment.self, enrolled)
        return Running(api: api, candidateID: candidate.id, enrolmentID: enrolment.id, cohortID: cohortID)
    }

    @Test func aCohortThatBeganIn2023IsEnteredWithItsRealCalendar() async throws {
        try await withOpstap(demo: false) { app in
            let p = try await partnership(app)
            let running = try await enterRunningParticipant(p)
            let transitions = "/api/v1/enrolments/\(running.enrolmentID)/transitions"
            for body in [
                #"{"kind":"startPhase","phase":"vooropleiding","date":"2023-10-02"}"#,
                #"{"kind":"completePhase","result":"passed","date":"2024-02-16"}"#,
                #"{"kind":"startPhase","phase":"mbo-1","date":"2024-02-19"}"#,
            ] {
                let response = try await running.api.send(.POST, transitions, json: body)
                #expect(response.status == .ok, "\(body): \(response.body.string)")
            }
            let history = try running.api.decode(
                APIPage<APITransition>.self, try await running.api.send(.GET, transitions)
            ).items
            #expect(history.map(\.kind) == [.enrol, .startPhase, .completePhase, .startPhase])
            #expect(history.map(\.effectiveOn.iso) == ["2023-10-02", "2023-10-02", "2024-02-16", "2024-02-19"])
            let now = try running.api.decode(
                APIEnrolment.self, try await running.api.send(.GET, "/api/v1/enrolments/\(running.enrolmentID)"))
            #expect(now.state == .inPhase)
            #expect(now.phase == "mbo-1")
            #expect(now.lastTransitionOn.iso == "2024-02-19")

            // Hours of a week in March 2024 are accepted: they are after the enrolment date.
            let hours = try await running.api.send(
                .POST, "/api/v1/enrolments/\(running.enrolmentID)/hours",
                json: """
                    {"date":"2024-03-04","activity":"practice","hours":8,"attendance":"present","place":"Alrijne"}
                    """)
            #expect(hours.status == .created, "\(hours.body.string)")
            // ... but not before it.
            let early = try await running.api.send(
                .POST, "/api/v1/enrolments/\(running.enrolmentID)/hours",
                json: """
                    {"date":"2023-09-29","activity":"practice","hours":8,"attendance":"present","place":"Alrijne"}
                    """)
            #expect(early.status == .badRequest)
            #expect(try running.api.decode(APIProblem.self, early).invalidParams?.map(\.code) == ["beforeEnrolment"])

            // The dashboard and goals start this participant on the day the first phase began.
            let facts = try await ProgrammeFacts.load(programmeID: p.programme.id!, on: app.db)
            #expect(facts.first { $0.enrolmentID == running.enrolmentID }?.startedOn.iso == "2023-10-02")
        }
    }

    @Test func anEnrolmentDateInTheFutureOrBeforeTheReferralIsRefusedByField() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let lookups = DemoLookups(db: app.db)
            // Referred 90 days before the cohort started (23 June 2026).
            let candidacy = try await p.candidate(upTo: .selection)
            try await lookups.scoreAll(candidacy, app: app, by: p.email(.coordinator))
            let api = try await p.api(.coordinator)
            #expect(
                try await api.send(
                    .POST, "/api/v1/candidates/\(candidacy.id!)/decision",
                    json: #"{"decision":"selected","reason":"ok"}"#
                ).status == .ok)
            let cohort = p.cohort
            let future = try await api.send(
                .POST, "/api/v1/enrolments",
                json: #"{"candidateId":"\#(candidacy.id!)","cohortId":"\#(cohort.id!)","enrolledOn":"2026-12-01"}"#)
            #expect(future.status == .badRequest)
            #expect(try api.decode(APIProblem.self, future).invalidParams?.map(\.name) == ["enrolledOn"])
            #expect(try api.decode(APIProblem.self, future).invalidParams?.map(\.code) == ["dateInFuture"])
            let early = try await api.send(
                .POST, "/api/v1/enrolments",
                json: #"{"candidateId":"\#(candidacy.id!)","cohortId":"\#(cohort.id!)","enrolledOn":"2000-01-03"}"#)
            #expect(try api.decode(APIProblem.self, early).invalidParams?.map(\.code) == ["beforeReferral"])
            #expect(try await Enrolment.query(on: app.db).filter(\.$candidacy.$id == candidacy.id!).count() == 0)

            // The web form says the same next to the field and keeps nothing.
            let web = try await p.web(.coordinator)
            let page = try await web.post(
                "/candidates/\(candidacy.id!)/enrol",
                [("cohortId", cohort.id!.uuidString), ("enrolledOn", "2026-12-01")])
            #expect(page.status == .badRequest)
            #expect(page.body.string.contains("Deze datum ligt in de toekomst."))
            let done = try await web.post(
                "/candidates/\(candidacy.id!)/enrol",
                [("cohortId", cohort.id!.uuidString), ("enrolledOn", "2026-11-20")])
            #expect(done.status == .seeOther)
            let enrolment = try #require(
                try await Enrolment.query(on: app.db).filter(\.$candidacy.$id == candidacy.id!).first())
            let enrol = try #require(
                try await EnrolmentTransition.query(on: app.db).filter(\.$enrolment.$id == enrolment.id!).first())
            #expect(enrol.effectiveOn == "2026-11-20")
        }
    }

    @Test func theDossierTimelineShowsAStepEnteredLate() async throws {
        try await withOpstap(demo: false) { app in
            let p = try await partnership(app)
            let running = try await enterRunningParticipant(p)
            let dossier = try await p.web(.coordinator).get(
                "/participants/\(running.enrolmentID)"
            ).body.string
            // Enrolled on 2 October 2023, recorded on 22 November 2026.
            let timeline = try #require(dossier.range(of: "timeline-title").map { String(dossier[$0.lowerBound...]) })
            #expect(timeline.contains("2 okt. 2023"))
            #expect(timeline.contains("later vastgelegd"))
        }
    }

    @Test func attentionCanBeSeenAsOfAPastDay() async throws {
        try await withOpstap(demo: false) { app in
            let p = try await partnership(app)
            let running = try await enterRunningParticipant(p)
            let transitions = "/api/v1/enrolments/\(running.enrolmentID)/transitions"
            #expect(
                try await running.api.send(
                    .POST, transitions, json: #"{"kind":"startPhase","phase":"vooropleiding","date":"2023-10-02"}"#
                ).status == .ok)
            #expect(
                try await running.api.send(
                    .POST, transitions, json: #"{"kind":"withdraw","exitReason":"movedAway","date":"2024-06-03"}"#
                ).status == .ok)

            func listed(_ query: String) async throws -> [APIAttention] {
                let response = try await running.api.send(
                    .GET, "/api/v1/attention" + (query.isEmpty ? "?" : query + "&") + "pageSize=100")
                #expect(response.status == .ok, "\(query): \(response.body.string)")
                let page = try running.api.decode(APIPage<APIAttention>.self, response)
                #expect(page.total <= 100)
                return page.items
            }
            // Today she has left: nobody follows her any more.
            #expect(try await listed("").contains { $0.enrolmentId == running.enrolmentID } == false)
            // In May 2024 she was in the pre-education with no hours recorded at all.
            let may = try await listed("?asOf=2024-05-15").first { $0.enrolmentId == running.enrolmentID }
            #expect(may?.signals.map(\.kind).contains(.noHoursSince) == true)
            // Before she was enrolled there was nothing to see.
            #expect(try await listed("?asOf=2023-09-15").contains { $0.enrolmentId == running.enrolmentID } == false)

            let future = try await running.api.send(.GET, "/api/v1/attention?asOf=2027-01-01")
            #expect(future.status == .badRequest)
            #expect(try running.api.decode(APIProblem.self, future).invalidParams?.map(\.code) == ["dateInFuture"])
            #expect(try await running.api.send(.GET, "/api/v1/attention?asOf=15-05-2024x").status == .badRequest)

            // The page and the dossier show the same day.
            let web = try await p.web(.coordinator)
            let page = try await web.get("/attention?asOf=2024-05-15").body.string
            #expect(page.contains("Wie had aandacht nodig op 15 mei 2024"))
            #expect(page.contains("Hanna Oudgediende"))
            let dossier = try await web.get("/participants/\(running.enrolmentID)?asOf=2024-05-15").body.string
            #expect(dossier.contains("Signalen op 15 mei 2024"))
        }
    }

    @Test func someoneWhoWithdrewCanBeReferredAgainAndEsfCountsThemOnce() async throws {
        try await withOpstap(demo: false) { app in
            // An ESF+ grant for 2024 and 2025 is the subject.
            let p = try await partnership(app)
            let programme = p.programme
            let stream = try await p.esfStream(from: SimpleDate("2024-01-01")!, to: SimpleDate("2025-12-31")!)
            let running = try await enterRunningParticipant(
                try await p.api(.coordinator), programme: programme, enrolledOn: "2024-01-08")
            let transitions = "/api/v1/enrolments/\(running.enrolmentID)/transitions"
            #expect(
                try await running.api.send(
                    .POST, transitions, json: #"{"kind":"startPhase","phase":"vooropleiding","date":"2024-01-08"}"#
                ).status == .ok)
            let enrolment = try #require(try await Enrolment.find(running.enrolmentID, on: app.db))
            let again =
                #"{"existingPersonId":"\#(enrolment.$person.id)","givenName":"","familyName":"","dateOfBirth":"","gender":"woman","bsn":"","programmeId":"\#(programme.id!)","stream":"statushouders","referredOn":"2024-09-02"}"#
            // While the first route runs, a second referral is refused.
            let refused = try await running.api.send(.POST, "/api/v1/candidates", json: again)
            #expect(refused.status == .badRequest)
            #expect(try running.api.decode(APIProblem.self, refused).invalidParams?.map(\.code) == ["alreadyCandidate"])
            #expect(
                try await running.api.send(
                    .POST, transitions, json: #"{"kind":"withdraw","exitReason":"health","date":"2024-04-05"}"#
                ).status == .ok)
            let referred = try await running.api.send(.POST, "/api/v1/candidates", json: again)
            #expect(referred.status == .created, "\(referred.body.string)")
            let second = try running.api.decode(APICandidate.self, referred)
            #expect(second.id != running.candidateID)

            // Selected and enrolled a second time, the person is one ESF+ participant whose entry is the first.
            let base = "/api/v1/candidates/\(second.id)"
            for step in [
                #"{"step":"planIntake","date":"2024-09-09"}"#, #"{"step":"recordIntakeHeld","date":"2024-09-09"}"#,
                #"{"step":"startSelection"}"#,
            ] {
                #expect(try await running.api.send(.POST, base + "/steps", json: step).status == .ok)
            }
            for criterion in ["taalniveau", "vooropleiding", "motivatie", "affiniteit-zorg"] {
                #expect(
                    try await running.api.send(
                        .PUT, base + "/assessments/\(criterion)", json: #"{"score":4,"note":"goed"}"#
                    ).status == .ok)
            }
            #expect(
                try await running.api.send(
                    .POST, base + "/decision", json: #"{"decision":"selected","reason":"Terug."}"#
                ).status == .ok)
            let enrolled = try await running.api.send(
                .POST, "/api/v1/enrolments",
                json: """
                    {"candidateId":"\(second.id)","cohortId":"\(running.cohortID)","enrolledOn":"2024-09-16"}
                    """)
            #expect(enrolled.status == .created, "\(enrolled.body.string)")
            let reentry = try running.api.decode(APIEnrolment.self, enrolled)
            #expect(
                try await running.api.send(
                    .POST, "/api/v1/enrolments/\(reentry.id)/transitions",
                    json: #"{"kind":"startPhase","phase":"vooropleiding","date":"2024-09-16"}"#
                ).status == .ok)

            let eligibility = try await running.api.send(
                .PUT, "/api/v1/funding-streams/\(stream.id!)/eligibility/\(enrolment.$person.id)",
                json:
                    #"{"eligible":true,"targetGroup":"Statushouders","evidenceKind":"residencePermit","checkedOn":"2024-01-05"}"#
            )
            #expect(eligibility.status == .ok, "\(eligibility.body.string)")
            let people = try await EsfInputs(db: app.db).people(for: stream, today: testToday)
            let register = EsfRegister.participants(people, today: testToday)
            let entries = register.filter { $0.personID == enrolment.$person.id }
            #expect(entries.count == 1)
            #expect(entries.first?.entryDate.iso == "2024-01-08")
            // Exit is that of the last route (still running when the grant ended), not the withdrawal of April 2024.
            #expect(entries.first?.exitDate?.iso == "2025-12-31")

            // Each dossier links the other route on its timeline.
            let dossier = try await p.web(.coordinator).get("/participants/\(reentry.id)").body.string
            #expect(dossier.contains("href=\"/participants/\(running.enrolmentID)\""))
        }
    }

    @Test func aRecordedOutcomeThatMeansWorkCountsAsAJob() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            // Two participants through the three phases, completed on 16 November: one with a job,
            // one going on to further education (not work).
            let d = { (iso: String) in SimpleDate(iso)! }
            for outcome in ["baan-avant", "vervolgopleiding"] {
                _ = try await p.participant(commands: [
                    .startPhase(code: "vooropleiding", on: d("2026-09-21")),
                    .completePhase(result: .passed, on: d("2026-10-05")),
                    .startPhase(code: "mbo-1", on: d("2026-10-05")),
                    .completePhase(result: .passed, on: d("2026-10-19")),
                    .startPhase(code: "mbo-2", on: d("2026-10-19")),
                    .completePhase(result: .passed, on: d("2026-11-16")),
                    .complete(outcomeCode: outcome, on: d("2026-11-16")),
                ])
            }
            let programme = p.programme
            let facts = try await ProgrammeFacts.load(programmeID: programme.id!, on: app.db)
            let completed = facts.filter { $0.state == .completed }
            let versions = try await ProgrammeVersion.query(on: app.db).filter(\.$programme.$id == programme.id!).all()
            let jobCodes = Set(versions.flatMap { $0.definition.outcomes.filter { $0.kind.meansJob }.map(\.code) })
            let enrolments = try await Enrolment.query(on: app.db).filter(\.$id ~~ completed.map(\.enrolmentID)).all()
            let withJobOutcome = Set(
                enrolments.filter { $0.outcomeCode.map(jobCodes.contains) ?? false }.compactMap(\.id))
            #expect(withJobOutcome.count == 1 && completed.count == 2)
            for row in completed where withJobOutcome.contains(row.enrolmentID) {
                #expect(row.jobStartedOn == row.completedOn, "\(row.enrolmentID)")
            }
        }
    }
}

/// Only the id of a created cohort.
private struct APICohortIDOnly: Decodable { var id: UUID }
