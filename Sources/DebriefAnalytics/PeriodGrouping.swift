import DebriefModel

/// How incidents are bucketed in time: calendar months, quarters (Q1 = Jan–Mar) or years, in UTC.
public enum PeriodGrouping: String, Sendable, Hashable, Codable, CaseIterable {
    case month, quarter, year

    /// The period a day falls in.
    public func period(of day: Day) -> Period {
        switch self {
        case .month: return Period(grouping: self, year: day.year, index: day.month)
        case .quarter: return Period(grouping: self, year: day.year, index: (day.month - 1) / 3 + 1)
        case .year: return Period(grouping: self, year: day.year, index: 1)
        }
    }

    /// Every period from the one holding `first` to the one holding `last`, gaps included, so a
    /// quiet quarter shows as zero rather than disappearing.
    public func periods(from first: Day, through last: Day) -> [Period] {
        var periods: [Period] = []
        var current = period(of: first)
        let end = period(of: last)
        while current <= end {
            periods.append(current)
            current = current.next
        }
        return periods
    }
}

/// One month, quarter or year.
public struct Period: Sendable, Hashable, Comparable {
    public var grouping: PeriodGrouping
    public var year: Int
    /// Month 1–12, quarter 1–4, or 1 for a year.
    public var index: Int

    /// `2024-03`, `2024-Q1`, `2024`: sorts in time order as text too.
    public var label: String {
        switch grouping {
        case .month: return "\(year)-" + (index < 10 ? "0\(index)" : "\(index)")
        case .quarter: return "\(year)-Q\(index)"
        case .year: return "\(year)"
        }
    }

    public var next: Period {
        let perYear = grouping == .month ? 12 : grouping == .quarter ? 4 : 1
        return index < perYear ? Period(grouping: grouping, year: year, index: index + 1)
            : Period(grouping: grouping, year: year + 1, index: 1)
    }

    public static func < (a: Period, b: Period) -> Bool {
        (a.year, a.index) < (b.year, b.index)
    }
}
