import Fluent
import Foundation
import OpstapDomain
import Testing
import Vapor
@testable import OpstapApp

/// Searches that must not depend on how large the registry is: a person the user may see is found
/// however many others share the name, and a same-BSN record however many share the birthday.
@Suite struct SearchAtScaleTests {
    @Test func aNameSharedByThousandsOutsideTheScopeStillFindsTheOneInside() async throws {
        try await withOpstap(demo: false) { app in
            let p = try await TestPartnership.make(app)
            let other = try await TestPartnership.make(app, name: "Ander")
            let organisation = p.user(.coordinator).$organisation.id
            // 1,200 Jansens in a programme the coordinator does not partner in, registered first.
            try await Factories.candidates(
                1_200, familyName: "Jansen", born: "1990-02-02", programmeID: other.programme.requireID(),
                referredBy: organisation, referredOn: "2026-10-01", on: app.db)
            try await Factories.candidates(
                1, familyName: "Jansen", born: "1991-03-03", programmeID: p.programme.requireID(),
                referredBy: organisation, referredOn: "2026-10-01", on: app.db)
            let scope = try await DemoLookups(db: app.db).scope(p.email(.coordinator))
            let found = try await CandidateSearch.page(
                try await CandidateSearch(scope: scope).query(search: "jansen", programme: nil, stage: nil),
                request: PageQuery(number: 1, size: 25), listedFor: scope)
            #expect(found.total == 1)
            #expect(found.items.map(\.name) == ["Naam0 Jansen"])
            #expect(found.items.first?.programme == p.programme.name)
        }
    }

    @Test func aSearchWithoutLettersOrDigitsFindsNobody() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            _ = try await p.candidate()
            let scope = try await DemoLookups(db: app.db).scope(p.email(.coordinator))
            for term in ["%", "_", "%%", " - "] {
                let found = try await CandidateSearch.page(
                    try await CandidateSearch(scope: scope).query(search: term, programme: nil, stage: nil),
                    request: PageQuery(number: 1, size: 25), listedFor: scope)
                #expect(found.total == 0, "\(term)")
            }
            let api = try await p.api(.coordinator)
            let listed = try api.decode(
                APIPage<APICandidate>.self,
                try await api.send(.POST, "/api/v1/candidates/search", json: #"{"name":"%"}"#))
            #expect(listed.total == 0)
        }
    }

    @Test func aSameBSNIsFoundHoweverManyShareTheBirthday() async throws {
        try await withOpstap(demo: false) { app in
            let p = try await TestPartnership.make(app)
            let organisation = p.user(.coordinator).$organisation.id
            // Many registered on 1 January, as is common when the real birth date is unknown.
            try await Factories.candidates(
                120, familyName: "Nieuwjaar", born: "1990-01-01", programmeID: p.programme.requireID(),
                referredBy: organisation, referredOn: "2026-10-01", on: app.db)
            let existing = Person(
                givenName: "Amal", familyName: "Eerder", dateOfBirth: "1985-05-05", gender: .woman, bsn: "111222333",
                intake: IntakeProfile(), registeredBy: organisation)
            try await existing.create(on: app.db)
            let newcomer = Person(
                givenName: "Amal", familyName: "Anders", dateOfBirth: "1990-01-01", gender: .woman, bsn: "111222333",
                intake: IntakeProfile(), registeredBy: organisation)
            let scope = try await DemoLookups(db: app.db).scope(p.email(.coordinator))
            let matches = try await CandidateOperations(scope: scope, now: Date()).duplicates(of: newcomer)
            #expect(matches.map(\.personID) == [try existing.requireID()])
            #expect(matches.map(\.reason) == [.sameBSN])
        }
    }
}
