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
    public let contentLinks: ContentLinks
    private let relatedIncidentsCache = ComputedOnce<RelatedIncidentsSection>()

    public init(model: SiteModel, layouts: SiteLayouts, nav: [NavItem]) {
        self.model = model
        self.layouts = layouts
        self.nav = nav
        contentLinks = ContentLinks(model: model)
    }

    /// Related incidents of every postmortem, computed by the first page kind that asks and
    /// shared with the others (postmortem and runbook pages both show them).
    public var relatedIncidents: RelatedIncidentsSection {
        relatedIncidentsCache.value { RelatedIncidentsSection(model: model) }
    }

    /// Markdown from the file at `source` as HTML: safe unless `unsafe_html`, with links to
    /// other content files pointing at their pages.
    public func markdownHTML(_ markdown: String, source: String, root: String) -> String {
        let html = MarkdownParser.renderHTML(markdown, unsafe: model.config.unsafeHTML)
        return contentLinks.rewrite(html, source: source, root: root)
    }

    /// Renders an HTML page: `values` plus the values every page receives (`root`, `site_title`,
    /// `page_title`, `nav`, `scripts`).
    public func html(path: String, template: String, title: String, values: [String: Any], scripts: [String] = []) throws -> RenderedPage {
        let root = SitePaths.root(of: path)
        let section = path.split(separator: "/").first.map(String.init) ?? ""
        var context = values
        context["root"] = root
        context["site_title"] = model.config.title
        context["page_title"] = title
        context["is_home"] = path == SitePaths.home
        context["nav"] = nav.map { item -> [String: Any] in
            let itemSection = item.path.split(separator: "/").first.map(String.init) ?? ""
            let current = item.path == SitePaths.home ? path == SitePaths.home : (itemSection == section && path != SitePaths.home)
            return ["title": item.title, "url": root + item.path, "current": current]
        }
        context["scripts"] = scripts.map { root + $0 }
        // Converted once into template values: empty strings become null, so that `{{#value}}`
        // sections skip them as the templates expect.
        return RenderedPage(path: path, bytes: Data(try layouts.render(template, TemplateValue(context))))
    }

    // MARK: - View values shared by several pages

    /// A postmortem as a row of a list.
    public func incidentRow(_ incident: SiteIncident, root: String) -> [String: Any] {
        let postmortem = incident.postmortem
        var row = severityValues(postmortem.severity)
        row["title"] = incident.title
        row["url"] = root + SitePaths.postmortem(incident.slug)
        row["date"] = postmortem.date?.description ?? ""
        row["year"] = incident.year ?? ""
        row["status"] = postmortem.status ?? ""
        row["services"] = postmortem.services.map { ["name": $0, "url": root + SitePaths.term(.services, Slug.make($0))] }
        row["service_slugs"] = postmortem.services.map { Slug.make($0) }.joined(separator: " ")
        row["severity_slug"] = postmortem.severity.map { Slug.make($0) } ?? "none"
        row["incomplete"] = !incident.isComplete
        row["error_count"] = incident.errorCount
        return row
    }

    /// `severity` (name or empty), `severity_label`, `severity_class` (`sev-1`..`sev-4`, `sev-unknown`).
    public func severityValues(_ severity: String?) -> [String: Any] {
        let rank = model.severityRank(severity)
        return [
            "severity": severity ?? "",
            "severity_label": severity ?? "No severity",
            "severity_class": rank.map { "sev-\(min($0, 4))" } ?? "sev-unknown",
        ]
    }

    /// An action item as a row of an actions table.
    public func actionRow(_ action: TrackedAction, root: String) -> [String: Any] {
        let owner = action.siteOwner
        return [
            "text": action.text,
            "owner": owner ?? "",
            "owner_url": owner.map { root + SitePaths.term(.owners, Slug.make($0)) } ?? "",
            "status": action.status.rawValue,
            "is_open": action.isOpen,
            "overdue": action.isOverdue,
            "days_overdue": action.daysOverdue ?? 0,
            "due": action.due?.description ?? "",
            "due_from_sla": action.dueFromSLA,
            "incident_title": action.incidentTitle ?? action.incident,
            "incident_url": root + SitePaths.postmortem(action.incident),
            "id": action.stableID,
            "link": SafeURL.filter(action.link) ?? "",
        ]
    }

    public func diagnosticRows(_ diagnostics: [Diagnostic]) -> [[String: Any]] {
        diagnostics.map {
            ["line": $0.line, "severity": $0.severity.rawValue, "is_error": $0.severity == .error, "rule": $0.rule, "message": $0.message]
        }
    }
}

extension TrackedAction {
    public var isOpen: Bool { !status.isClosed }

    /// The canonical owner, nil when none is written.
    public var siteOwner: String? {
        guard let owner = canonicalOwner?.trimmingCharacters(in: .whitespaces), !owner.isEmpty else { return nil }
        return owner
    }

    /// Stable across builds: incident slug plus the item's id, or its source line.
    public var stableID: String {
        "\(incident)-\(id.map { Slug.make($0) } ?? "line\(line)")"
    }
}
