import Foundation
import OpstapDomain
import Vapor

/// The time as the app sees it. Injected so tests and the demo can fix "today".
public struct AppClock: Sendable {
    public var now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date) { self.now = now }

    public static let system = AppClock(now: { Date() })

    public static func fixed(_ date: SimpleDate) -> AppClock {
        AppClock(now: { date.date })
    }

    public var today: SimpleDate { SimpleDate(now()) }
}

extension Application {
    private struct ClockKey: StorageKey { typealias Value = AppClock }

    public var clock: AppClock {
        get { storage[ClockKey.self] ?? .system }
        set { storage[ClockKey.self] = newValue }
    }
}

extension Request {
    var clock: AppClock { application.clock }
}
