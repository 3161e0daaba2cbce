/// A programme's thresholds for signals. Part of the programme definition, so each
/// programme (and each version) sets its own.
public struct GuidanceSettings: Codable, Equatable, Sendable {
    /// Attendance (present hours among recorded hours) below this share over the last
    /// `attendanceWeeks` weeks needs attention.
    public var attendanceThreshold: Double
    public var attendanceWeeks: Int
    /// Approved hours more than this share behind the expected hours to date.
    public var hoursBehindShare: Double
    /// This many recorded days in a row with an unexcused absence.
    public var unexcusedInARow: Int
    /// A phase's planned end or the integration deadline this many weeks ahead.
    public var deadlineWeeks: Int
    /// No recorded contact moment for this many days.
    public var noContactDays: Int
    /// Weeks between progress reviews.
    public var reviewCadenceWeeks: Int
    /// The job guarantee at the end: at least this many hours a week (nil: none).
    public var jobGuaranteeHours: Double?

    public init(
        attendanceThreshold: Double = 0.8, attendanceWeeks: Int = 4, hoursBehindShare: Double = 0.2,
        unexcusedInARow: Int = 3,
        deadlineWeeks: Int = 6, noContactDays: Int = 21, reviewCadenceWeeks: Int = 6, jobGuaranteeHours: Double? = nil
    ) {
        self.attendanceThreshold = attendanceThreshold
        self.attendanceWeeks = attendanceWeeks
        self.hoursBehindShare = hoursBehindShare
        self.unexcusedInARow = unexcusedInARow
        self.deadlineWeeks = deadlineWeeks
        self.noContactDays = noContactDays
        self.reviewCadenceWeeks = reviewCadenceWeeks
        self.jobGuaranteeHours = jobGuaranteeHours
    }

    enum CodingKeys: String, CodingKey {
        case attendanceThreshold, attendanceWeeks, hoursBehindShare, unexcusedInARow, deadlineWeeks, noContactDays,
            reviewCadenceWeeks, jobGuaranteeHours
    }

    /// Settings stored before a threshold existed take its default.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = GuidanceSettings()
        attendanceThreshold = try c.decodeIfPresent(Double.self, forKey: .attendanceThreshold) ?? d.attendanceThreshold
        attendanceWeeks = try c.decodeIfPresent(Int.self, forKey: .attendanceWeeks) ?? d.attendanceWeeks
        hoursBehindShare = try c.decodeIfPresent(Double.self, forKey: .hoursBehindShare) ?? d.hoursBehindShare
        unexcusedInARow = try c.decodeIfPresent(Int.self, forKey: .unexcusedInARow) ?? d.unexcusedInARow
        deadlineWeeks = try c.decodeIfPresent(Int.self, forKey: .deadlineWeeks) ?? d.deadlineWeeks
        noContactDays = try c.decodeIfPresent(Int.self, forKey: .noContactDays) ?? d.noContactDays
        reviewCadenceWeeks = try c.decodeIfPresent(Int.self, forKey: .reviewCadenceWeeks) ?? d.reviewCadenceWeeks
        jobGuaranteeHours = try c.decodeIfPresent(Double.self, forKey: .jobGuaranteeHours)
    }

    public func validate() -> [FieldError] {
        var errors: [FieldError] = []
        if !(0...1).contains(attendanceThreshold) {
            errors.append(FieldError("guidance.attendanceThreshold", .outOfRange, ["0", "1"]))
        }
        if !(1...26).contains(attendanceWeeks) {
            errors.append(FieldError("guidance.attendanceWeeks", .outOfRange, ["1", "26"]))
        }
        if !(0...1).contains(hoursBehindShare) {
            errors.append(FieldError("guidance.hoursBehindShare", .outOfRange, ["0", "1"]))
        }
        if !(1...20).contains(unexcusedInARow) {
            errors.append(FieldError("guidance.unexcusedInARow", .outOfRange, ["1", "20"]))
        }
        if !(1...52).contains(deadlineWeeks) {
            errors.append(FieldError("guidance.deadlineWeeks", .outOfRange, ["1", "52"]))
        }
        if !(1...365).contains(noContactDays) {
            errors.append(FieldError("guidance.noContactDays", .outOfRange, ["1", "365"]))
        }
        if !(1...52).contains(reviewCadenceWeeks) {
            errors.append(FieldError("guidance.reviewCadenceWeeks", .outOfRange, ["1", "52"]))
        }
        if let hours = jobGuaranteeHours, !(1...40).contains(hours) {
            errors.append(FieldError("guidance.jobGuaranteeHours", .outOfRange, ["1", "40"]))
        }
        return errors
    }
}
