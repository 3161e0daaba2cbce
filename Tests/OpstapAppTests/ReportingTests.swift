import Fluent
import Foundation
import OpstapDomain
import OpstapViews
import Testing
import Vapor
@testable import OpstapApp

/// A partnership with an ESF+ grant for 2024 and 2025 and eleven permit holders who started
/// the pre-education on 1 September 2025, all eligible: five women and five men whose
/// characteristics are recorded, all unemployed at entry, two women and two men of them
/// long-term; and a sixth woman whose characteristics are still missing. The first woman
/// left on 17 November 2025 (moved away) and was job seeking at the four-week follow-up; she
/// is the only one with a coach.
struct EsfPartnership {
    var p: TestPartnership
    let stream: FundingStream

    static func make(_ app: Application) async throws -> EsfPartnership {
        var p = try await TestPartnership.make(
            app, publishedOn: SimpleDate("2025-06-01")!, cohortStart: SimpleDate("2025-09-01")!)
        let stream = try await p.esfStream(from: SimpleDate("2024-01-01")!, to: SimpleDate("2025-12-31")!)
        let start = SimpleDate("2025-09-01")!
        let leaver = try await p.esfParticipant(
            in: stream, gender: .woman,
            commands: [
                .startPhase(code: "vooropleiding", on: start),
                .withdraw(reason: .movedAway, note: "Verhuisd.", on: SimpleDate("2025-11-17")!),
            ], team: [.coach])
        try await p.followUps(of: leaver)
        for (gender, statuses) in [
            (
                Gender.woman,
                [EmploymentStatusAtEntry.longTermUnemployed, .longTermUnemployed, .unemployed, .unemployed]
            ),
            (
                Gender.man,
                [
                    EmploymentStatusAtEntry.longTermUnemployed, .longTermUnemployed, .unemployed, .unemployed,
                    .unemployed,
                ]
            ),
        ] {
            for status in statuses { _ = try await p.esfParticipant(in: stream, gender: gender, status: status) }
        }
        _ = try await p.esfParticipant(in: stream, gender: .woman, status: nil)
        return EsfPartnership(p: p, stream: stream)
    }
}

/// Funding, the ESF+ report, goals, dashboards, lessons and import, over HTTP.
@Suite struct ReportingTests {

