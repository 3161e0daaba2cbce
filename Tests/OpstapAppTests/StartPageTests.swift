import Fluent
import Foundation
import OpstapDomain
import OpstapViews
import Testing
import Vapor

@testable import OpstapApp

/// The start page per role (issue 14, item 1): the work waiting for each user today, counted
/// from the records, each item one click from where it is done, and no link that answers 403.
@Suite(.serialized) struct StartPageTests {
    /// The `<section class="work">` of a start page: each group's heading count and item links.
    struct Work {
        var totals: [String: Int] = [:]
        var links: [String: [String]] = [:]

        init(_ html: String) throws {
            let start = try #require(html.range(of: "<section class=\"work\""))
            let end = html.range(of: "</main>", range: start.upperBound..<html.endIndex)?.lowerBound ?? html.endIndex
            let section = String(html[start.lowerBound..<end])
            for group in section.components(separatedBy: "<section class=\"work-group\" id=\"work-").dropFirst() {
                let kind = String(group.prefix { $0 != "\"" })
                if let count = group.range(of: "<span class=\"count\">") {
                    let digits = group[count.upperBound...].prefix { $0.isNumber || $0 == "." }
                    totals[kind] = Int(digits.replacingOccurrences(of: ".", with: ""))
                }
                links[kind] = group.components(separatedBy: "<li><a href=\"").dropFirst().map {
                    String($0.prefix { $0 != "\"" }).replacingOccurrences(of: "&amp;", with: "&")
                }
            }
        }
    }

    /// One case per account, side by side: walked one after another this was one of the
    /// suite's longest tests.
    @Test(arguments: DemoAccounts.all.map(\.email))
    func everyDemoRoleSeesItsWorkAndEveryLinkOpens(email: String) async throws {
        try await withOpstap { app in
            let web = try await WebClient.login(app, email)
            let home = try await web.get("/")
            #expect(home.status == .ok, "\(email)")
            let html = home.body.string
            _ = try Work(html)
            // Every link in the page's main part opens for this user: no 403 on a start page.
            let main = html.components(separatedBy: "<main").last ?? ""
            let hrefs = Set(
                main.components(separatedBy: "href=\"").dropFirst().map {
                    String($0.prefix { $0 != "\"" && $0 != "#" }).replacingOccurrences(of: "&amp;", with: "&")
                }.filter { $0.hasPrefix("/") && !$0.contains("format=csv") })
            for href in hrefs {
                let status = try await web.get(href).status
                #expect(status == .ok, "\(email): \(href) answers \(status.code)")
            }
        }
    }

