import Fluent
import Foundation
import OpstapDomain
import Testing
import Vapor
@testable import OpstapApp

/// Journal notes follow their confidentiality level on every path.
@Suite struct NotesTests {
    /// Writes one note of each level as `author` and returns their texts.
    func writeNotes(_ p: TestPartnership, _ enrolment: Enrolment, by author: Role) async throws -> [NoteLevel: String] {
        let coach = try await p.api(author)
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
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            // The work supervisor of the care employer writes; HR of the same employer is outside
            // the team, the coach is in the team but of another organisation, the others are
            // partners outside the team. A note shared with the participant is read by every
            // partner, like `.partners`.
            let enrolment = try await p.participant(team: [.coach, .workSupervisor])
            let texts = try await writeNotes(p, enrolment, by: .workSupervisor)
            let readers: [(Role, Set<NoteLevel>)] = [
                (.employerHR, [.organisation, .partners, .participant]),
                (.coach, [.team, .partners, .participant]),
                (.teacher, [.partners, .participant]),
                (.intakeOfficer, [.partners, .participant]),
            ]
            for (role, allowed) in readers {
                let email = p.email(role)
                let api = try await APIClient.forUser(app, email)
                let listed = try api.decode(
                    APIPage<APINote>.self,
                    try await api.send(.GET, "/api/v1/enrolments/\(enrolment.id!)/notes?pageSize=100"))
                let page = try await WebClient.login(app, email, password: TestPartnership.password).get(
                    "/participants/\(enrolment.id!)"
                ).body.string
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
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let enrolment = try await p.participant(team: [.coach, .workSupervisor])
            let coach = try await p.api(.coach)
            let original = try coach.decode(
                APINote.self,
                try await coach.send(
                    .POST, "/api/v1/enrolments/\(enrolment.id!)/notes",
                    json: #"{"text":"Gesprek op dinsdag","level":"team"}"#))
            let corrected = try await coach.send(
                .POST, "/api/v1/enrolments/\(enrolment.id!)/notes",
                json: #"{"text":"Gesprek op woensdag","level":"team","corrects":"\#(original.id)"}"#)
            #expect(corrected.status == .created)
            let page = try await p.web(.coach).get(
                "/participants/\(enrolment.id!)"
            ).body.string
            let shows =
                page.contains("Gesprek op woensdag") && page.contains("Gecorrigeerd (1 eerdere versie(s))")
                && page.contains(": Gesprek op dinsdag")
            #expect(shows)
            // Someone else cannot correct the coach's note, nor can a corrected note be corrected again.
            let supervisor = try await p.api(.workSupervisor)
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
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            // The last contact was on 1 October: 52 days before the test's day.
            let enrolment = try await p.participant()
            let note = #"{"text":"Gebeld","level":"team","contactOn":"2026-10-01"}"#
            #expect(
                try await p.api(.coach).send(.POST, "/api/v1/enrolments/\(enrolment.id!)/notes", json: note).status
                    == .created)
            let home = try await p.web(.coach).get("/").body.string
            let flagged = home.contains("52 dagen geen contactmoment vastgelegd (drempel 21 dagen).")
            #expect(flagged)
        }
    }

    @Test func reportingCannotReadOrWriteNotes() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let enrolment = try await p.participant()
            let reporting = try await p.api(.reporting)
            #expect(try await reporting.send(.GET, "/api/v1/enrolments/\(enrolment.id!)/notes").status == .forbidden)
            #expect(
                try await reporting.send(
                    .POST, "/api/v1/enrolments/\(enrolment.id!)/notes", json: #"{"text":"x","level":"team"}"#
                ).status == .forbidden)
            let other = try await TestPartnership.make(app, name: "Ander").api(.coordinator)
            #expect(try await other.send(.GET, "/api/v1/enrolments/\(enrolment.id!)/notes").status == .notFound)
        }
    }
}