    func csvRows(_ text: String) throws -> [String: [String]] {
        let table = try CSV.parse(text)
        return Dictionary(table.rows.map { ($0[0], $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Expected figures worked out by hand from `EsfPartnership`: eleven eligible, one without
    /// characteristics, so ten count in the output indicators: 5 women and 5 men, all unemployed,
    /// 2 women and 2 men long-term. All entered on 1 September 2025; the woman who left on 17
    /// November 2025 was job searching at the four-week follow-up: EECR01 = 1 woman in 2025.
    @Test func theESFReportFor2025MatchesTheFiguresWorkedOutByHand() async throws {
        try await withOpstap(demo: false) { app in
            let esf = try await EsfPartnership.make(app)
            let stream = esf.stream
            let web = try await esf.p.web(.coordinator)
            let page = try await web.get("/funding/\(stream.id!)/esf?year=2025")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("Deelnemers zonder ESF+-kenmerken: 1"))
            let csv = try await web.get("/funding/\(stream.id!)/esf.csv?year=2025")
            #expect(csv.headers.first(name: .contentType)?.hasPrefix("text/csv") == true)
            let rows = try csvRows(csv.body.string)
            // Columns: code, name, women/men/non-binary/total of 2024, of 2025 and cumulative.
            #expect(Array(rows["EECO01"]![2...5]) == ["0", "0", "0", "0"], "nobody in 2024")
            #expect(Array(rows["EECO01"]![6...9]) == ["5", "5", "0", "10"])
            #expect(Array(rows["EECO02"]![6...9]) == ["5", "5", "0", "10"])
            #expect(Array(rows["EECO03"]![6...9]) == ["2", "2", "0", "4"])
            #expect(Array(rows["EECO04"]![6...9]) == ["0", "0", "0", "0"])
            #expect(Array(rows["EECO13"]![6...9]) == ["5", "5", "0", "10"])
            #expect(Array(rows["EECR01"]![6...9]) == ["1", "0", "0", "1"])
            #expect(
                Array(rows["EECO01"]![10...13]) == ["5", "5", "0", "10"],
                "nobody in 2024: cumulative equals 2025")

            // A figure opens to the people behind it.
            let women = try await web.get(
                "/funding/\(stream.id!)/esf/figure?year=2025&indicator=EECO01&column=2025&gender=woman")
            #expect(women.status == .ok && women.body.string.contains("5 in totaal"))
            let eligibility = try await web.get("/funding/\(stream.id!)")
            #expect(eligibility.body.string.contains("(11 in totaal)"), "every eligible permit holder, by name")
            let coach = try await esf.p.web(.coach)
            let assigned = try await coach.get("/funding/\(stream.id!)").body.string
            #expect(!assigned.contains("(11 in totaal)"), "a coach sees only the people assigned to them")
            let sheet = try await web.get("/funding/\(stream.id!)/esf.xlsx?year=2025")
            #expect(sheet.status == .ok && sheet.body.readableBytes > 1000)
        }
    }

    @Test func theBSNReportIsForMunicipalityRolesOnly() async throws {
        try await withOpstap(demo: false) { app in
            let esf = try await EsfPartnership.make(app)
            let stream = esf.stream
            let municipality = try await esf.p.web(.coordinator)
            let report = try await municipality.get("/funding/\(stream.id!)/esf/bsn?year=2025&format=csv")
            #expect(report.status == .ok)
            let table = try CSV.parse(report.body.string)
            #expect(table.rows.count == 11, "every eligible permit holder active in 2025")
            #expect(table.rows.allSatisfy { BSN($0[0]) != nil })
            #expect(
                try await AccessLogEntry.query(on: app.db).filter(\.$view == "bsnReport").count() == 11,
                "each BSN read is logged")
            let sheet = try await municipality.get("/funding/\(stream.id!)/esf/bsn?year=2025&format=xlsx")
            #expect(sheet.status == .ok && sheet.headers.first(name: .contentType)?.contains("spreadsheetml") == true)
            for role in [Role.employerHR, .teacher, .reporting] {
                let other = try await esf.p.web(role)
                #expect(
                    try await other.get("/funding/\(stream.id!)/esf/bsn?year=2025").status == .forbidden, "\(role)")
                #expect(
                    try await other.get("/funding/\(stream.id!)/esf/bsn?year=2025&format=csv").status == .forbidden,
                    "\(role)")
            }
        }
    }

    @Test func reportingRolesSeeSuppressedAggregatesOnly() async throws {
        try await withOpstap(demo: false) { app in
            let esf = try await EsfPartnership.make(app)
            let stream = esf.stream
            let reporting = try await esf.p.web(.reporting)
            let rows = try csvRows(try await reporting.get("/funding/\(stream.id!)/esf.csv?year=2025").body.string)
            #expect(Array(rows["EECO01"]![6...9]) == ["5", "5", "0", "10"])
            // 2 women and 2 men: both hidden, and so the total may show.
            #expect(Array(rows["EECO03"]![6...9]) == ["<5", "<5", "0", "<5"])
            #expect(Array(rows["EECR01"]![6...9]) == ["<5", "0", "0", "<5"])
            #expect(
                try await reporting.get(
                    "/funding/\(stream.id!)/esf/figure?year=2025&indicator=EECO01&column=2025&gender=woman"
                ).status == .forbidden)
            #expect(try await reporting.get("/funding/\(stream.id!)/esf/participants?year=2025").status == .forbidden)
            let dashboard = try await reporting.get("/programmes/\(stream.$programme.id)/dashboard")
            #expect(dashboard.status == .ok && dashboard.body.string.contains("&lt;5"))
        }
    }

    @Test func everyFundingRouteIsClosedToAnotherOrganisation() async throws {
        try await withOpstap(demo: false) { app in
            let stream = try await EsfPartnership.make(app).stream
            let person = try #require(
                try await FundingEligibility.query(on: app.db).filter(\.$stream.$id == stream.id!).first()
            ).$person.id
            let outsider = try await TestPartnership.make(app, name: "Ander").web(.coordinator)
            let base = "/funding/\(stream.id!)"
            for path in [
                base, base + "/esf?year=2024", base + "/esf.csv?year=2024", base + "/esf.xlsx?year=2024",
                base + "/esf/participants?year=2024",
                base + "/esf/figure?year=2024&indicator=EECO01&column=2024&gender=all", base + "/esf/bsn?year=2024",
                base + "/characteristics/\(person)", "/programmes/\(stream.$programme.id)/funding",
                "/programmes/\(stream.$programme.id)/dashboard", "/programmes/\(stream.$programme.id)/goals",
                "/programmes/\(stream.$programme.id)/imports/new",
            ] {
                #expect(try await outsider.get(path).status == .notFound, "\(path)")
            }
            for path in [
                base + "/eligibility", base + "/characteristics/\(person)", base + "/esf/snapshots?year=2024",
                "/programmes/\(stream.$programme.id)/goals",
            ] {
                #expect(
                    try await outsider.post(path, [("year", "2024"), ("confirmed", "yes")]).status == .notFound,
                    "\(path)")
            }
        }
    }

    @Test func aFrozenReportStaysAndShowsTheDifferenceWithTodaysData() async throws {
        try await withOpstap(demo: false) { app in
            let esf = try await EsfPartnership.make(app)
            let stream = esf.stream
            let web = try await esf.p.web(.coordinator)
            #expect(
                try await web.post(
                    "/funding/\(stream.id!)/esf/snapshots?year=2025", [("year", "2025"), ("confirmed", "yes")]
                ).status
                    == .seeOther)
            #expect(try await EsfSnapshot.query(on: app.db).count() == 1)
            // Capture the missing characteristics: today's figures now count 11.
            let captured = Set(try await EsfCharacteristicsRecord.query(on: app.db).all(\.$person.$id))
            let missing = try #require(
                try await FundingEligibility.query(on: app.db).filter(\.$stream.$id == stream.id!).all().first {
                    !captured.contains($0.$person.id)
                })
            let saved = try await web.post(
                "/funding/\(stream.id!)/characteristics/\(missing.$person.id)",
                [
                    ("employmentStatus", "inactive"), ("iscedLevel", "2"), ("thirdCountryNational", "true"),
                    ("foreignBackground", "yes"),
                    ("minority", "no"), ("disability", "declined"), ("homelessOrHousingExclusion", "false"),
                    ("ruralArea", "false"),
                ])
            #expect(saved.status == .seeOther)
            let rows = try csvRows(try await web.get("/funding/\(stream.id!)/esf.csv?year=2025").body.string)
            #expect(rows["EECO01"]![9] == "10", "the frozen report reproduces exactly")
            let page = try await web.get("/funding/\(stream.id!)/esf?year=2025").body.string
            #expect(page.contains("Verschillen met de actuele gegevens") && page.contains("EECO04"))
            #expect(
                try await web.post(
                    "/funding/\(stream.id!)/esf/snapshots?year=2025", [("year", "2025"), ("confirmed", "yes")]
                ).status
                    == .seeOther)
            #expect(try await EsfSnapshot.query(on: app.db).count() == 1, "a year is frozen once")
            // 2024 has closed too (the grant ran from 2024); each year has its own snapshot.
            _ = try await web.post(
                "/funding/\(stream.id!)/esf/snapshots?year=2024", [("year", "2024"), ("confirmed", "yes")])
            #expect(try await EsfSnapshot.query(on: app.db).count() == 2)
        }
    }

    @Test func characteristicsAreValidatedNextToTheirFields() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(
                app, publishedOn: SimpleDate("2025-06-01")!, cohortStart: SimpleDate("2025-09-01")!)
            let stream = try await p.esfStream()
            let person = try await p.esfParticipant(in: stream, gender: .man, status: .inactive).$person.id
            let before = try await EsfCharacteristicsRecord.query(on: app.db).filter(\.$person.$id == person).first()
            #expect(before?.iscedLevel == 1)
            let web = try await p.web(.coordinator)
            let refused = try await web.post(
                "/funding/\(stream.id!)/characteristics/\(person)", [("employmentStatus", ""), ("iscedLevel", "9")])
            #expect(refused.status == .badRequest)
            #expect(refused.body.string.contains("id=\"f-employmentStatus-error\""))
            let after = try await EsfCharacteristicsRecord.query(on: app.db).filter(\.$person.$id == person).first()
            #expect(before?.iscedLevel == after?.iscedLevel, "nothing half-written")
        }
    }

    @Test func fundingStreamsAreAddedWithTheirTermsOrRefusedInWords() async throws {
        try await withOpstap(demo: false) { app in
            // Kansrijk's shape: the care employer's coordinator adds the municipality's budget.
            let p = try await TestPartnership.make(app, reference: .kansrijk)
            let programme = p.programme
            let web = try await p.web(.coordinator)
            let funder = p.organisations.gemeenteLeiden
            let bad = try await web.post(
                "/programmes/\(programme.id!)/funding",
                [
                    ("name", "Budget"), ("kind", "municipalBudget"), ("funderId", funder.uuidString),
                    ("amount", "veel"), ("startsOn", "2026-01-01"), ("endsOn", "2025-01-01"),
                ])
            #expect(
                bad.status == .badRequest && bad.body.string.contains("f-amount-error")
                    && bad.body.string.contains("f-endsOn-error"))
            let good = try await web.post(
                "/programmes/\(programme.id!)/funding",
                [
                    ("name", "Budget 2026"), ("kind", "municipalBudget"), ("funderId", funder.uuidString),
                    ("amount", "€ 45.000,50"), ("startsOn", "2026-01-01"), ("endsOn", "2026-12-31"),
                    ("fundedPhases", "periode-1"),
                ])
            #expect(good.status == .seeOther)
            let stored = try #require(
                try await FundingStream.query(on: app.db).filter(\.$name == "Budget 2026").first())
            #expect(stored.amountCents == 4_500_050 && stored.fundedPhases == ["periode-1"])
            let hr = try await p.web(.employerHR)
            #expect(try await hr.post("/programmes/\(programme.id!)/funding", [("name", "X")]).status == .forbidden)
        }
    }

    @Test func theKansrijkCovenantGoalsAreComputedFromTheData() async throws {
        try await withOpstap(demo: false) { app in
            // A pilot of three from October 2023 (Kansrijk's shape), all through both periods to a job.
            var p = try await TestPartnership.make(
                app, reference: .kansrijk, publishedOn: SimpleDate("2023-09-01")!,
                cohortStart: SimpleDate("2023-10-02")!)
            let d = { (iso: String) in SimpleDate(iso)! }
            var pilot: [Enrolment] = []
            for _ in 0..<3 {
                pilot.append(
                    try await p.participant(commands: [
                        .startPhase(code: "periode-1", on: d("2023-10-02")),
                        .completePhase(result: .passed, on: d("2024-02-16")),
                        .startPhase(code: "periode-2", on: d("2024-02-19")),
                        .completePhase(result: .passed, on: d("2024-07-12")),
                        .complete(outcomeCode: "betaalde-functie", on: d("2024-09-02")),
                    ]))
            }
            // The covenant's goals, set as the demo sets them.
            let programme = p.programme
            try await p.loader.goal(
                programme, "3 starters in oktober 2023", source: "Samenwerkingsconvenant", measure: .starters,
                target: 3, from: d("2023-10-01"), deadline: d("2023-10-31"), level: nil, months: nil,
                by: p.user(.coordinator))
            try await p.loader.goal(
                programme, "Alle starters na één jaar nog actief", source: "Samenwerkingsconvenant",
                measure: .shareRetained, target: 100, from: d("2023-10-01"), deadline: d("2024-10-31"), level: nil,
                months: 12, by: p.user(.coordinator))
            let web = try await p.web(.coordinator)
            let page = try await web.get("/programmes/\(programme.id!)/goals").body.string
            #expect(page.contains("Alle starters na één jaar nog actief"))
            #expect(page.contains("100 % (3 van 3)"))
            #expect(page.contains("3 starters in oktober 2023"))
            #expect(page.contains("Gehaald"))
            // Withdraw one of the pilot in its first year: the goal is no longer met.
            let first = try pilot[0].requireID()
            try await EnrolmentTransition.query(on: app.db).filter(\.$enrolment.$id == first).filter(
                \.$kind == TransitionKind.complete
            ).set(\.$kind, to: TransitionKind.withdraw).set(\.$effectiveOn, to: "2024-03-01").update()
            let after = try await web.get("/programmes/\(programme.id!)/goals").body.string
            #expect(after.contains("66,67 % (2 van 3)") && after.contains("Niet gehaald"))
            let refused = try await web.post(
                "/programmes/\(programme.id!)/goals",
                [("title", "Behoud"), ("measure", "shareRetained"), ("target", "90"), ("deadline", "2027-01-01")])
            #expect(refused.status == .badRequest && refused.body.string.contains("f-months-error"))
        }
    }

    @Test func theDashboardDrawsEveryChartWithATable() async throws {
        try await withOpstap(demo: false) { app in
            // Three participants, one of them in a studio of the programme.
            var p = try await TestPartnership.make(app)
            let studio = try #require(try await p.studioComplex(studios: 2).studios.first)
            try await p.letStudio(studio, to: try await p.participant())
            for _ in 0..<2 { _ = try await p.participant() }
            let programme = p.programme
            // A later cohort nobody has joined yet.
            let cohort = Cohort(
                programmeID: try programme.requireID(), versionID: try p.version.requireID(), name: "Instroom later",
                startDate: "2027-02-01", capacity: 20, streams: ["statushouders", "studenten"])
            try await cohort.create(on: app.db)
            let web = try await p.web(.coordinator)
            let page = try await web.get("/programmes/\(programme.id!)/dashboard").body.string
            for id in ["funnel", "retention", "phases", "hours", "housing", "outcomes"] {
                #expect(page.contains("aria-labelledby=\"\(id)-title \(id)-desc\""), "\(id)")
            }
            #expect(page.components(separatedBy: "<details class=\"chart-table\"").count == 7)
            let empty = try await web.get("/programmes/\(programme.id!)/dashboard?cohort=\(cohort.id!)").body.string
            #expect(empty.contains("Deelnemers in deze selectie: 0"))
            let csv = try await web.get("/programmes/\(programme.id!)/dashboard.csv?chart=funnel")
            #expect(csv.status == .ok && csv.body.string.contains("Gestart;3"))
        }
    }

    /// Any page with a list downloads it as CSV, through the page's own route and access rules.
    @Test func everyListDownloadsAsCSVUnderTheRulesOfItsScreen() async throws {
        try await withOpstap(demo: false) { app in
            // A qualification in the register; three participants whose last week of hours waits for the work
            // supervisor; two tasks for the coach.
            var p = try await TestPartnership.make(app)
            let teacher = try await p.api(.teacher)
            let qualification = try await teacher.send(
                .POST, "/api/v1/qualifications",
                json: #"{"crebo":"25498","name":"Helpende zorg en welzijn","level":"mbo2"}"#)
            #expect(qualification.status == .created)
            let coachAPI = try await p.api(.coach)
            for index in 0..<3 {
                let enrolment = try await p.participant(team: [.coach, .workSupervisor])
                try await p.hours(for: enrolment)
                let task = try await coachAPI.send(
                    .POST, "/api/v1/tasks",
                    json:
                        #"{"title":"Bellen \#(index)","dueOn":"2026-11-\#(20 + index)","enrolmentId":"\#(enrolment.id!)"}"#
                )
                #expect(task.status == .created)
            }
            let web = try await p.web(.coordinator)
            let page = try await web.get("/qualifications")
            #expect(page.body.string.contains("href=\"/qualifications?format=csv\""))
            let csv = try await web.get("/qualifications?format=csv")
            #expect(csv.headers.first(name: .contentType)?.hasPrefix("text/csv") == true)
            let table = try CSV.parse(csv.body.string)
            #expect(table.header == ["Kwalificatie", "Crebo", "Niveau", "Bezig", "Behaald"] && !table.rows.isEmpty)
            // A list comes whole: every line of the week waiting for the supervisor.
            let supervisor = try await p.web(.workSupervisor)
            let hoursText = try await supervisor.get("/hours/approvals?format=csv").body.string
            let hours = try CSV.parse(hoursText)
            let submitted = try await HourEntry.query(on: app.db).filter(\.$status == EntryStatus.submitted).count()
            #expect(submitted > 0 && hours.rows.count == submitted)
            // The cells are the page's data, not its text: ISO dates, figures, no action column or form labels.
            #expect(hours.header == ["Naam", "Datum", "Activiteit", "Uren", "Aanwezigheid", "Plek", "Status"])
            #expect(!hoursText.contains("Reden van afkeuren") && !hoursText.contains("Goedkeuren"))
            let lines = try await HourEntry.query(on: app.db).all()
            for row in hours.rows {
                #expect(SimpleDate(row[1]) != nil, "an ISO date: \(row[1])")
                #expect(
                    lines.contains {
                        $0.date == row[1] && Translator(.nl).number($0.hours) == row[3]
                            && row[6].hasPrefix(Translator(.nl).label($0.status))
                    }, "\(row)")
            }
            // The tasks list: every due date is the task's own, the overdue mark stays with the status.
            let coach = try await p.web(.coach)
            let coachID = try p.user(.coach).requireID()
            let tasks = try CSV.parse(try await coach.get("/tasks?format=csv").body.string)
            let stored = try await GuidanceTask.query(on: app.db).filter(\.$assignee.$id == coachID).all()
            #expect(tasks.header == ["Taak", "Uiterlijk op", "Deelnemer", "Voor", "Status"])
            #expect(!tasks.rows.isEmpty && tasks.rows.count == stored.count)
            for row in tasks.rows {
                #expect(stored.contains { row[0].hasPrefix($0.title) && $0.dueOn == row[1] }, "\(row)")
            }
            // The download answers like the page: not found for another organisation's records, forbidden for a role.
            let cohort = p.cohort
            let outsider = try await TestPartnership.make(app, name: "Ander").web(.coordinator)
            #expect(try await outsider.get("/cohorts/\(cohort.id!)/hours?format=csv").status == .notFound)
            #expect(try await web.get("/admin?format=csv").status == .forbidden)
        }
    }

    @Test func lessonsAreSharedAcrossProgrammesOnlyWhenMarkedShared() async throws {
        try await withOpstap(demo: false) { app in
            let p = try await TestPartnership.make(app)
            // Another partnership's coach writes one lesson to share and one for their own programme.
            let other = try await TestPartnership.make(app, name: "Ander")
            let author = try await other.web(.coach)
            for (title, shared) in [
                ("Wonen naast het werk scheelt reistijd en uitval", "true"),
                ("Vaktaal vóór de eerste stagedag", "false"),
            ] {
                let written = try await author.post(
                    "/lessons",
                    [
                        ("programmeId", other.programme.id!.uuidString), ("title", title), ("whatHappened", "w"),
                        ("why", "y"), ("change", "c"), ("theme", "Thema"), ("shared", shared),
                    ])
                #expect(written.status == .seeOther, "\(title)")
            }
            let kansrijk = try await p.web(.coach)
            let list = try await kansrijk.get("/lessons").body.string
            #expect(list.contains("Wonen naast het werk scheelt reistijd en uitval"), "shared by the other")
            #expect(!list.contains("Vaktaal vóór de eerste stagedag"), "the other's own lesson")
            let programme = p.programme
            let empty = try await kansrijk.post("/lessons", [("programmeId", programme.id!.uuidString), ("title", "")])
            #expect(empty.status == .badRequest && empty.body.string.contains("f-why-error"))
            let leiden = other.programme
            let foreign = try await kansrijk.post(
                "/lessons",
                [
                    ("programmeId", leiden.id!.uuidString), ("title", "t"), ("whatHappened", "w"), ("why", "y"),
                    ("change", "c"),
                ])
            #expect(foreign.status == .badRequest, "only for one's own programmes")
        }
    }

    @Test func anImportShowsEveryBadRowBeforeStoringAnythingThenStoresAllOrNothing() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let programme = p.programme
            let web = try await p.web(.intakeOfficer)
            // Someone the importer may see: only such a match is named (ADR 0013).
            let known = try await p.candidate(upTo: .selection)
            let existing = try #require(try await Person.find(known.$person.id, on: app.db))
            let before = try await Person.query(on: app.db).count()
            let birth = SimpleDate(existing.dateOfBirth!)!
            let dutchBirth = String(format: "%02d-%02d-%04d", birth.day, birth.month, birth.year)
            let csv =
                "Voornaam;Achternaam;Geboortedatum;Geslacht\r\nAmina;Yusuf;03-04-1995;V\r\nBilal;;1990-01-01;M\r\n\(existing.givenName);\(existing.familyName);\(dutchBirth);x\r\n"
            let uploaded = try await web.postFile(
                "/programmes/\(programme.id!)/imports", fields: [("stream", "statushouders")],
                file: ("file", "lijst.csv", csv))
            #expect(uploaded.status == .seeOther)
            let record = try #require(try await CandidateImport.query(on: app.db).first())
            let mapping = [("givenName", "0"), ("familyName", "1"), ("dateOfBirth", "2"), ("gender", "3")]
            let preview = try await web.post("/imports/\(record.id!)/mapping", mapping)
            #expect(preview.status == .seeOther)
            let page = try await web.get("/imports/\(record.id!)").body.string
            #expect(page.contains("Regels met fouten: 1") && page.contains("Regel 3: Achternaam: Vul dit in."))
            #expect(page.contains("Lijkt op iemand die al in het register staat"))
            #expect(!page.contains(">Importeren</button>"), "no import button while a row has errors")
            #expect(try await web.post("/imports/\(record.id!)/run", []).status == .seeOther)
            #expect(try await Person.query(on: app.db).count() == before, "nothing stored")
            #expect(
                try await CandidateImport.find(record.id!, on: app.db)?.status == .mapped, "refused before it started")

            // The corrected file: the duplicate is skipped unless ticked, the rest goes in.
            let fixed = csv.replacingOccurrences(of: "Bilal;;", with: "Bilal;Osman;")
            _ = try await web.postFile(
                "/programmes/\(programme.id!)/imports", fields: [("stream", "statushouders")],
                file: ("file", "lijst.csv", fixed))
            let second = try #require(
                try await CandidateImport.query(on: app.db).filter(\.$status == .uploaded).first())
            _ = try await web.post("/imports/\(second.id!)/mapping", mapping)
            #expect(try await web.post("/imports/\(second.id!)/run", []).status == .seeOther)
            var status: ImportStatus?
            for _ in 0..<100 {
                status = try await CandidateImport.find(second.id!, on: app.db)?.status
                if status != .running { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(status == .done)
            #expect(try await Person.query(on: app.db).count() == before + 2)
            #expect(
                try await Candidacy.query(on: app.db).join(Person.self, on: \Candidacy.$person.$id == \Person.$id)
                    .filter(Person.self, \.$familyName == "Osman").count() == 1)
            let other = try await TestPartnership.make(app, name: "Ander").web(.coordinator)
            #expect(try await other.get("/imports/\(second.id!)").status == .notFound, "an import is its uploader's")
        }
    }
}

