import Fluent
import Foundation
import OpstapDomain
import OpstapViews
import Testing
import Vapor
@testable import OpstapApp

/// Funding, the ESF+ report, goals, dashboards, lessons and import, over HTTP on the demo.
@Suite struct ReportingTests {
    func esfStream(_ app: Application) async throws -> FundingStream {
        try #require(try await FundingStream.query(on: app.db).filter(\.$kind == FundingKind.esfPlus).first())
    }

    func csvRows(_ text: String) throws -> [String: [String]] {
        let table = try CSV.parse(text)
        return Dictionary(table.rows.map { ($0[0], $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Expected figures worked out by hand from the demo (DemoPopulation + DemoReporting):
    /// the 16 Leiden permit holders of September 2024 are eligible for the ESF+ grant, one of
    /// them (the last referred) has no characteristics yet, so 15 count in the output indicators:
    /// 8 women and 7 men, all on a Participation Act benefit (unemployed), of whom indexes 0, 4, 8
    /// and 12 long-term unemployed (2 women, 2 men). All entered on 2 September 2024 (start of the
    /// pre-education). One left on 18 November 2024 (moved away) and was job searching at the
    /// four-week follow-up: EECR01 = 1 woman in 2024.
    @Test func theLeidenESFReportFor2024MatchesTheDemoWorkedOutByHand() async throws {
        try await withOpstap { app in
            let stream = try await esfStream(app)
            let web = try await WebClient.login(app, "coordinator.leiden@opstap.demo")
            let page = try await web.get("/funding/\(stream.id!)/esf?year=2024")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("Deelnemers zonder ESF+-kenmerken: 1"))
            let csv = try await web.get("/funding/\(stream.id!)/esf.csv?year=2024")
            #expect(csv.headers.first(name: .contentType)?.hasPrefix("text/csv") == true)
            let rows = try csvRows(csv.body.string)
            // Columns: code, name, 2024 women/men/non-binary/total, cumulative women/men/non-binary/total.
            #expect(Array(rows["EECO01"]![2...5]) == ["8", "7", "0", "15"])
            #expect(Array(rows["EECO02"]![2...5]) == ["8", "7", "0", "15"])
            #expect(Array(rows["EECO03"]![2...5]) == ["2", "2", "0", "4"])
            #expect(Array(rows["EECO04"]![2...5]) == ["0", "0", "0", "0"])
            #expect(Array(rows["EECO13"]![2...5]) == ["8", "7", "0", "15"])
            #expect(Array(rows["EECR01"]![2...5]) == ["1", "0", "0", "1"])
            #expect(
                Array(rows["EECO01"]![6...9]) == ["8", "7", "0", "15"],
                "nothing before 2024: cumulative equals the year")

            // A figure opens to the people behind it.
            let women = try await web.get(
                "/funding/\(stream.id!)/esf/figure?year=2024&indicator=EECO01&column=2024&gender=woman")
            #expect(women.status == .ok && women.body.string.contains("8 in totaal"))
            let eligibility = try await web.get("/funding/\(stream.id!)")
            #expect(eligibility.body.string.contains("(16 in totaal)"), "every eligible permit holder, by name")
            let coach = try await WebClient.login(app, "coach.leiden@opstap.demo")
            let assigned = try await coach.get("/funding/\(stream.id!)").body.string
            #expect(!assigned.contains("(16 in totaal)"), "a coach sees only the people assigned to them")
            let sheet = try await web.get("/funding/\(stream.id!)/esf.xlsx?year=2024")
            #expect(sheet.status == .ok && sheet.body.readableBytes > 1000)
        }
    }

    @Test func theBSNReportIsForMunicipalityRolesOnly() async throws {
        try await withOpstap { app in
            let stream = try await esfStream(app)
            let municipality = try await WebClient.login(app, "coordinator.leiden@opstap.demo")
            let report = try await municipality.get("/funding/\(stream.id!)/esf/bsn?year=2024&format=csv")
            #expect(report.status == .ok)
            let table = try CSV.parse(report.body.string)
            #expect(table.rows.count == 16, "every eligible permit holder active in 2024")
            #expect(table.rows.allSatisfy { BSN($0[0]) != nil })
            #expect(
                try await AccessLogEntry.query(on: app.db).filter(\.$view == "bsnReport").count() == 16,
                "each BSN read is logged")
            let sheet = try await municipality.get("/funding/\(stream.id!)/esf/bsn?year=2024&format=xlsx")
            #expect(sheet.status == .ok && sheet.headers.first(name: .contentType)?.contains("spreadsheetml") == true)
            for email in ["hr.leiden@opstap.demo", "docent.leiden@opstap.demo", "rapportage.leiden@opstap.demo"] {
                let other = try await WebClient.login(app, email)
                #expect(
                    try await other.get("/funding/\(stream.id!)/esf/bsn?year=2024").status == .forbidden, "\(email)")
                #expect(
                    try await other.get("/funding/\(stream.id!)/esf/bsn?year=2024&format=csv").status == .forbidden,
                    "\(email)")
            }
        }
    }

    @Test func reportingRolesSeeSuppressedAggregatesOnly() async throws {
        try await withOpstap { app in
            let stream = try await esfStream(app)
            let reporting = try await WebClient.login(app, "rapportage.leiden@opstap.demo")
            let rows = try csvRows(try await reporting.get("/funding/\(stream.id!)/esf.csv?year=2024").body.string)
            #expect(Array(rows["EECO01"]![2...5]) == ["8", "7", "0", "15"])
            // 2 women and 2 men: both hidden, and so the total may show.
            #expect(Array(rows["EECO03"]![2...5]) == ["<5", "<5", "0", "<5"])
            #expect(Array(rows["EECR01"]![2...5]) == ["<5", "0", "0", "<5"])
            #expect(
                try await reporting.get(
                    "/funding/\(stream.id!)/esf/figure?year=2024&indicator=EECO01&column=2024&gender=woman"
                ).status == .forbidden)
            #expect(try await reporting.get("/funding/\(stream.id!)/esf/participants?year=2024").status == .forbidden)
            let dashboard = try await reporting.get("/programmes/\(stream.$programme.id)/dashboard")
            #expect(dashboard.status == .ok && dashboard.body.string.contains("&lt;5"))
        }
    }

    @Test func everyFundingRouteIsClosedToAnotherOrganisation() async throws {
        try await withOpstap { app in
            let stream = try await esfStream(app)
            let person = try #require(
                try await FundingEligibility.query(on: app.db).filter(\.$stream.$id == stream.id!).first()
            ).$person.id
            let outsider = try await WebClient.login(app, "coordinator.kansrijk@opstap.demo")
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
        try await withOpstap { app in
            let stream = try await esfStream(app)
            let web = try await WebClient.login(app, "coordinator.leiden@opstap.demo")
            #expect(
                try await web.post(
                    "/funding/\(stream.id!)/esf/snapshots?year=2024", [("year", "2024"), ("confirmed", "yes")]
                ).status
                    == .seeOther)
            #expect(try await EsfSnapshot.query(on: app.db).count() == 1)
            // Capture the missing characteristics: today's figures now count 16.
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
            let rows = try csvRows(try await web.get("/funding/\(stream.id!)/esf.csv?year=2024").body.string)
            #expect(rows["EECO01"]![5] == "15", "the frozen report reproduces exactly")
            let page = try await web.get("/funding/\(stream.id!)/esf?year=2024").body.string
            #expect(page.contains("Verschillen met de actuele gegevens") && page.contains("EECO04"))
            #expect(
                try await web.post(
                    "/funding/\(stream.id!)/esf/snapshots?year=2024", [("year", "2024"), ("confirmed", "yes")]
                ).status
                    == .seeOther)
            #expect(try await EsfSnapshot.query(on: app.db).count() == 1, "a year is frozen once")
            // 2025 has closed too (the grant ran through 2025); each year has its own snapshot.
            _ = try await web.post(
                "/funding/\(stream.id!)/esf/snapshots?year=2025", [("year", "2025"), ("confirmed", "yes")])
            #expect(try await EsfSnapshot.query(on: app.db).count() == 2)
        }
    }

    @Test func characteristicsAreValidatedNextToTheirFields() async throws {
        try await withOpstap { app in
            let stream = try await esfStream(app)
            let person = try #require(
                try await FundingEligibility.query(on: app.db).filter(\.$stream.$id == stream.id!).first()
            ).$person.id
            let before = try await EsfCharacteristicsRecord.query(on: app.db).filter(\.$person.$id == person).first()
            let web = try await WebClient.login(app, "coordinator.leiden@opstap.demo")
            let refused = try await web.post(
                "/funding/\(stream.id!)/characteristics/\(person)", [("employmentStatus", ""), ("iscedLevel", "9")])
            #expect(refused.status == .badRequest)
            #expect(refused.body.string.contains("id=\"f-employmentStatus-error\""))
            let after = try await EsfCharacteristicsRecord.query(on: app.db).filter(\.$person.$id == person).first()
            #expect(before?.iscedLevel == after?.iscedLevel, "nothing half-written")
        }
    }

    @Test func fundingStreamsAreAddedWithTheirTermsOrRefusedInWords() async throws {
        try await withOpstap { app in
            let programme = try await DemoLookups(db: app.db).programme("Kansrijk")
            let web = try await WebClient.login(app, "coordinator.kansrijk@opstap.demo")
            let funder = try await DemoLookups(db: app.db).user("intake.kansrijk@opstap.demo").$organisation.id
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
            let hr = try await WebClient.login(app, "hr.kansrijk@opstap.demo")
            #expect(try await hr.post("/programmes/\(programme.id!)/funding", [("name", "X")]).status == .forbidden)
        }
    }

    @Test func theKansrijkCovenantGoalsAreComputedFromTheData() async throws {
        try await withOpstap { app in
            let programme = try await DemoLookups(db: app.db).programme("Kansrijk")
            let web = try await WebClient.login(app, "coordinator.kansrijk@opstap.demo")
            let page = try await web.get("/programmes/\(programme.id!)/goals").body.string
            #expect(page.contains("Alle starters na één jaar nog actief"))
            #expect(page.contains("100 % (15 van 15)"))
            #expect(page.contains("15 starters in oktober 2023"))
            #expect(page.contains("Gehaald"))
            // Withdraw one of the pilot in its first year: the goal is no longer met.
            let pilot = try await DemoLookups(db: app.db).cohort("Pilot oktober 2023")
            let first = try #require(
                try await Enrolment.query(on: app.db).filter(\.$cohort.$id == pilot.id!).sort(\.$id).first())
            try await EnrolmentTransition.query(on: app.db).filter(\.$enrolment.$id == first.id!).filter(
                \.$kind == TransitionKind.complete
            ).set(\.$kind, to: TransitionKind.withdraw).set(\.$effectiveOn, to: "2024-03-01").update()
            let after = try await web.get("/programmes/\(programme.id!)/goals").body.string
            #expect(after.contains("93,33 % (14 van 15)") && after.contains("Niet gehaald"))
            let refused = try await web.post(
                "/programmes/\(programme.id!)/goals",
                [("title", "Behoud"), ("measure", "shareRetained"), ("target", "90"), ("deadline", "2027-01-01")])
            #expect(refused.status == .badRequest && refused.body.string.contains("f-months-error"))
        }
    }

    @Test func theDashboardDrawsEveryChartWithATable() async throws {
        try await withOpstap { app in
            let programme = try await DemoLookups(db: app.db).programme("Op je plek in de zorg")
            let web = try await WebClient.login(app, "coordinator.leiden@opstap.demo")
            let page = try await web.get("/programmes/\(programme.id!)/dashboard").body.string
            for id in ["funnel", "retention", "phases", "hours", "housing", "outcomes"] {
                #expect(page.contains("aria-labelledby=\"\(id)-title \(id)-desc\""), "\(id)")
            }
            #expect(page.components(separatedBy: "<details class=\"chart-table\"").count == 7)
            let cohort = try await DemoLookups(db: app.db).cohort("Instroom februari 2027")
            let empty = try await web.get("/programmes/\(programme.id!)/dashboard?cohort=\(cohort.id!)").body.string
            #expect(empty.contains("Deelnemers in deze selectie: 0"))
            let csv = try await web.get("/programmes/\(programme.id!)/dashboard.csv?chart=funnel")
            #expect(csv.status == .ok && csv.body.string.contains("Gestart;24"))
        }
    }

    /// Any page with a list downloads it as CSV, through the page's own route and access rules.
    @Test func everyListDownloadsAsCSVUnderTheRulesOfItsScreen() async throws {
        try await withOpstap { app in
            let web = try await WebClient.login(app, "coordinator.leiden@opstap.demo")
            let page = try await web.get("/qualifications")
            #expect(page.body.string.contains("href=\"/qualifications?format=csv\""))
            let csv = try await web.get("/qualifications?format=csv")
            #expect(csv.headers.first(name: .contentType)?.hasPrefix("text/csv") == true)
            let table = try CSV.parse(csv.body.string)
            #expect(table.header == ["Kwalificatie", "Crebo", "Niveau", "Bezig", "Behaald"] && !table.rows.isEmpty)
            // A paginated list comes whole: the supervisor's week of hours over several pages of the screen.
            let supervisor = try await WebClient.login(app, "werkbegeleider.kansrijk@opstap.demo")
            let hoursText = try await supervisor.get("/hours/approvals?format=csv").body.string
            let hours = try CSV.parse(hoursText)
            // 48 submitted lines, less the demo participant's line kept as a draft (issue 11).
            #expect(hours.rows.count == 47)
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
            let coach = try await WebClient.login(app, "coach.kansrijk@opstap.demo")
            let coachID = try #require(
                try await User.query(on: app.db).filter(\.$email == "coach.kansrijk@opstap.demo").first()?.id)
            let tasks = try CSV.parse(try await coach.get("/tasks?format=csv").body.string)
            let stored = try await GuidanceTask.query(on: app.db).filter(\.$assignee.$id == coachID).all()
            #expect(tasks.header == ["Taak", "Uiterlijk op", "Deelnemer", "Voor", "Status"])
            #expect(!tasks.rows.isEmpty && tasks.rows.count == stored.count)
            for row in tasks.rows {
                #expect(stored.contains { row[0].hasPrefix($0.title) && $0.dueOn == row[1] }, "\(row)")
            }
            // The download answers like the page: not found for another organisation's records, forbidden for a role.
            let cohort = try await DemoLookups(db: app.db).cohort("Instroom september 2024")
            let outsider = try await WebClient.login(app, "coordinator.kansrijk@opstap.demo")
            #expect(try await outsider.get("/cohorts/\(cohort.id!)/hours?format=csv").status == .notFound)
            #expect(try await web.get("/admin?format=csv").status == .forbidden)
        }
    }

    @Test func lessonsAreSharedAcrossProgrammesOnlyWhenMarkedShared() async throws {
        try await withOpstap { app in
            let kansrijk = try await WebClient.login(app, "coach.kansrijk@opstap.demo")
            let list = try await kansrijk.get("/lessons").body.string
            #expect(list.contains("Wonen naast het werk scheelt reistijd en uitval"), "shared by Leiden")
            #expect(!list.contains("Vaktaal vóór de eerste stagedag"), "Leiden's own lesson")
            let programme = try await DemoLookups(db: app.db).programme("Kansrijk")
            let empty = try await kansrijk.post("/lessons", [("programmeId", programme.id!.uuidString), ("title", "")])
            #expect(empty.status == .badRequest && empty.body.string.contains("f-why-error"))
            let leiden = try await DemoLookups(db: app.db).programme("Op je plek in de zorg")
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
        try await withOpstap { app in
            let programme = try await DemoLookups(db: app.db).programme("Kansrijk")
            let web = try await WebClient.login(app, "intake.kansrijk@opstap.demo")
            // Someone the importer may see: only such a match is named (ADR 0013).
            let known = try await DemoLookups(db: app.db).candidacy(in: "Kansrijk", stage: .selection)
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
            let other = try await WebClient.login(app, "coordinator.kansrijk@opstap.demo")
            #expect(try await other.get("/imports/\(second.id!)").status == .notFound, "an import is its uploader's")
        }
    }
}

