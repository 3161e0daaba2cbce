import Fluent
import Foundation
import OpstapDomain
import OpstapViews
import SQLKit
import Vapor

/// The qualifications catalogue.
struct QualificationWebController {
    func list(_ req: Request) async throws -> Response {
        try await page(req, values: [:], errors: [])
    }

    private func page(
        _ req: Request, values: [String: String], errors: [FieldError], status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let scope = try req.scope()
        let qualifications = try await Qualification.query(on: req.db).sort(\.$level).sort(\.$name).all()
        let counts = try await QualificationCounts.load(scope: scope)
        let model = QualificationsModel(
            rows: try qualifications.map { q in
                let own = counts[try q.requireID()]
                return QualificationCatalogueRow(
                    name: q.name, crebo: q.crebo, level: q.level, inProgress: own?[.inProgress] ?? 0,
                    awarded: own?[.awarded] ?? 0)
            },
            canManage: scope.actor.can(.manageQualifications), values: values, errors: errors)
        return html(QualificationsPage.render(req.pageContext(), model), status: status)
    }

    func create(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let form = FormData(req)
        do {
            _ = try await QualificationOperations(scope: scope, now: req.clock.now()).create(
                crebo: form["crebo"], name: form["name"], level: form["level"])
            req.flash(req.translator()(.flashSaved))
            return req.redirect(to: Paths.qualifications())
        } catch let failure as ValidationFailure {
            return try await page(req, values: form.firstValues, errors: failure.errors, status: .badRequest)
        }
    }
}

/// How many participants of the viewer's partner programmes work towards or gained each
/// qualification: one grouped query.
enum QualificationCounts {
    static func load(scope: Scope) async throws -> [UUID: [QualificationStatus: Int]] {
        guard let sql = scope.db as? any SQLDatabase else { return [:] }
        let programmes = try await scope.partnerProgrammeIDs()
        guard !programmes.isEmpty else { return [:] }
        struct Row: Decodable { let qualification_id: UUID; let status: String; let n: Int }
        let rows = try await sql.select().column(SQLColumn("qualification_id", table: "participant_qualifications"))
            .column(SQLColumn("status", table: "participant_qualifications"))
            .column(SQLAlias(SQLFunction("COUNT", args: SQLLiteral.all), as: SQLIdentifier("n")))
            .from("participant_qualifications")
            .join(
                "enrolments", on: SQLColumn("enrolment_id", table: "participant_qualifications"), .equal,
                SQLColumn("id", table: "enrolments")
            )
            .where(SQLColumn("programme_id", table: "enrolments"), .in, SQLBind.group(programmes))
            .groupBy(SQLColumn("qualification_id", table: "participant_qualifications")).groupBy(
                SQLColumn("status", table: "participant_qualifications")
            )
            .all(decoding: Row.self)
        var result: [UUID: [QualificationStatus: Int]] = [:]
        for row in rows {
            if let status = QualificationStatus(rawValue: row.status) {
                result[row.qualification_id, default: [:]][status] = row.n
            }
        }
        return result
    }
}
