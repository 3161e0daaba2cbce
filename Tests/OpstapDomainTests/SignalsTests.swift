import Testing
@testable import OpstapDomain

/// Each signal fires at its threshold and not just below it.
@Suite struct SignalsTests {
    let today = SimpleDate("2026-11-22")!
    let phase = Phase(code: "p1", name: "Periode 1", kind: .orientation, plannedWeeks: 20, schedule: [])

    /// The last day of the look-back window: the Sunday before the current week (11-15).
    var windowEnd: SimpleDate { today.startOfWeek.adding(days: -1) }

    /// A line `daysAgo` days back from the window's last day counted as day 1: 1...28 lie in
    /// the four-week window, 29 and more before it.
    func line(
        _ daysAgo: Int, _ attendance: Attendance, hours: Double = 7, status: EntryStatus = .approved
    ) -> LedgerLine {
        LedgerLine(
            id: "\(daysAgo)-\(attendance)", date: windowEnd.adding(days: 1 - daysAgo), activity: .practice,
            hours: hours,
            attendance: attendance,
            placeKey: "p", status: status)
    }

    func input(
        lines: [LedgerLine] = [], expected: Double = 0, actual: Double = 0, phaseStart: SimpleDate? = nil,
        deadline: SimpleDate? = nil
    ) -> SignalInput {
        // `expected` and `actual` are the look-back window's hours; `actual` as one present line
        // early in the window (the most recent days stay as the test gives them).
        SignalInput(
            today: today, settings: GuidanceSettings(),
            recentLines: lines + (actual > 0 ? [line(20, .present, hours: actual, status: .submitted)] : []),
            currentPhase: phaseStart == nil ? nil : phase, phaseStartedOn: phaseStart, integrationDeadline: deadline,
            lastContact: today, expectedInWindow: expected)
    }

    func kinds(_ input: SignalInput) -> [SignalKind] { Signals.compute(input).map(\.kind) }

    @Test func attendanceBelowTheThresholdFiresWithItsFigures() {
        // 8 of 10 recorded days present is exactly 80 %: no signal; 7 of 10 is.
        let atThreshold = (1...8).map { line($0, .present) } + (9...10).map { line($0, .excusedAbsence) }
        #expect(!kinds(input(lines: atThreshold)).contains(.lowAttendance))
        let below = (1...7).map { line($0, .present) } + (8...10).map { line($0, .excusedAbsence) }
        let signal = Signals.compute(input(lines: below)).first { $0.kind == .lowAttendance }
        #expect(signal?.figures == ["70", "4", "80"])
    }

    @Test func attendanceLooksOnlyAtTheLastWeeksAndIgnoresRejectedLines() {
        let old = (29...40).map { line($0, .unexcusedAbsence) }
        let rejected = (1...5).map { line($0, .excusedAbsence, status: .rejected) }
        #expect(!kinds(input(lines: old + rejected + [line(1, .present)])).contains(.lowAttendance))
    }

    @Test func theCurrentWeekIsLeftOutBecauseItIsNeverComplete() {
        let wednesday = SimpleDate("2026-11-25")!
        #expect(HoursWindow.range(today: wednesday, weeks: 4) == SimpleDate("2026-10-26")!...SimpleDate("2026-11-22")!)
        #expect(HoursWindow.range(today: today, weeks: 4) == SimpleDate("2026-10-19")!...SimpleDate("2026-11-15")!)
        // Absent without a reason on this week's Monday: attendance over the whole weeks is
        // unchanged (the run of unexcused days still looks at this week, see below).
        let thisMonday = LedgerLine(
            id: "monday", date: today.startOfWeek, activity: .practice, hours: 7, attendance: .unexcusedAbsence,
            placeKey: "p", status: .submitted)
        #expect(!kinds(input(lines: (1...5).map { line($0, .present) } + [thisMonday])).contains(.lowAttendance))
    }

