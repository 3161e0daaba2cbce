import Fluent
import Foundation
import OpstapDomain

/// The demo population of both programmes: running cohorts with histories, and candidates
/// in every selection stage.
enum DemoPopulation {
    /// An event's day, moved with the demo (`DemoCalendar`).
    static func d(_ y: Int, _ m: Int, _ day: Int) -> SimpleDate { DemoCalendar.event(y, m, day) }

    /// The last day with recorded history: the Friday before the day the demo loads.
    static var historyEnd: SimpleDate { d(2026, 11, 20) }

    // MARK: Leiden

    static func leiden(_ loader: inout DemoLoader) async throws {
        let o = loader.orgs
        let coordinator = loader.user("coordinator.leiden@opstap.demo")
        let intake = loader.user("intake.leiden@opstap.demo")
        let programme = Programme(name: "Op je plek in de zorg", ownerID: o.gemeenteLeiden, draft: nil)
        try await programme.create(on: loader.db)
        let v1 = try await loader.publish(
            programme, DemoProgrammes.leiden(o), on: d(2024, 6, 3), by: "coordinator.leiden@opstap.demo",
            note: "Eerste versie voor de start in september 2024.")
        let v2 = try await loader.publish(
            programme, DemoProgrammes.leiden(o, mbo2TheoryHours: 10), on: d(2025, 8, 18),
            by: "coordinator.leiden@opstap.demo",
            note: "Mbo-2: 10 uur theorie per week (was 8), op advies van mboRijnland.")
        let cohort2024 = Cohort(
            programmeID: try programme.requireID(), versionID: try v1.requireID(), name: "Instroom september 2024",
            startDate: d(2024, 9, 2).iso,
            capacity: 30, streams: ["statushouders", "studenten"])
        try await cohort2024.create(on: loader.db)
        let cohort2027 = Cohort(
            programmeID: try programme.requireID(), versionID: try v2.requireID(), name: "Instroom februari 2027",
            startDate: d(2027, 2, 1).iso,
            capacity: 20, streams: ["statushouders", "studenten"])
        try await cohort2027.create(on: loader.db)
        let criteria = v1.definition.selectionCriteria

        try await loader.offerPlaces("Alrijne Ziekenhuis Leiden", from: d(2024, 9, 1), places: 20)
        // The 2024 cohort: 16 permit holders via the pre-education, 8 students straight into mbo-1.
        for index in 0..<24 {
            let statushouder = index < 16
            let person = try await loader.person(statushouder: statushouder, programme: "leiden")
            let referredBy =
                statushouder ? loader.random.pick([o.vluchtelingenwerk, o.coa, o.gemeenteLeiden]) : o.mboRijnland
            let candidacy = try await loader.candidacy(
                person: person, programme: programme, stream: statushouder ? "statushouders" : "studenten",
                referredBy: referredBy,
                referredOn: d(2024, 4, 1 + index), actor: intake, criteria: criteria, upTo: .decided,
                decision: .selected,
                reason: "Voldoet aan alle criteria; gemotiveerd voor de zorg.")
            let commands = statushouder ? leidenPermitHolder(index) : leidenStudent(index - 16)
            let enrolment = try await loader.enrolment(
                candidacy: candidacy, cohort: cohort2024, version: v1, enrolledOn: d(2024, 8, 26), actor: coordinator,
                commands: commands, today: historyEnd)
            if index % 2 == 0 {
                try await loader.assign(enrolment, "coach.leiden@opstap.demo", as: .coach, from: d(2024, 9, 2))
            }
            // A pause does not stop the guidance: reviews and contact moments go on.
            if [EnrolmentState.inPhase, .paused].contains(enrolment.state) {
                let review = Review(
                    enrolmentID: try enrolment.requireID(), plannedOn: d(2026, 11, 2),
                    createdBy: try loader.user("coach.leiden@opstap.demo").requireID())
                review.heldOn = d(2026, 11, 2).iso
                review.summary = "Voortgang mbo-2 besproken; stage op de afdeling verloopt volgens plan."
                review.status = .signed
                review.signedBy = Set(ReviewParty.allCases)
                try await review.create(on: loader.db)
                // Every running participant has weekly contact moments and registered hours, as a
                // partnership that uses Opstap would: the attention list flags the few who need it
                // (one not reached for four weeks, one falling behind on hours), not everyone.
                try await loader.notes(
                    for: enrolment, from: d(2026, 10, 5), to: historyEnd, quiet: index == 6,
                    coachEmail: "coach.leiden@opstap.demo", supervisorEmail: "werkbegeleider.leiden@opstap.demo")
                if index % 3 != 0 && enrolment.state == .inPhase {
                    // Drawn from a generator of its own: the rest of the demo stays as it was.
                    let saved = loader.random
                    loader.random = DemoRandom(seed: 20_261_005 + UInt64(index))
                    defer { loader.random = saved }
                    try await loader.ledger(
                        for: enrolment, version: v1, from: d(2026, 9, 28), to: historyEnd,
                        practicePlace: "Alrijne Ziekenhuis Leiden", classPlace: "mboRijnland Campus Leiden",
                        fallingBehind: index == 10, recordedBy: "coach.leiden@opstap.demo",
                        approvedBy: "coordinator.leiden@opstap.demo")
                }
            }
            if index % 3 == 0 {
                try await loader.assign(
                    enrolment, "werkbegeleider.leiden@opstap.demo", as: .workSupervisor, from: d(2025, 1, 27))
                if enrolment.state == .inPhase {
                    try await loader.place(
                        enrolment, at: "Alrijne Ziekenhuis Leiden", supervisor: "werkbegeleider.leiden@opstap.demo",
                        from: d(2025, 9, 1), days: [.tuesday, .wednesday, .thursday, .friday], hours: 28)
                    try await loader.ledger(
                        for: enrolment, version: v1, from: d(2026, 9, 28), to: historyEnd,
                        practicePlace: "Alrijne Ziekenhuis Leiden",
                        classPlace: "mboRijnland Campus Leiden", fallingBehind: false,
                        recordedBy: "werkbegeleider.leiden@opstap.demo",
                        approvedBy: "werkbegeleider.leiden@opstap.demo")
                }
            }
            if index % 4 == 0 {
                try await loader.assign(enrolment, "buddy.leiden@opstap.demo", as: .buddy, from: d(2024, 9, 2))
            }
            if index < 16 && index % 2 == 1 {
                try await loader.assign(
                    enrolment, "begeleider.leiden@opstap.demo", as: .socialGuide, from: d(2024, 9, 2))
            }
            if index % 5 == 0 {
                try await loader.assign(enrolment, "docent.leiden@opstap.demo", as: .teacher, from: d(2024, 9, 2))
            }
        }

        // Candidates for February 2027, in every selection stage.
        let pipeline: [(CandidacyStage, SelectionDecision?, String)] = [
            (.referred, nil, ""), (.referred, nil, ""), (.referred, nil, ""),
            (.intakePlanned, nil, ""), (.intakePlanned, nil, ""),
            (.intakeHeld, nil, ""), (.intakeHeld, nil, ""),
            (.selection, nil, ""), (.selection, nil, ""), (.selection, nil, ""),
            (.decided, .selected, "Sterke motivatie en voldoende taalniveau voor de vooropleiding."),
            (.decided, .rejected, "Taalniveau nog onvoldoende; opnieuw aanmelden na de taalcursus."),
            (.decided, .withdrawn, "Heeft werk gevonden buiten de zorg."),
        ]
        for (index, step) in pipeline.enumerated() {
            let statushouder = index % 4 != 3
            let person = try await loader.person(statushouder: statushouder, programme: "leiden")
            _ = try await loader.candidacy(
                person: person, programme: programme, stream: statushouder ? "statushouders" : "studenten",
                referredBy: statushouder ? loader.random.pick([o.vluchtelingenwerk, o.coa]) : o.mboRijnland,
                referredOn: d(2026, 9, 14).adding(days: index * 3), actor: intake, criteria: criteria, upTo: step.0,
                decision: step.1, reason: step.2)
        }
    }

