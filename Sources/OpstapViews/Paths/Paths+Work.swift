import Foundation

/// The staff's daily work: the start page, attention, tasks, supervision, search, approving
/// hours, places and housing.
extension Paths {
    public static let home = Path0("")
    public static let attention = Path0("attention")
    public static let tasks = Path0("tasks")
    public static let taskDone = Path1<UUID>("tasks/:taskID/done")
    public static let supervision = Path0("supervision")
    public static let supervisionContacts = Path0("supervision/contacts")
    public static let supervisionTrainings = Path0("supervision/trainings")
    /// Finds people by name, date of birth or BSN.
    public static let search = Path0("search")

    /// The week's hours to approve (`?week=`).
    public static let hoursApprovals = Path0("hours/approvals")
    public static let hoursApprovalsConfirm = Path0("hours/approvals/confirm")
    /// Approves one intern's week.
    public static let hoursApprovalsIntern = Path1<UUID>("hours/approvals/interns/:enrolmentID")
    public static let hoursApprovalsInternReject = Path1<UUID>("hours/approvals/interns/:enrolmentID/reject")
    /// One line of hours, from the approvals page; on the participant's hours page it is
    /// `participantHoursEntrySubmit` and its siblings.
    public static let hoursEntrySubmit = Path1<UUID>("hours/:entryID/submit")
    public static let hoursEntryApprove = Path1<UUID>("hours/:entryID/approve")
    public static let hoursEntryReject = Path1<UUID>("hours/:entryID/reject")

    public static let locations = Path0("locations")
    public static let locationPlaces = Path1<UUID>("locations/:locationID/places")
    public static let housing = Path0("housing")
    public static let housingComplex = Path1<UUID>("housing/:complexID")
    public static let housingComplexUnits = Path1<UUID>("housing/:complexID/units")
    public static let housingTenancyEnd = Path2<UUID, UUID>("housing/:complexID/tenancies/:tenancyID/end")
    public static let qualifications = Path0("qualifications")

    static let workPaths: [any TypedPath] = [
        home, attention, tasks, taskDone, supervision, supervisionContacts, supervisionTrainings, search,
        hoursApprovals, hoursApprovalsConfirm, hoursApprovalsIntern, hoursApprovalsInternReject, hoursEntrySubmit,
        hoursEntryApprove, hoursEntryReject, locations, locationPlaces, housing, housingComplex, housingComplexUnits,
        housingTenancyEnd, qualifications,
    ]
}