/// The same capabilities over the JSON API.
@Suite struct ReportingAPITests {
    @Test func theESFReportOverTheAPIIsSuppressedForReportingRoles() async throws {
        try await withOpstap(demo: false) { app in
            let esf = try await EsfPartnership.make(app)
            let stream = esf.stream
            let coordinator = try await esf.p.api(.coordinator)
            let report = try await coordinator.send(.GET, "/api/v1/funding-streams/\(stream.id!)/esf-report?year=2025")
            #expect(report.status == .ok)
            let body = try coordinator.decode(APIEsfReport.self, report)
            let eeco03 = try #require(body.rows.first { $0.indicator == .eeco03 }?.cells.first { $0.column == "2025" })
            #expect(eeco03.women == 2 && eeco03.men == 2 && eeco03.total == 4 && eeco03.suppressed.isEmpty)
            let reporting = try await esf.p.api(.reporting)
            let hidden = try reporting.decode(
                APIEsfReport.self,
                try await reporting.send(.GET, "/api/v1/funding-streams/\(stream.id!)/esf-report?year=2025"))
            let cell = try #require(hidden.rows.first { $0.indicator == .eeco03 }?.cells.first { $0.column == "2025" })
            #expect(cell.women == nil && cell.suppressed.contains("women"))
            #expect(
                try await reporting.send(.GET, "/api/v1/funding-streams/\(stream.id!)/esf-participants?year=2025")
                    .status == .forbidden)
            let people = try await coordinator.send(
                .GET,
                "/api/v1/funding-streams/\(stream.id!)/esf-participants?year=2025&indicator=EECO01&column=2025&gender=woman"
            )
            #expect(try coordinator.decode(APIPage<APIEsfParticipant>.self, people).total == 5)
            let employer = try await esf.p.api(.employerHR)
            #expect(
                try await employer.send(.GET, "/api/v1/funding-streams/\(stream.id!)/bsn-report?year=2025").status
                    == .forbidden)
            let bsn = try await coordinator.send(.GET, "/api/v1/funding-streams/\(stream.id!)/bsn-report?year=2025")
            #expect(try coordinator.decode(APIPage<APIBsnRow>.self, bsn).total == 11)
            #expect(
                try await coordinator.send(
                    .POST, "/api/v1/funding-streams/\(stream.id!)/snapshots", json: #"{"year":2026}"#
                ).status == .badRequest, "outside the grant")
            #expect(
                try await coordinator.send(
                    .POST, "/api/v1/funding-streams/\(stream.id!)/snapshots", json: #"{"year":2025}"#
                ).status == .created)
            #expect(
                try await coordinator.send(
                    .POST, "/api/v1/funding-streams/\(stream.id!)/snapshots", json: #"{"year":2025}"#
                ).status == .badRequest, "frozen once")
        }
    }

    @Test func aGrantStartingInALaterYearHasNoReportYetAndReportingRolesSeeNoExactDifferences() async throws {
        try await withOpstap(demo: false) { app in
            let esf = try await EsfPartnership.make(app)
            let stream = esf.stream
            let coordinator = try await esf.p.api(.coordinator)
            let future = try await coordinator.send(
                .POST, "/api/v1/programmes/\(stream.$programme.id)/funding-streams",
                json: """
                    {"kind":"esfPlus","name":"Later","funderId":"\(stream.$funder.id)","amountCents":100,"startsOn":"2028-01-01","endsOn":"2029-12-31"}
                    """)
            #expect(future.status == .created)
            let id = try coordinator.decode(APIFundingStream.self, future).id
            #expect(try await coordinator.send(.GET, "/api/v1/funding-streams/\(id)/esf-report").status == .notFound)
            #expect(
                try await coordinator.send(.POST, "/api/v1/funding-streams/\(id)/snapshots", json: #"{"year":2028}"#)
                    .status == .notFound)
            #expect(
                try await coordinator.send(.GET, "/api/v1/funding-streams/\(stream.id!)/esf-report?year=abc").status
                    == .badRequest)

            #expect(
                try await coordinator.send(
                    .POST, "/api/v1/funding-streams/\(stream.id!)/snapshots", json: #"{"year":2025}"#
                ).status == .created)
            try await EsfCharacteristicsRecord.query(on: app.db).set(\.$employmentStatus, to: .inactive).update()
            let frozen = try coordinator.decode(
                APIEsfReport.self,
                try await coordinator.send(.GET, "/api/v1/funding-streams/\(stream.id!)/esf-report?year=2025"))
            #expect(frozen.frozenAt != nil && !frozen.differences.isEmpty)
            let reporting = try await esf.p.api(.reporting)
            let hidden = try reporting.decode(
                APIEsfReport.self,
                try await reporting.send(.GET, "/api/v1/funding-streams/\(stream.id!)/esf-report?year=2025"))
            #expect(hidden.frozenAt != nil && hidden.differences.isEmpty)
        }
    }

    @Test func everyReportingRouteWithAnIdIsClosedToAnotherOrganisation() async throws {
        try await withOpstap(demo: false) { app in
            let esf = try await EsfPartnership.make(app)
            let stream = esf.stream
            let person = try #require(
                try await FundingEligibility.query(on: app.db).filter(\.$stream.$id == stream.id!).first()
            ).$person.id
            let programme = stream.$programme.id
            let owner = try await esf.p.api(.intakeOfficer)
            let created = try await owner.send(
                .POST, "/api/v1/programmes/\(programme)/candidate-imports",
                json: #"{"stream":"statushouders","csv":"Voornaam;Achternaam\nA;B\n"}"#)
            #expect(created.status == .created)
            let importID = try owner.decode(APIImport.self, created).id
            let outsider = try await TestPartnership.make(app, name: "Ander").api(.coordinator)
            let s = "/api/v1/funding-streams/\(stream.id!)"
            for path in [
                s, s + "/eligibility", s + "/characteristics/\(person)", s + "/esf-report?year=2024",
                s + "/esf-participants?year=2024",
                s + "/bsn-report?year=2024", s + "/snapshots", "/api/v1/programmes/\(programme)/funding-streams",
                "/api/v1/programmes/\(programme)/goals",
                "/api/v1/programmes/\(programme)/dashboard", "/api/v1/candidate-imports/\(importID)",
            ] {
                #expect(try await outsider.send(.GET, path).status == .notFound, "GET \(path)")
            }
            let writes: [(HTTPMethod, String, String)] = [
                (
                    .PUT, s + "/eligibility/\(person)",
                    #"{"eligible":true,"targetGroup":"x","evidenceKind":"other","checkedOn":"2026-01-01"}"#
                ),
                (
                    .PUT, s + "/characteristics/\(person)",
                    #"{"employmentStatus":"inactive","iscedLevel":1,"thirdCountryNational":true,"foreignBackground":"no","minority":"no","disability":"no","homelessOrHousingExclusion":false,"ruralArea":false}"#
                ),
                (.POST, s + "/snapshots", #"{"year":2024}"#),
                (
                    .POST, "/api/v1/programmes/\(programme)/funding-streams",
                    #"{"kind":"other","name":"x","funderId":"\#(programme)","amountCents":1,"startsOn":"2026-01-01","endsOn":"2026-12-31"}"#
                ),
                (
                    .POST, "/api/v1/programmes/\(programme)/goals",
                    #"{"title":"x","measure":"starters","target":1,"deadline":"2027-01-01"}"#
                ),
                (
                    .POST, "/api/v1/programmes/\(programme)/candidate-imports",
                    #"{"stream":"statushouders","csv":"a;b\n1;2\n"}"#
                ),
                (.PUT, "/api/v1/candidate-imports/\(importID)/mapping", #"{"columns":{"givenName":0,"familyName":1}}"#),
                (.POST, "/api/v1/candidate-imports/\(importID)/run", #"{}"#),
            ]
            for (method, path, body) in writes {
                #expect(try await outsider.send(method, path, json: body).status == .notFound, "\(method) \(path)")
            }
        }
    }

    @Test func theSixMonthFollowUpRecordsAnImprovedSituationForESFResults() async throws {
        try await withOpstap(demo: false) { app in
            // Someone who left in November 2025: both follow-ups are scheduled and, being due, recorded.
            var p = try await TestPartnership.make(
                app, publishedOn: SimpleDate("2025-06-01")!, cohortStart: SimpleDate("2025-09-01")!)
            let leaver = try await p.participant(commands: [
                .startPhase(code: "vooropleiding", on: SimpleDate("2025-09-01")!),
                .withdraw(reason: .movedAway, note: "", on: SimpleDate("2025-11-17")!),
            ])
            try await p.followUps(of: leaver)
            let leiden = p.programme
            let sixMonths = try #require(
                try await FollowUp.query(on: app.db).join(
                    Enrolment.self, on: \FollowUp.$enrolment.$id == \Enrolment.$id
                )
                .filter(Enrolment.self, \.$programme.$id == leiden.id!).filter(
                    \.$moment == FollowUpMoment.sixMonths
                ).first())
            sixMonths.situation = nil
            try await sixMonths.save(on: app.db)
            let leftOn = try #require(try await Enrolment.find(sixMonths.$enrolment.id, on: app.db)).lastTransitionOn
            let api = try await p.api(.coordinator)
            let path = "/api/v1/enrolments/\(sixMonths.$enrolment.id)/follow-ups/\(sixMonths.id!)"
            let recorded = try await api.send(
                .POST, path,
                json:
                    #"{"situation":"employed","observedOn":"\#(SimpleDate(leftOn)!.adding(days: 1).iso)","source":"employer","improvedSituation":true}"#
            )
            #expect(recorded.status == .ok, "\(recorded.body.string)")
            #expect(try await FollowUp.find(sixMonths.id!, on: app.db)?.improvedSituation == true)

            // On the page the answer is not preselected, and at work it must be given.
            sixMonths.situation = nil
            sixMonths.improvedSituation = nil
            try await sixMonths.save(on: app.db)
            let web = try await p.web(.coordinator)
            let pathway = "/participants/\(sixMonths.$enrolment.id)/pathway"
            let page = try await web.get(pathway).body.string
            #expect(page.contains("<option value=\"\">—</option><option value=\"false\">"), "nothing chosen")
            #expect(!page.contains("<option value=\"false\" selected"))
            let fields = [
                ("situation", "employed"), ("observedOn", SimpleDate(leftOn)!.adding(days: 1).iso),
                ("source", "employer"), ("note", ""), ("improvedSituation", ""),
            ]
            let action = "/participants/\(sixMonths.$enrolment.id)/follow-ups/\(sixMonths.id!)"
            let unanswered = try await web.post(action, fields)
            #expect(unanswered.status == .badRequest)
            #expect(try await FollowUp.find(sixMonths.id!, on: app.db)?.situation == nil, "nothing recorded")
            let answered = try await web.post(action, fields.dropLast() + [("improvedSituation", "false")])
            #expect(answered.status == .seeOther)
            #expect(try await FollowUp.find(sixMonths.id!, on: app.db)?.improvedSituation == false)
        }
    }

    @Test func candidatesImportOverTheAPIAllOrNothing() async throws {
        try await withOpstap(demo: false) { app in
            let p = try await TestPartnership.make(app)
            let programme = p.programme
            let api = try await p.api(.intakeOfficer)
            let created = try await api.send(
                .POST, "/api/v1/programmes/\(programme.id!)/candidate-imports",
                json:
                    #"{"stream":"statushouders","csv":"Voornaam;Achternaam;Geboortedatum\nNoor;Bakr;1990-02-03\nSami;;1991-02-03\n"}"#
            )
            let id = try api.decode(APIImport.self, created).id
            #expect(
                try api.decode(APIImport.self, created).mapping == ["givenName": 0, "familyName": 1, "dateOfBirth": 2],
                "guessed from the header")
            let mapped = try await api.send(
                .PUT, "/api/v1/candidate-imports/\(id)/mapping",
                json: #"{"columns":{"givenName":0,"familyName":1,"dateOfBirth":2}}"#)
            let preview = try api.decode(APIImport.self, mapped)
            #expect(
                preview.rowsWithErrors == 1 && preview.problems?.first?.line == 3
                    && preview.problems?.first?.errors.first?.name == "familyName")
            let refused = try await api.send(.POST, "/api/v1/candidate-imports/\(id)/run", json: "{}")
            #expect(refused.status == .conflict)
            #expect(
                try await api.send(
                    .PUT, "/api/v1/candidate-imports/\(id)/mapping",
                    json: #"{"columns":{"givenName":0,"familyName":0}}"#
                ).status == .badRequest)
            #expect(try await Person.query(on: app.db).filter(\.$familyName == "Bakr").count() == 0)
        }
    }
}
