import Foundation

/// Count, mean and median of a figure over a group, saying how many members it was measured on.
/// Members without the figure are counted in `notMeasured` and take no part in mean or median.
public struct SummaryStatistic: Sendable, Hashable, Codable {
    public var measured: Int
    public var notMeasured: Int
    public var mean: Double?
    public var median: Double?

    public init(_ values: [Double?]) {
        let known = values.compactMap { $0 }.sorted()
        measured = known.count
        notMeasured = values.count - known.count
        guard !known.isEmpty else { return }
        mean = known.reduce(0, +) / Double(known.count)
        let middle = known.count / 2
        // Even count: the mean of the two middle values.
        median = known.count % 2 == 1 ? known[middle] : (known[middle - 1] + known[middle]) / 2
    }

    enum CodingKeys: String, CodingKey { case measured, notMeasured = "not_measured", mean, median }

    /// Two decimals in output: enough to check by hand, no float noise.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(measured, forKey: .measured)
        try c.encode(notMeasured, forKey: .notMeasured)
        try c.encode(mean.map(Self.rounded), forKey: .mean)
        try c.encode(median.map(Self.rounded), forKey: .median)
    }

    static func rounded(_ value: Double) -> Double {
        (value * 100).rounded() / 100
    }
}
