import Foundation

/// The participant's own pages, in Dutch URLs (ADR 0015).
extension Paths {
    /// The week: appointments and what is due (`?week=`).
    public static let ownWeek = Path0("mijn")
    public static let ownCalendar = Path0("mijn/rooster.ics")
    /// The week's hours, and the form to record a line (`?week=`).
    public static let ownHours = Path0("mijn/uren")
    /// Submits the week's hours.
    public static let ownHoursWeek = Path0("mijn/uren/week")
    /// One line of hours, to change.
    public static let ownHoursEntry = Path1<UUID>("mijn/uren/:entryID")
    public static let ownRoute = Path0("mijn/route")
    /// The participant's reflection on a review.
    public static let ownReviewReflection = Path1<UUID>("mijn/route/gesprekken/:reviewID")
    public static let ownTeam = Path0("mijn/team")
    /// Who opened the participant's file.
    public static let ownAccess = Path0("mijn/inzage")

    static let ownFilePaths: [any TypedPath] = [
        ownWeek, ownCalendar, ownHours, ownHoursWeek, ownHoursEntry, ownRoute, ownReviewReflection, ownTeam, ownAccess,
    ]
}
