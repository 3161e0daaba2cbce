import OpstapViews
import Vapor

/// The one stylesheet: readable on a phone, visible focus, enough contrast (WCAG AA).
enum StyleSheet {
    static func serve(_ req: Request) -> Response { response(css) }

    /// A stylesheet answer that browsers may keep for an hour.
    static func response(_ css: String) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .init(type: "text", subType: "css", parameters: ["charset": "utf-8"])
        headers.add(name: .cacheControl, value: "public, max-age=3600")
        return Response(status: .ok, headers: headers, body: .init(string: css))
    }

    static let css =
        baseCSS + ChartSupport.chartStyles + reportingCSS + signOffCSS + workCSS + navigationCSS + dossierCSS

    /// The dossier: its in-page menu, the summary card, folded forms and the "Volgende stap"
    /// disclosure. A part reached by its fragment shows that it has focus.
    static let dossierCSS = """
        nav.in-page ul{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;list-style:none;margin:0 0 1rem;padding:.5rem 0;
        border-bottom:1px solid #b1b4b6}nav.in-page a{display:inline-block;min-height:44px;line-height:44px}
        section.summary-card{border:2px solid #0b3d6e;border-radius:6px;padding:.75rem 1rem;margin:0 0 1.5rem}
        section.summary-card h2{margin-top:0}ul.team{margin:0;padding-left:1.1rem}
        details.form-fold,details.next-step{margin:.75rem 0}details.form-fold>summary,details.next-step>summary{cursor:pointer;
        min-height:44px;display:inline-flex;align-items:center;color:#0b3d6e;font-weight:600;text-decoration:underline}
        details.next-step>summary{background:#0b3d6e;color:#fff;text-decoration:none;padding:0 1rem;border-radius:4px}
        details.next-step ul li{padding:.3rem 0}
        .dossier-part,section[tabindex="-1"]{scroll-margin-top:1rem}
        .dossier-part:focus,section[tabindex="-1"]:focus{outline:3px solid #0b0c0c;outline-offset:4px}
        """

    /// The grouped main menu, the phone's "Menu" button, tables of actions as cards on a phone,
    /// and long Dutch compounds that break instead of overflowing.
    static let navigationCSS = """
        .nav-groups{display:flex;flex-wrap:wrap;gap:.25rem 1rem;align-items:center}
        details.nav-group{position:relative}details.nav-group>summary{cursor:pointer;min-height:44px;display:flex;
        align-items:center;padding:0 .25rem}details.nav-group>ul{display:block;position:absolute;top:100%;left:0;z-index:20;
        background:#0b3d6e;padding:.5rem 1rem;min-width:13rem;box-shadow:0 4px 8px rgba(0,0,0,.3)}
        details.nav-group>ul li{padding:.35rem 0}
        .menu-toggle{background:#fff;color:#0b3d6e;min-height:44px}nav.collapsed .nav-groups{display:none}
        main{hyphens:auto;overflow-wrap:break-word}
        .visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
        form.header-search{display:flex;gap:.25rem;align-items:center;margin:.25rem 0}
        form.header-search input{min-height:44px;width:14rem;max-width:60vw}form.header-search button{min-height:44px}
        @media (max-width:37.5em){
        header.top nav{width:100%}.nav-groups{flex-direction:column;align-items:flex-start}
        details.nav-group>ul{position:static;box-shadow:none;padding:.25rem 1rem}
        table.stack thead{position:absolute;left:-9999px}table.stack,table.stack tbody,table.stack tr,table.stack td{display:block;width:100%}
        table.stack tr{border:1px solid #b1b4b6;border-radius:6px;margin:0 0 .75rem;padding:.5rem}
        table.stack td{border:0;padding:.2rem 0}table.stack td[data-label]:not([data-label=""])::before{content:attr(data-label);
        display:block;font-weight:600;font-size:.875rem;color:#454a4d}
        .table-wrap:has(table.stack){overflow-x:visible}
        }
        """

    /// The start page's work list: one block per kind, its count as a badge, items as tappable lines.
    static let workCSS = """
        section.work-group{border-left:4px solid #0b3d6e;padding:.25rem 0 .25rem 1rem;margin:0 0 1rem}
        section.work-group h3{margin:.25rem 0}section.work-group .count{display:inline-block;min-width:1.75rem;padding:0 .4rem;
        border-radius:1rem;background:#0b3d6e;color:#fff;text-align:center;font-size:.9rem}
        section.work-group ul{list-style:none;margin:0;padding:0}section.work-group li{padding:.4rem 0;min-height:44px;
        border-bottom:1px solid #e3e6e8}section.work-group p.more{margin:.25rem 0}
        """

    /// The supervisor's cards per intern: one column on a phone, 44 px buttons.
    static let signOffCSS = """
        ul.cards{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(17rem,1fr));gap:.75rem}
        ul.cards>li.card{border:1px solid #b1b4b6;border-radius:6px;padding:.75rem}ul.cards>li.exceptions{border-left:6px solid #8a5300}
        ul.cards h3{margin:0 0 .25rem}ul.exceptions{margin:.25rem 0;padding-left:1.25rem;color:#6b3f00;font-weight:600}
        ul.cards .actions{display:flex;flex-wrap:wrap;gap:.5rem;align-items:flex-start}ul.cards button,ul.cards summary{min-height:44px}
        ul.cards summary{cursor:pointer;display:inline-flex;align-items:center;padding:0 .75rem;border:2px solid #0b3d6e;border-radius:4px}
        ul.cards details[open]{flex-basis:100%}.muted{color:#505a5f}
        """

    static let reportingCSS = """
        table.figures td.num{text-align:right}table.figures .code{font-family:ui-monospace,monospace;font-size:.85em;color:#444}
        .filters{display:flex;flex-wrap:wrap;gap:0 1rem;align-items:flex-end}.notice{background:#fff8e1;border-left:4px solid #b45309;padding:.5rem .75rem}
        ul.links{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem 1.25rem}article.lesson{border-top:1px solid #ccc;margin-top:1rem}
        progress{width:100%;height:1.5rem}
        """

    static let baseCSS = """
        *{box-sizing:border-box}
        body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:1rem;line-height:1.5;color:#1b1b1b;background:#fff}
        a{color:#0b4f9c}a:focus,button:focus,input:focus,select:focus,textarea:focus,summary:focus,[tabindex]:focus{outline:3px solid #0b0c0c;outline-offset:0;box-shadow:0 0 0 6px #ffdd00}
        .skip{position:absolute;left:-9999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:10}
        header.top{background:#0b3d6e;color:#fff;padding:.5rem 1rem;display:flex;flex-wrap:wrap;align-items:center;gap:1rem}
        header.top a,header.top .link{color:#fff}
        .brand{font-weight:700;font-size:1.25rem;text-decoration:none}
        nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.75rem}
        .who{margin:0;font-size:.875rem}
        main{max-width:72rem;margin:0 auto;padding:1rem}
        h1{font-size:1.75rem;margin:.5rem 0 1rem}h2{font-size:1.35rem;margin-top:2rem}h3{font-size:1.1rem}
        .lead{font-size:1.1rem}
        .field{margin:0 0 1rem}.field label,legend{display:block;font-weight:600;margin-bottom:.25rem}
        input[type=text],input[type=email],input[type=password],input[type=date],input[type=number],input[type=search],input[type=tel],select,textarea{width:100%;max-width:30rem;padding:.5rem;border:2px solid #505a5f;border-radius:0;font:inherit}
        .has-error input,.has-error select,.has-error textarea{border-color:#b10e1e}
        .field-error{color:#b10e1e;font-weight:600;margin:.25rem 0}
        .hint{color:#454a4d;margin:.25rem 0}
        .error-summary{border:4px solid #b10e1e;padding:1rem;margin-bottom:1rem}
        .warning{border:4px solid #f5a300;padding:1rem;margin-bottom:1rem}
        .flash{border-left:6px solid #00703c;background:#e6f4ea;padding:.75rem}
        button,.button{display:inline-block;background:#00703c;color:#fff;border:0;padding:.6rem 1rem;font:inherit;font-weight:600;cursor:pointer;text-decoration:none}
        button.secondary{background:#e3e6e8;color:#1b1b1b;border:2px solid #505a5f}
        button.link{background:none;color:inherit;padding:0;text-decoration:underline;font-weight:400}
        form.inline{display:inline}
        fieldset{border:1px solid #b1b4b6;margin:0 0 1rem;padding:.75rem}
        .check{display:inline-flex;align-items:center;gap:.35rem;margin:0 1rem .35rem 0}.check label{font-weight:400}
        .table-wrap{overflow-x:auto}
        table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}caption{text-align:left;font-weight:600;padding:.25rem 0}
        th,td{text-align:left;padding:.4rem .5rem;border-bottom:1px solid #b1b4b6;vertical-align:top}
        dl.facts{display:grid;grid-template-columns:minmax(8rem,14rem) 1fr;gap:.25rem 1rem}dl.facts dt{font-weight:600}dl.facts dd{margin:0}
        .badge{display:inline-block;padding:0 .4rem;border:1px solid #505a5f;font-size:.875rem}
        .badge-withdrawn,.badge-rejected{border-color:#b10e1e;color:#b10e1e}.badge-selected,.badge-completed{border-color:#00703c;color:#00703c}
        .badge-urgent,.badge-rag-red{border-color:#b10e1e;color:#b10e1e;font-weight:600}.badge-warning,.badge-rag-amber{border-color:#8a5300;color:#8a5300}
        .badge-rag-green{border-color:#00703c;color:#00703c}
        .timeline ol{list-style:none;padding:0}.timeline li{border-left:3px solid #0b3d6e;padding:.25rem .75rem;margin-bottom:.5rem}
        .timeline .by{display:block;color:#454a4d;font-size:.875rem}
        .pagination{display:flex;gap:1rem;align-items:center;flex-wrap:wrap}
        form.action{border-top:1px solid #b1b4b6;padding-top:.75rem;margin-top:.75rem}
        .schedule-row{border-top:1px dashed #b1b4b6;padding-top:.5rem}
        article.card{border:1px solid #b1b4b6;border-radius:.25rem;padding:.5rem 1rem;margin:0 0 1rem}
        ul.reasons{margin:0;padding-left:1.1rem}
        @media (max-width:40rem){dl.facts{grid-template-columns:1fr}h1{font-size:1.4rem}}
        """
}
