import Fluent
import Foundation
import OpstapDomain
import Testing
import Vapor
@testable import OpstapApp

/// Bringing in a running programme: participants with their enrolment and phase history from a CSV.
/// Each test makes a partnership of its own, whose programme was published in June 2023, and a
/// cohort of it that started on 2 October 2023.
@Suite struct ParticipantImportTests {
    static let header =
        "Voornaam;Achternaam;Geboortedatum;Geslacht;Inschrijfdatum;Start vooropleiding;Start mbo-1;Start mbo-2"

    /// A partnership running the Leiden reference programme since June 2023.
    static func partnership(_ app: Application) async throws -> TestPartnership {
        try await TestPartnership.make(app, publishedOn: SimpleDate("2023-06-01")!)
    }

    /// A cohort of the partnership's programme (version 1) that started on 2 October 2023.
    static func transferCohort(_ p: TestPartnership, capacity: Int = 3) async throws -> Cohort {
        let cohort = Cohort(
            programmeID: try p.programme.requireID(), versionID: try p.version.requireID(),
            name: "Overstap oktober 2023", startDate: "2023-10-02", capacity: capacity,
            streams: ["statushouders", "studenten"])
        try await cohort.create(on: p.app.db)
        return cohort
    }

    static func waitUntilFinished(_ id: UUID, _ app: Application, seconds: Int = 10) async throws -> CandidateImport {
        // While it runs the import's transaction holds the test's SQLite database: watch the progress in memory first.
        for _ in 0..<(seconds * 20) {
            if await ImportProgress.shared.get(id) == nil { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        for _ in 0..<(seconds * 20) {
            let record = try #require(try await CandidateImport.find(id, on: app.db))
            if record.status != .running { return record }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("import still running")
        return try #require(try await CandidateImport.find(id, on: app.db))
    }

    struct Step: Equatable, CustomStringConvertible {
        var kind: String, phase: String?, result: String?, on: String
        var description: String { "\(kind) \(phase ?? "-") \(result ?? "-") \(on)" }
    }

    static func steps(_ enrolment: Enrolment, _ app: Application) async throws -> [Step] {
        try await EnrolmentTransition.query(on: app.db).filter(\.$enrolment.$id == enrolment.id!).sort(\.$sequence)
            .all()
            .map {
                Step(kind: $0.kind.rawValue, phase: $0.phaseCode, result: $0.phaseResult?.rawValue, on: $0.effectiveOn)
            }
    }

    @Test func aCohortThatStartedInOctober2023ImportsWithItsExactHistory() async throws {
        try await withOpstap(demo: false) { app in
            let p = try await Self.partnership(app)
            let cohort = try await Self.transferCohort(p)
            let web = try await p.web(.coordinator)
            let cohortPage = try await web.get("/cohorts/\(cohort.id!)").body.string
            #expect(
                cohortPage.contains("/cohorts/\(cohort.id!)/participant-imports/new")
                    && cohortPage.contains("Lopende deelnemers importeren (CSV)"))
            #expect(try await web.get("/cohorts/\(cohort.id!)/participant-imports/new").status == .ok)
            let csv =
                Self.header + "\r\n"
                + "Amal;Haddad;12-05-1990;V;02-10-2023;02-10-2023;19-02-2024;01-09-2025\r\n"
                + "Yonas;Tesfay;1988-03-01;M;2023-10-02;2023-10-09;2024-03-04;\r\n"
                + "Samir;Nasser;03-07-1995;M;02-10-2023;;;\r\n"
            let uploaded = try await web.postFile(
                "/cohorts/\(cohort.id!)/participant-imports", fields: [("stream", "statushouders")],
                file: ("file", "lopend.csv", csv))
            #expect(uploaded.status == .seeOther)
            let record = try #require(
                try await CandidateImport.query(on: app.db).filter(\.$kind == ImportKind.participants).first())
            #expect(
                ImportOperations.decode(plain: record.mapping) == [
                    "givenName": 0, "familyName": 1, "dateOfBirth": 2, "gender": 3, "enrolledOn": 4,
                    "phase.vooropleiding": 5, "phase.mbo-1": 6, "phase.mbo-2": 7,
                ], "guessed from the header")
            let mappingPage = try await web.get("/participant-imports/\(record.id!)").body.string
            #expect(mappingPage.contains("Ingeschreven op *") && mappingPage.contains("Start Vooropleiding"))
            let mapping = [
                ("givenName", "0"), ("familyName", "1"), ("dateOfBirth", "2"), ("gender", "3"), ("enrolledOn", "4"),
                ("phase.vooropleiding", "5"), ("phase.mbo-1", "6"), ("phase.mbo-2", "7"),
            ]
            #expect(try await web.post("/participant-imports/\(record.id!)/mapping", mapping).status == .seeOther)
            let preview = try await web.get("/participant-imports/\(record.id!)").body.string
            #expect(
                preview.contains("Klaar om 3 deelnemers in te schrijven.") && preview.contains(">Importeren</button>"))
            #expect(try await web.post("/participant-imports/\(record.id!)/run", []).status == .seeOther)
            let done = try await Self.waitUntilFinished(record.id!, app)
            #expect(done.status == .done && done.importedRows == 3, "\(done.failure)")
            #expect(
                try await web.get("/participant-imports/\(record.id!)").body.string.contains(
                    "Klaar: 3 deelnemers ingeschreven"))

