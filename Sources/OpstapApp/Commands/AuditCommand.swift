import Fluent
import Vapor

/// `opstap audit verify` checks the hash chains of the access and security logs and names the
/// first broken link (exit code 1); `opstap audit seal` chains rows written since the last seal
/// (the server does so every minute).
struct AuditCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "verify or seal") var action: String
    }

    var help: String { "Verifies (or seals) the hash chains of the access and security logs." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let db = context.application.db
        switch signature.action {
        case "seal":
            let sealed = try await AuditChain.sealAll(on: db)
            context.console.output("Sealed \(sealed) new log entries.".consoleText())
        case "verify":
            var intact = true
            for result in try await AuditChain.verifyAll(on: db) {
                let waiting = result.waiting > 0 ? "; \(result.waiting) newer entries not sealed yet" : ""
                if let broken = result.broken {
                    intact = false
                    context.console.output(
                        "\(result.log): BROKEN — \(broken); intact up to #\(result.sealed)\(waiting)".consoleText(
                            .error))
                } else {
                    context.console.output(
                        "\(result.log): intact, \(result.sealed) entries, head \(result.head ?? "-")\(waiting)"
                            .consoleText())
                }
            }
            if !intact { throw AuditBroken() }
        default:
            throw CommandError.unknown(signature.action)
        }
    }
}

/// The chain is broken: the command ends with a non-zero exit code (the details are printed).
struct AuditBroken: Error, CustomStringConvertible {
    var description: String { "An audit log chain is broken (see above)." }
}
