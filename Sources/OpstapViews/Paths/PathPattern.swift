import Foundation
import OpstapDomain

/// A parameter an HTML route names. The route table registers it as `:name`, and handlers read
/// it by the same case (`req.uuidParameter(.enrolmentID)`), so neither can misspell it.
public enum PathParameter: String, Sendable, CaseIterable {
    case assignmentID, candidacyID, code, cohortID, complexID, criterion, entryID, enrolmentID, followUpID, goalID
    case holdID, importID, interviewID, kind, locationID, number, offerID, organisationID, personID, programmeID
    case qualificationID, reviewID, streamID, taskID, tenancyID, tokenID, userID
}

/// One segment of an HTML route: fixed text, or a parameter a link fills in.
public enum PathSegment: Sendable, Hashable {
    case literal(String)
    case parameter(PathParameter)
}

/// The segments of an HTML route, written as Vapor prints them: `"participants/:enrolmentID/pathway"`.
public struct PathPattern: Sendable, Hashable, CustomStringConvertible {
    public let segments: [PathSegment]

    /// Stops the program on a parameter `PathParameter` does not name: a typo in `Paths` fails
    /// the first test that touches the path.
    public init(_ pattern: String) {
        segments = pattern.split(separator: "/").map { segment in
            guard segment.hasPrefix(":") else { return .literal(String(segment)) }
            guard let parameter = PathParameter(rawValue: String(segment.dropFirst())) else {
                preconditionFailure("\(pattern): \(segment) is not a PathParameter")
            }
            return .parameter(parameter)
        }
    }

    /// The parameters, in the order a link passes their values.
    public var parameters: [PathParameter] {
        segments.compactMap {
            if case .parameter(let parameter) = $0 { parameter } else { nil }
        }
    }

    /// `/participants/:enrolmentID/pathway`; the root is `/`.
    public var description: String {
        "/"
            + segments.map {
                switch $0 {
                case .literal(let text): text
                case .parameter(let parameter): ":" + parameter.rawValue
                }
            }.joined(separator: "/")
    }

    /// The path with `values` in place of the parameters, in order. Values go in as they are,
    /// unescaped: ids, numbers and codes, as the links were written before `Paths`.
    func path(_ values: [String]) -> String {
        precondition(values.count == parameters.count, "\(self) takes \(parameters.count) values")
        var next = values.makeIterator()
        return "/"
            + segments.map {
                switch $0 {
                case .literal(let text): text
                case .parameter: next.next()!
                }
            }.joined(separator: "/")
    }
}

/// What a path parameter is filled with, and how it is written into the URL.
public protocol PathValue: Sendable {
    var pathText: String { get }
}

extension UUID: PathValue {
    public var pathText: String { uuidString }
}

extension Int: PathValue {
    public var pathText: String { String(self) }
}

extension String: PathValue {
    public var pathText: String { self }
}

extension PathValue where Self: RawRepresentable, RawValue == String {
    public var pathText: String { rawValue }
}

extension TransitionKind: PathValue {}
extension AppLocale: PathValue {}

/// An HTML route declared once in `Paths`: the route table registers its pattern, and pages
/// and controllers call it to build the link, so a route and its links cannot drift apart.
public protocol TypedPath: Sendable {
    var pattern: PathPattern { get }
}

/// A path without parameters: `Paths.tasks()` is `/tasks`.
public struct Path0: TypedPath {
    public let pattern: PathPattern

    public init(_ pattern: String) {
        self.pattern = PathPattern(pattern)
        precondition(self.pattern.parameters.isEmpty, "\(pattern) has parameters")
    }

    public func callAsFunction() -> String { pattern.path([]) }
}

/// A path with one parameter: `Paths.dossier(id)` is `/participants/<id>`.
public struct Path1<A: PathValue>: TypedPath {
    public let pattern: PathPattern

    public init(_ pattern: String) {
        self.pattern = PathPattern(pattern)
        precondition(self.pattern.parameters.count == 1, "\(pattern) does not have one parameter")
    }

    public func callAsFunction(_ a: A) -> String { pattern.path([a.pathText]) }
}

/// A path with two parameters, filled in the order the pattern names them.
public struct Path2<A: PathValue, B: PathValue>: TypedPath {
    public let pattern: PathPattern

    public init(_ pattern: String) {
        self.pattern = PathPattern(pattern)
        precondition(self.pattern.parameters.count == 2, "\(pattern) does not have two parameters")
    }

    public func callAsFunction(_ a: A, _ b: B) -> String { pattern.path([a.pathText, b.pathText]) }
}
