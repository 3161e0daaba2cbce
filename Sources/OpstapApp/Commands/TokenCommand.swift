import Fluent
import Vapor

/// `opstap token create --email E --name N [--days 90]` prints a new API token for that user.
struct TokenCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "create") var action: String
        @Option(name: "email", help: "E-mail address of the user") var email: String?
        @Option(name: "name", help: "A name for the token, e.g. the system that uses it") var name: String?
        @Option(name: "days", help: "Days until the token expires: 30, 90 (default) or 365") var days: Int?
    }

    var help: String { "Creates an API token for a user and prints it (shown once)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "create" else { throw CommandError.unknown(signature.action) }
        guard let email = signature.email?.lowercased(), !email.isEmpty else { throw CommandError.missing("--email") }
        let app = context.application
        guard let user = try await User.query(on: app.db).filter(\.$email == email).first() else {
            throw CommandError.noSuchUser(email)
        }
        let days = signature.days ?? SessionPolicy.tokenLifetimes[0]
        guard SessionPolicy.tokenLifetimes.contains(days) else {
            throw CommandError.invalid("--days must be 30, 90 or 365")
        }
        let token = try await APITokens.create(
            for: user.requireID(), name: signature.name ?? "cli", days: days, now: app.clock.now(), on: app.db)
        context.console.output(token.consoleText())
    }
}

enum CommandError: Error, CustomStringConvertible {
    case unknown(String)
    case missing(String)
    case noSuchUser(String)
    case noSuchOrganisation(String)
    case invalid(String)

    var description: String {
        switch self {
        case .unknown(let action): "Unknown action \(action)"
        case .missing(let option): "Missing \(option)"
        case .noSuchUser(let email): "No user with e-mail \(email)"
        case .noSuchOrganisation(let name): "No organisation named \(name)"
        case .invalid(let text): text
        }
    }
}
