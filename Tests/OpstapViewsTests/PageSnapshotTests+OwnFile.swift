import Foundation
import OpstapDomain
import SnapshotTesting
import Testing
@testable import OpstapViews

/// A participant's own pages (week, hours, route, team, access), in Dutch and, right to left,
/// in Arabic, against `__Snapshots__/PageSnapshotTests+OwnFile/`.
@Suite struct OwnFilePageSnapshotTests {
    typealias F = PageFixtures

    @Test func week() {
        assertSnapshot(of: OwnFilePages.week(F.participantContext(), F.ownWeek()), as: .html, named: "nl")
        assertSnapshot(of: OwnFilePages.week(F.participantContext(.ar), F.ownWeek()), as: .html, named: "ar")
        assertSnapshot(
            of: OwnFilePages.week(F.participantContext(), F.ownChristmasWeek()), as: .html, named: "holidays")
        assertSnapshot(of: OwnFilePages.week(F.participantContext(), F.ownPausedWeek()), as: .html, named: "paused")
    }

    @Test func hours() {
        let saved = F.participantContext(flash: "Je uren zijn opgeslagen.")
        assertSnapshot(of: OwnFilePages.hours(saved, F.ownHours()), as: .html, named: "week")
        var editing = F.ownHours()
        editing.form = OwnHourForm(
            values: ["date": "2026-11-20", "activity": "practice", "hours": "2,4", "attendance": "present"],
            errors: [FieldError("hours", .quarterHours), FieldError("place", .required)], editing: F.draftLineID)
        assertSnapshot(of: OwnFilePages.hours(F.participantContext(), editing), as: .html, named: "changing-a-line")
        let nextWeek = OwnHoursModel(
            today: F.day(F.today), weekStart: F.day("2026-11-23"), lines: [], recordableDays: [], places: [],
            form: OwnHourForm())
        assertSnapshot(of: OwnFilePages.hours(F.participantContext(), nextWeek), as: .html, named: "next-week-empty")
    }

    @Test func route() {
        assertSnapshot(of: OwnFilePages.route(F.participantContext(), F.ownRoute()), as: .html, named: "nl")
        assertSnapshot(of: OwnFilePages.route(F.participantContext(.ar), F.ownRoute()), as: .html, named: "ar")
        var signed = F.ownRoute()
        signed.review = OwnReview(
            id: F.reviewID, plannedOn: F.day("2026-11-13"), status: .signed,
            reflection: "Ik wil meer zelf doen op de groep.", open: false)
        assertSnapshot(of: OwnFilePages.route(F.participantContext(), signed), as: .html, named: "review-signed")
        var tooLong = F.ownRoute()
        tooLong.reflectionErrors = [FieldError("reflection", .tooLong, ["2000"])]
        assertSnapshot(
            of: OwnFilePages.route(F.participantContext(), tooLong), as: .html, named: "reflection-too-long")
        let start = OwnRouteModel(
            phases: [
                OwnPhase(name: "Periode 1", progress: .now, from: F.day("2026-11-16"), until: nil),
                OwnPhase(name: "Periode 2", progress: .later, from: nil, until: nil),
            ], qualifications: [], home: nil, nextHousingStep: .homeOffered, civicDeadline: nil, review: nil,
            goals: [], messages: [])
        assertSnapshot(of: OwnFilePages.route(F.participantContext(), start), as: .html, named: "just-started")
    }

    @Test func team() {
        assertSnapshot(of: OwnFilePages.team(F.participantContext(), F.ownTeam), as: .html, named: "team")
        assertSnapshot(of: OwnFilePages.team(F.participantContext(), []), as: .html, named: "empty")
    }

    @Test func access() {
        assertSnapshot(
            of: OwnFilePages.access(
                F.participantContext(), ResultPage(items: F.ownAccess, number: 1, size: 20, total: 3)),
            as: .html, named: "one-page")
        assertSnapshot(
            of: OwnFilePages.access(
                F.participantContext(), ResultPage(items: F.ownAccess, number: 2, size: 3, total: 8)),
            as: .html, named: "middle-page")
        assertSnapshot(
            of: OwnFilePages.access(F.participantContext(), ResultPage(items: [], number: 1, size: 20, total: 0)),
            as: .html, named: "empty")
    }
}
