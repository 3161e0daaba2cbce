import Fluent
import Foundation
import OpstapDomain
import SQLKit
import Testing
import Vapor
@testable import OpstapApp

/// NEN 7513 asks that every read of a person's data is logged. This test is generated from the
/// route table, not a hand-kept list: every GET route of the pages and the API is requested
/// by users of several roles, with ids from their own reach, and every successful answer that
/// names a person — or opens one by an id in its path — must have written an access-log row
/// for that person. A new route that shows people without going through `Scope` (or without
/// `Scope.logListed` for a list) fails here.
@Suite struct AccessLogCoverageTests {
    static let users = [
        "coordinator.leiden@opstap.demo", "intake.leiden@opstap.demo", "coach.kansrijk@opstap.demo",
        "werkbegeleider.kansrijk@opstap.demo", "hr.leiden@opstap.demo", "wonen.leiden@opstap.demo",
    ]
    /// Pages outside the signed-in area, and machine endpoints: they show no one's file.
    static let outside: Set<String> = [
        "login", "setup", "invite", "static", "health", "metrics", "taal", "activeren", "manifest.webmanifest",
    ]
    /// Parameters that open one person's file.
    static let personParameters: Set<String> = ["enrolmentID", "candidacyID", "personID", "personId"]

    /// The routes are walked in shards that run side by side: one walk of every route by six
    /// users was the longest test of the suite, and the run waited for it at the end.
    static let shards = 4

    @Test(arguments: 0..<shards) func everyRouteThatShowsAPersonLogsTheRead(shard: Int) async throws {
        try await withOpstap { app in
            let routes = app.routes.all.filter { route in
                let segments = route.path.map(\.description)
                guard route.method == .GET, !Self.outside.contains(segments.first ?? "") else { return false }
                return segments.first != "api" || segments.count > 2 && segments[2] != "openapi.json"
            }.enumerated().filter { $0.offset % Self.shards == shard }.map(\.element)
            // The demo gives some people the same name: a name is logged when one of them is.
            let people = Dictionary(
                grouping: try await Person.query(on: app.db).all().map { (id: try $0.requireID(), name: $0.fullName) },
                by: \.name
            ).mapValues { Set($0.map(\.id)) }
            var failures: [String] = []
            var opened: Set<String> = []
            for email in Self.users {
                let samples = try await Samples.of(email, app: app)
                let web = try await WebClient.login(app, email)
                let api = try await APIClient.forUser(app, email)
                for route in routes {
                    let pattern = "/" + route.path.map(\.description).joined(separator: "/")
                    guard let path = samples.fill(route.path) else {
                        failures.append("\(pattern): no sample id for a parameter; add one to Samples")
                        continue
                    }
                    try await AccessLogEntry.query(on: app.db).delete()
                    let isAPI = route.path.first?.description == "api"
                    let response = isAPI ? try await api.send(.GET, path) : try await web.get(path)
                    guard response.status == .ok else { continue }
                    let logged = Set(
                        try await AccessLogEntry.query(on: app.db).filter(\.$actor.$id == samples.userID)
                            .all(\.$person.$id))
                    let opens = samples.opensPerson(route.path)
                    if let opens {
                        opened.insert(pattern)
                        if !logged.contains(opens) { failures.append("\(pattern) as \(email): opened file not logged") }
                    }
                    let body = response.body.string
                    let shown = people.filter { Self.mentions(body, $0.key) }
                    let unlogged = shown.filter { $0.value.isDisjoint(with: logged) }.keys.sorted()
                    if !unlogged.isEmpty {
                        failures.append(
                            "\(pattern) as \(email): \(unlogged.count) of \(shown.count) names unlogged, e.g. \(unlogged[0])"
                        )
                    }
                }
            }
            #expect(failures.isEmpty, "\(failures.count) failures:\n\(failures.joined(separator: "\n"))")
            // Every route that opens a person by id was reached by at least one of the users,
            // so the checks above saw each of them answer.
            let personRoutes = Set(
                routes.filter { Samples.personParameter(in: $0.path) != nil }.map {
                    "/" + $0.path.map(\.description).joined(separator: "/")
                })
            #expect(
                personRoutes.subtracting(opened).isEmpty,
                "never answered 200: \(personRoutes.subtracting(opened).sorted())")
        }
    }

    /// Whether a page or JSON names the person: the name as a whole word, raw or HTML-escaped.
    static func mentions(_ body: String, _ name: String) -> Bool {
        for variant in Set([name, name.replacingOccurrences(of: "'", with: "&#39;")]) {
            var searchRange = body.startIndex..<body.endIndex
            while let found = body.range(of: variant, range: searchRange) {
                let after = found.upperBound < body.endIndex ? body[found.upperBound] : " "
                let before = found.lowerBound > body.startIndex ? body[body.index(before: found.lowerBound)] : " "
                if !after.isLetter, !before.isLetter { return true }
                searchRange = found.upperBound..<body.endIndex
            }
        }
        return false
    }
}

