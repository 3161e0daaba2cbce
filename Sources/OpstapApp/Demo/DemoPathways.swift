import Fluent
import Foundation
import OpstapDomain

/// Homes, qualifications, fit interviews, job offers and follow-ups for the demo, written
/// after the population (with its own random stream, so the population stays as it was).
/// Leiden: the studio complex next to the hospital, most studios taken by the 2024 cohort
/// and a few free, families on the regular route at various steps, two singles waiting;
/// Kansrijk participants already housed. Internship places with required levels and
/// wishes, so the allocation suggestion has real choices to make.
extension DemoLoader {
    mutating func loadPathways() async throws {
        var random = DemoRandom(seed: 20_261_122)
        let d = DemoPopulation.d
        let landlord = UUID()
        try await Organisation(
            id: landlord, name: "Verhuurder studiocomplex Alrijne", kind: .housingCorporation,
            city: "Leiden"
        ).create(on: db)
        try await Location(
            organisationID: orgs.coa, name: "Azc Katwijk", address: "Katwijk", postcode: "2225 LR", city: "Katwijk",
            kind: .residential
        ).create(on: db)
        try await Location(
            organisationID: orgs.coa, name: "Azc Oisterwijk", address: "Oisterwijk", postcode: "5062 TR",
            city: "Oisterwijk", kind: .residential
        ).create(on: db)
        try await Location(
            organisationID: orgs.avant, name: "Verpleeghuis Oegstgeest", address: "Rhijngeesterstraatweg",
            postcode: "2342 AN", city: "Oegstgeest", kind: .residential
        ).create(on: db)
        try await Location(
            organisationID: orgs.avant, name: "Thuiszorgteam Leiden-Noord", address: "Kooilaan", postcode: "2321 AA",
            city: "Leiden"
        ).create(on: db)
        try await Location(
            organisationID: orgs.avant, name: "Woonzorgcentrum Leiderdorp", address: "Hoofdstraat", postcode: "2351 AJ",
            city: "Leiderdorp"
        ).create(on: db)
        // A work supervisor at the AVANT locations, so placements there have one.
        let avantSupervisor = User(
            organisationID: orgs.avant, email: "werkbegeleider.avant@opstap.demo", name: "Werkbegeleider AVANT",
            passwordHash: passwordHash, roles: [.workSupervisor])
        try await avantSupervisor.create(on: db)
        try await offerPlaces("Woonzorgcentrum Leiderdorp", from: d(2026, 9, 1), places: 4, level: .a2)
        try await offerPlaces("Verpleeghuis Oegstgeest", from: d(2026, 9, 1), places: 3, level: .b1)
        try await offerPlaces("Thuiszorgteam Leiden-Noord", from: d(2026, 9, 1), places: 2, level: .b1)

        let qualifications = try await demoQualifications()
        try await leidenPathways(landlord: landlord, qualifications: qualifications, random: &random)
        try await kansrijkPathways(qualifications: qualifications, random: &random)
    }

    func offerPlaces(_ locationName: String, from: SimpleDate, places: Int, level: CEFRLevel) async throws {
        guard let location = try await Location.query(on: db).filter(\.$name == locationName).first() else { return }
        try await LocationPlaces(
            locationID: try location.requireID(), startsOn: from.iso, endsOn: nil, places: places, requiredLevel: level
        ).create(on: db)
    }

    private func demoQualifications() async throws -> [String: Qualification] {
        let list: [(String, String?, String, QualificationLevel)] = [
            ("entree", "25251", "Assistent dienstverlening en zorg (Entree)", .mbo1),
            ("helpende", "25498", "Helpende zorg en welzijn", .mbo2),
            ("certificaat", nil, "Mbo-certificaat assistent-begeleider gehandicaptenzorg", .certificate),
        ]
        var result: [String: Qualification] = [:]
        for (key, crebo, name, level) in list {
            let qualification = Qualification(crebo: crebo, name: name, level: level)
            try await qualification.create(on: db)
            result[key] = qualification
        }
        return result
    }

