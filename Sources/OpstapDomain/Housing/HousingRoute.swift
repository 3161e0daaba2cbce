/// How a participant gets a home. Singles get a studio in the programme's complex; couples
/// and families go through the municipality's regular allocation; people who already have a
/// home only confirm the address.
public enum HousingRoute: String, Codable, CaseIterable, Sendable {
    case programmeStudio
    case regularAllocation
    case alreadyHoused

    /// The steps of the route, in the order they happen.
    public var steps: [HousingStep] {
        switch self {
        case .programmeStudio: [.homeOffered, .viewing, .tenancySigned, .registeredAtAddress, .movedIn]
        case .regularAllocation:
            [.linkedToMunicipality, .homeOffered, .viewing, .tenancySigned, .registeredAtAddress, .movedIn]
        case .alreadyHoused: [.addressConfirmed]
        }
    }
}

public enum HousingStep: String, Codable, CaseIterable, Sendable {
    /// The municipality has taken the household into its task allocation (taakstelling).
    case linkedToMunicipality
    case homeOffered
    case viewing
    case tenancySigned
    /// Registered at the new address in the BRP.
    case registeredAtAddress
    case movedIn
    case addressConfirmed
}

/// A step already taken, with its date.
public struct DoneHousingStep: Sendable, Equatable {
    public var step: HousingStep
    public var on: SimpleDate
    public init(step: HousingStep, on: SimpleDate) {
        self.step = step
        self.on = on
    }
}

public enum HousingRefusal: Error, Equatable, Sendable {
    case noRoute
    case notInRoute(HousingStep, HousingRoute)
    case alreadyDone(HousingStep)
    /// Steps go in order: `expected` is the next one.
    case outOfOrder(expected: HousingStep)
    /// A step cannot be dated before the step it follows.
    case beforePreviousStep(HousingStep, SimpleDate)
    case inFuture
    /// The route cannot change once a step of it is done.
    case routeHasSteps
    // Tenancies
    case unitNotAvailableYet(SimpleDate)
    case unitTaken(SimpleDate)
    case alreadyHasHome(SimpleDate)
    case unitNotSuitable
}

public enum HousingRules {
    /// The next step to take on `route`, or nil when the route is finished.
    public static func nextStep(_ route: HousingRoute, done: [DoneHousingStep]) -> HousingStep? {
        route.steps.first { step in !done.contains { $0.step == step } }
    }

    /// Whether `step` may be recorded on `date`: it belongs to the route, it is the next one,
    /// and it is not dated before the previous step or after today.
    public static func check(
        _ step: HousingStep, on date: SimpleDate, route: HousingRoute?, done: [DoneHousingStep], today: SimpleDate
    ) -> HousingRefusal? {
        guard let route else { return .noRoute }
        guard route.steps.contains(step) else { return .notInRoute(step, route) }
        if done.contains(where: { $0.step == step }) { return .alreadyDone(step) }
        if date > today { return .inFuture }
        guard let next = nextStep(route, done: done), next == step else {
            return .outOfOrder(expected: nextStep(route, done: done) ?? step)
        }
        if let previous = done.filter({ route.steps.contains($0.step) }).max(by: { $0.on < $1.on }), date < previous.on
        {
            return .beforePreviousStep(previous.step, previous.on)
        }
        return nil
    }

    /// Housed means: moved in, or an existing home confirmed. This is all an employer sees.
    public static func isHoused(_ route: HousingRoute?, done: [DoneHousingStep]) -> Bool {
        guard let route else { return false }
        return nextStep(route, done: done) == nil
    }
}
