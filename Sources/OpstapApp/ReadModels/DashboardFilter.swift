import Fluent
import Foundation
import OpstapDomain
import OpstapViews
import Vapor

/// The dashboard's filter, read from the query of the page, its CSV and the API.
struct DashboardFilter {
    var cohort: UUID?
    var stream: UUID?
    var organisation: UUID?
    var from: SimpleDate?
    var to: SimpleDate?

    init(_ req: Request) {
        cohort = (req.query["cohort"] as String?).flatMap(UUID.init(uuidString:))
        stream = (req.query["stream"] as String?).flatMap(UUID.init(uuidString:))
        organisation = (req.query["organisation"] as String?).flatMap(UUID.init(uuidString:))
        from = (req.query["from"] as String?).flatMap(SimpleDate.init)
        to = (req.query["to"] as String?).flatMap(SimpleDate.init)
    }

    var query: String {
        [
            ("cohort", cohort?.uuidString), ("stream", stream?.uuidString), ("organisation", organisation?.uuidString),
            ("from", from?.iso), ("to", to?.iso),
        ]
        .compactMap { key, value in value.map { "\(key)=\($0)" } }.joined(separator: "&")
    }

    var values: [String: String] {
        [
            "cohort": cohort?.uuidString ?? "", "stream": stream?.uuidString ?? "",
            "organisation": organisation?.uuidString ?? "", "from": from?.iso ?? "", "to": to?.iso ?? "",
        ]
    }

    /// The participants the filter selects; the funding stream filter keeps people eligible for it.
    func apply(to rows: [ProgrammeFacts.Row], db: any Database) async throws -> [ProgrammeFacts.Row] {
        var eligible: Set<UUID>?
        if let stream = stream {
            eligible = Set(
                try await FundingEligibility.query(on: db).filter(\.$stream.$id == stream).filter(\.$eligible == true)
                    .all(\.$person.$id))
        }
        return rows.filter { row in
            (cohort.map { $0 == row.cohortID } ?? true)
                && (eligible.map { $0.contains(row.personID) } ?? true)
                && (organisation.map { row.placementOrganisations.contains($0) } ?? true)
                && (from.map { row.startedOn >= $0 } ?? true)
                && (to.map { row.startedOn <= $0 } ?? true)
        }
    }
}
