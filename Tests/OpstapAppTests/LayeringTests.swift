import Foundation
import Testing

/// The API and the web pages are two doors to the same operations and read models: neither
/// reaches into the other. An API handler that calls a web controller couples the API to
/// page code (and its Dutch texts) and hides shared logic where the next reader won't look.
@Suite struct LayeringTests {
    static let sources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/OpstapApp")

    static func swiftFiles(in folder: String) throws -> [URL] {
        let root = sources.appendingPathComponent(folder)
        let enumerator = try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
        return enumerator.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }.sorted { $0.path < $1.path }
    }

    /// The types declared at the top level of the web layer.
    static func webTypes() throws -> Set<String> {
        var names = Set<String>()
        for file in try swiftFiles(in: "Web") {
            for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") {
                if let match = line.firstMatch(
                    of:
                        #/^(?:public |internal |private |fileprivate )?(?:final )?(?:struct|enum|class|protocol|actor|typealias) ([A-Za-z_][A-Za-z0-9_]*)/#
                ) {
                    names.insert(String(match.1))
                }
            }
        }
        return names
    }

    @Test func noAPIFileNamesAWebType() throws {
        let web = try Self.webTypes()
        // The scan must see the controllers, or it would pass by seeing nothing.
        #expect(web.isSuperset(of: ["EsfWebController", "FundingWebController", "SupervisionController"]))
        var found: [String] = []
        for file in try Self.swiftFiles(in: "API") {
            let text = try String(contentsOf: file, encoding: .utf8)
            let words = Set(text.matches(of: #/[A-Za-z_][A-Za-z0-9_]*/#).map { String($0.output) })
            for name in words.intersection(web).sorted() { found.append("\(file.lastPathComponent) names \(name)") }
        }
        #expect(found.isEmpty, "API → Web references: \(found)")
    }
}