    private func cohortEnrolments(_ name: String) async throws -> [Enrolment] {
        guard let cohort = try await Cohort.query(on: db).filter(\.$name == name).first() else { return [] }
        return try await Enrolment.query(on: db).filter(\.$cohort.$id == cohort.requireID()).with(\.$person).sort(
            \.$createdAt
        ).sort(\.$id).all()
            .sorted {
                ($0.createdAt ?? .distantPast, $0.person.familyName) < (
                    $1.createdAt ?? .distantPast, $1.person.familyName
                )
            }
    }

    /// A step of the housing route, done on `day` and recorded by `email`.
    func step(
        _ enrolment: Enrolment, _ step: HousingStep, _ day: SimpleDate, by email: String, organisation: UUID
    ) async throws {
        try await HousingStepRecord(
            enrolmentID: try enrolment.requireID(), step: step, doneOn: day, note: "",
            recordedBy: try user(email).requireID(),
            organisationID: organisation, recordedAt: day.date
        ).create(on: db)
    }

    private mutating func leidenPathways(
        landlord: UUID, qualifications: [String: Qualification], random: inout DemoRandom
    ) async throws {
        let d = DemoPopulation.d
        let programmeID = try await Programme.query(on: db).filter(\.$name == "Op je plek in de zorg").first()?.id
        let studios = try await studioComplex(
            owner: landlord, programmeID: programmeID, name: "Studiocomplex Alrijne",
            address: "Houtlaan (naast het Alrijne Ziekenhuis)", postcode: "2334 CK", studios: 8,
            availableFrom: d(2024, 9, 1)
        ).studios
        let housingOfficer = "wonen.leiden@opstap.demo"
        let municipality = orgs.gemeenteLeiden
        let enrolments = try await cohortEnrolments("Instroom september 2024")
        func route(_ index: Int, _ enrolment: Enrolment) -> HousingRoute {
            let intake = enrolment.person.intake
            let single = intake.household == nil || intake.household == .single
            if intake.residence == .ownHome && !(single && index % 4 == 1) { return .alreadyHoused }
            return single ? .programmeStudio : .regularAllocation
        }
        // The last two singles on the studio route still wait (they moved out of a
        // temporary room this autumn); the others got a studio in 2024.
        let studioRoute = enrolments.indices.filter {
            route($0, enrolments[$0]) == .programmeStudio && !enrolments[$0].snapshot.state.isTerminal
        }
        let waiting = Set(studioRoute.suffix(2))
        var nextStudio = 0
        for (index, enrolment) in enrolments.enumerated() {
            let route = route(index, enrolment)
            let chosenOn = waiting.contains(index) ? d(2026, 9, 14).adding(days: index) : d(2024, 8, 26)
            try await choose(route, for: enrolment, on: chosenOn, by: housingOfficer)
            switch route {
            case .alreadyHoused:
                try await step(
                    enrolment, .addressConfirmed, d(2024, 9, 2), by: housingOfficer, organisation: municipality)
            case .programmeStudio where !waiting.contains(index) && nextStudio < studios.count - 2:
                // Studios from S01 on were let in the autumn of 2024.
                let unit = studios[nextStudio]
                nextStudio += 1
                try await letStudio(
                    unit, to: enrolment, offeredOn: d(2024, 9, 16), from: d(2024, 10, 1), by: housingOfficer,
                    organisation: municipality)
                if enrolment.state == .withdrawn,
                    let left = SimpleDate(enrolment.lastTransitionOn)
                {
                    try await HousingOperations.releaseHomes(of: try enrolment.requireID(), leftOn: left, on: db)
                }
            case .programmeStudio:
                // Waiting for a studio: the allocation suggestion finds them one.
                break
            case .regularAllocation:
                // Families at various steps of the regular allocation.
                let steps: [(HousingStep, SimpleDate)] = [
                    (.linkedToMunicipality, d(2024, 9, 9)), (.homeOffered, d(2025, 3, 3)), (.viewing, d(2025, 3, 10)),
                    (.tenancySigned, d(2025, 4, 1)), (.registeredAtAddress, d(2025, 4, 3)), (.movedIn, d(2025, 4, 12)),
                ]
                for (step, day) in steps.prefix(1 + index % steps.count) {
                    try await self.step(enrolment, step, day, by: housingOfficer, organisation: municipality)
                }
            }
            try await leidenQualifications(enrolment, index: index, qualifications: qualifications)
            try await leidenWork(enrolment, index: index, random: &random)
        }
    }

