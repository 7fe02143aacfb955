import DebriefModel

/// `postmortems/index.html`: every postmortem, with severity/service/year filters applied by
/// `assets/filter.js`; without JavaScript it is the plain full list.
public struct PostmortemListPage: PageGenerator {
    public init() {}

    public var navItem: NavItem? { NavItem(title: "Postmortems", path: SitePaths.postmortems) }

    public func pages(_ site: SiteRenderer) throws -> [RenderedPage] {
        let model = site.model
        let root = SitePaths.root(of: SitePaths.postmortems)
        let severities = model.config.severities.map(\.name).filter { name in model.incidents.contains { $0.postmortem.severity == name } }
        let services = Dictionary(model.incidents.flatMap(\.postmortem.services).map { (Slug.make($0), $0) }, uniquingKeysWith: { first, _ in first })
        let years = Set(model.incidents.compactMap(\.year)).sorted(by: >)
        let values: [String: Any] = [
            "incidents": model.incidents.map { site.incidentRow($0, root: root) },
            "incident_count": model.incidents.count,
            "incident_count_text": CountText.of(model.incidents.count, "postmortem"),
            "severity_options": severities.map { ["value": Slug.make($0), "label": $0] },
            "service_options": services.keys.sorted().map { ["value": $0, "label": services[$0]!] },
            "year_options": years.map { ["value": $0, "label": $0] },
            "taxonomies": Taxonomy.allCases.map { ["title": $0.title, "url": root + SitePaths.taxonomy($0)] },
        ]
        return [try site.html(path: SitePaths.postmortems, template: "postmortems", title: "All postmortems",
                              values: values, scripts: ["assets/filter.js"])]
    }
}
