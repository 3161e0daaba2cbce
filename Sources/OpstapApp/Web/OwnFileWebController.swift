import Fluent
import Foundation
import OpstapDomain
import OpstapViews
import Vapor

/// A participant's own pages under `/mijn` (ADR 0015), behind `ParticipantOnlyMiddleware`.
struct OwnFileWebController {
    func week(_ req: Request) async throws -> Response {
        let file = try await OwnFile.load(try req.scope())
        let model = try await file.week(startingOn: file.weekStart(req.query["week"]))
        return html(OwnFilePages.week(req.pageContext(), model))
    }

    func calendar(_ req: Request) async throws -> Response {
        let file = try await OwnFile.load(try req.scope())
        return try await Schedules.iCalendar(
            for: file.enrolment, person: file.person, definition: file.definition, today: file.today,
            now: req.clock.now(), t: req.translator(), on: req.db)
    }

    func hours(_ req: Request) async throws -> Response {
        let file = try await OwnFile.load(try req.scope())
        if req.parameter(.entryID) != nil {
            let entry = try await file.entry(req.parameter(.entryID))
            let model = try await file.hours(
                startingOn: file.weekStart(entry.date), form: OwnHourForm(editing: try entry.requireID()))
            return html(OwnFilePages.hours(req.pageContext(), model))
        }
        let model = try await file.hours(startingOn: file.weekStart(req.query["week"]))
        return html(OwnFilePages.hours(req.pageContext(), model))
    }

    /// Records a new line (`/mijn/uren`) or changes one (`/mijn/uren/:entryID`) as a draft;
    /// the week is sent in separately.
    func saveHours(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let file = try await OwnFile.load(scope)
        let form = FormData(req)
        let input = HourInput(
            date: form["date"], activity: form["activity"], hours: form["hours"], attendance: form["attendance"],
            place: form["place"], note: form["note"], corrects: nil)
        let operations = LedgerOperations(scope: scope, now: req.clock.now())
        var editing: UUID?
        do {
            if req.parameter(.entryID) != nil {
                let entry = try await file.entry(req.parameter(.entryID))
                editing = try entry.requireID()
                try await operations.edit(entry, input: input, for: file.enrolment, submit: false)
            } else {
                _ = try await operations.record(input, for: file.enrolment, submit: false)
            }
            req.flash(req.translator()(.meSaved))
            let week = SimpleDate(input.date)?.startOfWeek ?? file.today.startOfWeek
            return req.redirect(to: Paths.ownHours() + "?week=\(week.iso)")
        } catch let failure as ValidationFailure {
            let week = file.weekStart(form["week"])
            let model = try await file.hours(
                startingOn: week, form: OwnHourForm(values: form.firstValues, errors: failure.errors, editing: editing))
            return html(OwnFilePages.hours(req.pageContext(), model), status: .badRequest)
        } catch let refusal as LedgerRefusal {
            // The line was sent in or decided meanwhile: show the week as it now stands.
            req.flash(RefusalText.text(refusal, req.translator()))
            return req.redirect(to: Paths.ownHours() + "?week=\(file.weekStart(form["week"]).iso)")
        }
    }

    func submitWeek(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let file = try await OwnFile.load(scope)
        let week = file.weekStart(FormData(req)["week"])
        let count = try await LedgerOperations(scope: scope, now: req.clock.now()).submitWeek(
            startingOn: week, for: file.enrolment)
        req.flash(req.translator()(count > 0 ? .meSubmitted : .meNothingToSubmit))
        return req.redirect(to: Paths.ownHours() + "?week=\(week.iso)")
    }

    func route(_ req: Request) async throws -> Response {
        let file = try await OwnFile.load(try req.scope())
        return html(OwnFilePages.route(req.pageContext(), try await file.route()))
    }