            let coordinator = p.user(.coordinator)
            let version = try #require(try await ProgrammeVersion.find(cohort.$programmeVersion.id, on: app.db))
            func enrolment(_ family: String) async throws -> Enrolment {
                try #require(
                    try await Enrolment.query(on: app.db).filter(\.$cohort.$id == cohort.id!)
                        .join(Person.self, on: \Enrolment.$person.$id == \Person.$id).filter(
                            Person.self, \.$familyName == family
                        ).first())
            }
            let amal = try await enrolment("Haddad")
            #expect(
                amal.state == .inPhase && amal.phaseCode == "mbo-2"
                    && amal.completedPhasesText == "vooropleiding,mbo-1")
            #expect(
                amal.lastTransitionOn == "2025-09-01" && amal.stream == "statushouders"
                    && amal.$programmeVersion.id == version.id && amal.revision == 6)
            #expect(
                try await Self.steps(amal, app) == [
                    Step(kind: "enrol", phase: nil, result: nil, on: "2023-10-02"),
                    Step(kind: "startPhase", phase: "vooropleiding", result: nil, on: "2023-10-02"),
                    Step(kind: "completePhase", phase: "vooropleiding", result: "passed", on: "2024-02-19"),
                    Step(kind: "startPhase", phase: "mbo-1", result: nil, on: "2024-02-19"),
                    Step(kind: "completePhase", phase: "mbo-1", result: "passed", on: "2025-09-01"),
                    Step(kind: "startPhase", phase: "mbo-2", result: nil, on: "2025-09-01"),
                ])
            let yonas = try await enrolment("Tesfay")
            #expect(
                yonas.state == .inPhase && yonas.phaseCode == "mbo-1" && yonas.completedPhasesText == "vooropleiding"
                    && yonas.lastTransitionOn == "2024-03-04")
            #expect(
                try await Self.steps(yonas, app) == [
                    Step(kind: "enrol", phase: nil, result: nil, on: "2023-10-02"),
                    Step(kind: "startPhase", phase: "vooropleiding", result: nil, on: "2023-10-09"),
                    Step(kind: "completePhase", phase: "vooropleiding", result: "passed", on: "2024-03-04"),
                    Step(kind: "startPhase", phase: "mbo-1", result: nil, on: "2024-03-04"),
                ])
            let samir = try await enrolment("Nasser")
            #expect(
                samir.state == .enrolled && samir.phaseCode == nil && samir.completedPhasesText == ""
                    && samir.lastTransitionOn == "2023-10-02")
            #expect(
                try await Self.steps(samir, app) == [Step(kind: "enrol", phase: nil, result: nil, on: "2023-10-02")])

            let transitions = try await EnrolmentTransition.query(on: app.db).filter(
                \.$enrolment.$id ~~ [amal.id!, yonas.id!, samir.id!]
            ).all()
            #expect(
                transitions.count == 11
                    && transitions.allSatisfy { $0.$actor.id == coordinator.id && $0.recordedAt == testToday.date })
            #expect(transitions.first { $0.kind == .enrol }?.versionNumber == version.number)
            let candidacy = try #require(try await Candidacy.find(amal.$candidacy.id, on: app.db))
            #expect(
                candidacy.stage == .decided && candidacy.decision == .selected && candidacy.referredOn == "2023-10-02"
                    && candidacy.stream == "statushouders")
            let events = try await CandidacyEvent.query(on: app.db).filter(\.$candidacy.$id == candidacy.id!).sort(
                \.$sequence
            ).all()
            #expect(events.map(\.kind) == [.referred, .selected] && events.allSatisfy { $0.detail == "import" })
            #expect(try await web.get("/cohorts/\(cohort.id!)").body.string.contains("Haddad"))
        }
    }

    /// A spreadsheet of a large programme is bigger than any form: the upload form takes it.
    @Test func aFileLargerThanAFormIsAcceptedByTheUploadForm() async throws {
        try await withOpstap(demo: false) { app in
            let p = try await Self.partnership(app)
            let cohort = try await Self.transferCohort(p, capacity: 1000)
            let web = try await p.web(.coordinator)
            let row =
                "Amal;Haddad;12-05-1990;V;02-10-2023;02-10-2023;19-02-2024;01-09-2025;"
                + String(repeating: "x", count: 1100) + "\r\n"
            let csv = Self.header + ";Opmerking\r\n" + String(repeating: row, count: 1000)
            #expect(csv.utf8.count > 1_048_576)
            let uploaded = try await web.postFile(
                "/cohorts/\(cohort.id!)/participant-imports", fields: [("stream", "statushouders")],
                file: ("file", "groot.csv", csv))
            #expect(uploaded.status == .seeOther, "\(uploaded.status)")
            let record = try #require(
                try await CandidateImport.query(on: app.db).filter(\.$kind == ImportKind.participants).first())
            #expect(record.totalRows == 1000)
        }
    }

    @Test func aFileWithBadRowsStoresNothingAndNamesEveryRowsErrors() async throws {
        try await withOpstap(demo: false) { app in
            let p = try await Self.partnership(app)
            let cohort = try await Self.transferCohort(p, capacity: 10)
            let people = try await Person.query(on: app.db).count()
            let api = try await p.api(.coordinator)
            let csv =
                Self.header + ";Huidige fase\n"
                + "Amal;Haddad;12-05-1990;V;02-10-2023;02-10-2023;;;\n"  // line 2: fine
                + "Bashir;Amiri;1991-01-01;M;01-01-2027;;;;\n"  // 3: enrolment in the future
                + "Dina;Saleh;1992-02-02;V;02-10-2023;01-03-2024;15-01-2024;;\n"  // 4: mbo-1 before the pre-education
                + "Farid;Karimi;1993-03-03;M;02-10-2023;02-10-2023;;;Kookcursus\n"  // 5: unknown phase
                + "Hana;Ali;1994-04-04;V;;;;;\n"  // 6: no enrolment date
                + "Omar;Said;1995-05-05;M;02-10-2023;;04-03-2024;;\n"  // 7: mbo-1 without the pre-education
                + "Rima;Aziz;1996-06-06;V;02-10-2023;02-10-2023;01-12-2026;;\n"  // 8: a start in the future
            let created = try await api.send(
                .POST, "/api/v1/cohorts/\(cohort.id!)/participant-imports",
                body: APIImportRequest(stream: "statushouders", fileName: "lopend.csv", csv: csv))
            #expect(created.status == .created, "\(created.body.string)")
            let body = try api.decode(APIParticipantImport.self, created)
            #expect(
                body.fields.map(\.name).suffix(4) == [
                    "currentPhase", "phase.vooropleiding", "phase.mbo-1", "phase.mbo-2",
                ])
            #expect(body.mapping["currentPhase"] == 8)
            let mapped = try await api.send(
                .PUT, "/api/v1/participant-imports/\(body.id)/mapping",
                body: APIImportMappingRequest(columns: body.mapping))
            #expect(mapped.status == .ok, "\(mapped.body.string)")
            let preview = try api.decode(APIParticipantImport.self, mapped)
            let errors = Dictionary(
                uniqueKeysWithValues: (preview.problems ?? []).map {
                    ($0.line, $0.errors.map { "\($0.name) \($0.code)" })
                })
            #expect(preview.rowsWithErrors == 6)
            #expect(errors[2] == nil)
            #expect(errors[3] == ["enrolledOn dateInFuture"])
            #expect(errors[4] == ["phase.mbo-1 notAfterPreviousPhase"])
            #expect(errors[5] == ["currentPhase unknownPhase"])
            #expect(errors[6] == ["enrolledOn required"])
            #expect(errors[7] == ["phase.mbo-1 earlierPhaseMissing"])
            #expect(errors[8] == ["phase.mbo-1 dateInFuture"])
            let refused = try await api.send(.POST, "/api/v1/participant-imports/\(body.id)/run", json: "{}")
            #expect(refused.status == .conflict)
            #expect(try await Person.query(on: app.db).count() == people, "nothing stored")
            #expect(try await Enrolment.query(on: app.db).filter(\.$cohort.$id == cohort.id!).count() == 0)
            #expect(try await CandidateImport.find(body.id, on: app.db)?.status == .mapped)

            // The page shows the same, with the line and the field.
            let web = try await p.web(.coordinator)
            let upload = try await web.postFile(
                "/cohorts/\(cohort.id!)/participant-imports", fields: [("stream", "statushouders")],
                file: ("file", "lopend.csv", csv))
            #expect(upload.status == .seeOther)
            let record = try #require(
                try await CandidateImport.query(on: app.db).filter(\.$kind == ImportKind.participants).filter(
                    \.$status == ImportStatus.uploaded
                ).first())
            _ = try await web.post(
                "/participant-imports/\(record.id!)/mapping", body.mapping.map { ($0.key, String($0.value)) })
            let page = try await web.get("/participant-imports/\(record.id!)").body.string
            #expect(page.contains("Regels met fouten: 6"))
            #expect(page.contains("Regel 3: Ingeschreven op: Deze datum ligt in de toekomst."))
            #expect(page.contains("Regel 5: Huidige fase (controle): De fase Kookcursus bestaat niet."))
            #expect(page.contains("Regel 6: Ingeschreven op: Vul dit in."))
            #expect(!page.contains(">Importeren</button>"))
        }
    }

    @Test func rowsBeyondTheCohortsCapacityAreRefused() async throws {
        try await withOpstap(demo: false) { app in
            let p = try await Self.partnership(app)
            let cohort = try await Self.transferCohort(p, capacity: 3)
            let api = try await p.api(.coordinator)
            let rows = (1...4).map { "Naam\($0);Overstap;0\($0)-01-1990;X;02-10-2023;;;" }
            let created = try await api.send(
                .POST, "/api/v1/cohorts/\(cohort.id!)/participant-imports",
                body: APIImportRequest(
                    stream: "statushouders", fileName: nil, csv: ([Self.header] + rows).joined(separator: "\n")))
            let id = try api.decode(APIParticipantImport.self, created).id
            let preview = try api.decode(
                APIParticipantImport.self, try await api.send(.GET, "/api/v1/participant-imports/\(id)"))
            #expect(preview.status == "uploaded" && preview.problems == nil)
            let mapped = try api.decode(
                APIParticipantImport.self,
                try await api.send(
                    .PUT, "/api/v1/participant-imports/\(id)/mapping",
                    body: APIImportMappingRequest(columns: preview.mapping)))
            #expect(mapped.rowsWithErrors == 1)
            #expect(
                mapped.problems?.first?.line == 5 && mapped.problems?.first?.errors.map(\.code) == ["cohortFull"]
                    && mapped.problems?.first?.errors.first?.name == "row")
            #expect(mapped.problems?.first?.errors.first?.reason == "Deze groep is vol (3 plaatsen).")
            #expect(try await api.send(.POST, "/api/v1/participant-imports/\(id)/run", json: "{}").status == .conflict)
            #expect(try await Enrolment.query(on: app.db).filter(\.$cohort.$id == cohort.id!).count() == 0)
        }
    }

    @Test func aPersonAlreadyInTheRegistryIsFlaggedAndSkippedUnlessConfirmed() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await Self.partnership(app)
            let cohort = try await Self.transferCohort(p)
            // Someone referred to the programme before and not selected: in the registry, on no route.
            let known = try await p.candidate(upTo: .decided, decision: .rejected)
            let existing = try #require(try await Person.find(known.$person.id, on: app.db))
            try #require(existing.dateOfBirth != nil)
            let api = try await p.api(.coordinator)
            let csv =
                Self.header
                + "\n\(existing.givenName);\(existing.familyName);\(existing.dateOfBirth!);X;02-10-2023;02-10-2023;;\nNieuw;Mens;1990-01-01;X;02-10-2023;;;\n"
            let created = try api.decode(
                APIParticipantImport.self,
                try await api.send(
                    .POST, "/api/v1/cohorts/\(cohort.id!)/participant-imports",
                    body: APIImportRequest(stream: "statushouders", fileName: nil, csv: csv)))
            let mapped = try api.decode(
                APIParticipantImport.self,
                try await api.send(
                    .PUT, "/api/v1/participant-imports/\(created.id)/mapping",
                    body: APIImportMappingRequest(columns: created.mapping)))
            #expect(mapped.rowsWithErrors == 0)
            #expect(mapped.problems?.map(\.line) == [2] && mapped.problems?.first?.duplicate?.isEmpty == false)
            let run = try await api.send(.POST, "/api/v1/participant-imports/\(created.id)/run", json: "{}")
            #expect(run.status == .accepted)
            let done = try await Self.waitUntilFinished(created.id, app)
            #expect(done.status == .done && done.importedRows == 1 && done.skippedRows == 1)
            #expect(try await Enrolment.query(on: app.db).filter(\.$cohort.$id == cohort.id!).count() == 1)
        }
    }

    @Test func anImportIsItsUploadersAndOtherOrganisationsGet404() async throws {
        try await withOpstap(demo: false) { app in
            let p = try await Self.partnership(app)
            let cohort = try await Self.transferCohort(p)
            let api = try await p.api(.coordinator)
            let created = try api.decode(
                APIParticipantImport.self,
                try await api.send(
                    .POST, "/api/v1/cohorts/\(cohort.id!)/participant-imports",
                    body: APIImportRequest(
                        stream: "statushouders", fileName: nil, csv: Self.header + "\nA;B;1990-01-01;X;02-10-2023;;;\n")
                ))
            // The coordinator of another partnership.
            let ander = try await TestPartnership.make(app, name: "Ander")
            let other = try await ander.api(.coordinator)
            #expect(try await other.send(.GET, "/api/v1/participant-imports/\(created.id)").status == .notFound)
            #expect(
                try await other.send(.POST, "/api/v1/participant-imports/\(created.id)/run", json: "{}").status
                    == .notFound)
            #expect(
                try await other.send(
                    .POST, "/api/v1/cohorts/\(cohort.id!)/participant-imports",
                    body: APIImportRequest(stream: "statushouders", fileName: nil, csv: "a;b\n1;2\n")
                ).status == .notFound)
            let otherWeb = try await ander.web(.coordinator)
            #expect(try await otherWeb.get("/participant-imports/\(created.id)").status == .notFound)
            #expect(try await otherWeb.get("/cohorts/\(cohort.id!)/participant-imports/new").status == .notFound)
            // A candidate import's address does not open a participant import, nor the other way round.
            let web = try await p.web(.coordinator)
            #expect(try await web.get("/imports/\(created.id)").status == .notFound)
            #expect(try await web.get("/participant-imports/\(created.id)").status == .ok)
        }
    }

    @Test func apiProblemsNameTheField() async throws {
        try await withOpstap(demo: false) { app in
            let p = try await Self.partnership(app)
            let cohort = try await Self.transferCohort(p)
            let api = try await p.api(.coordinator)
            let wrongStream = try await api.send(
                .POST, "/api/v1/cohorts/\(cohort.id!)/participant-imports",
                body: APIImportRequest(stream: "nergens", fileName: nil, csv: "a;b\n1;2\n"))
            #expect(
                wrongStream.status == .badRequest
                    && wrongStream.headers.contentType?.description.hasPrefix("application/problem+json") == true)
            #expect(try api.decode(APIProblem.self, wrongStream).invalidParams?.map(\.name) == ["stream"])
            let empty = try await api.send(
                .POST, "/api/v1/cohorts/\(cohort.id!)/participant-imports",
                body: APIImportRequest(stream: "studenten", fileName: nil, csv: "a;b\n"))
            #expect(try api.decode(APIProblem.self, empty).invalidParams?.map(\.name) == ["csv"])
            let created = try api.decode(
                APIParticipantImport.self,
                try await api.send(
                    .POST, "/api/v1/cohorts/\(cohort.id!)/participant-imports",
                    body: APIImportRequest(
                        stream: "studenten", fileName: nil, csv: "Voornaam;Achternaam;Start\nA;B;2024-01-01\n")))
            #expect(
                created.fields.filter { $0.name.hasPrefix("phase.") }.map(\.name) == ["phase.mbo-1", "phase.mbo-2"],
                "students skip the pre-education")
            let missing = try await api.send(
                .PUT, "/api/v1/participant-imports/\(created.id)/mapping",
                json: #"{"columns":{"givenName":0,"familyName":1}}"#)
            #expect(missing.status == .badRequest)
            #expect(try api.decode(APIProblem.self, missing).invalidParams?.map(\.name) == ["columns.enrolledOn"])
            let foreign = try await api.send(
                .PUT, "/api/v1/participant-imports/\(created.id)/mapping",
                json: #"{"columns":{"givenName":0,"familyName":1,"enrolledOn":2,"phase.vooropleiding":2}}"#)
            #expect(
                try api.decode(APIProblem.self, foreign).invalidParams?.map(\.name) == ["columns.phase.vooropleiding"],
                "not a phase of the students' stream")
            let intake = try await p.api(.intakeOfficer)
            #expect(
                try await intake.send(.GET, "/api/v1/participant-imports/\(created.id)").status == .forbidden,
                "only those who may enrol")
        }
    }

    /// Correctness at size, not speed: timing is for `opstap bench reports` (a wall-clock bound here
    /// failed on a busy machine while the import was fine).
    @Test func fiveThousandRowsImportWithTheirWholeHistory() async throws {
        try await withOpstap(demo: false) { app in
            let p = try await Self.partnership(app)
            let cohort = try await Self.transferCohort(p, capacity: 5000)
            let api = try await p.api(.coordinator)
            let rows = (0..<5000).map { "Naam\($0);Overstap;1990-01-01;X;02-10-2023;02-10-2023;19-02-2024;01-09-2025" }
            let started = ContinuousClock.now
            let created = try api.decode(
                APIParticipantImport.self,
                try await api.send(
                    .POST, "/api/v1/cohorts/\(cohort.id!)/participant-imports",
                    body: APIImportRequest(
                        stream: "statushouders", fileName: nil, csv: ([Self.header] + rows).joined(separator: "\n"))))
            print("5000: uploaded after \(ContinuousClock.now - started)")
            let mapped = try api.decode(
                APIParticipantImport.self,
                try await api.send(
                    .PUT, "/api/v1/participant-imports/\(created.id)/mapping",
                    body: APIImportMappingRequest(columns: created.mapping)))
            print("5000: mapped and previewed after \(ContinuousClock.now - started)")
            #expect(mapped.rowsWithErrors == 0)
            #expect(
                try await api.send(.POST, "/api/v1/participant-imports/\(created.id)/run", json: "{}").status
                    == .accepted)
            print("5000: previewed again and started after \(ContinuousClock.now - started)")
            let done = try await Self.waitUntilFinished(created.id, app, seconds: 900)
            let elapsed = ContinuousClock.now - started
            print("5000-row participant import (preview twice and run): \(elapsed)")
            #expect(done.status == .done && done.importedRows == 5000, "\(done.failure)")
            #expect(
                try await Enrolment.query(on: app.db).filter(\.$cohort.$id == cohort.id!).filter(
                    \.$phaseCode == "mbo-2"
                ).count() == 5000)
            #expect(
                try await EnrolmentTransition.query(on: app.db).join(
                    Enrolment.self, on: \EnrolmentTransition.$enrolment.$id == \Enrolment.$id
                )
                .filter(Enrolment.self, \.$cohort.$id == cohort.id!).count() == 30000)
        }
    }
}
