import Foundation
import DebriefModel
import DebriefAnalytics
import Markdown

/// What page generators render with: the site model, the compiled layouts, the navigation, and
/// helpers that turn model values into the dictionaries templates receive (docs/layouts.md).
public struct SiteRenderer: Sendable {
    public let model: SiteModel
    public let layouts: SiteLayouts
    public let nav: [NavItem]
    /// Where page kinds record the time of their own expensive steps (`--timings`).
    public let timings: BuildTimings
    public let contentLinks: ContentLinks
    private let relatedIncidentsCache = ComputedOnce<RelatedIncidentsSection>()

    public init(model: SiteModel, layouts: SiteLayouts, nav: [NavItem], timings: BuildTimings = BuildTimings()) {
        self.model = model
        self.layouts = layouts
        self.nav = nav
        self.timings = timings
        contentLinks = ContentLinks(model: model)
    }

    /// Related incidents of every postmortem, computed by the first page kind that asks and
    /// shared with the others (postmortem and runbook pages both show them).
    public var relatedIncidents: RelatedIncidentsSection {
        relatedIncidentsCache.value { RelatedIncidentsSection(model: model) }
    }

    /// Markdown from the file at `source` as HTML: safe unless `unsafe_html`, with links to
    /// other content files pointing at their pages and published copies.
    /// Tables come wrapped in a `table-wrap` box that scrolls sideways, so a wide table never
    /// widens the page on a phone.
    public func markdownHTML(_ markdown: String, source: String, root: String) -> String {
        let html = MarkdownParser.renderHTML(markdown, unsafe: model.config.unsafeHTML) { contentLinks.destination(of: $0, source: source, root: root) }
        return SiteRenderer.wrappingTables(html)
    }

    /// `<table>…</table>` as `<div class="table-wrap"><table>…</table></div>`. Only cmark's
    /// own `<table>` opens one (content text is escaped; raw HTML with `unsafe_html` is the author's).
    static func wrappingTables(_ html: String) -> String {
        var out = ""
        var rest = html[...]
        // Each `<table>` with the first `</table>` after it, so a raw `<table class=…>` keeps its own
        // end. Searched as bytes (`textRange`): Foundation's search goes through NSString on Linux.
        while let open = rest.textRange(of: "<table>", foldingCase: false),
              let close = rest[open.upperBound...].textRange(of: "</table>", foldingCase: false) {
            out += rest[..<open.lowerBound]
            out += "<div class=\"table-wrap\">"
            out += rest[open.lowerBound..<close.upperBound]
            out += "</div>"
            rest = rest[close.upperBound...]
        }
        return out + rest
    }

    /// Renders an HTML page: `values` plus the values every page receives (`root`, `site_title`,
    /// `page_title`, `is_home`, `nav`, `scripts`). `values` holds every name the template uses,
    /// null when empty: a name it lacks stops the build (SiteLayouts.render).
    public func html(path: String, template: String, title: String, values: [String: TemplateValue],
                     scripts: [String] = []) throws -> RenderedPage {
        let root = SitePaths.root(of: path)
        var context = values
        context["root"] = .string(root)
        context["site_title"] = .string(model.config.title)
        context["page_title"] = .string(title)
        context["is_home"] = .bool(path == SitePaths.home)
        context["nav"] = navValue(path: path, root: root)
        context["scripts"] = .strings(scripts.map { root + $0 })
        return RenderedPage(path: path, bytes: try layouts.render(template, .object(TemplateObject(context))))
    }

    /// The navigation bar of the page at `path`, its own entry marked current.
    private func navValue(path: String, root: String) -> TemplateValue {
        let section = path.split(separator: "/").first.map(String.init) ?? ""
        return .list(nav.map { item in
            let itemSection = item.path.split(separator: "/").first.map(String.init) ?? ""
            let current = item.path == SitePaths.home ? path == SitePaths.home : (itemSection == section && path != SitePaths.home)
            return .object(["title": .string(item.title), "url": .string(root + item.path), "current": .bool(current)])
        })
    }

    // MARK: - View values shared by several pages

    /// A postmortem as a row of a list.
    public func incidentRow(_ incident: SiteIncident, root: String) -> TemplateValue {
        let postmortem = incident.postmortem
        var row = severityMembers(postmortem.severity)
        row["title"] = .string(incident.title)
        row["url"] = .string(root + SitePaths.postmortem(incident.slug))
        row["date"] = .string(postmortem.date?.description ?? "")
        row["year"] = .string(incident.year ?? "")
        row["status"] = .string(postmortem.status ?? "")
        row["status_label"] = .string(StatusText.display(postmortem.status ?? ""))
        row["services"] = .list(postmortem.services.map { service in
            .object(["name": .string(service), "url": .string(root + SitePaths.term(.services, Slug.make(service)))])
        })
        row["service_slugs"] = .string(postmortem.services.map { Slug.make($0) }.joined(separator: " "))
        row["severity_slug"] = .string(postmortem.severity.map { Slug.make($0) } ?? "none")
        row["incomplete"] = .bool(!incident.isComplete)
        row["error_count"] = .int(incident.errorCount)
        return .object(TemplateObject(row))
    }

    /// `severity` (name or empty), `severity_label`, `severity_class` (`sev-1`..`sev-4`, `sev-unknown`).
    public func severityMembers(_ severity: String?) -> [String: TemplateValue] {
        let rank = model.severityRank(severity)
        return [
            "severity": .string(severity ?? ""),
            "severity_label": .string(severity ?? "No severity"),
            "severity_class": .string(rank.map { "sev-\(min($0, 4))" } ?? "sev-unknown"),
        ]
    }

    /// An action item as a row of an actions table.
    public func actionRow(_ action: TrackedAction, root: String) -> TemplateValue {
        let owner = action.canonicalOwner
        return .object([
            "text": .string(action.text),
            "owner": .string(owner ?? ""),
            "owner_url": .string(owner.map { root + SitePaths.term(.owners, Slug.make($0)) } ?? ""),
            "status": .string(action.status.rawValue),
            "status_label": .string(StatusText.display(action.status.rawValue)),
            "is_open": .bool(action.isOpen),
            "overdue": .bool(action.isOverdue),
            "days_overdue": .int(action.daysOverdue ?? 0),
            "due": .string(action.due?.description ?? ""),
            "due_from_sla": .bool(action.dueFromSLA),
            "incident_title": .string(action.incidentTitle ?? action.incident),
            "incident_url": .string(root + SitePaths.postmortem(action.incident)),
            "id": .string(action.stableID),
            "link": .string(SafeURL.filter(action.link) ?? ""),
        ])
    }

    public func diagnosticRows(_ diagnostics: [Diagnostic]) -> TemplateValue {
        .list(diagnostics.map {
            .object(["line": .int($0.line), "severity": .string($0.severity.rawValue), "is_error": .bool($0.severity == .error),
                     "rule": .string($0.rule), "message": .string($0.message)])
        })
    }
}

extension TrackedAction {
    public var isOpen: Bool { !status.isClosed }

    /// Stable across builds: incident slug plus the item's id, or its source line.
    public var stableID: String {
        "\(incident)-\(id.map { Slug.make($0) } ?? "line\(line)")"
    }
}
