import DebriefModel
import DebriefAnalytics
import Markdown

/// `postmortems/<slug>/index.html` for every postmortem.
public struct PostmortemPages: PageGenerator {
    public init() {}

    public func pages(_ site: SiteRenderer) throws -> [RenderedPage] {
        let related = site.relatedIncidents
        return try ParallelRendering.map(Array(site.model.incidents.indices)) { position in
            let incident = site.model.incidents[position]
            let path = SitePaths.postmortem(incident.slug)
            let root = SitePaths.root(of: path)
            let pageValues = values(incident, site: site, root: root).merging(related.values(forIncidentAt: position, root: root)) { $1 }
            return try site.html(path: path, template: "postmortem", title: incident.title, values: pageValues)
        }
    }

    func values(_ incident: SiteIncident, site: SiteRenderer, root: String) -> [String: Any] {
        let postmortem = incident.postmortem
        let model = site.model
        var values = site.severityValues(postmortem.severity)
        values["title"] = incident.title
        values["slug"] = incident.slug
        values["source_path"] = postmortem.path
        values["date"] = postmortem.date?.description ?? ""
        values["year_url"] = incident.year.map { root + SitePaths.term(.years, $0) } ?? ""
        values["severity_url"] = postmortem.severity.map { root + SitePaths.term(.severities, Slug.make($0)) } ?? ""
        values["status"] = postmortem.status ?? ""
        values["services"] = postmortem.services.map { ["name": $0, "url": root + SitePaths.term(.services, Slug.make($0))] }
        values["tags"] = postmortem.tags.map { ["name": $0, "url": root + SitePaths.term(.tags, Slug.make($0))] }
        values["authors"] = postmortem.authors
        values["incident_commander"] = postmortem.incidentCommander ?? ""
        values["alerts"] = postmortem.alerts
        values["durations"] = DurationText.fields.map { field -> [String: Any] in
            let seconds = DurationText.seconds(incident.durations, field.metric)
            return ["label": field.label, "measured": seconds != nil,
                    "value": seconds.map(DurationText.format(seconds:)) ?? "not measured"]
        }
        values["body_html"] = site.markdownHTML(PostmortemPages.bodyWithoutHeader(postmortem), source: postmortem.path, root: root)
        values["actions"] = incident.actions.map { site.actionRow($0, root: root) }
        values["has_actions"] = !incident.actions.isEmpty
        values["overdue_count"] = incident.actions.filter(\.isOverdue).count
        values["runbooks"] = incident.runbookSlugs.compactMap(model.runbook(slug:)).map { runbook -> [String: Any] in
            ["title": runbook.title, "url": root + SitePaths.runbook(runbook.slug), "alerts": runbook.runbook.alertNames]
        }
        values["has_runbooks"] = !incident.runbookSlugs.isEmpty
        values["incomplete"] = !incident.isComplete
        values["has_diagnostics"] = !incident.diagnostics.isEmpty
        values["diagnostics"] = site.diagnosticRows(incident.diagnostics)
        values["error_count"] = incident.errorCount
        values["warning_count"] = incident.warningCount
        return values
    }

    /// The body without its H1 title and the header field lines above the first section: the
    /// page shows those as metadata. Everything else is rendered as written.
    static func bodyWithoutHeader(_ postmortem: Postmortem) -> String {
        let offset = postmortem.bodyLineOffset
        let document = MarkdownParser.parse(postmortem.body, lineOffset: offset)
        let firstSection = document.blocks.first { if case .heading(let level) = $0.kind { return level >= 2 } else { return false } }?.line ?? Int.max
        var dropped = Set<Int>()
        if let title = document.blocks.first, title.kind == .heading(level: 1), title.line < firstSection {
            dropped.formUnion(title.line...max(title.line, title.endLine))
        }
        for field in postmortem.fields where field.line > offset && field.line < firstSection { dropped.insert(field.line) }
        if dropped.isEmpty { return postmortem.body }
        var lines = postmortem.body.split(separator: "\n", omittingEmptySubsequences: false)
        for fileLine in dropped.sorted(by: >) {
            let index = fileLine - offset - 1
            if lines.indices.contains(index) { lines[index] = "" }
        }
        return lines.joined(separator: "\n")
    }
}
