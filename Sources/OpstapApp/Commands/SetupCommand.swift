import Fluent
import OpstapDomain
import OpstapViews
import Vapor

/// `opstap setup --organisation N --kind K --city C --email E --name N` creates the first
/// organisation and its administrator on an empty database; the password comes from
/// OPSTAP_PASSWORD or is asked for. Refused once any organisation exists.
struct SetupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "organisation", help: "Name of the first organisation") var organisation: String?
        @Option(name: "kind", help: "Kind: \(OrganisationKind.allCases.map(\.rawValue).joined(separator: ", "))")
        var kind: String?
        @Option(name: "city", help: "City of the organisation") var city: String?
        @Option(name: "email", help: "E-mail address of the administrator") var email: String?
        @Option(name: "name", help: "Name of the administrator") var name: String?
    }

    var help: String { "Sets up an empty installation: the first organisation and its administrator." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        if try await PartnershipOperations.isSetUp(on: app.db) {
            throw CommandError.invalid(
                "This installation is already set up: an organisation exists. Administrators invite everyone else.")
        }
        guard let organisation = signature.organisation, !organisation.isEmpty else {
            throw CommandError.missing("--organisation")
        }
        guard let kind = signature.kind, OrganisationKind(rawValue: kind) != nil else {
            throw CommandError.missing(
                "--kind (one of \(OrganisationKind.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        guard let city = signature.city, !city.isEmpty else { throw CommandError.missing("--city") }
        guard let email = signature.email, !email.isEmpty else { throw CommandError.missing("--email") }
        guard let name = signature.name, !name.isEmpty else { throw CommandError.missing("--name") }
        let password =
            ProcessInfo.processInfo.environment["OPSTAP_PASSWORD"] ?? context.console.ask("Password:", isSecure: true)
        let operations = PartnershipOperations(
            db: app.db, now: app.clock.now(), hash: { [app] in try app.password.hash($0) })
        do {
            let user = try await operations.setUp(
                organisation: OrganisationInput(name: organisation, kind: kind, city: city),
                administrator: StaffInput(
                    email: email, name: name, roles: [Role.administrator.rawValue], password: password))
            try await app.setupToken.revokeAll()
            context.console.output(
                "Set up \(organisation) with administrator \(user.email). Sign in at /login.".consoleText())
        } catch let failure as ValidationFailure {
            let t = Translator(.en)
            throw CommandError.invalid(
                failure.errors.map { "--\(Self.option(for: $0.field)): \(t.error($0))" }.joined(separator: "\n"))
        }
    }

    private static func option(for field: String) -> String {
        ["organisationName": "organisation", "password": "password (OPSTAP_PASSWORD)"][field] ?? field
    }
}