    /// Permit holders: pre-education, mbo-1, then mbo-2 for most; one left, one paused.
    static func leidenPermitHolder(_ index: Int) -> [EnrolmentCommand] {
        var commands: [EnrolmentCommand] = [.startPhase(code: "vooropleiding", on: d(2024, 9, 2))]
        if index == 5 {
            return commands + [
                .withdraw(reason: .movedAway, note: "Verhuisd naar familie in een andere regio.", on: d(2024, 11, 18))
            ]
        }
        commands += [
            .completePhase(result: .passed, on: d(2025, 1, 20)), .startPhase(code: "mbo-1", on: d(2025, 1, 27)),
            .completePhase(result: index == 9 ? .passedWithConditions : .passed, on: d(2025, 11, 3)),
        ]
        switch index {
        case 0, 1, 2:
            return commands + [.complete(outcomeCode: "baan-avant", on: d(2025, 11, 17))]
        case 7:
            return commands + [
                .startPhase(code: "mbo-2", on: d(2025, 12, 1)),
                .pause(reason: "Zorg voor een ziek familielid.", plannedReturn: d(2027, 1, 11), on: d(2026, 10, 5)),
            ]
        default:
            return commands + [.startPhase(code: "mbo-2", on: d(2025, 12, 1))]
        }
    }

