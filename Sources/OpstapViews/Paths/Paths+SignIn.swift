/// Signing in, setting up the partnership, and the entry pages a participant uses before
/// signing in (ADR 0015).
extension Paths {
    public static let login = Path0("login")
    public static let logout = Path0("logout")
    public static let loginMFA = Path0("login/mfa")
    /// Starts signing in with the organisation's identity provider (ADR 0011).
    public static let loginOIDC = Path0("login/oidc")
    public static let loginOIDCCallback = Path0("login/oidc/callback")
    /// The first administrator sets up the partnership.
    public static let setup = Path0("setup")
    /// Asks for an invitation code.
    public static let invite = Path0("invite")
    public static let invitation = Path1<String>("invite/:code")
    /// Sets the language of the participant's pages (`?terug=` the page to return to).
    public static let language = Path1<AppLocale>("taal/:code")
    /// A participant activates their account with the code from their letter.
    public static let activation = Path0("activeren")

    static let signInPaths: [any TypedPath] = [
        login, logout, loginMFA, loginOIDC, loginOIDCCallback, setup, invite, invitation, language, activation,
    ]
}
