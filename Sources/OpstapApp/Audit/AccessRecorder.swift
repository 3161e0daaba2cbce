import Foundation
import NIOConcurrencyHelpers
import OpstapViews
import Vapor

/// The people whose personal data one request has read so far. `Scope` adds every person it
/// resolves by id, and read models add the people they put on a list; `AccessLogMiddleware`
/// writes them to the access log when the request has succeeded. Recording where the data is
/// reached, not in each handler, is what makes the log complete (NEN 7513): a new route that
/// reads a file through `Scope` is logged without anyone remembering to.
final class AccessRecorder: Sendable {
    /// Per person the first explicit view given (e.g. "dossier"); nil means "derive it from the route".
    private let read = NIOLockedValueBox<(order: [UUID], views: [UUID: AccessView?])>(([], [:]))

    func record(_ personID: UUID, view: AccessView? = nil) {
        read.withLockedValue { state in
            if let existing = state.views[personID] {
                if existing == nil, let view { state.views[personID] = view }
            } else {
                state.order.append(personID)
                state.views[personID] = .some(view)
            }
        }
    }

    func record(_ personIDs: some Sequence<UUID>, view: AccessView? = nil) {
        for id in personIDs { record(id, view: view) }
    }

    var reads: [(personID: UUID, view: AccessView?)] {
        read.withLockedValue { state in state.order.map { ($0, state.views[$0] ?? nil) } }
    }

    struct Key: StorageKey { typealias Value = AccessRecorder }
}

extension Request {
    /// The recorder of this request, set up by `AccessLogMiddleware`; nil outside it (commands, jobs).
    var accessRecorder: AccessRecorder? { storage[AccessRecorder.Key.self] }
}