    func reflect(_ req: Request) async throws -> Response {
        let file = try await OwnFile.load(try req.scope())
        do {
            try await file.reflect(on: try req.uuidParameter(.reviewID), text: FormData(req)["reflection"])
            req.flash(req.translator()(.meReflectionSaved))
            return req.redirect(to: Paths.ownRoute())
        } catch let failure as ValidationFailure {
            return html(
                OwnFilePages.route(req.pageContext(), try await file.route(reflectionErrors: failure.errors)),
                status: .badRequest)
        } catch ReviewRefusal.signedIsFinal {
            req.flash(req.translator()(.meReflectionClosed))
            return req.redirect(to: Paths.ownRoute())
        }
    }

    func team(_ req: Request) async throws -> Response {
        let file = try await OwnFile.load(try req.scope())
        return html(OwnFilePages.team(req.pageContext(), try await file.team()))
    }

    func access(_ req: Request) async throws -> Response {
        let file = try await OwnFile.load(try req.scope())
        let page = try await file.accessLog(PageQuery(number: req.query["page"], size: 25))
        return html(OwnFilePages.access(req.pageContext(), page))
    }
}

/// The pages a participant uses before signing in, and what every page offers: the language.
struct ParticipantEntryController {
    static let languageCookie = "opstap_lang"

    /// `/taal/:code?terug=/path`: remembers the language in a cookie (and on a participant's
    /// account), then returns to the page it was chosen on.
    func chooseLanguage(_ req: Request) async throws -> Response {
        guard let locale = req.parameter(.code).flatMap(AppLocale.init(rawValue:)) else {
            throw AccessDenied.notFound
        }
        let back = req.query[String.self, at: "terug"] ?? Paths.home()
        // Only a path on this site: never an open redirect.
        let target = back.hasPrefix("/") && !back.hasPrefix("//") && !back.contains("\\") ? back : Paths.home()
        if let userID = req.webSession.userID, let user = try await User.find(userID, on: req.db),
            user.roles.contains(.participant)
        {
            user.locale = locale
            try await user.save(on: req.db)
        }
        let response = req.redirect(to: target)
        response.cookies[Self.languageCookie] = HTTPCookies.Value(
            string: locale.rawValue, expires: req.clock.now().addingTimeInterval(365 * 86_400), maxAge: nil,
            path: "/", isSecure: req.application.environment == .production, isHTTPOnly: true, sameSite: .lax)
        return response
    }

    func activationPage(_ req: Request) async throws -> Response {
        html(
            ActivationPage.render(
                req.pageContext(), code: req.query["code"] ?? "", errors: [],
                minimumPasswordLength: PasswordRule.minimumLength))
    }

    func activate(_ req: Request) async throws -> Response {
        let form = FormData(req)
        let operations = ParticipantAccountOperations(
            db: req.db, now: req.clock.now(), hash: { [req] in try await req.password.async.hash($0) })
        do {
            let user = try await operations.activate(
                code: form["code"], password: form["password"], repeated: form["repeat"])
            try await SecurityLog.record(.signedIn, user: user, req)
            try await AuthController.startSession(req, for: user)
            req.flash(req.translator()(.meWelcome))
            return req.redirect(to: Paths.ownWeek())
        } catch let failure as ValidationFailure {
            return html(
                ActivationPage.render(
                    req.pageContext(), code: form["code"], errors: failure.errors,
                    minimumPasswordLength: PasswordRule.minimumLength), status: .badRequest)
        }
    }

    /// The web app manifest, so a participant can put Opstap on their home screen.
    func manifest(_ req: Request) -> Response {
        let t = req.translator()
        let body = """
            {"name":"\(t(.meAppName))","short_name":"Opstap","start_url":"\(Paths.ownWeek())","display":"standalone",\
            "background_color":"#f6f7f9","theme_color":"#0b3d6e","lang":"\(t.locale.tag)",\
            "dir":"\(t.locale.isRightToLeft ? "rtl" : "ltr")"}
            """
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "application", subType: "manifest+json")
        headers.add(name: .cacheControl, value: "public, max-age=3600")
        return Response(status: .ok, headers: headers, body: .init(string: body))
    }

    func styleSheet(_ req: Request) -> Response { StyleSheet.response(ParticipantLayout.css) }
}
