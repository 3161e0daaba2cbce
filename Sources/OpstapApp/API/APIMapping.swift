import Foundation
import OpstapDomain

extension APICandidate {
    init(_ candidacy: Candidacy, personName: String) throws {
        let snapshot = candidacy.snapshot
        self.init(
            id: try candidacy.requireID(), personId: candidacy.$person.id, name: personName,
            programmeId: candidacy.$programme.id,
            stream: candidacy.stream, stage: snapshot.stage, decision: snapshot.decision,
            decisionReason: candidacy.decisionReason,
            referredOn: snapshot.referredOn, referredByOrganisationId: candidacy.$referredBy.id,
            intakeDate: snapshot.intakeDate)
    }
}

extension APIEnrolment {
    init(_ enrolment: Enrolment, versionNumber: Int) throws {
        let snapshot = enrolment.snapshot
        self.init(
            id: try enrolment.requireID(), personId: enrolment.$person.id, candidateId: enrolment.$candidacy.id,
            programmeId: enrolment.$programme.id,
            programmeVersion: versionNumber, cohortId: enrolment.$cohort.id, stream: enrolment.stream,
            state: snapshot.state,
            phase: enrolment.phaseCode, completedPhases: snapshot.completedPhases, outcome: enrolment.outcomeCode,
            exitReason: enrolment.exitReason,
            lastTransitionOn: snapshot.lastTransitionOn)
    }
}

extension APITransition {
    init(_ transition: EnrolmentTransition) {
        self.init(
            sequence: transition.sequence, kind: transition.kind,
            effectiveOn: SimpleDate(transition.effectiveOn) ?? SimpleDate(year: 2000, month: 1, day: 1)!,
            phase: transition.phaseCode, result: transition.phaseResult,
            reason: transition.reason,
            plannedReturn: transition.plannedReturn.flatMap(SimpleDate.init),
            exitReason: transition.exitReason,
            outcome: transition.outcomeCode, programmeVersion: transition.versionNumber, actorId: transition.$actor.id,
            actorOrganisationId: transition.$actorOrganisation.id, recordedAt: transition.recordedAt)
    }
}

extension APIUser {
    init(_ user: User) throws {
        self.init(
            id: try user.requireID(), name: user.name, email: user.email, organisationId: user.$organisation.id,
            roles: user.roles.sorted(), active: user.active)
    }
}
