import Foundation
import OpstapDomain
@testable import OpstapViews

/// Ali's rights as a data subject: the privacy page, the erasure plan and the readable export.
extension PageFixtures {
    static func ali(restricted: Bool = false, erased: Bool = false) -> PersonSummary {
        var person = dossier().person
        person.processingRestricted = restricted
        person.erased = erased
        return person
    }

    static func erasurePlan() -> ErasureModel {
        let streamEnd = SimpleDate("2027-12-31")!
        return ErasureModel(
            personID: personID, name: "Ali Qasim", done: false,
            holds: [
                ErasureHoldRow(
                    fundingStream: "ESF+ Kansrijk 2026–2027", reference: "2026EU-ESF-1234", streamEndsOn: streamEnd,
                    until: RetentionPolicy.esfHoldEnd(streamEnd: streamEnd))
            ],
            deleted: [
                ("hour_entries", 148), ("notes", 12), ("reviews", 2), ("goals", 3), ("placements", 1),
                ("participant_invitations", 1),
            ], kept: [("funding_eligibilities", 1), ("esf_characteristics", 1), ("enrolments", 1)])
    }

    static func export() -> ExportModel {
        let records: [ExportPart: [ExportRecord]] = [
            .person: [
                ExportRecord(fields: [
                    ("dateOfBirth", "1996-08-25"), ("familyName", "Qasim"), ("gender", "man"), ("givenName", "Ali"),
                    ("id", personID.uuidString), ("languages", "ar; en"),
                ])
            ],
            .enrolments: [
                ExportRecord(fields: [
                    ("cohort", cohortID.uuidString), ("enrolledOn", "2026-10-05"), ("id", enrolmentID.uuidString),
                    ("state", "inPhase"),
                ])
            ],
            .hours: [
                ExportRecord(fields: [
                    ("activity", "practice"), ("date", "2026-11-18"), ("hours", "7"),
                    ("place", "Dagbesteding Tilburg-Noord"),
                    ("status", "approved"),
                ]),
                ExportRecord(fields: [
                    ("activity", "language"), ("date", "2026-11-17"), ("hours", "3"), ("place", "ROC Tilburg"),
                    ("status", "approved"),
                ]),
            ],
            .notes: [
                ExportRecord(fields: [
                    ("contactOn", "2026-11-12"), ("level", "team"), ("text", "Wekelijks gesprek: stage gaat goed."),
                ])
            ],
            .accessLog: [
                ExportRecord(fields: [
                    ("at", "2026-11-22T07:47:00Z"), ("organisation", "Amarant"), ("roles", "coach"),
                    ("view", "dossier"),
                ])
            ],
        ]
        return ExportModel(
            name: "Ali Qasim", exportedAt: todayMorning, exportedBy: "Sanne de Vries", organisation: "Amarant",
            parts: ExportPart.allCases.map { ($0, records[$0] ?? []) },
            omitted: ["fields.bsn", "fields.benefits", "fields.civicIntegration", "housing"])
    }
}