    @Test func theWorkSupervisorSeesHoursPerInternAndWeekAndReviewsToSign() async throws {
        try await withOpstap { app in
            let web = try await WebClient.login(app, "werkbegeleider.kansrijk@opstap.demo")
            let work = try Work(try await web.get("/").body.string)
            let supervisor = try #require(
                try await User.query(on: app.db).filter(\.$email == "werkbegeleider.kansrijk@opstap.demo").first())
            let interns = try await GuidanceAssignment.query(on: app.db).filter(\.$user.$id == supervisor.requireID())
                .filter(\.$role == Role.workSupervisor).filter(\.$endsOn == nil).all(\.$enrolment.$id)
            let submitted = try await HourEntry.query(on: app.db).filter(\.$enrolment.$id ~~ interns)
                .filter(\.$status == EntryStatus.submitted).all()
            let weeks = Set(submitted.map { "\($0.$enrolment.id)|\(SimpleDate($0.date)!.startOfWeek.iso)" })
            #expect(!weeks.isEmpty && work.totals["hoursToApprove"] == weeks.count)
            // Each item opens the week of that intern on the approvals page.
            let first = try #require(work.links["hoursToApprove"]?.first)
            #expect(first.hasPrefix("/hours/approvals?week=") && first.contains("#intern-"))
            let unsigned = try await Review.query(on: app.db).filter(\.$enrolment.$id ~~ interns)
                .filter(\.$status == ReviewStatus.held).all().filter { !$0.signedBy.contains(.workSupervisor) }
            #expect(work.totals["reviewsToSign"] == unsigned.count && unsigned.count == 2)
            // Once signed, the review leaves the start page.
            let review = unsigned[0]
            let signed = try await web.post(
                "/participants/\(review.$enrolment.id)/reviews/\(try review.requireID())/sign",
                [("party", "workSupervisor")])
            #expect(signed.status == .seeOther)
            #expect(try Work(try await web.get("/").body.string).totals["reviewsToSign"] == 1)
        }
    }

    @Test func selectionHousingWorkAndReportingItemsMatchTheRecords() async throws {
        try await withOpstap { app in
            let leiden = try await DemoLookups(db: app.db).programme("Op je plek in de zorg")
            let coordinator = try Work(
                try await WebClient.login(app, "coordinator.leiden@opstap.demo").get("/").body.string)
            let candidacies = try await Candidacy.query(on: app.db).filter(\.$programme.$id == leiden.requireID()).all()
            #expect(coordinator.totals["referralsWithoutIntake"] == candidacies.filter { $0.stage == .referred }.count)
            #expect(coordinator.totals["candidatesToDecide"] == candidacies.filter { $0.stage == .selection }.count)
            #expect(
                coordinator.totals["intakesOverdue"]
                    == candidacies.filter { $0.stage == .intakePlanned && $0.intakeDate! < testToday.iso }.count)
            // An employer's HR sees its own open offers below the programme's guarantee.
            let hr = try Work(try await WebClient.login(app, "hr.leiden@opstap.demo").get("/").body.string)
            let organisation = try #require(
                try await User.query(on: app.db).filter(\.$email == "hr.leiden@opstap.demo").first()?.$organisation.id)
            let offers = try await JobOffer.query(on: app.db).filter(\.$employer.$id == organisation)
                .filter(\.$status == JobOfferStatus.offered).all()
            let below = offers.filter { offer in offer.guaranteedHours.map { offer.hoursPerWeek < $0 } ?? false }
            #expect(!below.isEmpty && hr.totals["offersBelowGuarantee"] == below.count)
            #expect(hr.links["offersBelowGuarantee"]?.allSatisfy { $0.hasSuffix("/pathway") } == true)
            // Housing: the studio route's waiting list of the programme.
            let housing = try Work(try await WebClient.login(app, "wonen.leiden@opstap.demo").get("/").body.string)
            let waiting = try await HousingOccupancy.waitingEnrolments(programmeID: leiden.requireID(), on: app.db)
            #expect(!waiting.isEmpty && housing.totals["waitingForHome"] == waiting.count)
            // Reporting: closed ESF+ years, and cohort figures on the dashboard instead of a 403.
            let reportingPage = try await WebClient.login(app, "rapportage.leiden@opstap.demo").get("/").body.string
            let reporting = try Work(reportingPage)
            #expect((reporting.totals["reportsDue"] ?? 0) + (reporting.totals["reportsFrozen"] ?? 0) > 0)
            #expect(!reportingPage.contains("href=\"/cohorts/"))
            // A buddy has no work of these kinds: the page says so instead of an empty section.
            let buddy = try await WebClient.login(app, "buddy.kansrijk@opstap.demo").get("/").body.string
            #expect(buddy.contains("Er staat vandaag niets voor u klaar."))
        }
    }

    /// The coordinator's participants without a placement today, counted in SQL, match the
    /// records: running participants of the scope minus those with a placement covering today,
    /// and the cohorts shown are theirs, earliest start first.
    @Test func participantsWithoutAPlacementAreCountedFromTheRecords() async throws {
        try await withOpstap { app in
            let email = "coordinator.leiden@opstap.demo"
            let scope = try await DemoLookups(db: app.db).scope(email)
            let running = try await scope.listedEnrolments()
                .filter(\.$state ~~ [EnrolmentState.enrolled, .inPhase, .betweenPhases]).all()
            let today = testToday.iso
            let placed = Set(
                try await Placement.query(on: app.db).filter(\.$enrolment.$id ~~ running.compactMap(\.id)).all()
                    .filter { $0.startsOn <= today && ($0.endsOn.map { $0 >= today } ?? true) }
                    .map(\.$enrolment.id))
            let unplaced = running.filter { !placed.contains($0.id!) }
            #expect(!unplaced.isEmpty && !placed.isEmpty, "the demo has both")
            let work = try Work(try await WebClient.login(app, email).get("/").body.string)
            #expect(work.totals["placementsToAllocate"] == unplaced.count)
            let cohorts = try await Cohort.query(on: app.db).filter(\.$id ~~ Array(Set(unplaced.map(\.$cohort.id))))
                .sort(\.$startDate).sort(\.$id).limit(WorkToday.shown).all()
            #expect(work.links["placementsToAllocate"] == cohorts.map { Paths.cohortAllocation($0.id!) })
        }
    }
}
