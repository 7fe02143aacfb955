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
            return try site.html(path: path, template: "postmortem", title: incident.title, converted: pageValues)
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
        var bodyHTML = site.markdownHTML(placement.markdown, source: postmortem.path, root: root)
        var unplaced = placement.unplaced
        for slot in placement.slots {
            let table = try site.layouts.render("action-table", [
                "root": root, "hide_incident_column": true, "actions": slot.actions.map { site.actionRow($0, root: root) },
            ] as [String: Any])
            if let range = bodyHTML.range(of: ActionPlacement.placeholder(slot.token).html) {
                bodyHTML.replaceSubrange(range, with: table)
            } else {
                bodyHTML = bodyHTML.replacingOccurrences(of: slot.token, with: "")
                unplaced += slot.actions
            }
        }
        values["body_html"] = .string(bodyHTML)
        values["actions"] = .list(incident.actions.map { site.actionRow($0, root: root) })
        values["has_actions"] = .bool(!incident.actions.isEmpty)
        values["actions_in_body"] = .bool(unplaced.count < incident.actions.count)
        values["hide_incident_column"] = .bool(true)
        values["tracking"] = unplaced.isEmpty ? .null : .object(["actions": .list(unplaced.sorted { $0.line < $1.line }.map { site.actionRow($0, root: root) })])
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

/// Where the page shows a postmortem's tracked action items: in place of the source's own list,
/// table or checklist in each action-item section (a heading whose first meaning is action
/// items), so the source's items and the tracked table are one table. Prose in the section that
/// is not an item stays. The body keeps its line numbers: the items' lines are emptied and the
/// first of them carries a placeholder heading (it interrupts any paragraph before it), replaced
/// by the rendered table after the markdown is.
struct ActionPlacement {
    struct Slot {
        var token: String
        var actions: [TrackedAction]
    }

    /// The body without its header lines and the placed items' lines.
    var markdown: String
    var slots: [Slot] = []
    /// Items in no section that could be rewritten (read from a heading line, a section that
    /// also means something else, or a body that contains the placeholder text itself).
    var unplaced: [TrackedAction] = []

    static let tokenPrefix = "DEBRIEFACTIONITEMSSLOT"

    /// The placeholder line and the HTML cmark renders for it.
    static func placeholder(_ token: String) -> (markdown: String, html: String) {
        ("###### " + token, "<h6>" + token + "</h6>")
    }

    init(_ postmortem: Postmortem, actions: [TrackedAction]) {
        let offset = postmortem.bodyLineOffset + 1
        var blank = Set(postmortem.headerLines.map { $0 - offset })
        var replacing: [Int: String] = [:]
        var remaining = actions
        if !actions.isEmpty, !postmortem.body.contains(Self.tokenPrefix) {
            let lines = postmortem.body.split(separator: "\n", omittingEmptySubsequences: false)
            var taken: [ClosedRange<Int>] = []
            for section in postmortem.sections where section.kind == .actionItems && !taken.contains(where: { $0.contains(section.line) }) {
                let first = section.line - offset, last = section.endLine - offset
                guard first >= 0, first < last, last < lines.count else { continue }
                let inside = remaining.filter { $0.line > section.line && $0.line <= section.endLine }
                guard !inside.isEmpty, !actions.contains(where: { $0.line == section.line }) else { continue }
                let itemLines = Set(inside.map { $0.line - offset })
                var emptied = Self.itemBlockLines(lines, from: first, to: last, items: itemLines)
                guard let place = emptied.min() else { continue }
                emptied.formUnion(Self.emptySubheadings(lines, from: first + 1, to: last, emptied: emptied))
                let token = Self.tokenPrefix + String(slots.count)
                blank.formUnion(emptied)
                replacing[place] = Self.placeholder(token).markdown
                slots.append(Slot(token: token, actions: inside))
                remaining.removeAll { $0.line > section.line && $0.line <= section.endLine }
                taken.append(section.line...section.endLine)
            }
        }
        unplaced = remaining
        markdown = LineBlanking.blanking(blank, in: postmortem.body, replacing: replacing)
    }

    static func isBlank(_ line: Substring) -> Bool { line.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" } }

    /// The lines of the blocks (runs of non-blank lines) in `first...last` that hold an item,
    /// with the indented runs that continue them (a loose list's later paragraphs). The heading
    /// line, and a setext underline below it, are never among them.
    static func itemBlockLines(_ lines: [Substring], from first: Int, to last: Int, items: Set<Int>) -> Set<Int> {
        var kept = first
        if first + 1 <= last {
            let next = lines[first + 1].trimmingCharacters(in: .whitespaces)
            if !next.isEmpty, next.allSatisfy({ $0 == "=" }) || next.allSatisfy({ $0 == "-" }) { kept = first + 1 }
        }
        var result = Set<Int>()
        var line = first
        var previousTaken = false
        while line <= last {
            guard !isBlank(lines[line]) else { line += 1; continue }
            var end = line
            while end + 1 <= last, !isBlank(lines[end + 1]) { end += 1 }
            let run = max(line, kept + 1)...max(end, kept + 1)
            let indented = lines[line].first == " " || lines[line].first == "\t"
            let holdsItem = run.contains { items.contains($0) }
            if run.lowerBound <= end, holdsItem || (previousTaken && indented) {
                result.formUnion(run)
                previousTaken = true
            } else {
                previousTaken = false
            }
            line = end + 1
        }
        return result
    }

    /// Heading lines of subsections (`### Done`) whose content is all emptied.
    static func emptySubheadings(_ lines: [Substring], from first: Int, to last: Int, emptied: Set<Int>) -> Set<Int> {
        guard first <= last else { return [] }
        let headings = (first...last).filter { lines[$0].drop { $0 == " " }.hasPrefix("#") && !emptied.contains($0) }
        var result = Set<Int>()
        for (index, heading) in headings.enumerated() {
            let end = index + 1 < headings.count ? headings[index + 1] - 1 : last
            if heading < end, (heading + 1...end).allSatisfy({ emptied.contains($0) || isBlank(lines[$0]) }) { result.insert(heading) }
        }
        return result
    }
}
