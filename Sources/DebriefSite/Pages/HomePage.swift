import DebriefModel
import DebriefAnalytics

/// `index.html`: recent incidents, counts by severity, open and overdue action items.
public struct HomePage: PageGenerator {
    public static let recentCount = 10

    public init() {}

    public var navItem: NavItem? { NavItem(title: "Home", path: SitePaths.home) }

    public func pages(_ site: SiteRenderer) throws -> [RenderedPage] {
        let model = site.model
        let root = ""
        let levels = model.config.severities.map(\.name) + [nil]
        let severityCounts: [[String: Any]] = levels.compactMap { level in
            let count = model.incidents.count(where: { $0.postmortem.severity == level })
            if level == nil && count == 0 { return nil }
            var values = site.severityValues(level)
            values["count"] = count
            values["url"] = count > 0 ? level.map { root + SitePaths.term(.severities, Slug.make($0)) } ?? "" : ""
            return values
        }
        let actions = model.actions
        // Most days overdue first, then by id; the ids are built once, not in every comparison.
        // Positions, not copies, until the five shown.
        let overdue = actions.indices.filter { actions[$0].isOpen && actions[$0].isOverdue }
            .map { (position: $0, days: actions[$0].daysOverdue ?? 0, id: actions[$0].stableID) }
            .sorted { ($0.days, $1.id) > ($1.days, $0.id) }
            .map(\.position)
        /// A figure of the summary row: the number with separators and its noun, singular or plural.
        func stat(_ count: Int, _ singular: String, plural: String? = nil, path: String, alert: Bool = false) -> [String: Any] {
            ["value": CountText.number(count), "label": CountText.noun(count, singular, plural: plural), "url": root + path, "alert": alert]
        }
        let openActions = actions.count(where: \.isOpen)
        let values: [String: Any] = [
            "stats": [
                stat(model.incidents.count, "postmortem", path: SitePaths.postmortems),
                stat(model.runbooks.count, "runbook", path: SitePaths.runbooks),
                stat(openActions, "open action item", path: SitePaths.actions),
                stat(overdue.count, "overdue", plural: "overdue", path: SitePaths.actions, alert: !overdue.isEmpty),
            ],
            "recent": model.incidents.prefix(HomePage.recentCount).map { site.incidentRow($0, root: root) },
            "incident_count": model.incidents.count,
            "runbook_count": model.runbooks.count,
            "incomplete_count": model.incidents.count(where: { !$0.isComplete }),
            "incomplete_count_text": CountText.of(model.incidents.count(where: { !$0.isComplete }), "postmortem"),
            "has_incomplete": model.incidents.contains { !$0.isComplete },
            "severity_counts": severityCounts,
            "open_action_count": openActions,
            "overdue_action_count": overdue.count,
            "has_overdue": !overdue.isEmpty,
            "has_incidents": !model.incidents.isEmpty,
            "actions": overdue.prefix(5).map { site.actionRow(actions[$0], root: root) },
            "as_of": model.today.description,
        ]
        return [try site.html(path: SitePaths.home, template: "home", title: model.config.title, values: values)]
    }
}