    /// A complex of `studios` studios (S01, S02, …) for a programme's participants, free from `availableFrom`.
    func studioComplex(
        owner: UUID, programmeID: UUID?, name: String, address: String, postcode: String, city: String = "Leiden",
        studios: Int, availableFrom: SimpleDate
    ) async throws -> (complex: HousingComplex, studios: [HousingUnit]) {
        let complex = HousingComplex(
            ownerID: owner, programmeID: programmeID, name: name, address: address, postcode: postcode, city: city,
            noticeDays: 30)
        try await complex.create(on: db)
        var units: [HousingUnit] = []
        for number in 1...studios {
            let unit = HousingUnit(
                complexID: try complex.requireID(), label: String(format: "S%02d", number), kind: .studio,
                sizeM2: Double(22 + number % 4 * 2), availableFrom: availableFrom)
            try await unit.create(on: db)
            units.append(unit)
        }
        return (complex, units)
    }

    /// The housing route chosen for `enrolment` on `day` by the housing officer `email`.
    func choose(_ route: HousingRoute, for enrolment: Enrolment, on day: SimpleDate, by email: String) async throws {
        try await HousingRouteChoice(
            enrolmentID: try enrolment.requireID(), route: route, chosenOn: day, chosenBy: try user(email).requireID()
        ).create(on: db)
    }

    /// The studio route's steps from the offer on `offeredOn` to moving in, and a tenancy of `unit` from `start`.
    func letStudio(
        _ unit: HousingUnit, to enrolment: Enrolment, offeredOn: SimpleDate, from start: SimpleDate, by email: String,
        organisation: UUID
    ) async throws {
        for (step, day) in [
            (HousingStep.homeOffered, offeredOn), (.viewing, offeredOn.adding(days: 4)),
            (.tenancySigned, offeredOn.adding(days: 11)), (.registeredAtAddress, start.adding(days: 1)),
            (.movedIn, start.adding(days: 3)),
        ] {
            try await self.step(enrolment, step, day, by: email, organisation: organisation)
        }
        try await Tenancy(
            unitID: try unit.requireID(), enrolmentID: try enrolment.requireID(), startsOn: start, endsOn: nil,
            createdBy: try user(email).requireID()
        ).create(on: db)
    }

    private func leidenQualifications(
        _ enrolment: Enrolment, index: Int, qualifications: [String: Qualification]
    ) async throws {
        let d = DemoPopulation.d
        let teacher = try user("docent.leiden@opstap.demo").requireID()
        let student = enrolment.stream == "studenten"
        let mbo1Start = student ? d(2024, 9, 2) : d(2025, 1, 27)
        let mbo1End = student ? d(2025, 7, 7) : d(2025, 11, 3)
        guard enrolment.completedPhasesText.contains("mbo-1") || enrolment.phaseCode == "mbo-1" else { return }
        let entree = ParticipantQualification(
            enrolmentID: try enrolment.requireID(), qualificationID: try qualifications["entree"]!.requireID(),
            startedOn: mbo1Start)
        if enrolment.completedPhasesText.contains("mbo-1") {
            entree.status = .awarded
            entree.awardedOn = mbo1End.iso
        }
        try await entree.create(on: db)
        try await Exam(
            participantQualificationID: try entree.requireID(), subject: "Proeve van bekwaamheid",
            takenOn: mbo1End.adding(days: -14), result: .passed, recordedBy: teacher
        ).create(on: db)
        guard enrolment.completedPhasesText.contains("mbo-1"),
            enrolment.phaseCode == "mbo-2" || enrolment.state == .paused
        else { return }
        let helpende = ParticipantQualification(
            enrolmentID: try enrolment.requireID(), qualificationID: try qualifications["helpende"]!.requireID(),
            startedOn: student ? d(2025, 9, 1) : d(2025, 12, 1))
        try await helpende.create(on: db)
        try await Exam(
            participantQualificationID: try helpende.requireID(), subject: "Nederlands lezen en luisteren (2F)",
            takenOn: d(2026, 6, 15), result: index % 5 == 4 ? .failed : .passed, recordedBy: teacher
        ).create(on: db)
        try await Exam(
            participantQualificationID: try helpende.requireID(), subject: "Proeve van bekwaamheid",
            takenOn: d(2027, 5, 17),
            result: .planned, recordedBy: teacher
        ).create(on: db)
    }

