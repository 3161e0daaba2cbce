import Foundation
import OpstapDomain
import SnapshotTesting
import Testing
@testable import OpstapViews

/// Importing candidates and running participants from a CSV file, every step of it, against
/// `__Snapshots__/PageSnapshotTests+Imports/`.
@Suite struct ImportPageSnapshotTests {
    typealias F = PageFixtures

    static let coordinator = F.staff([.coordinator], name: "Sanne de Vries")

    @Test func upload() {
        let new = NewImportModel(
            programmeID: F.programmeID, programmeName: "Kansrijk", streams: F.kansrijkStreams, values: [:],
            errors: [])
        assertSnapshot(of: NewImportPage.render(Self.coordinator, new), as: .html, named: "empty")
        let refused = NewImportModel(
            programmeID: F.programmeID, programmeName: "Kansrijk", streams: F.kansrijkStreams,
            values: ["stream": "jongeren"], errors: [FieldError("file", .noRows)])
        assertSnapshot(of: NewImportPage.render(Self.coordinator, refused), as: .html, named: "no-rows")
    }

    @Test func mapping() {
        assertSnapshot(
            of: ImportPage.render(Self.coordinator, F.candidateImport("uploaded")), as: .html, named: "columns")
        var refused = F.candidateImport("uploaded")
        refused.choices[1].selected = nil
        refused.errors = [FieldError("familyName", .unknownColumn)]
        assertSnapshot(of: ImportPage.render(Self.coordinator, refused), as: .html, named: "column-missing")
    }

    @Test func preview() {
        let t = Self.coordinator.t
        var problems = F.candidateImport("mapped", previewed: true)
        problems.problemRows = [
            ImportPreviewRow(
                line: 7, values: ["Hassan", "Ali", "31-02-1990", "06 5678 9012", "03-11-2026"],
                errors: [
                    t.label(CandidateImportField.dateOfBirth) + ": " + t.error(FieldError("dateOfBirth", .invalidDate))
                ],
                duplicate: nil),
            ImportPreviewRow(
                line: 15, values: ["", "Mohammadi", "12-12-1985", "", "03-11-2026"],
                errors: [t.label(CandidateImportField.givenName) + ": " + t.error(FieldError("givenName", .required))],
                duplicate: nil),
        ]
        problems.problemCount = 2
        assertSnapshot(of: ImportPage.render(Self.coordinator, problems), as: .html, named: "rows-with-errors")
        var ready = F.candidateImport("mapped", previewed: true)
        ready.duplicateRows = [
            ImportPreviewRow(
                line: 3, values: ["Samira", "Osman", "17-01-1998"], errors: [],
                duplicate: t.error(
                    FieldError("", .possibleDuplicate, [t.label(DuplicateReason.sameNameAndDateOfBirth)])))
        ]
        assertSnapshot(of: ImportPage.render(Self.coordinator, ready), as: .html, named: "ready-with-a-duplicate")
    }

    @Test func progressAndResult() {
        assertSnapshot(
            of: ImportPage.render(Self.coordinator, F.candidateImport("running")), as: .html, named: "running")
        assertSnapshot(of: ImportPage.render(Self.coordinator, F.candidateImport("done")), as: .html, named: "done")
        var failed = F.candidateImport("failed")
        failed.failure = Self.coordinator.t(.errorServerText)
        assertSnapshot(of: ImportPage.render(Self.coordinator, failed), as: .html, named: "failed")
    }

    @Test func participantImport() {
        let new = NewParticipantImportModel(
            cohortID: F.cohortID, cohortName: "Instroom oktober 2026", programmeName: "Kansrijk",
            streams: F.kansrijkStreams,
            phasesByStream: [
                ("Statushouders", ["Periode 1", "Periode 2"]), ("Jonge vluchtelingen", ["Periode 1", "Periode 2"]),
            ],
            values: [:], errors: [])
        assertSnapshot(of: NewParticipantImportPage.render(Self.coordinator, new), as: .html, named: "upload")
        var mapping = F.candidateImport("uploaded")
        mapping.fileName = "lopende-deelnemers-oktober.csv"
        mapping.header = ["Voornaam", "Achternaam", "Geboortedatum", "Ingeschreven", "Start periode 1"]
        mapping.sample = ["Fatima", "Yusuf", "11-04-1992", "05-10-2026", "05-10-2026"]
        mapping.choices = F.participantImportChoices(Self.coordinator.t)
        mapping.totalRows = 11
        mapping.participants = true
        mapping.doneHref = "/cohorts/\(F.cohortID.uuidString)"
        assertSnapshot(of: ImportPage.render(Self.coordinator, mapping), as: .html, named: "mapping")
        var done = mapping
        done.status = "done"
        done.importedRows = 11
        assertSnapshot(of: ImportPage.render(Self.coordinator, done), as: .html, named: "done")
    }
}
