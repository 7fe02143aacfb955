import Foundation
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
            var pageValues = try values(incident, site: site, root: root)
            pageValues.merge(site.relatedIncidents.values(forIncidentAt: position, root: root)) { $1 }
            return try site.html(path: path, template: "postmortem", title: incident.title, values: pageValues)
        }
    }

    /// The page's values except its related incidents.
    func values(_ incident: SiteIncident, site: SiteRenderer, root: String) throws -> [String: TemplateValue] {
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
        values["status_label"] = .string(StatusText.display(postmortem.status ?? ""))
        values["is_draft"] = .bool(postmortem.isDraft)
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
        values["timeline_svg"] = .string(TimelineStrip.svg(points: TimelineStrip.points(postmortem, durations: incident.durations),
                                                            spans: TimelineStrip.spans(postmortem, durations: incident.durations),
                                                            timezoneOffset: postmortem.timezoneOffset, timezoneName: postmortem.timezoneName))
        // The tracked action items take the place of the action-item sections they were read
        // from; those found nowhere in the body are listed after it.
        let placement = ActionPlacement(postmortem, actions: incident.actions)
        // Each item's row built once, for its table and for `actions`.
        let rows = incident.actions.map { site.actionRow($0, root: root) }
        let rowByLine = Dictionary(zip(incident.actions.map(\.line), rows)) { first, _ in first }
        var bodyHTML = site.markdownHTML(placement.markdown, source: postmortem.path, root: root)
        var unplaced = placement.unplaced
        for slot in placement.slots {
            let table = String(decoding: try site.layouts.render("action-table", .object([
                "root": .string(root), "hide_incident_column": .bool(true), "actions": .list(slot.actions.compactMap { rowByLine[$0.line] }),
            ])), as: UTF8.self)
            if let range = bodyHTML.textRange(of: ActionPlacement.placeholder(slot.token).html, foldingCase: false) {
                bodyHTML.replaceSubrange(range, with: table)
            } else {
                if let range = bodyHTML.textRange(of: slot.token, foldingCase: false) { bodyHTML.removeSubrange(range) }
                unplaced += slot.actions
            }
        }
        values["body_html"] = .string(bodyHTML)
        values["actions"] = .list(rows)
        values["has_actions"] = .bool(!incident.actions.isEmpty)
        values["actions_in_body"] = .bool(unplaced.count < incident.actions.count)
        values["hide_incident_column"] = .bool(true)
        values["tracking"] = unplaced.isEmpty ? .null : .object(["actions": .list(unplaced.sorted { $0.line < $1.line }.compactMap { rowByLine[$0.line] })])
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
        values["error_count_text"] = .string(CountText.of(incident.errorCount, "validation error"))
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
        ActionPlacement(postmortem, actions: []).markdown
    }
}
