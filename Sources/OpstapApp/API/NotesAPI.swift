import Fluent
import Foundation
import OpstapDomain
import Vapor

struct APINote: Content {
    var id: UUID
    var enrolmentId: UUID
    var authorId: UUID
    var authorOrganisationId: UUID
    var level: NoteLevel
    var contactOn: SimpleDate?
    var text: String
    var corrects: UUID?
    var writtenAt: Date

    init(_ note: Note) throws {
        id = try note.requireID()
        enrolmentId = note.$enrolment.id
        authorId = note.$author.id
        authorOrganisationId = note.$authorOrganisation.id
        level = note.level
        contactOn = note.contactOn.flatMap(SimpleDate.init)
        text = note.text
        corrects = note.$corrects.id
        writtenAt = note.writtenAt
    }
}

struct APINoteRequest: Content {
    var text: String
    var level: NoteLevel
    var contactOn: SimpleDate?
    var corrects: UUID?
}

/// A participant's journal over the API, under the same confidentiality rules as the dossier.
struct NotesAPI {
    func list(_ req: Request) async throws -> APIPage<APINote> {
        let scope = try req.scope()
        let page = try req.pageQuery()
        let enrolment = try await scope.enrolment(req.idParameter())
        let query = try await scope.notes(of: enrolment)
        let total = try await query.copy().count()
        let notes = try await query.sort(\.$writtenAt, .descending).sort(\.$id).range(
            page.offset..<(page.offset + page.size)
        ).all()
        return APIPage(
            ResultPage(items: try notes.map(APINote.init), number: page.number, size: page.size, total: total))
    }

    func write(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        try scope.actor.require(.writeNotes)
        let enrolment = try await scope.enrolment(req.idParameter())
        let body = try req.content.decode(APINoteRequest.self)
        let note = try await NoteOperations(scope: scope, now: req.clock.now())
            .write(
                on: enrolment, text: body.text, level: body.level.rawValue, contactOn: body.contactOn?.iso ?? "",
                corrects: body.corrects)
        return try await created(
            APINote(note), location: "/api/v1/enrolments/\(try enrolment.requireID().uuidString)/notes")
    }
}
