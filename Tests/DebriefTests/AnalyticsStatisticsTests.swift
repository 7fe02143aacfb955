import DebriefModel
import Testing
@testable import DebriefAnalytics

@Suite struct AnalyticsStatisticsTests {
    @Test func medianOfOddCountIsTheMiddleValue() {
        let stat = SummaryStatistic([30, 10, nil, 20])
        // sorted 10, 20, 30 -> median 20; mean (10 + 20 + 30) / 3 = 20
        #expect(stat.median == 20)
        #expect(stat.mean == 20)
        #expect(stat.measured == 3)
        #expect(stat.notMeasured == 1)
    }

    @Test func medianOfEvenCountAveragesTheTwoMiddleValues() {
        let stat = SummaryStatistic([100, 5, 40, 10])
        // sorted 5, 10, 40, 100 -> median (10 + 40) / 2 = 25; mean 155 / 4 = 38.75
        #expect(stat.median == 25)
        #expect(stat.mean == 38.75)
    }

    @Test func nothingMeasuredHasNoMeanOrMedian() {
        let stat = SummaryStatistic([nil, nil])
        #expect(stat.measured == 0 && stat.notMeasured == 2)
        #expect(stat.mean == nil && stat.median == nil)
    }

    @Test func quarterGroupingAndGapsBetweenPeriods() {
        let q = PeriodGrouping.quarter
        #expect(q.period(of: AnalyticsFixture.day("2024-03-31")).label == "2024-Q1")
        #expect(q.period(of: AnalyticsFixture.day("2024-04-01")).label == "2024-Q2")
        #expect(q.period(of: AnalyticsFixture.day("2024-12-31")).label == "2024-Q4")
        let labels = q.periods(from: AnalyticsFixture.day("2024-11-15"), through: AnalyticsFixture.day("2025-04-02")).map(\.label)
        #expect(labels == ["2024-Q4", "2025-Q1", "2025-Q2"])
        let months = PeriodGrouping.month.periods(from: AnalyticsFixture.day("2024-12-01"), through: AnalyticsFixture.day("2025-02-28")).map(\.label)
        #expect(months == ["2024-12", "2025-01", "2025-02"])
        #expect(PeriodGrouping.year.period(of: AnalyticsFixture.day("2023-07-04")).label == "2023")
    }

    @Test func durationsReadLikeAPersonWritesThem() {
        #expect(FigureText.minutes(45) == "45m")
        #expect(FigureText.minutes(125) == "2h 05m")
        #expect(FigureText.minutes(1950) == "1d 8h 30m")
        #expect(FigureText.minutes(nil) == "n/m")
    }
}
