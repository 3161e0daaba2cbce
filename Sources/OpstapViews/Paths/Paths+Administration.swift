import Foundation

/// The user's own account, and the administration of the partnership: staff, organisations,
/// locations and security.
extension Paths {
    public static let account = Path0("account")
    public static let accountLocale = Path0("account/locale")
    public static let accountPhone = Path0("account/phone")
    public static let accountPassword = Path0("account/password")
    /// API tokens.
    public static let accountTokens = Path0("account/tokens")
    public static let accountTokenRevoke = Path1<UUID>("account/tokens/:tokenID/revoke")
    /// Setting up two-factor sign-in.
    public static let accountMFA = Path0("account/mfa")

    public static let admin = Path0("admin")
    public static let adminUsers = Path0("admin/users")
    public static let adminUser = Path1<UUID>("admin/users/:userID")
    public static let adminUserActive = Path1<UUID>("admin/users/:userID/active")
    public static let adminUserRoles = Path1<UUID>("admin/users/:userID/roles")
    public static let adminUserMFAReset = Path1<UUID>("admin/users/:userID/mfa/reset")
    public static let adminOrganisations = Path0("admin/organisations")
    public static let adminOrganisation = Path1<UUID>("admin/organisations/:organisationID")
    public static let adminOrganisationInvitations = Path1<UUID>("admin/organisations/:organisationID/invitations")
    public static let adminLocations = Path0("admin/locations")
    public static let adminLocation = Path1<UUID>("admin/locations/:locationID")
    public static let adminSecurity = Path0("admin/security")
    /// The partnership's two-factor policy.
    public static let adminMFA = Path0("admin/mfa")
    /// Single sign-on settings (ADR 0011).
    public static let adminSSO = Path0("admin/sso")
    public static let adminSSORemove = Path0("admin/sso/remove")

    static let administrationPaths: [any TypedPath] = [
        account, accountLocale, accountPhone, accountPassword, accountTokens, accountTokenRevoke, accountMFA, admin,
        adminUsers, adminUser, adminUserActive, adminUserRoles, adminUserMFAReset, adminOrganisations,
        adminOrganisation, adminOrganisationInvitations, adminLocations, adminLocation, adminSecurity, adminMFA,
        adminSSO, adminSSORemove,
    ]
}
