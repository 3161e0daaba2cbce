import Fluent
import Foundation
import OpstapDomain
import Testing
import Vapor
@testable import OpstapApp

/// Utrecht's U-Match care route, the third real programme, configured on an empty install:
/// school with language lessons from day one, one internship day a week from February (a
/// later schedule period), a contract after about a year, co-funded by AMIF, open to permit
/// holders, asylum seekers and Ukrainians (a residence-status condition).
@Suite struct UMatchProgrammeTests {
    struct Install {
        var utrecht: Organisation
        var roc: Organisation
        var care: Organisation
        var email: String
    }

    static func install(_ app: Application) async throws -> Install {
        let utrecht = Organisation(
            name: "Gemeente Utrecht", kind: .municipality, city: "Utrecht")
        let roc = Organisation(name: "ROC Midden Nederland", kind: .school, city: "Utrecht")
        let care = Organisation(
            name: "Zorgorganisatie Utrecht", kind: .careEmployer, city: "Utrecht")
        for organisation in [utrecht, roc, care] { try await organisation.create(on: app.db) }
        let email = "umatch@utrecht.test"
        try await User(
            organisationID: utrecht.requireID(), email: email, name: "Regie U-Match",
            passwordHash: try app.password.hash(DemoData.password), roles: [.coordinator]
        ).create(on: app.db)
        return Install(utrecht: utrecht, roc: roc, care: care, email: email)
    }

    /// Starts in September; week 22 of the school phase is the first week of February.
    static func definition(_ install: Install) -> ProgrammeDefinition {
        ProgrammeDefinition(
            name: "U-Match zorgroute Utrecht",
            description:
                "School met taallessen vanaf dag één, vanaf februari één stagedag per week, contract na ongeveer een jaar.",
            partners: [
                Partner(organisationID: install.utrecht.id!, part: "regie, werving en inburgering"),
                Partner(organisationID: install.roc.id!, part: "opleiding en taallessen"),
                Partner(organisationID: install.care.id!, part: "stageplaatsen en contract"),
            ],
            streams: [
                Stream(code: "nieuwkomers", name: "Nieuwkomers", firstPhaseCode: "school"),
                // Those with a diploma from abroad follow a shorter school phase.
                Stream(
                    code: "met-vooropleiding", name: "Met vooropleiding", firstPhaseCode: "school",
                    phaseWeeks: ["school": 40]),
            ],
            phases: [
                Phase(
                    code: "school", name: "School en taal", kind: .vocationalEducation, plannedWeeks: 52,
                    schedule: [
                        ScheduleItem(activity: .language, hoursPerWeek: 8, days: [.monday, .tuesday]),
                        ScheduleItem(activity: .theory, hoursPerWeek: 8, days: [.wednesday, .thursday]),
                    ],
                    laterPeriods: [
                        SchedulePeriod(
                            fromWeek: 22,
                            schedule: [
                                ScheduleItem(activity: .practice, hoursPerWeek: 8, days: [.monday]),
                                ScheduleItem(activity: .language, hoursPerWeek: 6, days: [.tuesday]),
                                ScheduleItem(activity: .theory, hoursPerWeek: 8, days: [.wednesday, .thursday]),
                            ])
                    ]),
                Phase(
                    code: "werk", name: "Werken en leren", kind: .jobPreparation, plannedWeeks: 26,
                    schedule: [
                        ScheduleItem(activity: .practice, hoursPerWeek: 24, days: [.monday, .tuesday, .wednesday])
                    ]),
            ],
            selectionCriteria: [
                SelectionCriterion(
                    code: "verblijfsstatus", name: "Verblijfsstatus",
                    description: "Statushouder, in de asielprocedure of tijdelijke bescherming (Oekraïne).",
                    kind: .condition),
                SelectionCriterion(code: "motivatie", name: "Motivatie voor de zorg", maxScore: 5, minimumScore: 3),
            ],
            outcomes: [
                Outcome(code: "contract", name: "Arbeidscontract in de zorg", kind: .contract, afterMonths: 12),
                Outcome(code: "diploma", name: "Mbo-diploma", kind: .diploma),
                Outcome(code: "inburgering", name: "Inburgering afgerond", kind: .civicIntegration),
            ],
            ownerOrganisationID: install.utrecht.id!)
    }

