import DebriefModel
import DebriefAnalytics

/// `postmortems/index.html` and its further pages (`postmortems/page/2/index.html`): every
/// postmortem, newest first, 50 to a page. Its filter form opens the search page with the chosen
/// severity, service and year, which lists matches across the whole knowledge base.
public struct PostmortemListPage: PageGenerator {
    public init() {}

    public var navItem: NavItem? { NavItem(title: "Postmortems", path: SitePaths.postmortems) }

    public func pages(_ site: SiteRenderer) throws -> [RenderedPage] {
        try RenderJob.pages(of: jobs(site))
    }

    public func jobs(_ site: SiteRenderer) -> [RenderJob] {
        let model = site.model
        let pagination = Pagination(firstPath: SitePaths.postmortems, itemCount: model.incidents.count)
        let severities = model.config.severities.map(\.name).filter { name in model.incidents.contains { $0.postmortem.severity == name } }
        let services = Set(model.incidents.flatMap(\.postmortem.services)).sorted { $0.lowercased() < $1.lowercased() }
        let years = Set(model.incidents.compactMap(\.year)).sorted(by: >)
        let shared: [String: TemplateValue] = [
            "incident_count_text": .string(CountText.of(model.incidents.count, "postmortem")),
            "severity_options": .strings(severities),
            "service_options": .strings(services),
            "year_options": .strings(years),
        ]
        return RenderJob.batches(pagination.pages, size: 100) { number in
            let path = pagination.path(ofPage: number)
            let root = SitePaths.root(of: path)
            var values = shared
            values["incidents"] = .list(pagination.items(ofPage: number).map { site.incidentRow(model.incidents[$0], root: root) })
            values["pager"] = pagination.pager(page: number, root: root)
            values["taxonomies"] = .list(Taxonomy.allCases.map { .object(["title": .string($0.title), "url": .string(root + SitePaths.taxonomy($0))]) })
            values["search_url"] = .string(root + SearchPage.path)
            return try site.html(path: path, template: "postmortems", title: pagination.title("All postmortems", page: number),
                                 values: values, scripts: ["assets/filter.js"])
        }
    }
}
