import Crypto
import Fluent
import Foundation
import OpstapDomain
import Vapor

/// `Idempotency-Key` on API POSTs: a client that did not hear the answer (a timeout, a dropped
/// connection) sends the same request with the same key again and gets the first answer,
/// marked `Idempotent-Replayed: true`, instead of a second note, enrolment or registration.
///
/// Keys belong to the user (two users may use the same key), live a day, and are bound to the
/// request: the same key with another method, path or body is refused with 400. While the
/// first request is still running, a retry gets 409. Only successful answers are kept: after a
/// refusal (4xx) or an error the key is free and the retry runs again, so a client may correct
/// its request. Without the header nothing changes.
struct IdempotencyMiddleware: AsyncMiddleware {
    static let header = "Idempotency-Key"
    static let lifetime: TimeInterval = 24 * 3600

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.method == .POST, let key = request.headers.first(name: Self.header) else {
            return try await next.respond(to: request)
        }
        guard Self.isValid(key) else { throw ValidationFailure([FieldError(Self.header, .invalidChoice)]) }
        let actor = try request.requireActor()
        let now = request.clock.now()
        let hash = Self.requestHash(request)
        let db = request.db

        try await IdempotencyRecord.query(on: db).filter(\.$expiresAt < now).delete()
        if let earlier = try await Self.find(key, actor.userID, db) {
            return try Self.answer(from: earlier, hash: hash)
        }
        let reservation = IdempotencyRecord(
            userID: actor.userID, key: key, requestHash: hash, createdAt: now,
            expiresAt: now.addingTimeInterval(Self.lifetime))
        do {
            try await reservation.create(on: db)
        } catch {
            // The same key arrived twice at once: the other one is being handled.
            guard (error as? any DatabaseError)?.isConstraintFailure == true,
                let earlier = try await Self.find(key, actor.userID, db)
            else { throw error }
            return try Self.answer(from: earlier, hash: hash)
        }

        let response: Response
        do {
            response = try await next.respond(to: request)
        } catch {
            try? await reservation.delete(on: db)
            throw error
        }
        guard (200..<300).contains(response.status.code), let body = response.body.buffer else {
            try? await reservation.delete(on: db)
            return response
        }
        reservation.status = Int(response.status.code)
        reservation.contentType = response.headers.first(name: .contentType)
        reservation.location = response.headers.first(name: .location)
        reservation.body = Data(body.readableBytesView)
        try await reservation.save(on: db)
        return response
    }

    /// Printable ASCII without spaces, up to 255 characters (a UUID is the usual choice).
    static func isValid(_ key: String) -> Bool {
        (1...255).contains(key.utf8.count) && key.utf8.allSatisfy { (0x21...0x7E).contains($0) }
    }

    private static func find(_ key: String, _ userID: UUID, _ db: any Database) async throws -> IdempotencyRecord? {
        try await IdempotencyRecord.query(on: db).filter(\.$userID == userID).filter(\.$key == key).first()
    }

    private static func requestHash(_ request: Request) -> String {
        var hasher = SHA256()
        hasher.update(data: Data("\(request.method.rawValue) \(request.url.path)?\(request.url.query ?? "")\n".utf8))
        if let body = request.body.data { hasher.update(data: Data(body.readableBytesView)) }
        return hasher.finalize().hexEncoded
    }

    private static func answer(from earlier: IdempotencyRecord, hash: String) throws -> Response {
        guard earlier.requestHash == hash else {
            throw ValidationFailure([FieldError(header, .idempotencyKeyReused)])
        }
        guard let status = earlier.status else {
            throw APIProblem(
                status: .conflict, title: "Request in progress",
                detail: "A request with this Idempotency-Key is still being handled; retry it shortly.")
        }
        var headers = HTTPHeaders()
        if let type = earlier.contentType { headers.replaceOrAdd(name: .contentType, value: type) }
        if let location = earlier.location { headers.replaceOrAdd(name: .location, value: location) }
        headers.replaceOrAdd(name: "Idempotent-Replayed", value: "true")
        return Response(
            status: HTTPResponseStatus(statusCode: status), headers: headers, body: .init(data: earlier.body ?? Data()))
    }
}
