import DebriefModel
import Foundation

/// Postmortem values built in code, for analytics tests whose figures are worked out by hand.
enum AnalyticsFixture {
    /// `2024-03-09 23:50` (UTC) as a Date.
    static func at(_ text: String) -> Date {
        let parts = text.split(separator: " ")
        let day = Day(iso: String(parts[0]))!
        let clock = parts[1].split(separator: ":").map { Int($0)! }
        return day.date.addingTimeInterval(TimeInterval(clock[0] * 3600 + clock[1] * 60))
    }

    static func incident(_ slug: String, date: String?, severity: String? = nil, services: [String] = [], tags: [String] = [],
                         alerts: [String] = [], milestones: [MilestoneKind: String] = [:], actions: [ActionItem] = []) -> Postmortem {
        var postmortem = Postmortem(path: "content/postmortems/\(slug).md", slug: slug)
        postmortem.title = slug
        postmortem.date = date.flatMap { Day(iso: $0) }
        postmortem.severity = severity
        postmortem.rawSeverity = severity
        postmortem.services = services
        postmortem.tags = tags
        postmortem.alerts = alerts
        for (kind, time) in milestones {
            postmortem.milestones[kind] = Milestone(time: at(time), source: .frontMatter, line: 2)
        }
        postmortem.actionItems = actions
        return postmortem
    }

    static func day(_ text: String) -> Day { Day(iso: text)! }
}

/// Seconds as minutes, so expectations read like the hand arithmetic in their comments.
func minutes(_ seconds: Double?) -> Double? {
    seconds.map { $0 / 60 }
}
