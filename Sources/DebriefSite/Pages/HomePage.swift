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
        let severityCounts: [TemplateValue] = levels.compactMap { level in
            let count = model.incidents.count(where: { $0.postmortem.severity == level })
            if level == nil && count == 0 { return nil }
            var values = site.severityMembers(level)
            values["count"] = .int(count)
            values["url"] = .string(count > 0 ? level.map { root + SitePaths.term(.severities, Slug.make($0)) } ?? "" : "")
            return .object(TemplateObject(values))
        }
        let actions = model.actions
        // Most days overdue first, then by id; the ids are built once, not in every comparison.
        // Positions, not copies, until the five shown.
        let overdue = actions.indices.filter { actions[$0].isOpen && actions[$0].isOverdue }
            .map { (position: $0, days: actions[$0].daysOverdue ?? 0, id: actions[$0].stableID) }
            .sorted { ($0.days, $1.id) > ($1.days, $0.id) }
            .map(\.position)
        /// A figure of the summary row: the number with separators and its noun, singular or plural.
        func stat(_ count: Int, _ singular: String, plural: String? = nil, path: String, alert: Bool = false) -> TemplateValue {
            .object(["value": .string(CountText.number(count)), "label": .string(CountText.noun(count, singular, plural: plural)),
                     "url": .string(root + path), "alert": .bool(alert)])
        }
        let openActions = actions.count(where: \.isOpen)
        let incompleteCount = model.incidents.count(where: { !$0.isComplete })
        let values: [String: TemplateValue] = [
            "stats": .list([
                stat(model.incidents.count, "postmortem", path: SitePaths.postmortems),
                stat(model.runbooks.count, "runbook", path: SitePaths.runbooks),
                stat(openActions, "open action item", path: SitePaths.actions),
                stat(overdue.count, "overdue", plural: "overdue", path: SitePaths.actions, alert: !overdue.isEmpty),
            ]),
            "recent": .list(model.incidents.prefix(HomePage.recentCount).map { site.incidentRow($0, root: root) }),
            "incident_count": .int(model.incidents.count),
            "runbook_count": .int(model.runbooks.count),
            "incomplete_count": .int(incompleteCount),
            "incomplete_count_text": .string(CountText.of(incompleteCount, "postmortem")),
            "has_incomplete": .bool(incompleteCount > 0),
            "severity_counts": .list(severityCounts),
            "open_action_count": .int(openActions),
            "overdue_action_count": .int(overdue.count),
            "has_overdue": .bool(!overdue.isEmpty),
            "has_incidents": .bool(!model.incidents.isEmpty),
            "actions": .list(overdue.prefix(5).map { site.actionRow(actions[$0], root: root) }),
            "hide_incident_column": .bool(false),
            "as_of": .string(model.today.description),
        ]
        return [try site.html(path: SitePaths.home, template: "home", title: model.config.title, values: values)]
    }
}
