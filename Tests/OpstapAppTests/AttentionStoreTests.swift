import Fluent
import Foundation
import OpstapDomain
import OpstapViews
import SQLKit
import Testing
import Vapor
@testable import OpstapApp

/// Today's attention list comes from stored signals: it must say exactly what computing every
/// participant from scratch says, for any number of participants, and follow every change at once.
@Suite struct AttentionStoreTests {
    /// Every page of today's list over the API.
    func wholeList(_ api: APIClient) async throws -> [APIAttention] {
        var items: [APIAttention] = []
        var number = 1
        while true {
            let response = try await api.send(.GET, "/api/v1/attention?page=\(number)&pageSize=100")
            #expect(response.status == .ok, "\(response.body.string)")
            let page = try api.decode(APIPage<APIAttention>.self, response)
            items += page.items
            if items.count >= page.total || page.items.isEmpty { return items }
            number += 1
        }
    }

    /// The list as computed from scratch, without the store.
    func computed(_ app: Application, _ email: String) async throws -> [AttentionItem] {
        let scope = try await DemoLookups(db: app.db).scope(email)
        return try await Attention.all(
            try await scope.enrolments(), actor: scope.actor, asOf: scope.today, today: scope.today, on: app.db)
    }

    func same(_ listed: [APIAttention], _ computed: [AttentionItem]) {
        #expect(listed.count == computed.count)
        let expected = Dictionary(
            uniqueKeysWithValues: computed.map {
                ($0.enrolmentID, $0.signals.map { "\($0.kind.rawValue) \($0.figures)" })
            })
        for item in listed {
            #expect(
                expected[item.enrolmentId] == item.signals.map { "\($0.kind.rawValue) \($0.figures)" }, "\(item.name)")
        }
        // Most severe first, then the most recent reason.
        let keys = listed.map { item in
            (item.signals.map(\.severity).max() ?? 0, item.signals.map(\.since.iso).max() ?? "")
        }
        #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 >= $1 })
    }

    @Test func moreThanTwoThousandRunningParticipantsAreAllListedAsComputed() async throws {
        try await withOpstap(demo: false) { app in
            // 2,100 participants of a cohort that started in October 2023, in mbo-2 since September 2025
            // without a single hour recorded: every one of them is behind on hours.
            let p = try await ParticipantImportTests.partnership(app)
            let cohort = try await ParticipantImportTests.transferCohort(p, capacity: 2_100)
            let api = try await p.api(.coordinator)
            let rows = (0..<2_100).map {
                "Naam\($0);Achterstand;1990-01-01;X;02-10-2023;02-10-2023;19-02-2024;01-09-2025"
            }
            let created = try api.decode(
                APIParticipantImport.self,
                try await api.send(
                    .POST, "/api/v1/cohorts/\(cohort.id!)/participant-imports",
                    body: APIImportRequest(
                        stream: "statushouders", fileName: nil,
                        csv: ([ParticipantImportTests.header] + rows).joined(separator: "\n"))))
            _ = try await api.send(
                .PUT, "/api/v1/participant-imports/\(created.id)/mapping",
                body: APIImportMappingRequest(columns: created.mapping))
            #expect(
                try await api.send(.POST, "/api/v1/participant-imports/\(created.id)/run", json: "{}").status
                    == .accepted)
            let done = try await ParticipantImportTests.waitUntilFinished(created.id, app, seconds: 120)
            #expect(done.importedRows == 2_100)

            let listed = try await wholeList(api)
            let imported = Set(
                try await Enrolment.query(on: app.db).filter(\.$cohort.$id == cohort.requireID()).all(\.$id))
            #expect(imported.count == 2_100)
            #expect(imported.isSubset(of: Set(listed.map(\.enrolmentId))), "every imported participant is listed")
            same(listed, try await computed(app, p.email(.coordinator)))
            #expect(
                try await StoredAttention.query(on: app.db).filter(\.$id ~~ Array(imported)).filter(\.$rank > 0).count()
                    == 2_100)
        }
    }

    @Test func aContactRecordedNowTakesTheSignalOffTheListAtOnce() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            // One participant falls behind on hours; the other was last spoken to on 1 October.
            try await p.hours(for: try await p.participant(team: [.coach]), fallingBehind: true)
            let quietOne = try await p.participant(team: [.coach])
            let coach = try await p.api(.coach)
            let earlier = #"{"text":"Kennismaking","level":"team","contactOn":"2026-10-01"}"#
            #expect(
                try await coach.send(.POST, "/api/v1/enrolments/\(quietOne.id!)/notes", json: earlier).status
                    == .created)
            let before = try await wholeList(coach)
            same(before, try await computed(app, p.email(.coach)))
            let quiet = try #require(
                before.first { $0.signals.contains { $0.kind == .noContact } }, "no contact since 1 October")
            #expect(quiet.enrolmentId == quietOne.id)
            let note =
                #"{"text":"Telefonisch gesproken over het rooster","level":"team","contactOn":"\#(testToday.iso)"}"#
            #expect(
                try await coach.send(.POST, "/api/v1/enrolments/\(quiet.enrolmentId)/notes", json: note).status
                    == .created)
            let after = try await wholeList(coach)
            #expect(
                after.first { $0.enrolmentId == quiet.enrolmentId }?.signals.contains { $0.kind == .noContact } != true)
            same(after, try await computed(app, p.email(.coach)))
        }
    }

    /// Which rows a list recomputes is read from the enrolments (`attention_for`): a new
    /// enrolment and one computed for an earlier day are recomputed, a current one is left as it
    /// is; on SQLite the lookup is a search of M0060's partial index, not a pass over everyone.
    @Test func aListRecomputesOnlyWhatIsNewOrOfAnEarlierDay() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let current = try await p.participant(), earlier = try await p.participant()
            let coordinator = try await p.api(.coordinator)
            _ = try await wholeList(coordinator)
            let computed = try await StoredAttention.query(on: app.db).all()
            #expect(Set(computed.map(\.id)) == [current.id, earlier.id])
            #expect(computed.allSatisfy { $0.computedFor == testToday.iso })

            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.raw(
                "UPDATE enrolments SET attention_for = '2026-01-01' WHERE id = \(bind: earlier.id!)"
            ).run()
            // A current row that the list must leave alone: recomputing would put today's date back.
            try await StoredAttention.query(on: app.db).filter(\.$id == current.id!).set(
                \.$computedFor, to: "2026-01-02"
            )
            .update()
            let added = try await p.participant()
            _ = try await wholeList(coordinator)
            let after = Dictionary(
                uniqueKeysWithValues: try await StoredAttention.query(on: app.db).all().map { ($0.id!, $0.computedFor) }
            )
            #expect(after == [current.id!: "2026-01-02", earlier.id!: testToday.iso, added.id!: testToday.iso])
            // Every day stored is today's now: only the rows without one are looked for.
            #expect(try await AttentionStore.everyDay(is: testToday, on: app.db))
            let another = try await p.participant()
            _ = try await wholeList(coordinator)
            #expect(try await StoredAttention.find(another.id, on: app.db)?.computedFor == testToday.iso)
            #expect(try await StoredAttention.find(current.id, on: app.db)?.computedFor == "2026-01-02")

            guard sql.dialect.name == "sqlite" else { return }
            for query: SQLQueryString in [
                "SELECT min(\(AttentionStore.freshness)) FROM enrolments WHERE \(AttentionStore.running)",
                "SELECT id FROM enrolments WHERE \(AttentionStore.unset)",
            ] {
                let plan = try await sql.raw("EXPLAIN QUERY PLAN " + query).all().map {
                    try $0.decode(column: "detail", as: String.self)
                }
                #expect(
                    plan.contains {
                        $0.contains("SEARCH enrolments USING INDEX \(M0060_TrackAttentionOnEnrolments.index)")
                    }, "\(plan)")
            }
        }
    }

    /// A write that comes in while a row is being computed is not covered by that result: the
    /// row stays outdated and the next list computes it again.
    @Test func aRowMarkedWhileItWasComputedStaysOutdated() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let id = try await p.participant().requireID()
            let sql = try #require(app.db as? any SQLDatabase)
            func day() async throws -> String? {
                try await sql.raw("SELECT attention_for FROM enrolments WHERE id = \(bind: id)").first()?
                    .decodeIfPresent(column: "attention_for", as: String.self)
            }
            try await AttentionStore.refresh([id], today: testToday, on: app.db)
            #expect(try await day() == testToday.iso)

            let db = app.db
            try await AttentionStore.refresh([id], today: testToday, on: app.db) {
                try await AttentionStore.markStale([id], on: db)
            }
            #expect(try await day() == nil)
            #expect(
                try await AttentionStore.outdatedIDs(Enrolment.query(on: app.db), today: testToday, on: app.db) == [id])
            try await AttentionStore.refreshAll(today: testToday, on: app.db)
            #expect(try await day() == testToday.iso)
        }
    }

    @Test func withdrawingTakesAParticipantOffTheListAtOnce() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            // Two participants falling behind on hours: both are on the list.
            for _ in 0..<2 { try await p.hours(for: try await p.participant(), fallingBehind: true) }
            let coordinator = try await p.api(.coordinator)
            let before = try await wholeList(coordinator)
            #expect(before.count == 2)
            let flagged = try #require(before.first)
            let withdraw = #"{"kind":"withdraw","exitReason":"movedAway","date":"\#(testToday.iso)"}"#
            #expect(
                try await coordinator.send(
                    .POST, "/api/v1/enrolments/\(flagged.enrolmentId)/transitions", json: withdraw
                ).status == .ok)
            let after = try await wholeList(coordinator)
            #expect(!after.contains { $0.enrolmentId == flagged.enrolmentId })
            #expect(after.count == 1)
            same(after, try await computed(app, p.email(.coordinator)))
        }
    }

    @Test func theIntegrationDeadlineIsLeftOutForThoseWhoMayNotSeeIt() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            // A participant whose civic-integration deadline falls in two weeks: within the warning time.
            let enrolment = try await p.participant(team: [.coach, .workSupervisor])
            let person = try #require(try await Person.find(enrolment.$person.id, on: app.db))
            person.intake.civicIntegration.deadline = testToday.adding(weeks: 2)
            try await person.save(on: app.db)
            var warnedMaySee: [Bool] = []
            var mayNotSee = 0
            for role in [Role.coach, .workSupervisor, .coordinator] {
                let email = p.email(role)
                let api = try await p.api(role)
                let listed = try await wholeList(api)
                same(listed, try await computed(app, email))
                let actor = try await DemoLookups(db: app.db).actor(email)
                let warned = listed.contains { $0.signals.contains { $0.kind == .integrationDeadlineNear } }
                if actor.seesIntegrationDeadline {
                    warnedMaySee.append(warned)
                } else {
                    mayNotSee += 1
                    #expect(!warned, "\(email)")
                }
            }
            // Both kinds of reader are there, and those who may see the deadline are warned.
            #expect(mayNotSee > 0)
            #expect(!warnedMaySee.isEmpty && warnedMaySee.allSatisfy { $0 })
        }
    }
}
