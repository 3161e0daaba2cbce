/// Style sheets, scripts and the web app manifest the pages link to.
extension Paths {
    public static let styleSheet = Path0("static/app.css")
    public static let progressScript = Path0("static/progress.js")
    public static let menuScript = Path0("static/menu.js")
    /// The style sheet of the participant's own pages.
    public static let ownStyleSheet = Path0("static/me.css")
    public static let manifest = Path0("manifest.webmanifest")

    static let assetPaths: [any TypedPath] = [styleSheet, progressScript, menuScript, ownStyleSheet, manifest]
}
