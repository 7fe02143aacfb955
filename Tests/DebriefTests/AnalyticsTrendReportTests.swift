import DebriefModel
import Testing
@testable import DebriefAnalytics

/// Five incidents whose report is worked out by hand below. As of 2024-03-01, 90-day window.
@Suite struct AnalyticsTrendReportTests {
    typealias F = AnalyticsFixture

    static let incidents: [Postmortem] = [
        // TTD 10, TTA 5, TTM 40, TTR 60 minutes
        F.incident("a-db-outage", date: "2024-01-10", severity: "SEV1", services: ["api"], tags: ["database"], alerts: ["HighErrorRate"],
                   milestones: [.started: "2024-01-10 10:00", .detected: "2024-01-10 10:10", .acknowledged: "2024-01-10 10:15",
                                .mitigated: "2024-01-10 10:40", .resolved: "2024-01-10 11:00"],
                   actions: [ActionItem(text: "Add replica", status: .done, line: 20),
                             ActionItem(text: "Alert on pool size", due: F.day("2024-02-01"), line: 21)]),
        // TTD 30, TTR 120; no acknowledged or mitigated milestone
        F.incident("b-db-again", date: "2024-02-20", severity: "SEV2", services: ["api"], tags: ["database"],
                   milestones: [.started: "2024-02-20 08:00", .detected: "2024-02-20 08:30", .resolved: "2024-02-20 10:00"],
                   actions: [ActionItem(text: "Tune pool", line: 30)]),
        // TTR 45
        F.incident("c-cdn", date: "2024-04-05", severity: "SEV3", services: ["cdn"], tags: ["network"], alerts: ["HighErrorRate"],
                   milestones: [.started: "2024-04-05 12:00", .resolved: "2024-04-05 12:45"]),
        F.incident("d-api-late", date: "2024-08-01", severity: "SEV2", services: ["api"], tags: ["database"]),
        F.incident("e-undated", date: nil, services: ["api"]),
    ]

    static func report(_ options: TrendReport.Options = TrendReport.Options()) -> TrendReport {
        TrendReport(postmortems: incidents, config: DebriefConfig(), today: F.day("2024-03-01"), options: options)
    }

