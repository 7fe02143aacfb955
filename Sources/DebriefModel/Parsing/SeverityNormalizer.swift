import Foundation

/// Maps the many ways people write severity (`SEV-1`, `Sev 1`, `S1`, `P1`, `Critical`) to a
/// configured level name.
public struct SeverityNormalizer: Sendable {
    public let levels: [DebriefConfig.SeverityLevel]

    public init(levels: [DebriefConfig.SeverityLevel]) {
        self.levels = levels
    }

    /// The configured level name for `raw`, or nil when it names none (or several, like `SEV1/SEV2`).
    public func normalize(_ raw: String) -> String? {
        let text = raw.trimmingWhitespaceAndNewlines()
        let lower = text.lowercased()
        // Words in parentheses are commentary: "SEV-1 (Critical)".
        let head = lower.split(separator: "(").first.map { $0.trimmingHorizontalWhitespace() } ?? lower
        for level in levels where level.name.lowercased() == head || level.synonyms.contains(where: { $0.lowercased() == head }) {
            return level.name
        }
        let compact = String(String.UnicodeScalarView(head.unicodeScalars.filter { $0 != " " && $0 != "-" }))
        for prefix in ["sev", "s", "p"] where compact.hasPrefix(prefix) {
            let digits = compact.dropFirst(prefix.count)
            if let number = Int(digits) {
                // P0/SEV0 exist in some scales: they map to the most severe level.
                let index = max(number, 1) - 1
                return index < levels.count ? levels[index].name : nil
            }
        }
        return nil
    }

    /// 0 for the most severe level; levels.count when unknown (sorts last).
    public func rank(of name: String?) -> Int {
        levels.firstIndex { $0.name == name } ?? levels.count
    }
}