    @Test func uMatchValidatesPublishesAndIsFundedByAMIF() async throws {
        try await withOpstap(demo: false) { app in
            let install = try await Self.install(app)
            let definition = Self.definition(install)
            #expect(
                definition.validate(knownOrganisations: [install.utrecht.id!, install.roc.id!, install.care.id!]) == [])

            let api = try await APIClient.forUser(app, install.email)
            let created = try await api.send(.POST, "/api/v1/programmes", body: definition)
            #expect(created.status == .created)
            let programme = try api.decode(APIProgramme.self, created)
            let published = try await api.send(
                .POST, "/api/v1/programmes/\(programme.id)/versions", json: #"{"changeNote":"U-Match"}"#)
            #expect(published.status == .created)
            let version = try api.decode(
                APIVersion.self, try await api.send(.GET, "/api/v1/programmes/\(programme.id)/versions/1"))
            #expect(version.definition == definition)

            let amif = try await api.send(
                .POST, "/api/v1/programmes/\(programme.id)/funding-streams",
                json: """
                    {"kind":"amif","name":"AMIF-cofinanciering U-Match","funderId":"\(install.utrecht.id!)","startsOn":"2026-09-01","endsOn":"2028-08-31","targetStreams":["nieuwkomers"]}
                    """)
            #expect(amif.status == .created)
            let stream = try api.decode(APIFundingStream.self, amif)
            #expect(stream.kind == .amif && stream.amountCents == nil)
            let municipal = try await api.send(
                .POST, "/api/v1/programmes/\(programme.id)/funding-streams",
                json: """
                    {"kind":"municipalBudget","name":"Participatiebudget","funderId":"\(install.utrecht.id!)","amountCents":5000000,"startsOn":"2026-09-01","endsOn":"2027-12-31"}
                    """)
            #expect(try api.decode(APIFundingStream.self, municipal).amountCents == 5_000_000)
            // ESF+ reporting takes ESF+ streams only.
            #expect(
                try await api.send(.GET, "/api/v1/funding-streams/\(stream.id)/characteristics/\(UUID())").status
                    == .notFound)

            let cohort = try await api.send(
                .POST, "/api/v1/cohorts",
                json:
                    #"{"programmeId":"\#(programme.id)","name":"U-Match september 2026","startDate":"2026-09-07","capacity":20,"streams":["nieuwkomers","met-vooropleiding"]}"#
            )
            #expect(cohort.status == .created)
        }
    }

    @Test func uMatchExpectsHoursPerSchedulePeriod() async throws {
        try await withOpstap(demo: false) { app in
            let definition = Self.definition(try await Self.install(app))
            let start = SimpleDate("2026-09-07")!  // a Monday
            let spans = ExpectedHours.spans(starts: [("school", start)], completions: [], definition: definition)
            let firstWeek = ExpectedHours.over(start...start.adding(days: 6), spans: spans, pauses: [])
            #expect(firstWeek[.language] == 8 && firstWeek[.theory] == 8 && firstWeek[.practice] == 0)
            let february = SimpleDate("2027-02-01")!
            #expect(start.adding(weeks: 21) == february)
            let week22 = ExpectedHours.over(february...february.adding(days: 6), spans: spans, pauses: [])
            #expect(week22[.practice] == 8 && week22[.language] == 6 && week22[.theory] == 8)
            #expect(ExpectedHours.on(february, spans: spans, pauses: [])[.practice] == 8)
            #expect(ExpectedHours.on(february.adding(days: -7), spans: spans, pauses: [])[.practice] == 0)
            // No Monday-to-Thursday public holiday falls in these 22 weeks (Christmas and New Year are on Fri/Sat).
            let wholeRun = ExpectedHours.over(start...february.adding(days: 6), spans: spans, pauses: [])
            #expect(wholeRun[.language] == 21 * 8 + 6)
            #expect(wholeRun[.theory] == 22 * 8)
            #expect(wholeRun[.practice] == 8)
            #expect(definition.plannedWeeks(of: "school", stream: "met-vooropleiding") == 40)
            #expect(definition.plannedWeeks(of: "school", stream: "nieuwkomers") == 52)
        }
    }

    @Test func theChosenOwnerEditsAfterPublicationAndTheCreatorNoLonger() async throws {
        try await withOpstap(demo: false) { app in
            let install = try await Self.install(app)
            try await User(
                organisationID: install.roc.requireID(), email: "regie@roc.test", name: "Regie ROC",
                passwordHash: try app.password.hash(DemoData.password), roles: [.coordinator]
            ).create(on: app.db)
            var definition = Self.definition(install)
            definition.ownerOrganisationID = install.roc.id!
            let creator = try await APIClient.forUser(app, install.email)
            let programme = try creator.decode(
                APIProgramme.self, try await creator.send(.POST, "/api/v1/programmes", body: definition))
            #expect(programme.ownerOrganisationId == install.utrecht.id!)
            #expect(
                try await creator.send(.POST, "/api/v1/programmes/\(programme.id)/versions", json: "{}").status
                    == .created)

            let after = try creator.decode(
                APIProgramme.self, try await creator.send(.GET, "/api/v1/programmes/\(programme.id)"))
            #expect(after.ownerOrganisationId == install.roc.id!)
            #expect(
                try await creator.send(.PUT, "/api/v1/programmes/\(programme.id)/draft", body: definition).status
                    == .forbidden)
            let owner = try await APIClient.forUser(app, "regie@roc.test")
            #expect(
                try await owner.send(.PUT, "/api/v1/programmes/\(programme.id)/draft", body: definition).status == .ok)
        }
    }

    @Test func anOwnerOutsideThePartnersIsRefusedNamingTheField() async throws {
        try await withOpstap(demo: false) { app in
            let install = try await Self.install(app)
            let stranger = Organisation(name: "Elders", kind: .school, city: "Elders")
            try await stranger.create(on: app.db)
            var definition = Self.definition(install)
            definition.ownerOrganisationID = stranger.id!
            let api = try await APIClient.forUser(app, install.email)
            let programme = try api.decode(
                APIProgramme.self, try await api.send(.POST, "/api/v1/programmes", body: definition))
            let refused = try await api.send(.POST, "/api/v1/programmes/\(programme.id)/versions", json: "{}")
            #expect(refused.status == .badRequest)
            #expect(try api.decode(APIProblem.self, refused).invalidParams?.map(\.name) == ["ownerOrganisationId"])
        }
    }
}

