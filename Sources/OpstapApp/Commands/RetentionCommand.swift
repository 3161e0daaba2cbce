import Fluent
import Foundation
import OpstapDomain
import OpstapViews
import Vapor

/// `opstap retention list` prints the retention periods with their reasons;
/// `opstap retention purge [--dry-run] --by E` lists what is past its period and (without
/// `--dry-run`) erases it by the same path as an erasure on request, logged as the named
/// administrator's act.
struct RetentionCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "list or purge") var action: String
        @Option(name: "by", help: "purge: e-mail of the administrator acting") var by: String?
        @Flag(name: "dry-run", help: "purge: list what would go, change nothing") var dryRun: Bool
    }

    var help: String { "Lists the retention periods, or purges what is past them (--dry-run: list only)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let t = Translator(.nl)
        switch signature.action {
        case "list":
            for rule in RetentionPolicy.defaults { context.console.output(RetentionText.line(t, rule).consoleText()) }
        case "purge":
            let now = app.clock.now()
            let purge = RetentionPurge(db: app.db, today: app.clock.today, now: now)
            var scope: Scope?
            if !signature.dryRun {
                // Erasing is an act of a named role, here an administrator (ADR 0014).
                scope = try await PersonCommand.scope(app, email: signature.by)
                guard scope?.actor.roles.contains(.administrator) == true else {
                    throw CommandError.invalid("--by must name an active administrator")
                }
            }
            let report = signature.dryRun ? try await purge.due() : try await purge.purge()
            let verb = signature.dryRun ? "Would erase" : "Erased"
            for person in report.people {
                context.console.output(
                    "\(verb) person \(person.personID): \(t.label(person.kind)), since \(person.since.iso), kept until \(person.keptUntil.iso)"
                        .consoleText())
            }
            context.console.output(
                """
                \(verb) \(report.people.count) people; \(signature.dryRun ? "would remove" : "removed") \(report.sessions) expired sessions; \
                \(signature.dryRun ? "would empty" : "emptied") \(report.importFiles) import uploads.
                Kept (hash-chained, ADR 0012): \(report.accessLogRowsPastPeriod) access-log and \(report.securityLogRowsPastPeriod) security-log rows past their period.
                """.consoleText())
            if let scope {
                try await PrivacyLog.record(
                    .retentionPurged, person: nil, scope: scope,
                    detail: "\(report.people.count) people, \(report.sessions) sessions, \(report.importFiles) uploads",
                    address: "cli", now: now, on: app.db)
            }
        default:
            throw CommandError.unknown(signature.action)
        }
    }
}
