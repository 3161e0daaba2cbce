import Foundation
import OpstapDomain

/// A participant's file: the dossier, its forms, hours and pathway. Every path but the list
/// starts at the enrolment.
extension Paths {
    public static let participants = Path0("participants")
    /// The participant's dossier (`DossierPage`); its parts are `#fragments` (`DossierPage.Part`).
    public static let dossier = Path1<UUID>("participants/:enrolmentID")
    public static let participantTransitions = Path1<UUID>("participants/:enrolmentID/transitions")
    /// The page with the one form of a transition.
    public static let participantStep = Path2<UUID, TransitionKind>("participants/:enrolmentID/step/:kind")
    public static let participantTeam = Path1<UUID>("participants/:enrolmentID/team")
    public static let participantTeamEnd = Path2<UUID, UUID>("participants/:enrolmentID/team/:assignmentID/end")
    /// Moves the participant to another version of the programme.
    public static let participantVersion = Path1<UUID>("participants/:enrolmentID/version")
    public static let participantNotes = Path1<UUID>("participants/:enrolmentID/notes")
    public static let participantSchedule = Path1<UUID>("participants/:enrolmentID/schedule.ics")
    /// The participant's own account: invite, end.
    public static let participantAccount = Path1<UUID>("participants/:enrolmentID/account")
    public static let participantAccountEnd = Path1<UUID>("participants/:enrolmentID/account/end")
    public static let participantPlacements = Path1<UUID>("participants/:enrolmentID/placements")
    public static let participantWaitingList = Path1<UUID>("participants/:enrolmentID/waiting-list")
    public static let participantReviews = Path1<UUID>("participants/:enrolmentID/reviews")
    public static let participantReviewHeld = Path2<UUID, UUID>("participants/:enrolmentID/reviews/:reviewID/held")
    public static let participantReviewSign = Path2<UUID, UUID>("participants/:enrolmentID/reviews/:reviewID/sign")
    public static let participantGoals = Path1<UUID>("participants/:enrolmentID/goals")
    public static let participantGoalStatus = Path2<UUID, UUID>("participants/:enrolmentID/goals/:goalID/status")
    /// The status mark (colour) of the participant.
    public static let participantStatus = Path1<UUID>("participants/:enrolmentID/status")

    /// The participant's hours: the ledger and the form to record a line.
    public static let participantHours = Path1<UUID>("participants/:enrolmentID/hours")
    public static let participantHoursEntrySubmit = Path2<UUID, UUID>(
        "participants/:enrolmentID/hours/:entryID/submit")
    public static let participantHoursEntryApprove = Path2<UUID, UUID>(
        "participants/:enrolmentID/hours/:entryID/approve")
    public static let participantHoursEntryReject = Path2<UUID, UUID>(
        "participants/:enrolmentID/hours/:entryID/reject")

    /// The pathway to housing, qualifications and work (`PathwayPage`).
    public static let participantPathway = Path1<UUID>("participants/:enrolmentID/pathway")
    public static let participantHousingRoute = Path1<UUID>("participants/:enrolmentID/housing/route")
    public static let participantHousingSteps = Path1<UUID>("participants/:enrolmentID/housing/steps")
    public static let participantHousingTenancies = Path1<UUID>("participants/:enrolmentID/housing/tenancies")
    public static let participantQualifications = Path1<UUID>("participants/:enrolmentID/qualifications")
    public static let participantQualificationExams = Path2<UUID, UUID>(
        "participants/:enrolmentID/qualifications/:qualificationID/exams")
    public static let participantQualificationConclude = Path2<UUID, UUID>(
        "participants/:enrolmentID/qualifications/:qualificationID/conclude")
    public static let participantPreferences = Path1<UUID>("participants/:enrolmentID/preferences")
    public static let participantInterviews = Path1<UUID>("participants/:enrolmentID/interviews")
    public static let participantInterviewResult = Path2<UUID, UUID>(
        "participants/:enrolmentID/interviews/:interviewID/result")
    public static let participantOffers = Path1<UUID>("participants/:enrolmentID/offers")
    public static let participantOfferStatus = Path2<UUID, UUID>("participants/:enrolmentID/offers/:offerID/status")
    public static let participantFollowUp = Path2<UUID, UUID>("participants/:enrolmentID/follow-ups/:followUpID")

    static let participantPaths: [any TypedPath] = [
        participants, dossier, participantTransitions, participantStep, participantTeam, participantTeamEnd,
        participantVersion, participantNotes, participantSchedule, participantAccount, participantAccountEnd,
        participantPlacements, participantWaitingList, participantReviews, participantReviewHeld,
        participantReviewSign, participantGoals, participantGoalStatus, participantStatus, participantHours,
        participantHoursEntrySubmit, participantHoursEntryApprove, participantHoursEntryReject, participantPathway,
        participantHousingRoute, participantHousingSteps, participantHousingTenancies, participantQualifications,
        participantQualificationExams, participantQualificationConclude, participantPreferences,
        participantInterviews, participantInterviewResult, participantOffers, participantOfferStatus,
        participantFollowUp,
    ]
}