/// The same capabilities over the JSON API.
@Suite struct ReportingAPITests {
    @Test func theESFReportOverTheAPIIsSuppressedForReportingRoles() async throws {
        try await withOpstap { app in
            let stream = try #require(
                try await FundingStream.query(on: app.db).filter(\.$kind == FundingKind.esfPlus).first())
            let coordinator = try await APIClient.forUser(app, "coordinator.leiden@opstap.demo")
            let report = try await coordinator.send(.GET, "/api/v1/funding-streams/\(stream.id!)/esf-report?year=2024")
            #expect(report.status == .ok)
            let body = try coordinator.decode(APIEsfReport.self, report)
            let eeco03 = try #require(body.rows.first { $0.indicator == .eeco03 }?.cells.first { $0.column == "2024" })
            #expect(eeco03.women == 2 && eeco03.men == 2 && eeco03.total == 4 && eeco03.suppressed.isEmpty)
            let reporting = try await APIClient.forUser(app, "rapportage.leiden@opstap.demo")
            let hidden = try reporting.decode(
                APIEsfReport.self,
                try await reporting.send(.GET, "/api/v1/funding-streams/\(stream.id!)/esf-report?year=2024"))
            let cell = try #require(hidden.rows.first { $0.indicator == .eeco03 }?.cells.first { $0.column == "2024" })
            #expect(cell.women == nil && cell.suppressed.contains("women"))
            #expect(
                try await reporting.send(.GET, "/api/v1/funding-streams/\(stream.id!)/esf-participants?year=2024")
                    .status == .forbidden)
            let people = try await coordinator.send(
                .GET,
                "/api/v1/funding-streams/\(stream.id!)/esf-participants?year=2024&indicator=EECO01&column=2024&gender=woman"
            )
            #expect(try coordinator.decode(APIPage<APIEsfParticipant>.self, people).total == 8)
            let employer = try await APIClient.forUser(app, "hr.leiden@opstap.demo")
            #expect(
                try await employer.send(.GET, "/api/v1/funding-streams/\(stream.id!)/bsn-report?year=2024").status
                    == .forbidden)
            let bsn = try await coordinator.send(.GET, "/api/v1/funding-streams/\(stream.id!)/bsn-report?year=2024")
            #expect(try coordinator.decode(APIPage<APIBsnRow>.self, bsn).total == 16)
            #expect(
                try await coordinator.send(
                    .POST, "/api/v1/funding-streams/\(stream.id!)/snapshots", json: #"{"year":2026}"#
                ).status == .badRequest, "outside the grant")
            #expect(
                try await coordinator.send(
                    .POST, "/api/v1/funding-streams/\(stream.id!)/snapshots", json: #"{"year":2024}"#
                ).status == .created)
            #expect(
                try await coordinator.send(
                    .POST, "/api/v1/funding-streams/\(stream.id!)/snapshots", json: #"{"year":2024}"#
                ).status == .badRequest, "frozen once")
        }
    }

    @Test func aGrantStartingInALaterYearHasNoReportYetAndReportingRolesSeeNoExactDifferences() async throws {
        try await withOpstap { app in
            let stream = try #require(
                try await FundingStream.query(on: app.db).filter(\.$kind == FundingKind.esfPlus).first())
            let coordinator = try await APIClient.forUser(app, "coordinator.leiden@opstap.demo")
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
                    .POST, "/api/v1/funding-streams/\(stream.id!)/snapshots", json: #"{"year":2024}"#
                ).status == .created)
            try await EsfCharacteristicsRecord.query(on: app.db).set(\.$employmentStatus, to: "inactive").update()
            let frozen = try coordinator.decode(
                APIEsfReport.self,
                try await coordinator.send(.GET, "/api/v1/funding-streams/\(stream.id!)/esf-report?year=2024"))
            #expect(frozen.frozenAt != nil && !frozen.differences.isEmpty)
            let reporting = try await APIClient.forUser(app, "rapportage.leiden@opstap.demo")
            let hidden = try reporting.decode(
                APIEsfReport.self,
                try await reporting.send(.GET, "/api/v1/funding-streams/\(stream.id!)/esf-report?year=2024"))
            #expect(hidden.frozenAt != nil && hidden.differences.isEmpty)
        }
    }

    @Test func everyReportingRouteWithAnIdIsClosedToAnotherOrganisation() async throws {
        try await withOpstap { app in
            let stream = try #require(
                try await FundingStream.query(on: app.db).filter(\.$kind == FundingKind.esfPlus).first())
            let person = try #require(
                try await FundingEligibility.query(on: app.db).filter(\.$stream.$id == stream.id!).first()
            ).$person.id
            let programme = stream.$programme.id
            let owner = try await APIClient.forUser(app, "intake.leiden@opstap.demo")
            let created = try await owner.send(
                .POST, "/api/v1/programmes/\(programme)/candidate-imports",
                json: #"{"stream":"statushouders","csv":"Voornaam;Achternaam\nA;B\n"}"#)
            #expect(created.status == .created)
            let importID = try owner.decode(APIImport.self, created).id
            let outsider = try await APIClient.forUser(app, "coordinator.kansrijk@opstap.demo")
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
        try await withOpstap { app in
            let leiden = try await DemoLookups(db: app.db).programme("Op je plek in de zorg")
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
            let api = try await APIClient.forUser(app, "coordinator.leiden@opstap.demo")
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
            let web = try await WebClient.login(app, "coordinator.leiden@opstap.demo")
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
        try await withOpstap { app in
            let programme = try await DemoLookups(db: app.db).programme("Kansrijk")
            let api = try await APIClient.forUser(app, "intake.kansrijk@opstap.demo")
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
