/// The string catalogue: one table per locale.
public enum Catalogue {
    public static func entries(for locale: AppLocale) -> [String: String] {
        switch locale {
        case .nl: dutch
        case .en: english
        }
    }

    static func labelKeys<E: Labelled>(_ type: E.Type) -> [String] {
        E.allCases.map { E.labelPrefix + "." + $0.rawValue }
    }

    /// Every key a locale must have.
    public static var requiredKeys: Set<String> {
        var keys = Set(K.allCases.map(\.rawValue))
        keys.formUnion(labelKeys(Role.self))
        keys.formUnion(labelKeys(ChangeSubject.self))
        keys.formUnion(labelKeys(ChangedField.self))
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
        return keys
    }
}

import OpstapDomain
