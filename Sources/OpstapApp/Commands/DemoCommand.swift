import Vapor

/// `opstap demo` loads the reference programmes and demo population into an empty database.
struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String { "Loads both reference programmes and the demo population into an empty database." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let loaded = try await DemoData.loadIfEmpty(app: context.application)
        context.console.output(
            (loaded ? "Demo data loaded." : "The database is not empty; nothing loaded.").consoleText())
    }
}
