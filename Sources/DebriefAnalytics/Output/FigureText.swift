import Foundation

/// How figures are written for people: durations as `1h 05m`, rates as `75%`, missing as `—`.
public enum FigureText {
    public static let notMeasured = "n/m"

    /// Minutes as `45m`, `2h 05m` or `3d 4h 10m`; negative values never reach here (out-of-order
    /// milestones are excluded).
    public static func minutes(_ value: Double?) -> String {
        guard let value else { return notMeasured }
        let total = Int(value.rounded())
        let days = total / 1440, hours = (total % 1440) / 60, minutes = total % 60
        let mm = minutes < 10 ? "0\(minutes)" : "\(minutes)"
        if days > 0 { return "\(days)d \(hours)h \(mm)m" }
        if hours > 0 { return "\(hours)h \(mm)m" }
        return "\(minutes)m"
    }

    /// `mean / median (n=3 of 5)`; `count` writes the two counts (the site adds thousands separators).
    public static func statistic(_ statistic: SummaryStatistic, format: (Double?) -> String = minutes,
                                 count: (Int) -> String = { String($0) }) -> String {
        let parts = statisticParts(statistic, format: format, count: count)
        return "\(parts.figures) (\(parts.sample))"
    }

    /// `statistic` in its two parts, `("7m / 5m", "n=3 of 5")`, for a page that lets a narrow
    /// column break the line between them and nowhere else.
    public static func statisticParts(_ statistic: SummaryStatistic, format: (Double?) -> String = minutes,
                                      count: (Int) -> String = { String($0) }) -> (figures: String, sample: String) {
        let of = "of \(count(statistic.measured + statistic.notMeasured))"
        guard statistic.measured > 0 else { return (notMeasured, "n=0 \(of)") }
        return ("\(format(statistic.mean)) / \(format(statistic.median))", "n=\(count(statistic.measured)) \(of)")
    }

    public static func days(_ value: Double?) -> String {
        guard let value else { return notMeasured }
        return String(format: "%.1fd", value)
    }

    public static func percent(_ rate: Double?) -> String {
        guard let rate else { return notMeasured }
        return "\(Int((rate * 100).rounded()))%"
    }

    /// A number for CSV: plain, two decimals at most, empty when not measured.
    public static func plain(_ value: Double?) -> String {
        guard let value else { return "" }
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