    /// Students: mbo-1 from September 2024 (first diplomas summer 2025), then mbo-2 or a job.
    static func leidenStudent(_ index: Int) -> [EnrolmentCommand] {
        let commands: [EnrolmentCommand] = [
            .startPhase(code: "mbo-1", on: d(2024, 9, 2)), .completePhase(result: .passed, on: d(2025, 7, 7)),
        ]
        switch index {
        case 0, 1: return commands + [.complete(outcomeCode: "baan-avant", on: d(2025, 7, 21))]
        case 2: return commands + [.complete(outcomeCode: "vervolgopleiding", on: d(2025, 8, 25))]
        default: return commands + [.startPhase(code: "mbo-2", on: d(2025, 9, 1))]
        }
    }

    // MARK: Kansrijk

    static func kansrijk(_ loader: inout DemoLoader) async throws {
        let o = loader.orgs
        let coordinator = loader.user("coordinator.kansrijk@opstap.demo")
        let intake = loader.user("intake.kansrijk@opstap.demo")
        let programme = Programme(name: "Kansrijk", ownerID: o.amarant, draft: nil)
        try await programme.create(on: loader.db)
        let v1 = try await loader.publish(
            programme, DemoProgrammes.kansrijk(o), on: d(2023, 9, 1), by: "coordinator.kansrijk@opstap.demo",
            note: "Pilot volgens het samenwerkingsconvenant.")
        let pilot = Cohort(
            programmeID: try programme.requireID(), versionID: try v1.requireID(), name: "Pilot oktober 2023",
            startDate: d(2023, 10, 2).iso,
            capacity: 15, streams: ["statushouders"])
        try await pilot.create(on: loader.db)
        let cohort2026 = Cohort(
            programmeID: try programme.requireID(), versionID: try v1.requireID(), name: "Instroom oktober 2026",
            startDate: d(2026, 10, 5).iso,
            capacity: 12, streams: ["statushouders"])
        try await cohort2026.create(on: loader.db)
        let criteria = v1.definition.selectionCriteria

        // The pilot: 15 from October 2023, all still taking part after a year.
        for index in 0..<15 {
            let person = try await loader.person(statushouder: true, programme: "kansrijk")
            let candidacy = try await loader.candidacy(
                person: person, programme: programme, stream: "statushouders",
                referredBy: loader.random.pick([o.refugeeTeam, o.gemeenteTilburg]),
                referredOn: d(2023, 7, 3 + index), actor: intake, criteria: criteria, upTo: .decided,
                decision: .selected,
                reason: "Gemotiveerd; affiniteit met de gehandicaptenzorg na kennismaking op locatie.")
            var commands: [EnrolmentCommand] = [
                .startPhase(code: "periode-1", on: d(2023, 10, 2)), .completePhase(result: .passed, on: d(2024, 2, 16)),
                .startPhase(code: "periode-2", on: d(2024, 2, 19)),
            ]
            if index == 4 {
                commands += [
                    .pause(reason: "Herstel na een operatie.", plannedReturn: d(2024, 5, 6), on: d(2024, 4, 8)),
                    .resume(on: d(2024, 5, 6)),
                ]
            }
            commands.append(.completePhase(result: .passed, on: d(2024, 7, 12)))
            let outcome = index < 9 ? "betaalde-functie" : index < 14 ? "bbl-opleiding" : "vervolgopleiding"
            commands.append(.complete(outcomeCode: outcome, on: d(2024, 9, 2)))
            let enrolment = try await loader.enrolment(
                candidacy: candidacy, cohort: pilot, version: v1, enrolledOn: d(2023, 9, 18), actor: coordinator,
                commands: commands, today: historyEnd)
            try await loader.assign(enrolment, "coach.kansrijk@opstap.demo", as: .coach, from: d(2023, 10, 2))
        }

        try await loader.offerPlaces("Dagbesteding Tilburg-Noord", from: d(2026, 9, 1), places: 4)
        try await loader.offerPlaces("Woonlocatie Goirle", from: d(2026, 9, 1), places: 5)
        // The yearly intake of October 2026, now in period 1.
        for index in 0..<8 {
            let person = try await loader.person(statushouder: true, programme: "kansrijk")
            let candidacy = try await loader.candidacy(
                person: person, programme: programme, stream: "statushouders",
                referredBy: loader.random.pick([o.refugeeTeam, o.gemeenteTilburg, o.sterkHuis]),
                referredOn: d(2026, 6, 1 + index * 2), actor: intake, criteria: criteria, upTo: .decided,
                decision: .selected,
                reason: "Gemotiveerd; gekoppeld aan het inburgeringstraject.")
            let enrolment = try await loader.enrolment(
                candidacy: candidacy, cohort: cohort2026, version: v1, enrolledOn: d(2026, 9, 21), actor: coordinator,
                commands: [.startPhase(code: "periode-1", on: d(2026, 10, 5))], today: historyEnd)
            try await loader.assign(enrolment, "coach.kansrijk@opstap.demo", as: .coach, from: d(2026, 10, 5))
            try await loader.assign(
                enrolment, "werkbegeleider.kansrijk@opstap.demo", as: .workSupervisor, from: d(2026, 10, 5))
            try await loader.ledger(
                for: enrolment, version: v1, from: d(2026, 10, 5), to: historyEnd,
                practicePlace: index < 4 ? "Dagbesteding Tilburg-Noord" : "Woonlocatie Goirle",
                classPlace: "Lesdag ROC Tilburg",
                fallingBehind: index == 7, recordedBy: "coach.kansrijk@opstap.demo",
                approvedBy: "werkbegeleider.kansrijk@opstap.demo")
            try await loader.notes(for: enrolment, from: d(2026, 10, 5), to: historyEnd, quiet: index == 7)
            try await loader.reviews(
                for: enrolment, index: index, heldOn: d(2026, 11, 13), coachEmail: "coach.kansrijk@opstap.demo")
            try await loader.place(
                enrolment, at: index < 4 ? "Dagbesteding Tilburg-Noord" : "Woonlocatie Goirle",
                supervisor: "werkbegeleider.kansrijk@opstap.demo",
                from: d(2026, 10, 5), days: [.wednesday, .thursday], hours: 14)
            if index == 0 {
                // Several places at once are possible (Kansrijk): a second one on Mondays.
                try await loader.place(
                    enrolment, at: "Woonlocatie Goirle", supervisor: "werkbegeleider.kansrijk@opstap.demo",
                    from: d(2026, 11, 2), days: [.monday], hours: 4)
            }
            if index < 4 {
                try await loader.assign(enrolment, "buddy.kansrijk@opstap.demo", as: .buddy, from: d(2026, 10, 5))
            }
            try await loader.assign(
                enrolment, "begeleider.kansrijk@opstap.demo", as: .socialGuide, from: d(2026, 10, 5))
        }

        // Candidates for the next intake, in every stage.
        let pipeline: [(CandidacyStage, SelectionDecision?, String)] = [
            (.referred, nil, ""), (.intakePlanned, nil, ""), (.intakeHeld, nil, ""), (.selection, nil, ""),
            (.decided, .rejected, "Motivatie voor de gehandicaptenzorg onvoldoende na de kennismaking."),
        ]
        for (index, step) in pipeline.enumerated() {
            let person = try await loader.person(statushouder: true, programme: "kansrijk")
            _ = try await loader.candidacy(
                person: person, programme: programme, stream: "statushouders", referredBy: o.refugeeTeam,
                referredOn: d(2026, 10, 12).adding(days: index * 4), actor: intake, criteria: criteria, upTo: step.0,
                decision: step.1, reason: step.2)
        }
    }
}
