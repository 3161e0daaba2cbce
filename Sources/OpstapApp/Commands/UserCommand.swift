import Fluent
import OpstapDomain
import Vapor

/// `opstap user create --email E --name N --organisation O --roles coach,buddy` creates a
/// staff account; the password is read from OPSTAP_PASSWORD or asked for.
struct UserCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "create") var action: String
        @Option(name: "email") var email: String?
        @Option(name: "name") var name: String?
        @Option(name: "organisation", help: "Exact organisation name") var organisation: String?
        @Option(name: "roles", help: "Comma-separated roles: \(Role.staff.map(\.rawValue).joined(separator: ", "))")
        var roles: String?
    }

    var help: String { "Creates a staff account." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "create" else { throw CommandError.unknown(signature.action) }
        guard let email = signature.email, EmailAddress.looksValid(email) else {
            throw CommandError.missing("--email (valid address)")
        }
        guard let name = signature.name, !name.isEmpty else { throw CommandError.missing("--name") }
        guard let organisationName = signature.organisation else { throw CommandError.missing("--organisation") }
        let roleNames = (signature.roles ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let roles = Set(roleNames.compactMap(Role.init(staffRole:)))
        guard !roles.isEmpty, roles.count == roleNames.count else {
            throw CommandError.invalid("--roles must list valid roles")
        }
        let app = context.application
        guard let organisation = try await Organisation.query(on: app.db).filter(\.$name == organisationName).first()
        else {
            throw CommandError.noSuchOrganisation(organisationName)
        }
        let password =
            ProcessInfo.processInfo.environment["OPSTAP_PASSWORD"] ?? context.console.ask("Password:", isSecure: true)
        guard PasswordRule.check(password, field: "password") == nil else {
            throw CommandError.invalid("The password needs at least \(PasswordRule.minimumLength) characters")
        }
        let user = User(
            organisationID: try organisation.requireID(), email: email, name: name,
            passwordHash: try app.password.hash(password), roles: roles)
        try await user.create(on: app.db)
        context.console.output("Created \(email)".consoleText())
    }
}
