import Foundation

/// Every HTML route of Opstap, declared once. The route table registers these
/// (`pages.get(Paths.dossier, use: …)`) and pages and web controllers build their links,
/// redirects and form actions with them (`Paths.dossier(id)`), so renaming a route renames
/// its links. Query strings and `#fragments` are appended where the link is built. One file per
/// area (`Paths+Participants.swift`, …); the JSON API under `/api/v1` is described by
/// `openapi.yaml` instead.
public enum Paths {
    /// Every path, so a test can hold them against the route table. A new path also goes into
    /// its area's list (`TypedPathsTests` counts the declarations).
    public static let all: [any TypedPath] =
        assetPaths + signInPaths + ownFilePaths + workPaths + candidatePaths + participantPaths + programmePaths
        + administrationPaths
}

extension Paths {
    /// Letters, digits, `-._~` and `/`: what a query value may hold as it is.
    private static let queryValueCharacters = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/")

    /// `value` as the value of one query parameter: a path with a query of its own
    /// (`/mijn/uren?week=2026-11-30`) kept whole inside another link's query, `?`, `&` and `=`
    /// included.
    public static func queryValue(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: queryValueCharacters) ?? value
    }
}
