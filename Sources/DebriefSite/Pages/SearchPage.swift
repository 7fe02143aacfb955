import Foundation
import DebriefModel
import DebriefSearch

/// `search/index.html` and the sharded search index under `search/` (see SearchShards and
/// docs/search.md). The page's script, `assets/search.js`, ranks exactly like `debrief search`.
public struct SearchPage: PageGenerator {
    public static let path = "search/index.html"

    /// The search page opened with one parameter (`q`, `service`, …), from a page at `root`.
    public static func url(root: String, _ name: String, _ value: String) -> String {
        root + path + "?" + name + "=" + (value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
    }

    public init() {}

    public var renderWeight: Int { 6 }

    public var navItem: NavItem? { NavItem(title: "Search", path: SearchPage.path) }

    public func pages(_ site: SiteRenderer) throws -> [RenderedPage] {
        let documents = site.timings.measure("search: documents") { SearchPage.documents(site.model) }
        // The two steps Pagefind's indexing time compares with (docs/search.md).
        let index = site.timings.measure("search: index") { SearchIndex(documents: documents) }
        var pages = site.timings.measure("search: shards") {
            SearchShards.files(for: index) { document in
                document.kind == .postmortem ? SitePaths.postmortem(document.slug) : SitePaths.runbook(document.slug)
            }.map { RenderedPage(path: "search/" + $0.path, text: $0.text) }
        }
        let model = site.model
        let services = Set(model.incidents.flatMap { $0.postmortem.services.map { $0.lowercased() } }
            + model.runbooks.compactMap { $0.runbook.service?.lowercased() }).sorted()
        let years = Set(model.incidents.compactMap { $0.postmortem.date?.year }).sorted(by: >)
        let values: [String: TemplateValue] = [
            "severities": .strings(model.config.severities.map(\.name)),
            "services": .strings(services),
            "years": .strings(years.map(String.init)),
            "document_count": .int(index.documents.count),
            "document_count_text": .string(CountText.of(index.documents.count, "document")),
        ]
        pages.append(try site.html(path: SearchPage.path, template: "search", title: "Search", values: values,
                                   scripts: ["assets/search.js", "search/manifest.js"]))
        return pages
    }

    /// Documents in the order `debrief search` uses (postmortems, then runbooks, each by path),
    /// so equal scores break ties alike; slugs are the site's unique ones, for the page URLs.
    static func documents(_ model: SiteModel) -> [SearchDocument] {
        let incidents = model.incidents.sorted { $0.postmortem.path < $1.postmortem.path }.map { incident in
            var document = SearchDocument(postmortem: incident.postmortem)
            document.slug = incident.slug
            return document
        }
        let runbooks = model.runbooks.sorted { $0.runbook.path < $1.runbook.path }.map { entry in
            var document = SearchDocument(runbook: entry.runbook)
            document.slug = entry.slug
            return document
        }
        return incidents + runbooks
    }
}
