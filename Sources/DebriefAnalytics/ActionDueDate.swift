import DebriefModel

/// The due date an action item is tracked against, and where it came from.
public struct ActionDueDate: Sendable, Hashable, Codable {
    public enum Source: String, Sendable, Hashable, Codable {
        /// A full date written on the item.
        case written
        /// A day and month written without a year (`Due: March 22`); the year is the first one
        /// that puts the date on or after the incident.
        case writtenWithoutYear = "written-without-year"
        /// No usable due date: incident date + the action SLA days of its severity (debrief.yml).
        case severitySLA = "severity-sla"
    }

    public var day: Day
    public var source: Source

    public init(day: Day, source: Source) {
        self.day = day
        self.source = source
    }

    /// nil when the item has no usable due date and no SLA applies (no incident date, or no SLA
    /// configured for its severity).
    public static func resolve(_ item: ActionItem, of postmortem: Postmortem, config: DebriefConfig) -> ActionDueDate? {
        if let due = item.due { return ActionDueDate(day: due, source: .written) }
        if let raw = item.rawDue, let incidentDate = postmortem.date,
           let (month, day) = monthAndDay(raw), let due = firstOnOrAfter(incidentDate, month: month, day: day) {
            return ActionDueDate(day: due, source: .writtenWithoutYear)
        }
        if let incidentDate = postmortem.date,
           let sla = config.severities.first(where: { $0.name == postmortem.severity })?.actionSLADays {
            return ActionDueDate(day: incidentDate.adding(days: sla), source: .severitySLA)
        }
        return nil
    }

    /// Reads `March 22`, `Mar 22`, `22 March`, `Mar. 22nd` (no year). Anything else is nil.
    static func monthAndDay(_ text: String) -> (Int, Int)? {
        let words = text.lowercased()
            .split(whereSeparator: { $0 == " " || $0 == "," || $0 == "." })
            .map(String.init)
        guard words.count == 2 else { return nil }
        func dayNumber(_ word: String) -> Int? {
            var digits = word
            for suffix in ["st", "nd", "rd", "th"] where digits.hasSuffix(suffix) { digits.removeLast(suffix.count) }
            guard let n = Int(digits), (1...31).contains(n) else { return nil }
            return n
        }
        if let month = monthNumber(words[0]), let day = dayNumber(words[1]) { return (month, day) }
        if let day = dayNumber(words[0]), let month = monthNumber(words[1]) { return (month, day) }
        return nil
    }

    private static func monthNumber(_ word: String) -> Int? {
        let names = ["january", "february", "march", "april", "may", "june", "july", "august",
                     "september", "october", "november", "december"]
        guard word.count >= 3 else { return nil }
        return names.firstIndex { $0.hasPrefix(word) }.map { $0 + 1 }
    }

    /// The incident's year, or the next one when the date would fall before the incident
    /// (a December incident with an item due "Jan 10"). Feb 29 skips to the next leap year's turn.
    private static func firstOnOrAfter(_ incident: Day, month: Int, day: Int) -> Day? {
        for year in incident.year...(incident.year + 4) where Day.isValid(year: year, month: month, day: day) {
            let candidate = Day(year: year, month: month, day: day)
            if candidate >= incident { return candidate }
        }
        return nil
    }
}
