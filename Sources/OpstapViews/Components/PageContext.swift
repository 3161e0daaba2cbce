import OpstapDomain

/// What every page needs to know about the request it answers.
public struct PageContext: Sendable {
    public var t: Translator
    public var user: SignedInUser?
    public var csrfToken: String
    public var flash: String?
    /// The id of the page section the flash belongs to: the page shows it there, and the
    /// redirect's fragment moves focus to that section (nil: at the top of the page).
    public var flashSection: String?
    /// Path and query of the page, for the download link of its tables.
    public var currentURL: String?

    public init(
        locale: AppLocale, user: SignedInUser?, csrfToken: String, flash: String? = nil, flashSection: String? = nil,
        currentURL: String? = nil
    ) {
        self.flashSection = flashSection
        self.t = Translator(locale)
        self.user = user
        self.csrfToken = csrfToken
        self.flash = flash
        self.currentURL = currentURL
    }
}

public struct SignedInUser: Sendable {
    public var name: String
    public var organisationName: String
    public var roles: Set<Role>
    /// Whether the user's organisation may see housing (see `FieldPolicy`).
    public var seesHousing: Bool

    public init(name: String, organisationName: String, roles: Set<Role>, seesHousing: Bool = false) {
        self.name = name
        self.organisationName = organisationName
        self.roles = roles
        self.seesHousing = seesHousing
    }

    func can(_ permission: Permission) -> Bool { permission.isGranted(to: roles) }
}
