import DebriefModel
import DebriefAnalytics
import Markdown

/// `runbooks/<slug>/index.html` for every runbook, and the runbooks index.
public struct RunbookPages: PageGenerator {
    public init() {}

    public var navItem: NavItem? { NavItem(title: "Runbooks", path: SitePaths.runbooks) }

    public func prepare(_ site: SiteRenderer) {
        _ = site.relatedIncidents
    }

    public func pages(_ site: SiteRenderer) throws -> [RenderedPage] {
        try RenderJob.pages(of: jobs(site))
    }

    /// The index pages, then the runbook pages in batches.
    public func jobs(_ site: SiteRenderer) -> [RenderJob] {
        let runbooks = site.model.runbooks
        let pagination = Pagination(firstPath: SitePaths.runbooks, itemCount: runbooks.count)
        let index = RenderJob {
            try pagination.pages.map { number in
                let path = pagination.path(ofPage: number)
                let root = SitePaths.root(of: path)
                let rows = pagination.items(ofPage: number).map { position -> TemplateValue in
                    let entry = runbooks[position]
                    return .object([
                        "title": .string(entry.title), "url": .string(root + SitePaths.runbook(entry.slug)),
                        "service": .string(entry.runbook.service ?? ""), "owner": .string(entry.runbook.owner ?? ""),
                        "alerts": .strings(entry.runbook.alertNames), "incident_count": .int(entry.incidentSlugs.count),
                        "incomplete": .bool(entry.diagnostics.contains { $0.severity == .error }),
                    ])
                }
                return try site.html(path: path, template: "runbooks", title: pagination.title("Runbooks", page: number), values: [
                    "runbooks": .list(rows), "runbook_count_text": .string(CountText.of(runbooks.count, "runbook")),
                    "pager": pagination.pager(page: number, root: root),
                ])
            }
        }
        return [index] + RenderJob.batches(site.model.runbooks.indices, size: PostmortemPages.batchSize) { position in
            let entry = site.model.runbooks[position]
            let path = SitePaths.runbook(entry.slug)
            let root = SitePaths.root(of: path)
            let pageValues = values(entry, site: site, root: root).merging(site.relatedIncidents.values(for: entry.runbook, root: root)) { $1 }
            return try site.html(path: path, template: "runbook", title: entry.title, values: pageValues)
        }
    }

    func values(_ entry: SiteRunbook, site: SiteRenderer, root: String) -> [String: TemplateValue] {
        let runbook = entry.runbook
        var values = site.severityMembers(nil)
        values["title"] = .string(entry.title)
        values["source_path"] = .string(runbook.path)
        values["format"] = .string(runbook.format.rawValue)
        values["service"] = .string(runbook.service ?? "")
        values["service_url"] = .string(runbook.service.map { root + SitePaths.term(.services, Slug.make($0)) } ?? "")
        values["severity"] = .string(runbook.severity ?? "")
        values["owner"] = .string(runbook.owner ?? "")
        values["alerts"] = .strings(runbook.alertNames)
        values["impact"] = .string(runbook.impact ?? "")
        values["last_reviewed"] = .string(runbook.lastReviewed?.description ?? "")
        values["diagnosis"] = .list(runbook.diagnosis.enumerated().map { index, step in
            .object(["number": .int(index + 1), "step": .string(step.step), "command": .string(step.command ?? ""),
                     "expected": .string(step.expected ?? "")])
        })
        values["mitigation"] = .list(runbook.mitigation.map { option in
            .object(["option": .string(option.option), "when": .string(option.when ?? ""), "command": .string(option.command ?? ""),
                     "verify": .string(option.verify ?? "")])
        })
        values["recovery"] = .strings(runbook.recovery)
        values["has_recovery"] = .bool(!runbook.recovery.isEmpty)
        values["escalation"] = .string(runbook.escalation ?? "")
        values["has_structured_steps"] = .bool(!runbook.diagnosis.isEmpty || !runbook.mitigation.isEmpty || !runbook.recovery.isEmpty)
        values["body_html"] = .string(runbook.format == .markdown
            ? site.markdownHTML(RunbookPages.bodyWithoutTitle(runbook.body), source: runbook.path, root: root) : "")
        // The newest first, at most a page of them: an alert can fire in thousands of incidents.
        let positions = entry.incidentSlugs.compactMap(site.model.incidentPosition(slug:)).sorted()
        let listed = positions.prefix(Pagination.defaultPageSize)
        values["incidents"] = .list(listed.map { site.incidentRow(site.model.incidents[$0], root: root) })
        values["more_incidents_text"] = .string(positions.count > listed.count
            ? "The \(listed.count) newest of \(CountText.of(positions.count, "incident"))." : "")
        values["incidents_search_url"] = .string(SearchPage.url(root: root, "q", runbook.alertNames.joined(separator: " ")))
        values["has_diagnostics"] = .bool(!entry.diagnostics.isEmpty)
        values["has_incidents"] = .bool(!entry.incidentSlugs.isEmpty)
        values["diagnostics"] = site.diagnosticRows(entry.diagnostics)
        values["incomplete"] = .bool(entry.diagnostics.contains { $0.severity == .error })
        values["error_count"] = .int(entry.diagnostics.count(where: { $0.severity == .error }))
        values["error_count_text"] = .string(CountText.of(entry.diagnostics.count(where: { $0.severity == .error }), "validation error"))
        return values
    }

    /// The markdown body without its leading H1 (shown as the page title).
    static func bodyWithoutTitle(_ body: String) -> String {
        let document = MarkdownParser.parse(body)
        guard let first = document.blocks.first, first.kind == .heading(level: 1) else { return body }
        return LineBlanking.blanking(Set((first.line...max(first.line, first.endLine)).map { $0 - 1 }), in: body)
    }
}