    private func leidenWork(_ enrolment: Enrolment, index: Int, random: inout DemoRandom) async throws {
        let d = DemoPopulation.d
        let hr = try user("hr.leiden@opstap.demo").requireID()
        let alrijne = orgs.alrijne
        let leidenHospital = try await Location.query(on: db).filter(\.$name == "Alrijne Ziekenhuis Leiden").first()
        if enrolment.state == .completed, enrolment.outcomeCode == "baan-avant",
            let left = SimpleDate(enrolment.lastTransitionOn)
        {
            let interview = FitInterview(
                enrolmentID: try enrolment.requireID(), employerID: alrijne, plannedOn: left.adding(days: -21),
                plannedTime: "10:00", recordedBy: hr)
            interview.result = .positive
            interview.note = "Goede klik met het team; start na de diploma-uitreiking."
            try await interview.create(on: db)
            try await offer(
                enrolment, employer: alrijne, location: leidenHospital, role: "Helpende zorg en welzijn",
                hours: Double(random.pick([24, 28, 32])),
                contract: .permanent, starts: left.adding(days: 1), offered: left.adding(days: -14), status: .accepted,
                guarantee: 24, by: hr)
        }
        if enrolment.phaseCode == "mbo-2" && enrolment.state == .inPhase {
            switch index % 6 {
            case 1:
                try await FitInterview(
                    enrolmentID: try enrolment.requireID(), employerID: alrijne, plannedOn: d(2026, 12, 3),
                    plannedTime: "14:00",
                    recordedBy: hr
                ).create(on: db)
            case 3:
                let interview = FitInterview(
                    enrolmentID: try enrolment.requireID(), employerID: alrijne, plannedOn: d(2026, 11, 10),
                    plannedTime: "09:30",
                    recordedBy: hr)
                interview.result = .positive
                try await interview.create(on: db)
                // Below the guarantee of 24 hours: the check flags it.
                try await offer(
                    enrolment, employer: alrijne, location: leidenHospital, role: "Helpende zorg en welzijn", hours: 16,
                    contract: .fixedTerm,
                    starts: d(2027, 8, 1), offered: d(2026, 11, 17), status: .offered, guarantee: 24, by: hr)
            default:
                break
            }
            // Wishes for an internship place: the allocation suggestion weighs them.
            let wishes = [
                "Woonzorgcentrum Leiderdorp", "Verpleeghuis Oegstgeest", "Thuiszorgteam Leiden-Noord",
                "Alrijne Ziekenhuis Leiden",
            ]
            for (rank, name) in wishes.shuffled(using: &random).prefix(index % 3 + 1).enumerated() {
                if let location = try await Location.query(on: db).filter(\.$name == name).first() {
                    try await LocationPreference(
                        enrolmentID: try enrolment.requireID(), locationID: try location.requireID(), rank: rank + 1
                    )
                    .create(on: db)
                }
            }
        }
        try await followUps(enrolment, coachEmail: "coach.leiden@opstap.demo", employer: .employer)
    }

    private func offer(
        _ enrolment: Enrolment, employer: UUID, location: Location?, role: String, hours: Double,
        contract: ContractType, starts: SimpleDate,
        offered: SimpleDate, status: JobOfferStatus, guarantee: Double?, by: UUID
    ) async throws {
        let offer = JobOffer()
        offer.$enrolment.id = try enrolment.requireID()
        offer.$employer.id = employer
        offer.$location.id = location?.id
        offer.role = role
        offer.hoursPerWeek = hours
        offer.contractType = contract
        offer.startsOn = starts.iso
        offer.offeredOn = offered.iso
        offer.status = status
        offer.guaranteedHours = guarantee
        offer.$recordedBy.id = by
        try await offer.create(on: db)
    }

