import Fluent
import Foundation
import OpstapDomain
import Testing
import Vapor
@testable import OpstapApp

/// Journal notes follow their confidentiality level on every path.
@Suite struct NotesTests {
    func participant(_ app: Application) async throws -> Enrolment {
        try await DemoLookups(db: app.db).enrolment(in: "Instroom oktober 2026", state: .inPhase)
    }

    /// Writes one note of each level as the Amarant coach and returns their texts.
    func writeNotes(_ app: Application, _ enrolment: Enrolment) async throws -> [NoteLevel: String] {
        let coach = try await APIClient.forUser(app, "coach.kansrijk@opstap.demo")
        var texts: [NoteLevel: String] = [:]
        for level in NoteLevel.allCases {
            let text = "Notitie-\(level.rawValue)-\(UUID().uuidString.prefix(6))"
            let response = try await coach.send(
                .POST, "/api/v1/enrolments/\(enrolment.id!)/notes",
                json: #"{"text":"\#(text)","level":"\#(level.rawValue)"}"#)
            #expect(response.status == .created)
            texts[level] = text
        }
        return texts
    }

    @Test func everyLevelIsReadExactlyByThoseItNamesOnEveryRoute() async throws {
        try await withOpstap { app in
            let enrolment = try await participant(app)
            let texts = try await writeNotes(app, enrolment)
            // Amarant colleague outside the team; team member of another organisation; partner outside the team.
            let readers: [(String, Set<NoteLevel>)] = [
                // A note shared with the participant is read by every partner, like `.partners`.
                ("hr.kansrijk@opstap.demo", [.organisation, .partners, .participant]),
                ("werkbegeleider.kansrijk@opstap.demo", [.organisation, .team, .partners, .participant]),
                ("docent.kansrijk@opstap.demo", [.partners, .participant]),
                ("intake.kansrijk@opstap.demo", [.partners, .participant]),
            ]
            for (email, allowed) in readers {
                let api = try await APIClient.forUser(app, email)
                let listed = try api.decode(
                    APIPage<APINote>.self,
                    try await api.send(.GET, "/api/v1/enrolments/\(enrolment.id!)/notes?pageSize=100"))
                let page = try await WebClient.login(app, email).get("/participants/\(enrolment.id!)").body.string
                for level in NoteLevel.allCases {
                    let inAPI = listed.items.contains { $0.text == texts[level] }
                    let onPage = page.contains(texts[level]!)
                    #expect(inAPI == allowed.contains(level), "\(email) API \(level)")
                    #expect(onPage == allowed.contains(level), "\(email) page \(level)")
                }
            }
        }
    }

    @Test func aCorrectionReplacesTheNoteAndKeepsTheEarlierText() async throws {
        try await withOpstap { app in
            let enrolment = try await participant(app)
            let coach = try await APIClient.forUser(app, "coach.kansrijk@opstap.demo")
            let original = try coach.decode(
                APINote.self,
                try await coach.send(
                    .POST, "/api/v1/enrolments/\(enrolment.id!)/notes",
                    json: #"{"text":"Gesprek op dinsdag","level":"team"}"#))
            let corrected = try await coach.send(
                .POST, "/api/v1/enrolments/\(enrolment.id!)/notes",
                json: #"{"text":"Gesprek op woensdag","level":"team","corrects":"\#(original.id)"}"#)
            #expect(corrected.status == .created)
            let page = try await WebClient.login(app, "coach.kansrijk@opstap.demo").get(
                "/participants/\(enrolment.id!)"
            ).body.string
            let shows =
                page.contains("Gesprek op woensdag") && page.contains("Gecorrigeerd (1 eerdere versie(s))")
                && page.contains(": Gesprek op dinsdag")
            #expect(shows)
            // Someone else cannot correct the coach's note, nor can a corrected note be corrected again.
            let supervisor = try await APIClient.forUser(app, "werkbegeleider.kansrijk@opstap.demo")
            let foreign = try await supervisor.send(
                .POST, "/api/v1/enrolments/\(enrolment.id!)/notes",
                json: #"{"text":"x","level":"team","corrects":"\#(original.id)"}"#)
            #expect(foreign.status == .badRequest)
            let twice = try await coach.send(
                .POST, "/api/v1/enrolments/\(enrolment.id!)/notes",
                json: #"{"text":"y","level":"team","corrects":"\#(original.id)"}"#)
            #expect(twice.status == .badRequest)
        }
    }

    @Test func aParticipantWithoutRecentContactIsFlagged() async throws {
        try await withOpstap { app in
            let home = try await WebClient.login(app, "coach.kansrijk@opstap.demo").get("/").body.string
            let flagged = home.contains("dagen geen contactmoment vastgelegd (drempel 21 dagen).")
            #expect(flagged)
        }
    }

    @Test func reportingCannotReadOrWriteNotes() async throws {
        try await withOpstap { app in
            let enrolment = try await participant(app)
            let reporting = try await APIClient.forUser(app, "rapportage.kansrijk@opstap.demo")
            #expect(try await reporting.send(.GET, "/api/v1/enrolments/\(enrolment.id!)/notes").status == .forbidden)
            #expect(
                try await reporting.send(
                    .POST, "/api/v1/enrolments/\(enrolment.id!)/notes", json: #"{"text":"x","level":"team"}"#
                ).status == .forbidden)
            let leiden = try await APIClient.forUser(app, "coordinator.leiden@opstap.demo")
            #expect(try await leiden.send(.GET, "/api/v1/enrolments/\(enrolment.id!)/notes").status == .notFound)
        }
    }
}