/// Conditions in the selection flow, on the demo's Leiden programme with a condition added.
@Suite struct ConditionCriterionFlowTests {
    @Test func selectingIsRefusedUntilTheConditionIsRecordedAsHolding() async throws {
        try await withOpstap { app in
            let lookups = DemoLookups(db: app.db)
            let programme = try await lookups.programme("Op je plek in de zorg")
            var definition = programme.draft!
            definition.selectionCriteria.append(
                SelectionCriterion(code: "verblijfsstatus", name: "Verblijfsstatus past", kind: .condition))
            let api = try await APIClient.forUser(app, "coordinator.leiden@opstap.demo")
            #expect(
                try await api.send(.PUT, "/api/v1/programmes/\(programme.id!)/draft", body: definition).status == .ok)
            #expect(
                try await api.send(.POST, "/api/v1/programmes/\(programme.id!)/versions", json: "{}").status == .created
            )

            let candidacy = try await lookups.candidacy(in: "Op je plek in de zorg", stage: .selection)
            try await lookups.scoreAll(candidacy, app: app, by: "coordinator.leiden@opstap.demo")
            let path = "/api/v1/candidates/\(candidacy.id!)"
            let decide = #"{"decision":"selected","reason":"Past goed"}"#

            let no = try await api.send(.PUT, path + "/assessments/verblijfsstatus", json: #"{"met":false}"#)
            #expect(no.status == .ok)
            #expect(try api.decode(APIAssessment.self, no).score == 0)
            let refused = try await api.send(.POST, path + "/decision", json: decide)
            #expect(refused.status == .conflict)
            #expect(
                try api.decode(APIProblem.self, refused).detail
                    == "Niet voldaan aan de voorwaarde(n): Verblijfsstatus past.")

            #expect(
                try await api.send(.PUT, path + "/assessments/verblijfsstatus", json: #"{"score":2}"#).status
                    == .badRequest)
            #expect(
                try await api.send(.PUT, path + "/assessments/verblijfsstatus", json: #"{"met":true}"#).status == .ok)
            #expect(try await api.send(.POST, path + "/decision", json: decide).status == .ok)
        }
    }

    @Test func theResidenceStatusIsRecordedAtIntake() async throws {
        try await withOpstap { app in
            let candidacy = try await DemoLookups(db: app.db).candidacy(in: "Op je plek in de zorg", stage: .selection)
            let api = try await APIClient.forUser(app, "coordinator.leiden@opstap.demo")
            let person = try api.decode(
                APIPerson.self, try await api.send(.GET, "/api/v1/persons/\(candidacy.$person.id)"))
            var intake = person.intake
            intake.residenceStatus = .temporaryProtection
            let saved = try await api.send(.PUT, "/api/v1/persons/\(candidacy.$person.id)/intake", body: intake)
            #expect(saved.status == .ok)
            #expect(try api.decode(APIPerson.self, saved).intake.residenceStatus == .temporaryProtection)

            let web = try await WebClient.login(app, "coordinator.leiden@opstap.demo")
            let page = try await web.get("/persons/\(candidacy.$person.id)/intake")
            #expect(page.body.string.contains("name=\"residenceStatus\""))
            #expect(page.body.string.contains("Tijdelijke bescherming (Oekraïne)"))
        }
    }
}
