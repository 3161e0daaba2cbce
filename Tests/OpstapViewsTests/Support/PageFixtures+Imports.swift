import Foundation
import OpstapDomain
@testable import OpstapViews

/// A referral list from Gemeente Tilburg imported into Kansrijk, and a list of running
/// participants imported into the October cohort.
extension PageFixtures {
    static let importID = UUID(uuidString: "00000000-0000-0000-0000-0000000000A8")!

    static let kansrijkStreams: [(value: String, label: String)] = [
        ("statushouders", "Statushouders"), ("jongeren", "Jonge vluchtelingen"),
    ]

    static let referralHeader = ["Voornaam", "Achternaam", "Geboortedatum", "Telefoon", "Aangemeld op"]

    static let previewRows = [
        ImportPreviewRow(
            line: 2, values: ["Ahmad", "Rahimi", "02-05-1994", "06 3456 7890", "03-11-2026"], errors: [],
            duplicate: nil),
        ImportPreviewRow(
            line: 3, values: ["Samira", "Osman", "17-01-1998", "06 4567 8901", "03-11-2026"], errors: [],
            duplicate: nil),
        ImportPreviewRow(
            line: 4, values: ["Yonas", "Tesfay", "30-09-2001", "", "05-11-2026"], errors: [], duplicate: nil),
    ]

    /// A candidate import in a given state ("uploaded", "mapped", "running", "done", "failed").
    static func candidateImport(_ status: String, previewed: Bool = false) -> ImportModel {
        let mapping: [CandidateImportField: Int] = [
            .givenName: 0, .familyName: 1, .dateOfBirth: 2, .phone: 3, .referredOn: 4,
        ]
        return ImportModel(
            id: importID, programmeID: programmeID, programmeName: "Kansrijk",
            fileName: "aanmeldingen-tilburg-november.csv", status: status, header: referralHeader,
            sample: ["Ahmad", "Rahimi", "02-05-1994", "06 3456 7890", "03-11-2026"],
            choices: CandidateImportField.allCases.map { ImportColumnChoice(field: $0, selected: mapping[$0]) },
            totalRows: 24, processedRows: status == "running" ? 10 : 0, importedRows: status == "done" ? 22 : 0,
            skippedRows: status == "done" ? 2 : 0, failure: "", problemRows: [], problemCount: 0, duplicateRows: [],
            firstRows: previewed ? previewRows : [], previewed: previewed, errors: [])
    }

    /// The participant import's fields: the person, the enrolment date and the start of each phase.
    static func participantImportChoices(_ t: Translator) -> [ImportColumnChoice] {
        let fields: [(ParticipantImportField, Int?, String)] = [
            (.person(.givenName), 0, t.label(CandidateImportField.givenName)),
            (.person(.familyName), 1, t.label(CandidateImportField.familyName)),
            (.person(.dateOfBirth), 2, t.label(CandidateImportField.dateOfBirth)),
            (.enrolledOn, 3, t(.participantImportEnrolledOn)),
            (.currentPhase, nil, t(.participantImportCurrentPhase)),
            (.phaseStart("periode-1"), 4, t(.participantImportPhaseStart, "Periode 1")),
            (.phaseStart("periode-2"), nil, t(.participantImportPhaseStart, "Periode 2")),
        ]
        return fields.map {
            ImportColumnChoice(name: $0.0.key, label: $0.2, isRequired: $0.0.isRequired, selected: $0.1)
        }
    }
}
