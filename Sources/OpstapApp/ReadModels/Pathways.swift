import Fluent
import Foundation
import OpstapDomain
import OpstapViews

/// Everything on a participant's pathway page (housing, qualifications, job, follow-up),
/// read with one query per kind of record and cut to what the viewer may see.
enum Pathways {
    static func model(
        for enrolment: Enrolment, person: Person, scope: Scope, form: String? = nil, values: [String: String] = [:],
        errors: [FieldError] = [], refusal: String? = nil
    ) async throws -> PathwayModel {
        let db = scope.db
        let actor = scope.actor
        let id = try enrolment.requireID()
        let terminal = enrolment.snapshot.state.isTerminal
        let version = try await ProgrammeVersion.find(enrolment.$programmeVersion.id, on: db)

        // Housing: the whole route for the housing field group, "housed yes/no" for others.
        let route = try await HousingRouteChoice.query(on: db).filter(\.$enrolment.$id == id).first()
        let stepRecords = try await HousingStepRecord.query(on: db).filter(\.$enrolment.$id == id).with(\.$recordedBy)
            .all()
        let done = stepRecords.compactMap(\.done)
        let housingVisible = actor.visibleFields.contains(.housing)
        var housing = HousingPart(
            visible: housingVisible, housed: HousingRules.isHoused(route?.route, done: done), route: nil,
            routeChosenOn: nil,
            steps: [], nextStep: nil, tenancies: [], units: [], canManage: false)
        if housingVisible {
            let byStep = Dictionary(stepRecords.map { ($0.step, $0) }, uniquingKeysWith: { first, _ in first })
            housing.route = route?.route
            housing.routeChosenOn = route?.chosenOn
            housing.steps = (route?.route.steps ?? []).map { step in
                let record = byStep[step.rawValue]
                return HousingStepRow(
                    step: step, doneOn: record?.doneOn, recordedBy: record?.recordedBy.name, note: record?.note ?? "")
            }
            housing.nextStep = route.flatMap { HousingRules.nextStep($0.route, done: done) }
            housing.tenancies = try await Tenancy.query(on: db).filter(\.$enrolment.$id == id).with(\.$unit) {
                $0.with(\.$complex)
            }.sort(\.$startsOn, .descending).all()
                .map {
                    TenancyRow(
                        unit: $0.unit.label, complex: $0.unit.complex.name, startsOn: $0.startsOn, endsOn: $0.endsOn,
                        endReason: $0.endReason)
                }
            housing.canManage = actor.can(.manageHousing)
            if housing.canManage {
                let free = try await AllocationOperations(scope: scope, now: Date()).freeStudios(
                    programmeID: enrolment.$programme.id, from: scope.today)
                housing.units = try free.map { unit, studio in
                    Choice(
                        value: try unit.requireID().uuidString,
                        label: studio.label + " — " + DateText.text(studio.freeFrom, actor.locale))
                }
                let apartments = try await HousingOperations(scope: scope, now: Date()).complexes().all()
                let units = try await HousingUnit.query(on: db).filter(\.$complex.$id ~~ apartments.compactMap(\.id))
                    .filter(\.$kind == UnitKind.apartment).sort(\.$label).all()
                let names = Dictionary(uniqueKeysWithValues: try apartments.map { (try $0.requireID(), $0.name) })
                housing.units += try units.map {
                    Choice(value: try $0.requireID().uuidString, label: "\(names[$0.$complex.id] ?? "") \($0.label)")
                }
            }
        }

        // Qualifications with their exams.
        let qualificationRecords = try await ParticipantQualification.query(on: db).filter(\.$enrolment.$id == id).with(
            \.$qualification
        ).with(\.$exams).sort(\.$startedOn).all()
        let canManageQualifications = actor.can(.manageQualifications)
        let catalogue =
            canManageQualifications ? try await Qualification.query(on: db).sort(\.$level).sort(\.$name).all() : []
        let qualifications = QualificationPart(
            rows: try qualificationRecords.map { record in
                QualificationRow(
                    id: try record.requireID(), name: record.qualification.name, crebo: record.qualification.crebo,
                    level: record.qualification.level,
                    startedOn: record.startedOn, status: record.status,
                    concludedOn: record.awardedOn ?? record.stoppedOn,
                    exams: record.exams.sorted { $0.takenOn < $1.takenOn }.map {
                        ExamRow(
                            subject: $0.subject, takenOn: $0.takenOn,
                            result: $0.result)
                    })
            },
            choices: try catalogue.map {
                Choice(value: try $0.requireID().uuidString, label: $0.name + ($0.crebo.map { " (\($0))" } ?? ""))
            },
            canManage: canManageQualifications)

        // Wishes, fit interviews and offers. An employer sees only its own.
        let jobs = JobOperations(scope: scope, now: Date())
        let employers = actor.can(.manageJobs) ? try await jobs.employers(for: enrolment) : []
        let isEmployerOnly =
            actor.roles.isDisjoint(with: [.administrator, .coordinator]) && actor.organisationKind.isEmployer
        var interviewQuery = FitInterview.query(on: db).filter(\.$enrolment.$id == id).with(\.$employer).sort(
            \.$plannedOn, .descending)
        var offerQuery = JobOffer.query(on: db).filter(\.$enrolment.$id == id).with(\.$employer).with(\.$location).sort(
            \.$offeredOn, .descending)
        if isEmployerOnly {
            interviewQuery = interviewQuery.filter(\.$employer.$id == actor.organisationID)
            offerQuery = offerQuery.filter(\.$employer.$id == actor.organisationID)
        }
        let ownEmployer = Set(employers.compactMap(\.id))
        let preferenceRecords = try await LocationPreference.query(on: db).filter(\.$enrolment.$id == id).with(
            \.$location
        ).sort(\.$rank).all()
        let partners = try await ProgrammePartner.query(on: db).filter(\.$programme.$id == enrolment.$programme.id).all(
            \.$organisation.$id)
        let locations = try await Location.query(on: db).filter(\.$organisation.$id ~~ partners).with(\.$organisation)
            .sort(\.$name).all()
        // Wishes only for locations that offer internship places.
        let offering = Set(
            try await LocationPlaces.query(on: db).filter(\.$location.$id ~~ locations.compactMap(\.id)).all(
                \.$location.$id))
        let job = JobPart(
            preferences: preferenceRecords.map(\.location.name),
            locationChoices: try locations.filter { offering.contains(try $0.requireID()) }.map {
                Choice(value: try $0.requireID().uuidString, label: "\($0.name) (\($0.organisation.name))")
            },
            canSetPreferences: actor.can(.enrol) || actor.can(.moveParticipants),
            interviews: try await interviewQuery.all().map {
                InterviewRow(
                    id: try $0.requireID(), employer: $0.employer.name, plannedOn: $0.plannedOn,
                    plannedTime: $0.plannedTime,
                    result: $0.result, note: $0.note,
                    mayRecord: ownEmployer.contains($0.$employer.id))
            },
            offers: try await offerQuery.all().map {
                OfferRow(
                    id: try $0.requireID(), employer: $0.employer.name, location: $0.location?.name, role: $0.role,
                    hoursPerWeek: $0.hoursPerWeek, contract: $0.contractType,
                    startsOn: $0.startsOn, offeredOn: $0.offeredOn,
                    status: $0.status, guarantee: $0.guarantee,
                    mayDecide: ownEmployer.contains($0.$employer.id))
            },
            employers: try employers.map { Choice(value: try $0.requireID().uuidString, label: $0.name) },
            employerLocations: try locations.filter { ownEmployer.contains($0.$organisation.id) }.map {
                Choice(value: try $0.requireID().uuidString, label: "\($0.name) (\($0.organisation.name))")
            },
            canManage: actor.can(.manageJobs), guaranteeHours: version?.definition.guidance.jobGuaranteeHours)

        let followUps = try await FollowUp.query(on: db).filter(\.$enrolment.$id == id).sort(\.$dueOn).all()
        let followUp = FollowUpPart(
            rows: try followUps.map {
                FollowUpRow(
                    id: try $0.requireID(), moment: $0.moment, dueOn: $0.dueOn,
                    situation: $0.situation,
                    observedOn: $0.observedOn, source: $0.source, note: $0.note)
            },
            canRecord: actor.can(.recordFollowUp), leftOn: terminal ? enrolment.lastTransitionOn : nil)

        return PathwayModel(
            enrolmentID: id, participant: person.fullName, dossierHref: Paths.dossier(id),
            terminal: terminal, today: scope.today.iso,
            housing: housing, qualifications: qualifications, job: job, followUp: followUp,
            form: form, values: values, errors: errors, refusal: refusal)
    }
}
