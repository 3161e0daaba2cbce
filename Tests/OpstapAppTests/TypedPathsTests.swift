import Foundation
import OpstapDomain
import OpstapViews
import Testing
import Vapor
@testable import OpstapApp

/// Every HTML route is declared once, in `Paths` (OpstapViews): the route table registers it and
/// the pages and web controllers build their links, redirects and form actions with it, so a
/// route and its links cannot drift apart. These tests hold `Paths` against the route table,
/// check what a path builds, and keep literal paths out of the page and controller sources.
@Suite struct TypedPathsTests {
    /// Routes registered with a literal path, each with why. The JSON API (`/api/…`) is
    /// described by `openapi.yaml` instead.
    static let literalRoutes: [String: String] = [
        "/health": "for the load balancer; no page links to it",
        "/metrics": "for Prometheus; no page links to it",
    ]

    static func registeredRoutes() async throws -> [(method: HTTPMethod, path: String)] {
        let app = try await Application.make(.testing)
        do {
            try routes(app)
        } catch {
            try await app.asyncShutdown()
            throw error
        }
        let registered = app.routes.all.map { route in
            (method: route.method, path: "/" + route.path.map(\.description).joined(separator: "/"))
        }
        try await app.asyncShutdown()
        return registered
    }

    @Test func theRouteTableRegistersEveryPathAndNothingElse() async throws {
        let registered = try await Self.registeredRoutes()
        let html = registered.filter { !$0.path.hasPrefix("/api/") && Self.literalRoutes[$0.path] == nil }
        // The filter must see the pages, or the checks below would pass by seeing nothing.
        #expect(html.contains { $0.method == .GET && $0.path == "/participants/:enrolmentID" })
        #expect(html.allSatisfy { $0.method == .GET || $0.method == .POST }, "\(html.map(\.method))")

        let declared = Paths.all.map(\.pattern.description)
        #expect(Set(declared).count == declared.count, "declared twice: \(declared.duplicates)")
        let notDeclared = Set(html.map(\.path)).subtracting(declared)
        #expect(notDeclared.isEmpty, "registered with a literal path instead of from Paths: \(notDeclared.sorted())")
        let notRegistered = Set(declared).subtracting(html.map(\.path))
        #expect(notRegistered.isEmpty, "declared in Paths but not registered: \(notRegistered.sorted())")
        let stale = Set(Self.literalRoutes.keys).subtracting(registered.map(\.path))
        #expect(stale.isEmpty, "listed as literal routes, but not registered: \(stale.sorted())")
    }

    @Test func aPathBuildsItsURL() {
        let enrolment = UUID(uuidString: "00000000-0000-0000-0000-0000000000E5")!
        let assignment = UUID(uuidString: "00000000-0000-0000-0000-00000000A551")!
        #expect(Paths.home() == "/")
        #expect(Paths.tasks() == "/tasks")
        #expect(Paths.lessonsCSV() == "/lessons.csv")
        #expect(Paths.ownHours() == "/mijn/uren")
        #expect(Paths.dossier(enrolment) == "/participants/00000000-0000-0000-0000-0000000000E5")
        #expect(
            Paths.participantTeamEnd(enrolment, assignment)
                == "/participants/00000000-0000-0000-0000-0000000000E5/team/00000000-0000-0000-0000-00000000A551/end")
        #expect(Paths.programmeVersion(enrolment, 3) == "/programmes/00000000-0000-0000-0000-0000000000E5/versions/3")
        #expect(
            Paths.participantStep(enrolment, .startPhase)
                == "/participants/00000000-0000-0000-0000-0000000000E5/step/startPhase")
        #expect(Paths.candidateAssessment(enrolment, "age").hasSuffix("/assessments/age"))
        #expect(Paths.language(.prs) == "/taal/prs")
        #expect(Paths.invitation("K7QX-42PA") == "/invite/K7QX-42PA")
        // A query string or fragment is appended where the link is built.
        #expect(Paths.hoursApprovals() + "?week=2026-11-16" == "/hours/approvals?week=2026-11-16")
    }

    @Test func aPatternNamesItsParameters() {
        #expect(Paths.home.pattern.description == "/")
        #expect(Paths.dossier.pattern.description == "/participants/:enrolmentID")
        #expect(Paths.participantTeamEnd.pattern.parameters == [.enrolmentID, .assignmentID])
        #expect(
            Paths.participantTeamEnd.pattern.components.map(\.description) == [
                "participants", ":enrolmentID", "team", ":assignmentID", "end",
            ])
        // Every parameter a handler may read is one some route has.
        let used = Set(Paths.all.flatMap(\.pattern.parameters))
        #expect(used == Set(PathParameter.allCases), "unused: \(Set(PathParameter.allCases).subtracting(used))")
    }

    // MARK: - The sources

    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func swiftFiles(in folder: String) throws -> [URL] {
        let enumerator = try #require(
            FileManager.default.enumerator(at: root.appendingPathComponent(folder), includingPropertiesForKeys: nil))
        return enumerator.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }.sorted { $0.path < $1.path }
    }

    /// A new path also goes into its area's list, which `Paths.all` joins: counted here from the
    /// declarations themselves.
    @Test func everyDeclaredPathIsInAll() throws {
        var declarations = 0
        for file in try Self.swiftFiles(in: "Sources/OpstapViews/Paths") {
            let text = try String(contentsOf: file, encoding: .utf8)
            declarations += text.matches(of: #/static let [A-Za-z0-9]+ = Path[012]\b/#).count
        }
        #expect(declarations > 100)
        #expect(declarations == Paths.all.count, "\(declarations) declared, \(Paths.all.count) in Paths.all")
    }

    /// Pages, components and the code that builds links, redirects and form actions name a path
    /// by its declaration, never as text: neither `"/participants/…"` nor `base + "/notes"`.
    @Test func noSourceWritesAnHTMLPathAsText() throws {
        let firstSegments = Set(
            Paths.all.compactMap { path -> String? in
                guard case .literal(let text)? = path.pattern.segments.first else { return nil }
                return text
            })
        // The scan must know the paths, or it would pass by looking for nothing.
        #expect(firstSegments.isSuperset(of: ["participants", "mijn", "admin", "static"]))
        let alternatives = firstSegments.sorted().map { NSRegularExpression.escapedPattern(for: $0) }
        let literal = try Regex(#""/(?:"# + alternatives.joined(separator: "|") + #")(?=[/"?#.])"#)
        let appended = #/\+ "/[a-z]/#
        let folders = [
            "Sources/OpstapViews/Pages", "Sources/OpstapViews/Components", "Sources/OpstapViews/Models",
            "Sources/OpstapApp/Web", "Sources/OpstapApp/ReadModels", "Sources/OpstapApp/Auth",
        ]
        var found: [String] = []
        var scanned = 0
        for folder in folders {
            for file in try Self.swiftFiles(in: folder) {
                scanned += 1
                let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
                for (number, line) in lines.enumerated()
                where line.contains(literal) || line.contains(appended) {
                    found.append(
                        "\(file.lastPathComponent):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
                }
            }
        }
        #expect(scanned > 50)
        #expect(found.isEmpty, "paths written as text; use Paths:\n\(found.joined(separator: "\n"))")
    }
}

extension Array where Element: Hashable {
    fileprivate var duplicates: [Element] {
        var seen = Set<Element>()
        return filter { !seen.insert($0).inserted }
    }
}
