import DebriefModel
import Markdown

/// `runbooks/<slug>/index.html` for every runbook, and the runbooks index.
public struct RunbookPages: PageGenerator {
    public init() {}

    public var navItem: NavItem? { NavItem(title: "Runbooks", path: SitePaths.runbooks) }

    public func pages(_ site: SiteRenderer) throws -> [RenderedPage] {
        let indexRoot = SitePaths.root(of: SitePaths.runbooks)
        let rows = site.model.runbooks.map { entry -> [String: Any] in
            [
                "title": entry.title, "url": indexRoot + SitePaths.runbook(entry.slug),
                "service": entry.runbook.service ?? "", "owner": entry.runbook.owner ?? "",
                "alerts": entry.runbook.alertNames, "incident_count": entry.incidentSlugs.count,
                "incomplete": entry.diagnostics.contains { $0.severity == .error },
            ]
        }
        var pages = [try site.html(path: SitePaths.runbooks, template: "runbooks", title: "Runbooks",
                                   values: ["runbooks": rows, "runbook_count": rows.count])]
        let related = site.relatedIncidents
        pages += try ParallelRendering.map(site.model.runbooks) { entry in
            let path = SitePaths.runbook(entry.slug)
            let root = SitePaths.root(of: path)
            let pageValues = values(entry, site: site, root: root).merging(related.values(for: entry.runbook, root: root)) { $1 }
            return try site.html(path: path, template: "runbook", title: entry.title, values: pageValues)
        }
        return pages
    }

    func values(_ entry: SiteRunbook, site: SiteRenderer, root: String) -> [String: Any] {
        let runbook = entry.runbook
        var values = site.severityValues(nil)
        values["title"] = entry.title
        values["source_path"] = runbook.path
        values["format"] = runbook.format.rawValue
        values["service"] = runbook.service ?? ""
        values["service_url"] = runbook.service.map { root + SitePaths.term(.services, Slug.make($0)) } ?? ""
        values["severity"] = runbook.severity ?? ""
        values["owner"] = runbook.owner ?? ""
        values["alerts"] = runbook.alertNames
        values["impact"] = runbook.impact ?? ""
        values["last_reviewed"] = runbook.lastReviewed?.description ?? ""
        values["diagnosis"] = runbook.diagnosis.enumerated().map { index, step -> [String: Any] in
            ["number": index + 1, "step": step.step, "command": step.command ?? "", "expected": step.expected ?? ""]
        }
        values["mitigation"] = runbook.mitigation.map { option -> [String: Any] in
            ["option": option.option, "when": option.when ?? "", "command": option.command ?? "", "verify": option.verify ?? ""]
        }
        values["recovery"] = runbook.recovery
        values["has_recovery"] = !runbook.recovery.isEmpty
        values["escalation"] = runbook.escalation ?? ""
        values["has_structured_steps"] = !runbook.diagnosis.isEmpty || !runbook.mitigation.isEmpty || !runbook.recovery.isEmpty
        values["body_html"] = runbook.format == .markdown
            ? site.markdownHTML(RunbookPages.bodyWithoutTitle(runbook.body), source: runbook.path, root: root) : ""
        values["incidents"] = entry.incidentSlugs.compactMap(site.model.incident(slug:)).map { site.incidentRow($0, root: root) }
        values["has_diagnostics"] = !entry.diagnostics.isEmpty
        values["has_incidents"] = !entry.incidentSlugs.isEmpty
        values["diagnostics"] = site.diagnosticRows(entry.diagnostics)
        values["incomplete"] = entry.diagnostics.contains { $0.severity == .error }
        values["error_count"] = entry.diagnostics.filter { $0.severity == .error }.count
        return values
    }

    /// The markdown body without its leading H1 (shown as the page title).
    static func bodyWithoutTitle(_ body: String) -> String {
        let document = MarkdownParser.parse(body)
        guard let first = document.blocks.first, first.kind == .heading(level: 1) else { return body }
        var lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        for line in first.line...max(first.line, first.endLine) where lines.indices.contains(line - 1) { lines[line - 1] = "" }
        return lines.joined(separator: "\n")
    }
}
