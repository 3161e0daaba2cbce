import OpstapDomain

/// The frame of a participant's own pages: phone first (one column, large touch targets,
/// tabs at the foot), no JavaScript, in the participant's language and writing direction.
public enum ParticipantLayout {
    public enum Tab: String, CaseIterable, Sendable {
        case week, hours, route, team, access

        var path: String {
            switch self {
            case .week: Paths.ownWeek()
            case .hours: Paths.ownHours()
            case .route: Paths.ownRoute()
            case .team: Paths.ownTeam()
            case .access: Paths.ownAccess()
            }
        }

        var key: K {
            switch self {
            case .week: .meNavWeek
            case .hours: .meNavHours
            case .route: .meNavRoute
            case .team: .meNavTeam
            case .access: .meNavAccess
            }
        }
    }

    /// `tab` is nil on the pages before signing in (sign-in, activation).
    public static func page(
        _ context: PageContext, title: String, tab: Tab?, returnPath: String,
        @HTMLBuilder content: () -> [HTMLNode]
    ) -> String {
        let t = context.t
        let body = fragment {
            el("a", ["class": "skip", "href": "#main"]) { t(.meSkip) }
            el("header", ["class": "bar"]) {
                el("a", ["class": "brand", "href": tab == nil ? Paths.login() : Paths.ownWeek()]) { "Opstap" }
                languageMenu(context, returnPath: returnPath)
            }
            el("main", ["id": "main"]) {
                if let flash = context.flash {
                    el("p", ["class": "flash", "role": "status"]) { flash }
                }
                el("h1") { title }
                Form.namingSummaryFields(content())
            }
            if let tab {
                el("nav", ["class": "tabs", "aria-label": t(.meNavLabel)]) {
                    for item in Tab.allCases {
                        el("a", ["href": item.path, "aria-current": item == tab ? "page" : nil]) { t(item.key) }
                    }
                }
                el("form", ["method": "post", "action": Paths.logout(), "class": "signout"]) {
                    Form.csrf(context)
                    el("button", ["type": "submit", "class": "link"]) { t(.meSignOut) }
                }
            }
        }
        let locale = t.locale
        return "<!DOCTYPE html>"
            + el("html", ["lang": locale.tag, "dir": locale.isRightToLeft ? "rtl" : "ltr"]) {
                el("head") {
                    el("meta", ["charset": "utf-8"])
                    el("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
                    el("meta", ["name": "theme-color", "content": "#0b3d6e"])
                    el("title") { title + " · Opstap" }
                    el("link", ["rel": "stylesheet", "href": Paths.ownStyleSheet()])
                    el("link", ["rel": "manifest", "href": Paths.manifest()])
                }
                el("body", ["class": "me"]) { body }
            }.render()
    }

    /// Seven languages, each named in itself; a link per language works without JavaScript.
    static func languageMenu(_ context: PageContext, returnPath: String) -> HTMLNode {
        let t = context.t
        return el("details", ["class": "lang"]) {
            el("summary") { t(.meLanguage) + ": " + t.locale.nativeName }
            el("ul", ["aria-label": t(.meLanguageTitle)]) {
                for locale in AppLocale.allCases {
                    el("li") {
                        el(
                            "a",
                            [
                                "href": Paths.language(locale) + "?terug=" + Paths.queryValue(returnPath),
                                "lang": locale.tag,
                                "hreflang": locale.tag, "dir": locale.isRightToLeft ? "rtl" : "ltr",
                                "aria-current": locale == t.locale ? "true" : nil,
                            ]
                        ) { locale.nativeName }
                    }
                }
            }
        }
    }

    /// The stylesheet of the participant's pages: small (a phone on a slow connection), logical
    /// properties so that right-to-left mirrors by itself, 44 px touch targets.
    public static let css = """
        *{box-sizing:border-box}
        body.me{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Ethiopic","Noto Sans Arabic",sans-serif;font-size:1.0625rem;line-height:1.5;color:#1b1b1b;background:#f6f7f9;padding-bottom:5rem;overflow-wrap:anywhere}
        a{color:#0b4f9c}
        a:focus,button:focus,input:focus,select:focus,textarea:focus,summary:focus{outline:3px solid #0b3d6e;outline-offset:2px;box-shadow:0 0 0 5px #ffbf47}
        .skip{position:absolute;inset-inline-start:-9999px}.skip:focus{inset-inline-start:1rem;top:1rem;background:#fff;padding:.5rem;z-index:10}
        .bar{background:#0b3d6e;color:#fff;padding:.25rem 1rem;display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.5rem}
        .bar a{color:#fff}.brand{font-weight:700;font-size:1.25rem;text-decoration:none;min-height:44px;display:inline-flex;align-items:center}
        .lang summary{cursor:pointer;min-height:44px;display:flex;align-items:center;padding:0 .5rem}
        .lang ul{list-style:none;margin:0;padding:.25rem 0;background:#fff;border-radius:4px}
        .lang li a{display:flex;align-items:center;min-height:44px;padding:0 .75rem;color:#0b4f9c}
        .lang a[aria-current]{font-weight:700}
        main{max-width:40rem;margin:0 auto;padding:0 1rem}
        h1{font-size:1.5rem;margin:1rem 0 .5rem}h2{font-size:1.2rem;margin:1.25rem 0 .5rem}
        .card{background:#fff;border:1px solid #d0d4da;border-radius:8px;padding:.75rem 1rem;margin:.75rem 0}
        .card.today{border:2px solid #0b3d6e}
        .card h2,.card h3{margin:0 0 .25rem;font-size:1.1rem}
        .muted{color:#4a4f57}
        ul.plain{list-style:none;margin:0;padding:0}ul.plain li{margin:.25rem 0}
        .tabs{position:fixed;bottom:0;inset-inline:0;display:flex;background:#fff;border-top:1px solid #c4c8ce}
        .tabs a{flex:1;display:flex;align-items:center;justify-content:center;min-height:56px;padding:.25rem;text-align:center;font-size:.9rem;text-decoration:none;color:#1b1b1b}
        .tabs a[aria-current]{color:#0b3d6e;font-weight:700;box-shadow:inset 0 4px 0 #0b3d6e}
        .signout{max-width:40rem;margin:1rem auto;padding:0 1rem}
        button,.button{font:inherit;min-height:44px;min-width:44px;padding:.5rem 1rem;border-radius:6px;border:2px solid #0b3d6e;background:#0b3d6e;color:#fff;cursor:pointer;text-decoration:none;display:inline-flex;align-items:center}
        button.secondary,.button.secondary{background:#fff;color:#0b3d6e}
        button.link{background:none;border:none;color:#0b4f9c;text-decoration:underline;padding:0}
        .field{margin:.75rem 0}label{display:block;font-weight:600;margin-bottom:.25rem}
        input,select,textarea{font:inherit;width:100%;min-height:44px;padding:.5rem;border:2px solid #50555c;border-radius:6px;background:#fff}
        .hint{color:#4a4f57;margin:.1rem 0 .25rem;font-size:.95rem}
        .has-error input,.has-error select,.has-error textarea{border-color:#b3261e}
        .field-error{color:#b3261e;font-weight:600;margin:.25rem 0}
        .error-summary{border:3px solid #b3261e;background:#fff;padding:.5rem 1rem;margin:1rem 0}
        .error-summary h2{margin-top:0;font-size:1.1rem}.error-summary a{color:#b3261e;font-weight:600}
        .flash{background:#e6f4ea;border-inline-start:4px solid #1e7b34;padding:.5rem .75rem}
        .status{display:inline-block;padding:0 .5rem;border-radius:4px;font-size:.9rem;font-weight:600}
        .status.approved{background:#e6f4ea;color:#14532d}.status.rejected{background:#fde8e7;color:#8a1c14}
        .status.submitted{background:#e8f0fb;color:#0b3d6e}.status.draft{background:#eceef1;color:#333}
        .actions{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
        .pager{display:flex;justify-content:space-between;gap:.5rem;margin:.5rem 0}
        .pager a{min-height:44px;display:inline-flex;align-items:center}
        """
}
