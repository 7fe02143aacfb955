import DebriefModel
import Foundation
import Testing
@testable import DebriefAnalytics

/// The same figures through the parser: Fixtures/analytics is a knowledge base of two
/// postmortems (front-matter milestones; timeline keywords) with `today: 2025-03-10`.
@Suite struct AnalyticsParsedFixtureTests {
    static func knowledgeBase() throws -> KnowledgeBase {
        let fixtures = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return try KnowledgeBase.load(root: fixtures.appendingPathComponent("analytics"))
    }

    @Test func milestonesFromFrontMatterAndTimelineGiveHandWorkedTimes() throws {
        let kb = try Self.knowledgeBase()
        #expect(kb.postmortems.count == 2)
        let checkout = IncidentDurations(kb.postmortems[0])
        // 23:40 -> 23:52 = 12; 23:52 -> 00:01 = 9; 23:40 -> 00:30 = 50; 23:40 -> 01:10 = 90 minutes
        #expect(minutes(checkout.timeToDetect) == 12)
        #expect(minutes(checkout.timeToAcknowledge) == 9)
        #expect(minutes(checkout.timeToMitigate) == 50)
        #expect(minutes(checkout.timeToResolve) == 90)
        let search = IncidentDurations(kb.postmortems[1])
        // 14:00 -> 14:20 = 20; 14:20 -> 14:25 = 5; 14:00 -> 15:05 = 65; 14:00 -> 15:30 = 90 minutes
        #expect(minutes(search.timeToDetect) == 20)
        #expect(minutes(search.timeToAcknowledge) == 5)
        #expect(minutes(search.timeToMitigate) == 65)
        #expect(minutes(search.timeToResolve) == 90)
    }

    @Test func quarterReportAndOverdueItemsAsOfConfiguredToday() throws {
        let kb = try Self.knowledgeBase()
        let today = try #require(kb.config.today)
        let report = TrendReport(postmortems: kb.postmortems, config: kb.config, today: today)
        #expect(report.periods.map(\.key) == ["2025-Q1"])
        let q1 = report.periods[0]
        #expect(q1.mttd.mean == 16)    // (12 + 20) / 2
        #expect(q1.mtta.mean == 7)     // (9 + 5) / 2
        #expect(q1.mttm.mean == 57.5)  // (50 + 65) / 2
        #expect(q1.mttr.median == 90)  // 90 and 90
        #expect(q1.bySeverity.first { $0.name == "SEV2" }?.count == 1)
        #expect(q1.bySeverity.first { $0.name == "SEV3" }?.count == 1)

        let overdue = ActionTracker(config: kb.config, today: today).actions(in: kb.postmortems, filter: ActionFilter(overdueOnly: true, owner: "@jane"))
        // Feb 15 -> Mar 10 = 13 + 10 = 23 days; "March 1" (no year) -> 2025-03-01 -> 9 days
        #expect(overdue.map(\.daysOverdue) == [23, 9])
        #expect(overdue.allSatisfy { $0.canonicalOwner == "Jane Doe" })
    }
}
