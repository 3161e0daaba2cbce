import Fluent
import Foundation
import OpstapDomain
import Vapor

/// Loads both reference programmes, their real partner organisations, a login for every
/// role and a synthetic population into an empty database. Every demo account uses
/// `DemoData.password`; the README lists them.
enum DemoData {
    static let password = "opstap-demo"

    @discardableResult
    static func loadIfEmpty(app: Application) async throws -> Bool {
        guard try await Organisation.query(on: app.db).count() == 0 else { return false }
        // One bcrypt hash for all demo accounts: hashing dozens at production cost would
        // slow the first start for no gain.
        let hash = try app.password.hash(password)
        let shift = DemoCalendar.shift(loadedOn: app.clock.today)
        try await app.db.transaction { tx in
            // Set inside the transaction: its closure runs in a task of its own, started from the
            // database's event loop, which does not inherit the caller's task-local values.
            try await DemoCalendar.$shiftDays.withValue(shift) {
                var loader = DemoLoader(db: tx, passwordHash: hash)
                try await loader.load()
            }
        }
        app.logger.notice("Demo data loaded: both reference programmes, demo accounts (password \(password)).")
        return true
    }
}

/// Organisation ids of the demo, by name.
struct DemoOrganisations {
    var gemeenteLeiden = UUID(), alrijne = UUID(), mboRijnland = UUID(), vluchtelingenwerk = UUID(), coa = UUID(),
        avant = UUID()
    var amarant = UUID(), cello = UUID(), calibris = UUID(), gemeenteTilburg = UUID(), wsp = UUID(),
        refugeeTeam = UUID()
    var rocTilburg = UUID(), sterkHuis = UUID()
}

/// A demo login: e-mail, name, organisation and roles.
struct DemoAccount {
    let email: String
    let name: String
    let organisation: KeyPath<DemoOrganisations, UUID>
    let roles: Set<Role>
}

enum DemoAccounts {
    /// A login for every role of both programmes.
    static let all: [DemoAccount] = [
        DemoAccount(
            email: "admin.leiden@opstap.demo", name: "Beheer Leiden", organisation: \.gemeenteLeiden,
            roles: [.administrator]),
        DemoAccount(
            email: "coordinator.leiden@opstap.demo", name: "Regisseur Leiden", organisation: \.gemeenteLeiden,
            roles: [.coordinator]),
        DemoAccount(
            email: "intake.leiden@opstap.demo", name: "Intake Leiden", organisation: \.gemeenteLeiden,
            roles: [.intakeOfficer]),
        DemoAccount(
            email: "coach.leiden@opstap.demo", name: "Coach VluchtelingenWerk", organisation: \.vluchtelingenwerk,
            roles: [.coach]),
        DemoAccount(
            email: "werkbegeleider.leiden@opstap.demo", name: "Werkbegeleider Alrijne", organisation: \.alrijne,
            roles: [.workSupervisor]),
        DemoAccount(email: "buddy.leiden@opstap.demo", name: "Buddy Alrijne", organisation: \.alrijne, roles: [.buddy]),
        DemoAccount(
            email: "begeleider.leiden@opstap.demo", name: "Maatschappelijk begeleider VluchtelingenWerk",
            organisation: \.vluchtelingenwerk, roles: [.socialGuide]),
        DemoAccount(
            email: "docent.leiden@opstap.demo", name: "Docent mboRijnland", organisation: \.mboRijnland,
            roles: [.teacher]),
        DemoAccount(
            email: "wonen.leiden@opstap.demo", name: "Woonconsulent Leiden", organisation: \.gemeenteLeiden,
            roles: [.housingOfficer]),
        DemoAccount(email: "hr.leiden@opstap.demo", name: "HR Alrijne", organisation: \.alrijne, roles: [.employerHR]),
        DemoAccount(
            email: "rapportage.leiden@opstap.demo", name: "Rapportage Leiden", organisation: \.gemeenteLeiden,
            roles: [.reporting]),
        DemoAccount(
            email: "admin.kansrijk@opstap.demo", name: "Beheer Amarant", organisation: \.amarant,
            roles: [.administrator]),
        DemoAccount(
            email: "coordinator.kansrijk@opstap.demo", name: "Regisseur Kansrijk", organisation: \.amarant,
            roles: [.coordinator]),
        DemoAccount(
            email: "intake.kansrijk@opstap.demo", name: "Intake Tilburg", organisation: \.gemeenteTilburg,
            roles: [.intakeOfficer]),
        DemoAccount(
            email: "coach.kansrijk@opstap.demo", name: "Coach Amarant", organisation: \.amarant, roles: [.coach]),
        DemoAccount(
            email: "werkbegeleider.kansrijk@opstap.demo", name: "Werkbegeleider Amarant", organisation: \.amarant,
            roles: [.workSupervisor]),
        DemoAccount(
            email: "buddy.kansrijk@opstap.demo", name: "Buddy Amarant", organisation: \.amarant, roles: [.buddy]),
        DemoAccount(
            email: "begeleider.kansrijk@opstap.demo", name: "Begeleider Refugee Team", organisation: \.refugeeTeam,
            roles: [.socialGuide]),
        DemoAccount(
            email: "docent.kansrijk@opstap.demo", name: "Docent ROC Tilburg", organisation: \.rocTilburg,
            roles: [.teacher]),
        DemoAccount(
            email: "wonen.kansrijk@opstap.demo", name: "Woonconsulent Tilburg", organisation: \.gemeenteTilburg,
            roles: [.housingOfficer]),
        DemoAccount(
            email: "hr.kansrijk@opstap.demo", name: "HR Amarant", organisation: \.amarant, roles: [.employerHR]),
        DemoAccount(
            email: "rapportage.kansrijk@opstap.demo", name: "Rapportage Tilburg", organisation: \.gemeenteTilburg,
            roles: [.reporting]),
    ]
}
