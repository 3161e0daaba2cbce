import Fluent
import Foundation
import OpstapDomain
import OpstapViews
import Vapor

/// `opstap person export|erase|restrict|lift <id> --by E [--format json|html] [--dry-run]`: the
/// data subject's rights from the command line, as the named staff member (ADR 0014). The same
/// rules as on screen: the user must see the person and hold the right; the act is logged in
/// their name.
struct PersonCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "export, erase, restrict or lift") var action: String
        @Argument(name: "id", help: "The person's id") var id: String
        @Option(name: "by", help: "E-mail of the administrator or coordinator acting") var by: String?
        @Option(name: "format", help: "export: json (default) or html") var format: String?
        @Flag(name: "dry-run", help: "erase: show what would be removed and held, change nothing") var dryRun: Bool
    }

    var help: String { "Exports, erases or restricts one person's data, as a named staff member." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let scope = try await Self.scope(app, email: signature.by)
        let person = try await scope.personForRights(UUID(uuidString: signature.id))
        let now = app.clock.now()
        switch signature.action {
        case "export":
            let export = try await PersonExport.export(person, scope: scope, address: "cli", now: now)
            switch signature.format ?? "json" {
            case "json":
                context.console.output(String(decoding: try PersonExport.json(export), as: UTF8.self).consoleText())
            case "html":
                let page = PersonExportPage.render(
                    PageContext(locale: scope.actor.locale, user: nil, csrfToken: ""),
                    try PrivacyWebController.exportModel(export))
                context.console.output(page.consoleText())
            default: throw CommandError.invalid("--format must be json or html")
            }
        case "erase":
            let plan =
                signature.dryRun
                ? try await PersonErasure(db: scope.db, today: scope.today).plan(person.requireID())
                : try await PersonErasure.erase(person, scope: scope, address: "cli", now: now)
            context.console.output(Self.describe(plan, dryRun: signature.dryRun).consoleText())
        case "restrict":
            try await ProcessingRestriction(scope: scope, now: now).restrict(person, address: "cli")
            context.console.output("Processing restricted.".consoleText())
        case "lift":
            try await ProcessingRestriction(scope: scope, now: now).lift(person, address: "cli")
            context.console.output("Restriction lifted.".consoleText())
        default:
            throw CommandError.unknown(signature.action)
        }
    }

    static func scope(_ app: Application, email: String?) async throws -> Scope {
        guard let email = email?.lowercased(), !email.isEmpty else { throw CommandError.missing("--by") }
        guard let user = try await User.query(on: app.db).filter(\.$email == email).with(\.$organisation).first(),
            user.active
        else { throw CommandError.noSuchUser(email) }
        return Scope(actor: try Actor(user: user, organisation: user.organisation), db: app.db, today: app.clock.today)
    }

    static func describe(_ plan: ErasurePlan, dryRun: Bool) -> String {
        var lines = [dryRun ? "Would remove:" : "Removed:"]
        lines += plan.deleted.map { "  \($0.table): \($0.count)" }
        if plan.holds.isEmpty {
            lines.append("No retention hold.")
        } else {
            lines.append("Held (pseudonymised) as ESF+ evidence:")
            lines += plan.holds.map {
                "  \($0.fundingStream) (\($0.reference)), ends \($0.streamEndsOn.iso): until \($0.until.iso)"
            }
            lines += plan.kept.map { "  kept \($0.table): \($0.count)" }
        }
        return lines.joined(separator: "\n")
    }
}
