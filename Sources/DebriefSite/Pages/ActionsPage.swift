import DebriefModel
import DebriefAnalytics

/// The Actions pages: overdue items at `actions/index.html`, open and closed ones at
/// `actions/open/` and `actions/closed/`, each list paged (Pagination). Their filter form (owner,
/// service, status, overdue) reads one small JSON file per chosen value from `actions/filter/`,
/// so filters reach every item without any page holding them all.
public struct ActionsPage: PageGenerator {
    public static let unassigned = "Unassigned"

    /// The three lists, each its own paged page family.
    enum List: String, CaseIterable, Sendable {
        case overdue, open, closed

        var path: String { self == .overdue ? SitePaths.actions : "actions/\(rawValue)/index.html" }

        var title: String {
            switch self {
            case .overdue: return "Overdue"
            case .open: return "Open on time"
            case .closed: return "Closed"
            }
        }

        func contains(_ action: TrackedAction) -> Bool {
            switch self {
            case .overdue: return action.isOpen && action.isOverdue
            case .open: return action.isOpen && !action.isOverdue
            case .closed: return !action.isOpen
            }
        }
    }

    /// A filter with a file per value (`actions/filter/<name>-<slug>.json`). The list filter
    /// (overdue, open on time, closed) narrows those files' rows, or alone opens that list's pages.
    enum Facet: String, CaseIterable, Sendable {
        case owner, service

        func values(of action: TrackedAction) -> [String] {
            switch self {
            case .owner: return [action.canonicalOwner ?? ActionsPage.unassigned]
            case .service: return action.services
            }
        }
    }

    public init() {}

    public var renderWeight: Int { 2 }

    public var navItem: NavItem? { NavItem(title: "Actions", path: SitePaths.actions) }

    public func pages(_ site: SiteRenderer) throws -> [RenderedPage] {
        try RenderJob.pages(of: jobs(site))
    }

    public func jobs(_ site: SiteRenderer) -> [RenderJob] {
        let actions = site.model.actions
        // Sorted as positions in `actions`: sorting moves integers, not whole items.
        let lists = Dictionary(uniqueKeysWithValues: List.allCases.map { list in
            let positions = actions.indices.filter { list.contains(actions[$0]) }
            return (list, list == .closed ? positions : positions.sorted { ActionsPage.urgency(actions[$0], actions[$1]) })
        })
        let facets = Facet.allCases.map { facet in (facet, ActionsPage.facetValues(facet, of: actions)) }
        let shared = sharedValues(site, lists: lists, facets: facets)
        var jobs = [RenderJob { ActionsPage.filterFiles(facets, site: site) }]
        for list in List.allCases {
            let positions = lists[list]!
            let pagination = Pagination(firstPath: list.path, itemCount: positions.count)
            jobs += RenderJob.batches(pagination.pages, size: 100) { number in
                let path = pagination.path(ofPage: number)
                let root = SitePaths.root(of: path)
                var values = shared
                values["list_title"] = .string(list.title)
                values["tabs"] = .list(List.allCases.map { tab in
                    .object(["title": .string(tab.title), "url": .string(root + tab.path), "current": .bool(tab == list),
                             "count": .string(CountText.number(lists[tab]!.count))])
                })
                values["actions"] = .list(pagination.items(ofPage: number).map { site.actionRow(actions[positions[$0]], root: root) })
                values["has_actions"] = .bool(!positions.isEmpty)
                values["hide_incident_column"] = .bool(false)
                values["pager"] = pagination.pager(page: number, root: root)
                values["owners_url"] = .string(root + SitePaths.taxonomy(.owners))
                values["filter_root"] = .string(root + "actions/filter/")
                return try site.html(path: path, template: "actions", title: pagination.title("Action items: \(list.title.lowercased())", page: number),
                                     values: values, scripts: ["assets/filter.js"])
            }
        }
        return jobs
    }

