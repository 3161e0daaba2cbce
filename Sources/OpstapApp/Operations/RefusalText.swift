import OpstapDomain
import OpstapViews

/// Words a refused state-machine step for the user, saying why.
enum RefusalText {
    static func text(_ refusal: SelectionRefusal, _ t: Translator) -> String {
        switch refusal {
        case .alreadyDecided(let decision): t(.refusalAlreadyDecided, t.label(decision))
        case .wrongStage(_, let current, let required):
            t(.refusalWrongStage, t.label(current), required.map { t.label($0) }.joined(separator: ", "))
        case .dateBeforeReferral(let date): t(.refusalDateBeforeReferral, DateText.text(date, t.locale))
        case .intakeInFuture(let date): t(.refusalIntakeInFuture, DateText.text(date, t.locale))
        case .reasonRequired: t(.refusalReasonRequired)
        case .criteriaNotAssessed(let codes): t(.refusalCriteriaNotAssessed, codes.joined(separator: ", "))
        case .criteriaBelowMinimum(let codes): t(.refusalCriteriaBelowMinimum, codes.joined(separator: ", "))
        case .conditionsNotMet(let names): t(.refusalConditionsNotMet, names.joined(separator: ", "))
        }
    }

    static func text(_ refusal: TransitionRefusal, _ t: Translator) -> String {
        switch refusal {
        case .terminal(let state): t(.refusalTerminal, t.label(state))
        case .notAllowed(let kind, let state): t(.refusalNotAllowed, t.label(kind), t.label(state))
        case .dateInFuture(let date): t(.refusalDateInFuture, DateText.text(date, t.locale))
        case .dateBeforeLastTransition(let date, let last):
            t(.refusalDateBeforeLast, DateText.text(date, t.locale), DateText.text(last, t.locale))
        case .unknownPhase(let code): t(.refusalUnknownPhase, code)
        case .wrongFirstPhase(let expected): t(.refusalWrongFirstPhase, expected)
        case .wrongNextPhase(let expected): t(.refusalWrongNextPhase, expected ?? "—")
        case .noPhaseLeft: t(.refusalNoPhaseLeft)
        case .reasonRequired: t(.refusalReasonRequired)
        case .returnNotAfterPause: t(.refusalReturnNotAfterPause)
        case .unknownOutcome(let code): t(.refusalUnknownOutcome, code)
        case .phaseMissingInVersion(let code): t(.refusalPhaseMissingInVersion, code)
        }
    }

    static func text(_ refusal: ImportRefusal, _ t: Translator) -> String {
        switch refusal {
        case .notEditable: t(.refusalImportNotEditable)
        case .rowsWithErrors(let count): t(.importRowsWithErrors, String(count)) + ". " + t(.importNothingStored)
        case .cohortFull(let capacity, let free):
            t(.participantImportCohortFull, String(capacity), String(free)) + " " + t(.importNothingStored)
        }
    }

    static func text(_ refusal: HousingRefusal, _ t: Translator) -> String {
        switch refusal {
        case .noRoute: t(.refusalNoHousingRoute)
        case .notInRoute(let step, let route): t(.refusalStepNotInRoute, t.label(step), t.label(route))
        case .alreadyDone(let step): t(.refusalStepAlreadyDone, t.label(step))
        case .outOfOrder(let expected): t(.refusalStepOutOfOrder, t.label(expected))
        case .beforePreviousStep(let step, let date):
            t(.refusalStepBeforePrevious, t.label(step), DateText.text(date, t.locale))
        case .inFuture: t(.refusalStepInFuture)
        case .routeHasSteps: t(.refusalRouteHasSteps)
        case .unitNotAvailableYet(let date): t(.refusalUnitNotAvailable, DateText.text(date, t.locale))
        case .unitTaken(let date): t(.refusalUnitTaken, DateText.text(date, t.locale))
        case .alreadyHasHome(let date): t(.refusalAlreadyHasHome, DateText.text(date, t.locale))
        case .unitNotSuitable: t(.refusalUnitNotSuitable)
        }
    }

    static func text(_ refusal: LedgerRefusal, _ t: Translator) -> String {
        switch refusal {
        case .approvedIsFinal: t(.refusalApprovedIsFinal)
        case .notSubmitted: t(.refusalNotSubmitted)
        case .notEditable(let status): t(.refusalNotEditable, t.label(status))
        case .reasonRequired: t(.refusalReasonRequired)
        }
    }

    static func text(_ refusal: ReviewRefusal, _ t: Translator) -> String {
        switch refusal {
        case .signedIsFinal: t(.refusalSignedIsFinal)
        case .notHeldYet: t(.refusalNotHeldYet)
        case .alreadySigned(let party): t(.refusalAlreadySigned, t.label(party))
        case .dateInFuture: t.error(FieldError("heldOn", .dateInFuture))
        case .summaryRequired: t(.refusalSummaryRequired)
        }
    }

    static func text(_ refusal: PlacementRefusal, _ t: Translator) -> String {
        switch refusal {
        case .full(let day, let places): t(.refusalLocationFull, DateText.text(day, t.locale), String(places))
        case .noPlacesOffered: t(.refusalNoPlacesOffered)
        }
    }
}
