import DebriefModel
import DebriefAnalytics

/// `actions/index.html`: every action item, overdue first, grouped by owner.
public struct ActionsPage: PageGenerator {
    public static let unassigned = "Unassigned"

    public init() {}

    public var renderWeight: Int { 2 }

    public var navItem: NavItem? { NavItem(title: "Actions", path: SitePaths.actions) }

    public func pages(_ site: SiteRenderer) throws -> [RenderedPage] {
        let model = site.model
        let root = SitePaths.root(of: SitePaths.actions)
        let actions = model.actions
        // Grouped and sorted as positions in `actions`: sorting moves integers, not whole items.
        let overdue = actions.indices.filter { actions[$0].isOverdue }
        let open = actions.indices.filter { actions[$0].isOpen && !actions[$0].isOverdue }
        let closed = actions.indices.filter { !actions[$0].isOpen }
        func groups(_ items: [Int]) -> [[String: Any]] {
            let byOwner = Dictionary(grouping: items) { actions[$0].siteOwner ?? ActionsPage.unassigned }
            let owners = byOwner.keys.sorted { a, b in
                // Unassigned items last: they need an owner more than they need sorting.
                if (a == ActionsPage.unassigned) != (b == ActionsPage.unassigned) { return b == ActionsPage.unassigned }
                return a.lowercased() == b.lowercased() ? a < b : a.lowercased() < b.lowercased()
            }
            return owners.map { owner in
                let rows = byOwner[owner]!.sorted { ActionsPage.urgency(actions[$0], actions[$1]) }
                return ["owner": owner, "owner_url": owner == ActionsPage.unassigned ? "" : root + SitePaths.term(.owners, Slug.make(owner)),
                        "count": rows.count, "actions": rows.map { site.actionRow(actions[$0], root: root) }]
            }
        }
        let slaNotes = model.config.severities.compactMap { level in
            level.actionSLADays.map { ["severity": level.name, "days": $0] }
        }
        let values: [String: Any] = [
            "as_of": model.today.description,
            "overdue_groups": groups(overdue), "overdue_count": overdue.count,
            "open_groups": groups(open), "open_count": open.count,
            "closed_groups": groups(closed), "closed_count": closed.count,
            "total_count": actions.count,
            "total_count_text": CountText.of(actions.count, "action item"),
            "sla_days": slaNotes,
            "uses_sla": actions.contains(where: \.dueFromSLA),
        ]
        return [try site.html(path: SitePaths.actions, template: "actions", title: "Action items", values: values)]
    }

    /// Most overdue first, then earliest due, then undated; ties by incident and position.
    static func urgency(_ a: TrackedAction, _ b: TrackedAction) -> Bool {
        switch (a.due, b.due) {
        case let (x?, y?) where x != y: return x < y
        case (_?, nil): return true
        case (nil, _?): return false
        default: return (a.incident, a.line) < (b.incident, b.line)
        }
    }
}
