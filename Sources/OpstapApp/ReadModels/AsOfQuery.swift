import Foundation
import OpstapDomain
import Vapor

/// The `asOf` query parameter of pages that show signals: a day that is not in the future,
/// today when absent. A wrong value is reported next to the field and today is shown.
enum AsOfQuery {
    static func read(_ req: Request, today: SimpleDate) -> (SimpleDate, [FieldError]) {
        guard let typed = req.query[String.self, at: "asOf"]?.trimmingCharacters(in: .whitespaces), !typed.isEmpty
        else { return (today, []) }
        guard let day = SimpleDate(typed) else { return (today, [FieldError("asOf", .invalidDate)]) }
        if day > today { return (today, [FieldError("asOf", .dateInFuture)]) }
        return (day, [])
    }
}
