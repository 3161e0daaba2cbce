/// The string catalogue: one table per locale.
public enum Catalogue {
    public static func entries(for locale: AppLocale) -> [String: String] {
        switch locale {
        case .nl: dutchWithParticipant
        case .en: englishWithParticipant
        case .ar: arabic
        case .ti: tigrinya
        case .prs: dari
        case .uk: ukrainian
        case .tr: turkish
        }
    }

    private static let dutchWithParticipant = dutch.merging(participantDutch) { staff, _ in staff }
    private static let englishWithParticipant = english.merging(participantEnglish) { staff, _ in staff }

    /// Every key a locale must have: the whole catalogue in the staff languages, the
    /// participant's pages in the others.
    public static func requiredKeys(for locale: AppLocale) -> Set<String> {
        // Dutch and English name months in `DateText`; the others from the catalogue.
        AppLocale.staff.contains(locale) ? requiredKeys : participantKeys.union((1...12).map { "month.\($0)" })
    }

    /// What the participant's own pages (and their sign-in and activation pages) show: their
    /// own texts, the values they name (activities, roles, statuses, what of the file was
    /// read), the errors their forms can give and the names of the months.
    public static var participantKeys: Set<String> {
        var keys = Set(
            K.allCases.map(\.rawValue).filter { $0.hasPrefix("me") && $0.dropFirst(2).first?.isUppercase == true })
        // The sign-in page's way in for staff with single sign-on is on the same page.
        keys.formUnion([K.ssoLoginHint, .ssoButton, .ssoRequired].map(\.rawValue))
        keys.formUnion(labelKeys(Role.self))
        keys.formUnion(labelKeys(ActivityType.self))
        keys.formUnion(labelKeys(Attendance.self))
        keys.formUnion(labelKeys(EntryStatus.self))
        keys.formUnion(labelKeys(Weekday.self))
        keys.formUnion(labelKeys(AccessView.self))
        keys.formUnion(labelKeys(EnrolmentState.self))
        keys.formUnion(labelKeys(GoalStatus.self))
        keys.formUnion(labelKeys(ReviewStatus.self))
        keys.formUnion(labelKeys(QualificationStatus.self))
        keys.formUnion(labelKeys(ExamResult.self))
        keys.formUnion(labelKeys(HousingStep.self))
        keys.formUnion(participantErrors.map { "error." + $0.rawValue })
        return keys
    }

    /// The field errors of the participant's forms: hours, activation, sign-in.
    public static let participantErrors: [FieldErrorCode] = [
        .required, .invalidDate, .dateInFuture, .beforeEnrolment, .outOfRange, .quarterHours, .overlapsEntry,
        .tooManyHoursOnDay, .invalidNumber, .invalidChoice, .tooLong, .passwordTooShort, .codeUnknown, .codeExpired,
        .passwordsDiffer,
    ]

    static func labelKeys<E: Labelled>(_ type: E.Type) -> [String] {
        E.allCases.map { E.labelPrefix + "." + $0.rawValue }
    }

    /// Every key the staff languages must have.
    public static var requiredKeys: Set<String> {
        var keys = Set(K.allCases.map(\.rawValue))
        keys.formUnion(labelKeys(Role.self))
        keys.formUnion(labelKeys(ChangeSubject.self))
        keys.formUnion(labelKeys(ChangedField.self))
        keys.formUnion(labelKeys(FieldGroup.self))
        keys.formUnion(labelKeys(FundingKind.self))
        keys.formUnion(labelKeys(EligibilityEvidence.self))
        keys.formUnion(labelKeys(EmploymentStatusAtEntry.self))
        keys.formUnion(labelKeys(SensitiveAnswer.self))
        keys.formUnion(labelKeys(EsfIndicator.self))
        keys.formUnion(labelKeys(EsfGender.self))
        keys.formUnion(labelKeys(GoalMeasure.self))
        keys.formUnion(labelKeys(GoalProgress.self))
        keys.formUnion(labelKeys(CandidateImportField.self))
        keys.formUnion(labelKeys(OrganisationKind.self))
        keys.formUnion(labelKeys(LocationKind.self))
        keys.formUnion(labelKeys(CandidacyStage.self))
        keys.formUnion(labelKeys(SelectionDecision.self))
        keys.formUnion(labelKeys(EnrolmentState.self))
        keys.formUnion(labelKeys(PhaseResult.self))
        keys.formUnion(labelKeys(ExitReason.self))
        keys.formUnion(labelKeys(TransitionKind.self))
        keys.formUnion(labelKeys(PhaseKind.self))
        keys.formUnion(labelKeys(ActivityType.self))
        keys.formUnion(labelKeys(Weekday.self))
        keys.formUnion(labelKeys(OutcomeKind.self))
        keys.formUnion(labelKeys(CriterionKind.self))
        keys.formUnion(labelKeys(ResidenceStatus.self))
        keys.formUnion(labelKeys(Household.self))
        keys.formUnion(labelKeys(Residence.self))
        keys.formUnion(labelKeys(BenefitStatus.self))
        keys.formUnion(labelKeys(LearningRoute.self))
        keys.formUnion(labelKeys(FieldErrorCode.self))
        keys.formUnion(labelKeys(GenderLabel.self))
        keys.formUnion(labelKeys(CandidacyEventKind.self))
        keys.formUnion(labelKeys(DuplicateReason.self))
        keys.formUnion(labelKeys(AccessView.self))
        keys.formUnion(labelKeys(Attendance.self))
        keys.formUnion(labelKeys(EntryStatus.self))
        keys.formUnion(labelKeys(SignalKind.self))
        keys.formUnion(labelKeys(NoteLevel.self))
        keys.formUnion(labelKeys(ReviewStatus.self))
        keys.formUnion(labelKeys(ReviewParty.self))
        keys.formUnion(labelKeys(GoalStatus.self))
        keys.formUnion(labelKeys(RAGColour.self))
        keys.formUnion(labelKeys(TaskStatus.self))
        keys.formUnion(labelKeys(TaskSource.self))
        keys.formUnion(labelKeys(SeverityLabel.self))
        keys.formUnion(labelKeys(HousingRoute.self))
        keys.formUnion(labelKeys(HousingStep.self))
        keys.formUnion(labelKeys(UnitKind.self))
        keys.formUnion(labelKeys(QualificationLevel.self))
        keys.formUnion(labelKeys(QualificationStatus.self))
        keys.formUnion(labelKeys(ExamResult.self))
        keys.formUnion(labelKeys(FitInterviewResult.self))
        keys.formUnion(labelKeys(ContractType.self))
        keys.formUnion(labelKeys(JobOfferStatus.self))
        keys.formUnion(labelKeys(FollowUpMoment.self))
        keys.formUnion(labelKeys(FollowUpSituation.self))
        keys.formUnion(labelKeys(FollowUpSource.self))
        keys.formUnion(labelKeys(SecurityEventKind.self))
        keys.formUnion(labelKeys(RetentionRecordKind.self))
        keys.formUnion(labelKeys(RetentionReason.self))
        keys.formUnion(labelKeys(ExportPart.self))
        keys.formUnion(labelKeys(SSORefusal.self))
        keys.formUnion(labelKeys(WorkKind.self))
        keys.formUnion(WorkKind.detailKeys)
        return keys
    }
}

import OpstapDomain