    /// Former participants: both follow-ups scheduled as on leaving; those already due are
    /// recorded (and their tasks done).
    func followUps(_ enrolment: Enrolment, coachEmail: String, employer source: FollowUpSource) async throws {
        guard enrolment.snapshot.state.isTerminal, let left = SimpleDate(enrolment.lastTransitionOn) else { return }
        let coach = try user(coachEmail).requireID()
        try await FollowUpOperations.schedule(
            for: enrolment, leftOn: left, actorID: coach,
            title: { "Nazorg: situatie \($0 == .fourWeeks ? "na 4 weken" : "na 6 maanden") vastleggen" }, on: db)
        for followUp in try await FollowUp.query(on: db).filter(\.$enrolment.$id == enrolment.requireID()).all() {
            guard let due = SimpleDate(followUp.dueOn), due <= DemoPopulation.historyEnd else { continue }
            let working =
                enrolment.state == .completed && enrolment.outcomeCode != "vervolgopleiding"
            followUp.situation =
                (working
                    ? FollowUpSituation.employed
                    : enrolment.outcomeCode == "vervolgopleiding" ? .inEducation : .jobSeeking)
            followUp.observedOn = due.iso
            followUp.source = working ? source : .participant
            followUp.$recordedBy.id = coach
            try await followUp.save(on: db)
            if let taskID = followUp.$task.id {
                try await GuidanceTask.query(on: db).filter(\.$id == taskID).set(
                    \.$status, to: TaskStatus.done
                ).set(\.$doneAt, to: due.date).update()
            }
        }
    }

    private mutating func kansrijkPathways(
        qualifications: [String: Qualification], random: inout DemoRandom
    ) async throws {
        let d = DemoPopulation.d
        let teacher = try user("docent.kansrijk@opstap.demo").requireID()
        let hr = try user("hr.kansrijk@opstap.demo").requireID()
        let housing = try user("wonen.kansrijk@opstap.demo").requireID()
        for cohortName in ["Pilot oktober 2023", "Instroom oktober 2026"] {
            let pilot = cohortName.hasPrefix("Pilot")
            for enrolment in try await cohortEnrolments(cohortName) {
                // Kansrijk participants already live in Tilburg: their address is confirmed.
                try await HousingRouteChoice(
                    enrolmentID: try enrolment.requireID(), route: .alreadyHoused,
                    chosenOn: pilot ? d(2023, 9, 18) : d(2026, 9, 21), chosenBy: housing
                ).create(on: db)
                try await HousingStepRecord(
                    enrolmentID: try enrolment.requireID(), step: .addressConfirmed,
                    doneOn: pilot ? d(2023, 9, 25) : d(2026, 9, 28), note: "",
                    recordedBy: housing, organisationID: orgs.gemeenteTilburg, recordedAt: Date()
                ).create(on: db)
                let certificate = ParticipantQualification(
                    enrolmentID: try enrolment.requireID(),
                    qualificationID: try qualifications["certificaat"]!.requireID(),
                    startedOn: pilot ? d(2024, 2, 19) : d(2026, 10, 5))
                if pilot && enrolment.state == .completed {
                    certificate.status = .awarded
                    certificate.awardedOn = DemoPopulation.d(2024, 7, 12).iso
                }
                try await certificate.create(on: db)
                try await Exam(
                    participantQualificationID: try certificate.requireID(), subject: "Praktijkexamen begeleiden",
                    takenOn: pilot ? d(2024, 7, 1) : d(2027, 2, 15),
                    result: pilot ? .passed : .planned, recordedBy: teacher
                ).create(on: db)
                if pilot, enrolment.state == .completed,
                    let left = SimpleDate(enrolment.lastTransitionOn)
                {
                    let interview = FitInterview(
                        enrolmentID: try enrolment.requireID(), employerID: orgs.amarant, plannedOn: d(2024, 7, 22),
                        plannedTime: "11:00", recordedBy: hr)
                    interview.result = .positive
                    try await interview.create(on: db)
                    let bbl = enrolment.outcomeCode == "bbl-opleiding"
                    try await offer(
                        enrolment, employer: orgs.amarant, location: nil,
                        role: bbl ? "Begeleider in opleiding (BBL)" : "Assistent-begeleider",
                        hours: Double(random.pick([20, 24, 28])), contract: bbl ? .bbl : .fixedTerm, starts: left,
                        offered: d(2024, 8, 1), status: .accepted,
                        guarantee: nil, by: hr)
                }
                try await followUps(enrolment, coachEmail: "coach.kansrijk@opstap.demo", employer: .employer)
            }
        }
    }
}