    /// What every Actions page shows above its list: the counts, the SLA note and the filter options.
    private func sharedValues(_ site: SiteRenderer, lists: [List: [Int]], facets: [(Facet, [FacetValue])]) -> [String: TemplateValue] {
        let model = site.model
        let slaNotes = model.config.severities.compactMap { level in
            level.actionSLADays.map { TemplateValue.object(["severity": .string(level.name), "days": .int($0)]) }
        }
        var values: [String: TemplateValue] = [
            "as_of": .string(model.today.description),
            "total_text": .string(CountText.of(model.actions.count, "action item")),
            "overdue_count": .string(CountText.number(lists[.overdue]!.count)),
            "open_count": .string(CountText.number(lists[.open]!.count)),
            "closed_count": .string(CountText.number(lists[.closed]!.count)),
            "sla_days": .list(slaNotes),
            "uses_sla": .bool(model.actions.contains(where: \.dueFromSLA)),
        ]
        for (facet, facetValues) in facets {
            values["\(facet.rawValue)_options"] = .list(facetValues.map { value in
                .object(["value": .string(value.slug), "label": .string(value.name), "count": .int(value.positions.count)])
            })
        }
        values["list_options"] = .list(List.allCases.map { list in
            .object(["value": .string(list.rawValue), "label": .string(list.title), "url": .string(list.path)])
        })
        return values
    }

    struct FacetValue: Sendable {
        var name: String
        var slug: String
        var positions: [Int]
    }

    /// The values `facet` takes, sorted by name (Unassigned last), with the items of each.
    static func facetValues(_ facet: Facet, of actions: [TrackedAction]) -> [FacetValue] {
        var values: [String: FacetValue] = [:]
        for position in actions.indices {
            for name in facet.values(of: actions[position]) {
                let slug = Slug.make(name)
                values[slug, default: FacetValue(name: name, slug: slug, positions: [])].positions.append(position)
            }
        }
        return values.values.sorted { a, b in
            // Unassigned items last: they need an owner more than they need sorting.
            if (a.name == unassigned) != (b.name == unassigned) { return b.name == unassigned }
            return (a.name.lowercased(), a.slug) < (b.name.lowercased(), b.slug)
        }
    }

    /// `actions/filter/<facet>-<slug>.json`: the items of one filter value, most urgent first,
    /// as compact JSON with their links from the site root.
    static func filterFiles(_ facets: [(Facet, [FacetValue])], site: SiteRenderer) -> [RenderedPage] {
        let actions = site.model.actions
        // Each item is in its owner's file and each of its services': written once, copied into each.
        let rows = actions.map(filterRow)
        return facets.flatMap { facet, values in
            values.map { value in
                var json = JSONWriter(layout: .compact)
                json.beginArray()
                for position in value.positions.sorted(by: { ActionsPage.urgency(actions[$0], actions[$1]) }) {
                    json.encodedValue(rows[position])
                }
                json.endArray()
                json.endLine()
                return RenderedPage(path: "actions/filter/\(facet.rawValue)-\(value.slug).json", bytes: json.bytes)
            }
        }
    }

    /// One item as the filter script shows it, as compact JSON: the action row's fields
    /// (absent when empty), its list, and URLs from the site root.
    static func filterRow(_ action: TrackedAction) -> [UInt8] {
        let owner = action.canonicalOwner
        let list = List.allCases.first { $0.contains(action) }!
        var json = JSONWriter(layout: .compact, reservingCapacity: 512)
        json.beginObject()
        if list == .overdue, let days = action.daysOverdue { json.member("days_overdue", days) }
        if let due = action.due { json.member("due", due.description) }
        if action.dueFromSLA { json.member("due_from_sla", true) }
        json.member("incident_title", action.incidentTitle ?? action.incident)
        json.member("incident_url", SitePaths.postmortem(action.incident))
        if let link = SafeURL.filter(action.link) { json.member("link", link) }
        json.member("list", list.rawValue)
        if let owner { json.member("owner", owner) }
        json.member("owner_slug", Slug.make(owner ?? unassigned))
        if let owner { json.member("owner_url", SitePaths.term(.owners, Slug.make(owner))) }
        json.member("services", strings: action.services.map { Slug.make($0) })
        json.member("status", action.status.rawValue)
        json.member("status_label", StatusText.display(action.status.rawValue))
        json.member("text", action.text)
        json.endObject()
        return json.bytes
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