/// Ids a user may reach, one per kind of route parameter: the participant with the most hours
/// in the user's reach, and the records around them.
private struct Samples {
    let userID: UUID
    let ids: [String: String]

    static func of(_ email: String, app: Application) async throws -> Samples {
        let lookups = DemoLookups(db: app.db)
        let scope = try await lookups.scope(email)
        let user = try await lookups.user(email)
        let reachable = try await scope.enrolments().all()
        let hours = try await HourEntry.query(on: app.db).all(\.$enrolment.$id)
        let counts = Dictionary(hours.map { ($0, 1) }, uniquingKeysWith: +)
        // Ties broken by id: rows come in whatever order the query plan reads them.
        let enrolment = try #require(
            reachable.max {
                (counts[$0.id!, default: 0], $1.id!.uuidString) < (counts[$1.id!, default: 0], $0.id!.uuidString)
            })
        let candidacyID =
            try await scope.candidacies().filter(\.$person.$id == enrolment.$person.id).first()?.id
            ?? enrolment.$candidacy.id
        let stream = try await FundingStream.query(on: app.db).filter(\.$programme.$id == enrolment.$programme.id)
            .first()
        var characteristicsHolder: String?
        if let streamID = stream?.id {
            characteristicsHolder = try await EsfCharacteristicsRecord.query(on: app.db)
                .filter(\.$stream.$id == streamID).filter(\.$person.$id ~~ reachable.map(\.$person.id))
                .sort(\.$person.$id).first()?.$person.id.uuidString
        }
        let sql = try #require(app.db as? any SQLDatabase)
        func first(_ table: String) async throws -> String {
            let row = try await sql.raw("SELECT id FROM \(ident: table) LIMIT 1").first()
            return try row?.decode(column: "id", as: UUID.self).uuidString ?? UUID().uuidString
        }
        let anyLocation = try await first("locations")
        let location =
            try await Location.query(on: app.db).filter(\.$organisation.$id == user.$organisation.id).first()?.id?
            .uuidString ?? anyLocation
        let ids: [String: String] = [
            "enrolments": enrolment.id!.uuidString, "participants": enrolment.id!.uuidString,
            "candidates": candidacyID.uuidString, "persons": enrolment.$person.id.uuidString,
            "cohorts": enrolment.$cohort.id.uuidString, "programmes": enrolment.$programme.id.uuidString,
            "funding-streams": stream?.id?.uuidString ?? UUID().uuidString,
            "funding": stream?.id?.uuidString ?? UUID().uuidString,
            "imports": try await first("candidate_imports"), "candidate-imports": try await first("candidate_imports"),
            "participant-imports": try await first("candidate_imports"),
            "complexes": try await first("housing_complexes"), "housing": try await first("housing_complexes"),
            "locations": location, "users": user.id!.uuidString,
            "organisations": user.$organisation.id.uuidString, "versions": "1",
            // Someone in reach whose ESF+ characteristics the stream holds (not everyone is eligible).
            "characteristics": characteristicsHolder ?? enrolment.$person.id.uuidString,
            "held": try await first("held_registrations"),
            "held-registrations": try await first("held_registrations"),
            // A participant's own hour line (`/mijn/uren/:entryID`): staff never reach those pages.
            "uren": try await first("hour_entries"),
            // A step from the dossier's "Volgende stap" that every running participant allows.
            "step": "withdraw",
        ]
        return Samples(userID: user.id!, ids: ids)
    }

    /// The path with every parameter replaced by the sample of the segment before it.
    func fill(_ path: [PathComponent]) -> String? {
        var parts: [String] = []
        for (index, component) in path.enumerated() {
            switch component {
            case .constant(let text): parts.append(text)
            case .parameter:
                guard index > 0, let id = ids[path[index - 1].description] else { return nil }
                parts.append(id)
            default: return nil
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// The person whose file the route opens by an id in its path, if it does.
    func opensPerson(_ path: [PathComponent]) -> UUID? {
        guard Self.personParameter(in: path) != nil else { return nil }
        // A stream's characteristics are opened for their own sample person (see `of`).
        let key = path.contains(where: { $0.description == "characteristics" }) ? "characteristics" : "persons"
        return UUID(uuidString: ids[key]!)
    }

    static func personParameter(in path: [PathComponent]) -> String? {
        for (index, component) in path.enumerated() {
            guard case .parameter(let name) = component, index > 0 else { continue }
            if AccessLogCoverageTests.personParameters.contains(name) { return name }
            if name == "id", ["candidates", "persons", "enrolments"].contains(path[index - 1].description) {
                return name
            }
        }
        return nil
    }
}
