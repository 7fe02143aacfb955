import DebriefModel
import DebriefAnalytics

/// Index pages per service, tag, severity, year and owner (`services/<slug>/index.html`), and an
/// index of each family (`services/index.html`). Owner pages list the owner's action items.
public struct TaxonomyPages: PageGenerator {
    public init() {}

    /// One value of a taxonomy and what it groups.
    struct Term: Sendable {
        var name: String
        var slug: String
        var incidents: [SiteIncident]
        var actions: [TrackedAction]

        mutating func add(_ incident: SiteIncident?, _ action: TrackedAction?) {
            if let incident, incidents.last?.slug != incident.slug { incidents.append(incident) }
            if let action { actions.append(action) }
        }
    }

    public func pages(_ site: SiteRenderer) throws -> [RenderedPage] {
        var pages: [RenderedPage] = []
        for taxonomy in Taxonomy.allCases {
            let terms = TaxonomyPages.terms(taxonomy, in: site.model)
            let indexPath = SitePaths.taxonomy(taxonomy)
            let indexRoot = SitePaths.root(of: indexPath)
            let rows = terms.map { term -> [String: Any] in
                var row: [String: Any] = ["name": term.name, "url": indexRoot + SitePaths.term(taxonomy, term.slug),
                                          "incident_count": term.incidents.count, "action_count": term.actions.count,
                                          "overdue_count": term.actions.filter(\.isOverdue).count]
                if taxonomy == .severities { row.merge(site.severityValues(term.name)) { _, new in new } }
                return row
            }
            pages.append(try site.html(path: indexPath, template: "terms", title: taxonomy.title, values: [
                "taxonomy": taxonomy.title, "terms": rows, "is_owners": taxonomy == .owners,
            ]))
            pages += try ParallelRendering.map(terms) { term in
                let path = SitePaths.term(taxonomy, term.slug)
                let root = SitePaths.root(of: path)
                let open = term.actions.filter(\.isOpen).sorted(by: ActionsPage.urgency)
                return try site.html(path: path, template: "term", title: "\(taxonomy.singular): \(term.name)", values: [
                    "taxonomy": taxonomy.title, "taxonomy_singular": taxonomy.singular, "name": term.name,
                    "taxonomy_url": root + SitePaths.taxonomy(taxonomy),
                    "incidents": term.incidents.map { site.incidentRow($0, root: root) },
                    "incident_count": term.incidents.count,
                    "actions": (open + term.actions.filter { !$0.isOpen }).map { site.actionRow($0, root: root) },
                    "has_actions": !term.actions.isEmpty,
                    "overdue_count": term.actions.filter(\.isOverdue).count,
                    "response_times": TaxonomyPages.responseTimes(of: term.incidents),
                ])
            }
        }
        return pages
    }

    /// MTTD, MTTA, MTTM and MTTR (mean / median in minutes, with n) over a term's incidents.
    static func responseTimes(of incidents: [SiteIncident]) -> [[String: Any]] {
        ResponseMetric.allCases.map { metric in
            let statistic = SummaryStatistic(incidents.map { $0.durations[metric].map { $0 / 60 } })
            return ["label": metric.label, "meaning": metric.meaning, "text": FigureText.statistic(statistic)]
        }
    }

    /// The terms of a taxonomy, sorted by name (years newest first); values that slugify alike
    /// share one page, named by their first spelling.
    static func terms(_ taxonomy: Taxonomy, in model: SiteModel) -> [Term] {
        var terms: [String: Term] = [:]
        func add(_ name: String, incident: SiteIncident?, action: TrackedAction?) {
            let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { return }
            let slug = Slug.make(trimmed)
            // Mutated in place (no copy of the term's arrays per addition). Incidents are visited
            // one at a time, so a repeat of this incident can only be the term's last one.
            terms[slug, default: Term(name: trimmed, slug: slug, incidents: [], actions: [])].add(incident, action)
        }
        for incident in model.incidents {
            let postmortem = incident.postmortem
            switch taxonomy {
            case .services: postmortem.services.forEach { add($0, incident: incident, action: nil) }
            case .tags: postmortem.tags.forEach { add($0, incident: incident, action: nil) }
            case .severities: postmortem.severity.map { add($0, incident: incident, action: nil) }
            case .years: incident.year.map { add($0, incident: incident, action: nil) }
            case .owners: incident.actions.forEach { action in action.siteOwner.map { add($0, incident: incident, action: action) } }
            }
        }
        let sorted = terms.values.sorted { $0.name.lowercased() == $1.name.lowercased() ? $0.slug < $1.slug : $0.name.lowercased() < $1.name.lowercased() }
        switch taxonomy {
        case .years: return sorted.reversed()
        case .severities: return sorted.sorted { (model.severityRank($0.name) ?? Int.max, $0.slug) < (model.severityRank($1.name) ?? Int.max, $1.slug) }
        default: return sorted
        }
    }
}
