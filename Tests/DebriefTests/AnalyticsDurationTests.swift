import DebriefModel
import Testing
@testable import DebriefAnalytics

@Suite struct AnalyticsDurationTests {
    typealias F = AnalyticsFixture

    @Test func midnightRolloverCountsAcrossTheDateChange() {
        let p = F.incident("rollover", date: "2024-03-09", milestones: [
            .started: "2024-03-09 23:50", .detected: "2024-03-09 23:58", .acknowledged: "2024-03-10 00:05",
            .mitigated: "2024-03-10 00:40", .resolved: "2024-03-10 01:15",
        ])
        let d = IncidentDurations(p)
        #expect(minutes(d.timeToDetect) == 8)         // 23:50 -> 23:58 = 8 min
        #expect(minutes(d.timeToAcknowledge) == 7)    // 23:58 -> 00:05 = 2 min to midnight + 5 min = 7 min
        #expect(minutes(d.timeToMitigate) == 50)      // 23:50 -> 00:40 = 10 + 40 = 50 min
        #expect(minutes(d.timeToResolve) == 85)       // 23:50 -> 01:15 = 10 + 60 + 15 = 85 min
        #expect(minutes(d.duration) == 85)            // no stated duration: resolved - started
        #expect(d.excludedMilestones.isEmpty)
    }

    @Test func multiDayIncident() {
        let p = F.incident("multi-day", date: "2024-05-01", milestones: [
            .started: "2024-05-01 22:00", .detected: "2024-05-02 09:15", .resolved: "2024-05-03 06:30",
        ])
        let d = IncidentDurations(p)
        #expect(minutes(d.timeToDetect) == 675)   // 22:00 -> 09:15 next day = 2h + 9h15 = 11h15 = 11 * 60 + 15 = 675 min
        #expect(minutes(d.timeToResolve) == 1950) // 22:00 May 1 -> 06:30 May 3 = 2h + 24h + 6h30 = 32h30 = 1950 min
        #expect(d.timeToAcknowledge == nil)              // no acknowledged milestone
        #expect(d.timeToMitigate == nil)                 // no mitigated milestone
    }

    @Test func missingMilestoneIsNotMeasuredNotZero() {
        let p = F.incident("no-detect", date: "2024-06-01", milestones: [
            .started: "2024-06-01 10:00", .acknowledged: "2024-06-01 10:20", .resolved: "2024-06-01 11:00",
        ])
        let d = IncidentDurations(p)
        #expect(d.timeToDetect == nil)        // needs detected
        #expect(d.timeToAcknowledge == nil)   // needs detected too, although acknowledged is there
        #expect(minutes(d.timeToResolve) == 60)   // 10:00 -> 11:00
        let stat = SummaryStatistic([d.timeToDetect, 300])
        #expect(stat.measured == 1 && stat.notMeasured == 1 && stat.mean == 300) // the missing one is not a zero
    }

    @Test func outOfOrderMilestonesAreExcludedFromFiguresThatUseThem() {
        // Resolved written as 10:35, before mitigated 10:40: both are distrusted.
        let p = F.incident("out-of-order", date: "2024-07-01", milestones: [
            .started: "2024-07-01 10:00", .detected: "2024-07-01 10:30", .acknowledged: "2024-07-01 10:32",
            .mitigated: "2024-07-01 10:40", .resolved: "2024-07-01 10:35",
        ])
        let d = IncidentDurations(p)
        #expect(d.excludedMilestones == [.mitigated, .resolved])
        #expect(minutes(d.timeToDetect) == 30)       // 10:00 -> 10:30, both in order
        #expect(minutes(d.timeToAcknowledge) == 2)   // 10:30 -> 10:32
        #expect(d.timeToMitigate == nil)
        #expect(d.timeToResolve == nil)
        #expect(d.duration == nil)
    }

    @Test func resolvedBeforeDetectedDropsEveryFigureUsingEither() {
        let p = F.incident("resolved-early", date: "2024-07-02", milestones: [
            .started: "2024-07-02 09:00", .detected: "2024-07-02 09:30", .mitigated: "2024-07-02 09:45", .resolved: "2024-07-02 09:20",
        ])
        let d = IncidentDurations(p)
        // resolved 09:20 is before detected 09:30 and mitigated 09:45 -> all three distrusted; started is fine.
        #expect(d.excludedMilestones == [.detected, .mitigated, .resolved])
        #expect(d.timeToDetect == nil && d.timeToMitigate == nil && d.timeToResolve == nil)
    }

    @Test func statedDurationWinsForDuration() {
        var p = F.incident("stated", date: "2024-08-01", milestones: [.started: "2024-08-01 14:00", .resolved: "2024-08-01 15:00"])
        p.statedDurations = [StatedDuration(kind: .duration, seconds: 43 * 60, text: "43 minutes", line: 1)]
        let d = IncidentDurations(p)
        #expect(minutes(d.duration) == 43)
        #expect(minutes(d.timeToResolve) == 60)
    }
}
