import DebriefModel
import DebriefAnalytics

/// `postmortems/<slug>/index.html` for every postmortem.
public struct PostmortemPages: PageGenerator {
    public init() {}

    /// Pages per job: about 2 MB of HTML, small enough to even out the cores at the end of a build.
    static let batchSize = 200

    public func prepare(_ site: SiteRenderer) {
        _ = site.relatedIncidents
    }

    public func pages(_ site: SiteRenderer) throws -> [RenderedPage] {
        try RenderJob.pages(of: jobs(site))
    }

    public func jobs(_ site: SiteRenderer) -> [RenderJob] {
        RenderJob.batches(site.model.incidents.indices, size: PostmortemPages.batchSize) { position in
            let incident = site.model.incidents[position]
            let path = SitePaths.postmortem(incident.slug)
            let root = SitePaths.root(of: path)
            var pageValues = values(incident, site: site, root: root)
            pageValues.merge(site.relatedIncidents.values(forIncidentAt: position, root: root)) { $1 }
            return try site.html(path: path, template: "postmortem", title: incident.title, converted: pageValues)
        }
    }

    /// The page's values except its related incidents.
    func values(_ incident: SiteIncident, site: SiteRenderer, root: String) -> [String: TemplateValue] {
        let postmortem = incident.postmortem
        let model = site.model
        var values = site.severityMembers(postmortem.severity)
        values["title"] = .string(incident.title)
        values["slug"] = .string(incident.slug)
        values["source_path"] = .string(postmortem.path)
        values["date"] = .string(postmortem.date?.description ?? "")
        values["year_url"] = .string(incident.year.map { root + SitePaths.term(.years, $0) } ?? "")
        values["severity_url"] = .string(postmortem.severity.map { root + SitePaths.term(.severities, Slug.make($0)) } ?? "")
        values["status"] = .string(postmortem.status ?? "")
        values["services"] = PostmortemPages.links(postmortem.services, taxonomy: .services, root: root)
        values["tags"] = PostmortemPages.links(postmortem.tags, taxonomy: .tags, root: root)
        values["authors"] = .strings(postmortem.authors)
        values["incident_commander"] = .string(postmortem.incidentCommander ?? "")
        values["alerts"] = .strings(postmortem.alerts)
        values["durations"] = .list(DurationText.fields.map { field in
            let seconds = DurationText.seconds(incident.durations, field.metric)
            return .object(["label": .string(field.label), "measured": .bool(seconds != nil),
                            "value": .string(seconds.map(DurationText.format(seconds:)) ?? "not measured"),
                            "stated": .string(postmortem.stated(field.stated).map { DurationText.format(seconds: Int($0)) } ?? "")])
        })
        values["stated_duration"] = .string(postmortem.statedDuration.map { DurationText.format(seconds: Int($0)) } ?? "")
        values["body_html"] = .string(site.markdownHTML(PostmortemPages.bodyWithoutHeader(postmortem), source: postmortem.path, root: root))
        values["actions"] = .list(incident.actions.map { site.actionRow($0, root: root) })
        values["has_actions"] = .bool(!incident.actions.isEmpty)
        values["overdue_count"] = .int(incident.actions.count(where: \.isOverdue))
        values["runbooks"] = .list(incident.runbookSlugs.compactMap(model.runbook(slug:)).map { runbook in
            .object(["title": .string(runbook.title), "url": .string(root + SitePaths.runbook(runbook.slug)),
                     "alerts": .strings(runbook.runbook.alertNames)])
        })
        values["has_runbooks"] = .bool(!incident.runbookSlugs.isEmpty)
        values["incomplete"] = .bool(!incident.isComplete)
        values["has_diagnostics"] = .bool(!incident.diagnostics.isEmpty)
        values["diagnostics"] = site.diagnosticRows(incident.diagnostics)
        values["error_count"] = .int(incident.errorCount)
        values["warning_count"] = .int(incident.warningCount)
        return values
    }

    /// Names linking to their taxonomy pages (`{name, url}` items).
    static func links(_ names: [String], taxonomy: Taxonomy, root: String) -> TemplateValue {
        .list(names.map { name in .object(["name": .string(name), "url": .string(root + SitePaths.term(taxonomy, Slug.make(name)))]) })
    }

    /// The body without its H1 title and the header field lines above the first section (the
    /// parser's `headerLines`): the page shows those as metadata. Everything else is rendered as written.
    static func bodyWithoutHeader(_ postmortem: Postmortem) -> String {
        LineBlanking.blanking(Set(postmortem.headerLines.map { $0 - postmortem.bodyLineOffset - 1 }), in: postmortem.body)
    }
}