    @Test func hoursBehindFiresPastTheShare() {
        #expect(!kinds(input(expected: 100, actual: 80)).contains(.hoursBehind))
        let signal = Signals.compute(input(expected: 100, actual: 79)).first { $0.kind == .hoursBehind }
        #expect(signal?.figures == ["79", "100", "21", "20", "4"])
        // Drafts are not registered yet.
        let draft = Signals.compute(input(lines: [line(2, .present, hours: 90, status: .draft)], expected: 100))
        #expect(draft.first { $0.kind == .hoursBehind }?.figures.first == "0")
        #expect(signal?.severity == .warning)
        let fractional = Signals.compute(input(expected: 3748.1666666666665, actual: 0.25)).first {
            $0.kind == .hoursBehind
        }
        #expect(fractional?.figures.prefix(2) == ["0", "3748"], "whole hours in the words")
        #expect(Signals.compute(input(expected: 100, actual: 50)).first?.severity == .urgent)
    }

    func hoursInput(
        lines: [LedgerLine] = [], expectedInWindow: Double, lastHoursOn: SimpleDate? = nil,
        since: SimpleDate? = nil
    ) -> SignalInput {
        SignalInput(
            today: today, settings: GuidanceSettings(), recentLines: lines,
            currentPhase: nil, phaseStartedOn: nil, integrationDeadline: nil, lastContact: today, guidedSince: since,
            expectedInWindow: expectedInWindow, lastHoursOn: lastHoursOn)
    }

    @Test func noHoursInTheWindowNamesTheLastRegistrationNotATotalSinceTheStart() {
        // Hours expected in the last four weeks, none registered: since the last registration...
        let last = SimpleDate("2026-10-01")!
        let signals = Signals.compute(hoursInput(expectedInWindow: 120, lastHoursOn: last))
        #expect(signals.map(\.kind) == [.noHoursSince])
        #expect(signals.first?.figures == ["2026-10-01", "4", "120"])
        #expect(signals.first?.since == last)
        // ...or since the start when nothing was ever registered.
        let start = SimpleDate("2024-09-02")!
        #expect(
            Signals.compute(hoursInput(expectedInWindow: 120, since: start)).first { $0.kind == .noHoursSince }?
                .figures.first == "2024-09-02")
        // One registered line in the window (even an absence) is not "no hours": then the
        // shortfall to date speaks, as its own signal.
        let registered = kinds(hoursInput(lines: [line(3, .excusedAbsence)], expectedInWindow: 120))
        #expect(registered.contains(.hoursBehind) && !registered.contains(.noHoursSince))
        // A rejected line does not count as registered.
        #expect(
            kinds(hoursInput(lines: [line(3, .present, status: .rejected)], expectedInWindow: 120)) == [.noHoursSince])
        // Nothing expected in the window (a pause): no "no hours" signal.
        #expect(!kinds(hoursInput(expectedInWindow: 0)).contains(.noHoursSince))
        #expect(kinds(input(expected: 0, actual: 0)).isEmpty, "nothing expected yet, nothing to say")
        #expect(kinds(input(expected: 100, actual: 1)) == [.hoursBehind])
    }

    @Test func unexcusedAbsencesInARowCountBackFromTheLatestDay() {
        #expect(
            !kinds(input(lines: [line(1, .unexcusedAbsence), line(2, .unexcusedAbsence), line(3, .present)])).contains(
                .unexcusedInARow))
        let run = [
            line(1, .unexcusedAbsence), line(3, .unexcusedAbsence), line(4, .unexcusedAbsence), line(5, .present),
        ]
        let signal = Signals.compute(input(lines: run)).first { $0.kind == .unexcusedInARow }
        #expect(signal?.figures == ["3", windowEnd.adding(days: -3).iso])
    }

    @Test func aPhaseEndingSoonOrOverrunIsFlagged() {
        // Planned end = start + 20 weeks.
        #expect(
            !kinds(input(phaseStart: today.adding(weeks: -14).adding(days: 1))).contains(.phaseEndNear),
            "6 weeks and a day ahead")
        #expect(kinds(input(phaseStart: today.adding(weeks: -14))) == [.phaseEndNear], "6 weeks ahead")
        #expect(kinds(input(phaseStart: today.adding(weeks: -21))) == [.phaseOverrun])
    }

    @Test func theIntegrationDeadlineWithinTheWindowIsFlagged() {
        #expect(kinds(input(deadline: today.adding(weeks: 6))) == [.integrationDeadlineNear])
        #expect(kinds(input(deadline: today.adding(weeks: 6).adding(days: 1))).isEmpty)
        #expect(kinds(input(deadline: today.adding(days: -1))).isEmpty)
    }

    @Test func mostSevereComesFirst() {
        let lines = (1...3).map { line($0, .unexcusedAbsence) }
        let signals = Signals.compute(input(lines: lines, expected: 100, actual: 85, deadline: today.adding(weeks: 2)))
        #expect(signals.first?.severity == .urgent)
        #expect(signals.last?.kind == .integrationDeadlineNear || signals.last?.severity == .warning)
        #expect(signals.map(\.severity) == signals.map(\.severity).sorted(by: >))
    }

    @Test func oldDefinitionsDecodeWithDefaultSettings() throws {
        let json =
            #"{"name":"x","description":"","partners":[],"streams":[],"phases":[],"selectionCriteria":[],"outcomes":[]}"#
        let decoded = try JSONDecoder().decode(ProgrammeDefinition.self, from: Data(json.utf8))
        #expect(decoded.guidance == GuidanceSettings())
    }
}

