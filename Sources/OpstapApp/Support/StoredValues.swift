import Foundation
import SQLKit

/// A value our own code stored (or produced) that the domain does not know: an error, never
/// quietly a default. The error middleware logs it and the request fails.
struct UnknownStoredValue: Error, CustomStringConvertible {
    var type: String
    var value: String
    /// The column (or field) it was read from, when known.
    var column: String?

    var description: String {
        "Unknown stored \(type) '\(value)'" + (column.map { " in column '\($0)'" } ?? "")
    }
}

extension RawRepresentable where RawValue == String {
    /// The value named by `raw`, which our own code stored or produced; an unknown one throws.
    init(stored raw: String, column: String? = nil) throws {
        guard let value = Self(rawValue: raw) else {
            throw UnknownStoredValue(type: String(describing: Self.self), value: raw, column: column)
        }
        self = value
    }
}

extension SQLRow {
    /// A column holding a domain enum's raw value, read in a raw SQL query: an unknown value
    /// throws instead of becoming a default.
    func decodeEnum<E: RawRepresentable>(column: String, as type: E.Type) throws -> E
    where E.RawValue == String {
        try E(stored: try decode(column: column, as: String.self), column: column)
    }

    /// A nullable column holding a domain enum's raw value: NULL reads as nil, an unknown value throws.
    func decodeEnum<E: RawRepresentable>(column: String, as type: E?.Type) throws -> E?
    where E.RawValue == String {
        try decodeIfPresent(column: column, as: String.self).map { try E(stored: $0, column: column) }
    }

    /// A nullable column. `decode(column:as: T?.self)` gives the same, but SQLite's decoder
    /// unwraps an optional through a decoder object made for each value: reading the ESF+
    /// register's 50,000 rows spent more time there than in the query.
    func decodeIfPresent<T: Decodable>(column: String, as type: T.Type) throws -> T? {
        try decodeNil(column: column) ? nil : decode(column: column, as: T.self)
    }
}