    @Test func periodsByQuarterIncludeCountsAndTimes() throws {
        let report = Self.report()
        #expect(report.periods.map(\.key) == ["2024-Q1", "2024-Q2", "2024-Q3"]) // e-undated is in no period
        #expect(report.undated == ["e-undated"])
        let q1 = report.periods[0]
        #expect(q1.incidents == 2)
        #expect(q1.bySeverity == [NameCount(name: "SEV1", count: 1), NameCount(name: "SEV2", count: 1),
                                  NameCount(name: "SEV3", count: 0), NameCount(name: "SEV4", count: 0)])
        #expect(q1.mttd.mean == 20 && q1.mttd.median == 20 && q1.mttd.measured == 2)   // (10 + 30) / 2
        #expect(q1.mttr.mean == 90 && q1.mttr.measured == 2)                           // (60 + 120) / 2
        #expect(q1.mtta.mean == 5 && q1.mtta.measured == 1 && q1.mtta.notMeasured == 1) // only a-db-outage acknowledged
        // Actions: 3 opened (2 + 1), 1 closed; "Alert on pool size" due 2024-02-01 is overdue on 2024-03-01;
        // "Tune pool" has no due date: SEV2 SLA 30 days -> 2024-03-21, not yet due.
        #expect(q1.actions.opened == 3 && q1.actions.closed == 1 && q1.actions.overdue == 1)
        #expect(try #require(q1.actions.completionRate) == 1.0 / 3.0)
        #expect(report.periods[1].incidents == 1 && report.periods[2].incidents == 1)
        #expect(report.periods[2].mttr.measured == 0 && report.periods[2].mttr.mean == nil)
    }

    @Test func overallAndSeverityCountMissingMilestonesAsNotMeasured() {
        let report = Self.report()
        #expect(report.overall.incidents == 5)
        // MTTR over 60, 120, 45; d and e not measured. mean 225 / 3 = 75, median of 45, 60, 120 = 60
        #expect(report.overall.mttr.mean == 75 && report.overall.mttr.median == 60)
        #expect(report.overall.mttr.measured == 3 && report.overall.mttr.notMeasured == 2)
        #expect(report.bySeverity.map(\.key) == ["SEV1", "SEV2", "SEV3", "unknown"])
        #expect(report.bySeverity.map(\.incidents) == [1, 2, 1, 1])
    }

    @Test func mtbfIsTheMeanGapBetweenAServicesIncidents() {
        let report = Self.report()
        #expect(report.byService.map(\.figures.key) == ["api", "cdn"])
        let api = report.byService[0]
        #expect(api.figures.incidents == 4)
        // api dated incidents: 2024-01-10, 2024-02-20, 2024-08-01
        // gaps: Jan 10 -> Feb 20 = 21 + 20 = 41 days; Feb 20 -> Aug 1 = 9 + 1 + 31 + 30 + 31 + 30 + 31 = 163 days (2024 is a leap year)
        // mean (41 + 163) / 2 = 102
        #expect(api.mtbfDays.measured == 2)
        #expect(api.mtbfDays.mean == 102)
        let cdn = report.byService[1]
        #expect(cdn.mtbfDays.measured == 0 && cdn.mtbfDays.mean == nil) // one incident: no gap to measure
        #expect(report.byTag == [NameCount(name: "database", count: 3), NameCount(name: "network", count: 1)])
    }

    @Test func recurringCausesNeedTwoIncidentsInsideTheWindow() {
        let causes = Self.report().recurringCauses
        // database: a (Jan 10) and b (Feb 20) are 41 days apart; d (Aug 1) is 163 days after b, outside 90.
        #expect(causes == [
            RecurringCause(kind: .service, name: "api", incidents: ["a-db-outage", "b-db-again"], first: F.day("2024-01-10"), last: F.day("2024-02-20")),
            RecurringCause(kind: .tag, name: "database", incidents: ["a-db-outage", "b-db-again"], first: F.day("2024-01-10"), last: F.day("2024-02-20")),
        ])
        let wide = Self.report(TrendReport.Options(windowDays: 200)).recurringCauses
        #expect(wide.first { $0.name == "database" }?.incidents == ["a-db-outage", "b-db-again", "d-api-late"])
    }

    @Test func repeatIncidentsShareAnAlertOrServiceAndTag() {
        let repeats = Self.report().repeatIncidents
        // b repeats a (api + database, 41 days); c repeats a (alert HighErrorRate, Jan 10 -> Apr 5 = 21 + 29 + 31 + 5 = 86 days);
        // d shares api + database with b but 163 days later: outside the window.
        #expect(repeats.map(\.incident) == ["b-db-again", "c-cdn"])
        #expect(repeats[0].earlier == "a-db-outage" && repeats[0].daysBetween == 41 && repeats[0].sharedBy == "service api + tag database")
        #expect(repeats[1].earlier == "a-db-outage" && repeats[1].daysBetween == 86 && repeats[1].sharedBy == "alert HighErrorRate")
    }

    @Test func filtersNarrowTheIncidents() {
        let sev2 = Self.report(TrendReport.Options(filter: IncidentFilter(severity: "SEV2"))).overall
        #expect(sev2.incidents == 2)
        let since = Self.report(TrendReport.Options(filter: IncidentFilter(since: F.day("2024-04-01")))).overall
        #expect(since.incidents == 2) // c and d; the undated one cannot be placed after a date
        let cdn = Self.report(TrendReport.Options(filter: IncidentFilter(service: "CDN"))).overall
        #expect(cdn.incidents == 1)
    }

    @Test func monthGroupingFillsQuietMonths() {
        let report = Self.report(TrendReport.Options(grouping: .month))
        #expect(report.periods.count == 8) // 2024-01 through 2024-08
        #expect(report.periods.map(\.incidents) == [1, 1, 0, 1, 0, 0, 0, 1])
    }

    @Test func jsonAndTableOutputCarryTheFigures() throws {
        let report = Self.report()
        let json = JSONWriter.text(encoding: report)
        #expect(json.contains("\"not_measured\" : 2"))
        #expect(json.contains("\"completion_rate\" : 0.33"))
        let table = TrendReportText.table(report)
        #expect(table.contains("1h 15m / 1h 00m (n=3 of 5)")) // overall MTTR 75 / 60 minutes
        let csv = TrendReportText.csv(report, severityLevels: ["SEV1", "SEV2", "SEV3", "SEV4"])
        #expect(csv.hasPrefix("group,key,incidents,SEV1,SEV2,SEV3,SEV4,unknown,mttd_mean_minutes"))
        #expect(csv.contains("\r\nservice,api,4,1,2,0,0,1,"))
    }
}