import Foundation

@Suite struct NoContactAndNotesTests {
    let today = SimpleDate("2026-11-22")!

    func kinds(lastContact: SimpleDate?, since: SimpleDate?) -> [SignalKind] {
        Signals.compute(
            SignalInput(
                today: today, settings: GuidanceSettings(), recentLines: [],
                currentPhase: nil, phaseStartedOn: nil, integrationDeadline: nil, lastContact: lastContact,
                guidedSince: since)
        ).map(\.kind)
    }

    @Test func noContactFiresAfterTheConfiguredDays() {
        #expect(kinds(lastContact: today.adding(days: -21), since: nil).isEmpty)
        #expect(kinds(lastContact: today.adding(days: -22), since: nil) == [.noContact])
        #expect(
            kinds(lastContact: nil, since: today.adding(days: -30)) == [.noContactYet],
            "never contacted: since the start, not a count of days")
        #expect(kinds(lastContact: nil, since: today.adding(days: -21)).isEmpty)
        #expect(kinds(lastContact: nil, since: nil).isEmpty)
    }

    @Test func notesFollowTheirLevel() {
        let colleague = NoteReader(organisationID: "org-a", userID: "u2", inGuidanceTeam: false)
        let partner = NoteReader(organisationID: "org-b", userID: "u3", inGuidanceTeam: false)
        let teamMember = NoteReader(organisationID: "org-c", userID: "u4", inGuidanceTeam: true)
        func may(_ level: NoteLevel, _ reader: NoteReader) -> Bool {
            NotePolicy.mayRead(level: level, authorID: "u1", authorOrganisationID: "org-a", reader: reader)
        }
        #expect(may(.organisation, colleague) && !may(.organisation, partner) && !may(.organisation, teamMember))
        #expect(!may(.team, colleague) && !may(.team, partner) && may(.team, teamMember))
        #expect(may(.partners, colleague) && may(.partners, partner) && may(.partners, teamMember))
        #expect(
            may(.organisation, NoteReader(organisationID: "elsewhere", userID: "u1", inGuidanceTeam: false)),
            "the author always reads their own note")
    }

    @Test func storedSettingsWithoutNewThresholdsDecode() throws {
        let decoded = try JSONDecoder().decode(GuidanceSettings.self, from: Data(#"{"attendanceThreshold":0.5}"#.utf8))
        #expect(decoded.attendanceThreshold == 0.5 && decoded.noContactDays == 21)
    }
}
