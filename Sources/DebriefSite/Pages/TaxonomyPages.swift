import DebriefModel
import DebriefAnalytics

/// Index pages per service, tag, severity, year and owner (`services/<slug>/index.html`), and an
/// index of each family (`services/index.html`). Owner pages list the owner's action items.
public struct TaxonomyPages: PageGenerator {
    public init() {}

    public var renderWeight: Int { 4 }

    /// At most this many open action items on a service, tag, severity or year page.
    static let openActionLimit = 50

    /// The severity names of a term row of another taxonomy than severities.
    static let noSeverity: [String: TemplateValue] = ["severity": .null, "severity_label": .null, "severity_class": .null]

    /// One value of a taxonomy and what it groups, as positions in `model.incidents` (whose rows
    /// are built once and shared by every page listing them) and `model.actions`.
    struct Term: Sendable {
        var name: String
        var slug: String
        var incidents: [Int]
        var actions: [Int]

        /// One action item of `incident` (an owner's term).
        mutating func add(incident: Int, action: Int) {
            if incidents.last != incident { incidents.append(incident) }
            actions.append(action)
        }

        /// `incident` with all its action items (a service, tag, severity or year term), once
        /// even when the incident names the term twice.
        mutating func add(incident: Int, actions incidentActions: Range<Int>) {
            guard incidents.last != incident else { return }
            incidents.append(incident)
            actions.append(contentsOf: incidentActions)
        }
    }

    public func pages(_ site: SiteRenderer) throws -> [RenderedPage] {
        try RenderJob.pages(of: jobs(site))
    }

    /// One job per taxonomy: its index and its terms' pages.
    public func jobs(_ site: SiteRenderer) -> [RenderJob] {
        Taxonomy.allCases.map { taxonomy in RenderJob { try pages(taxonomy, site: site) } }
    }

    func pages(_ taxonomy: Taxonomy, site: SiteRenderer) throws -> [RenderedPage] {
        let model = site.model
        let actions = model.actions
        let terms = TaxonomyPages.terms(taxonomy, in: model)
        let indexPath = SitePaths.taxonomy(taxonomy)
        let indexRoot = SitePaths.root(of: indexPath)
        let rows = terms.map { term -> TemplateValue in
            var row: [String: TemplateValue] = [
                "name": .string(term.name), "url": .string(indexRoot + SitePaths.term(taxonomy, term.slug)),
                "incident_count": .int(term.incidents.count), "action_count": .int(term.actions.count),
                "incident_count_text": .string(CountText.of(term.incidents.count, "incident")),
                "action_count_text": .string(CountText.of(term.actions.count, "action item")),
                "overdue_count": .int(term.actions.count(where: { actions[$0].isOverdue })),
            ]
            // A severity's row shows its badge; the other rows have the badge's names empty.
            row.merge(taxonomy == .severities ? site.severityMembers(term.name) : TaxonomyPages.noSeverity) { _, new in new }
            return .object(TemplateObject(row))
        }
        var pages = [try site.html(path: indexPath, template: "terms", title: taxonomy.title, values: [
            "taxonomy": .string(taxonomy.title), "terms": .list(rows), "is_owners": .bool(taxonomy == .owners),
        ])]
        for term in terms {
            // An owner's pages are their work list, paged; other terms page their incidents.
            let isOwner = taxonomy == .owners
            let open = term.actions.filter { actions[$0].isOpen }.sorted { ActionsPage.urgency(actions[$0], actions[$1]) }
            let ownerItems = isOwner ? open + term.actions.filter { !actions[$0].isOpen } : []
            let pagination = Pagination(firstPath: SitePaths.term(taxonomy, term.slug), itemCount: isOwner ? ownerItems.count : term.incidents.count)
            // What only page 1 shows; a service, tag, severity or year shows its most urgent open
            // items only, so its size does not grow with the whole history. Later pages have the
            // same names, empty: a layout names the same values on every page.
            let firstPage = firstPageValues(term, taxonomy: taxonomy, open: isOwner ? [] : open,
                                            root: SitePaths.root(of: pagination.path(ofPage: 1)), site: site)
            let laterPage = firstPage.mapValues { _ in TemplateValue.null }
            let incidentCountText = TemplateValue.string(CountText.of(term.incidents.count, "incident"))
            let overdueCountText = TemplateValue.string(CountText.of(term.actions.count(where: { actions[$0].isOverdue }), "overdue action item"))
            for number in pagination.pages {
                let path = pagination.path(ofPage: number)
                let root = SitePaths.root(of: path)
                let listed = pagination.items(ofPage: number)
                var values: [String: TemplateValue] = [
                    "taxonomy": .string(taxonomy.title), "taxonomy_singular": .string(taxonomy.singular), "name": .string(term.name),
                    "taxonomy_url": .string(root + SitePaths.taxonomy(taxonomy)),
                    "incident_count_text": incidentCountText, "overdue_count_text": overdueCountText,
                    "is_first_page": .bool(number == 1),
                    "is_owner": .bool(isOwner),
                    // The paged list: an owner's action items, another term's incidents.
                    "actions": isOwner ? .list(listed.map { site.actionRow(actions[ownerItems[$0]], root: root) }) : .null,
                    "has_actions": .bool(!ownerItems.isEmpty),
                    "incidents": isOwner ? .null : .list(listed.map { site.incidentRow(model.incidents[term.incidents[$0]], root: root) }),
                    "pager": pagination.pager(page: number, root: root),
                    "hide_incident_column": .bool(false),
                ]
                values.merge(number == 1 ? firstPage : laterPage) { _, new in new }
                pages.append(try site.html(path: path, template: "term", title: pagination.title("\(taxonomy.singular): \(term.name)", page: number),
                                           values: values))
            }
        }
        return pages
    }

    /// The values only a term's first page shows (response times, runbooks, open action items),
    /// for the first page's `root`.
    private func firstPageValues(_ term: Term, taxonomy: Taxonomy, open: [Int], root: String, site: SiteRenderer) -> [String: TemplateValue] {
        let model = site.model
        let listedOpen = Array(open.prefix(Self.openActionLimit))
        // A service's page lists the runbooks written for it.
        let runbooks = taxonomy != .services ? [] : model.runbooks.filter { entry in
            entry.runbook.service.map { Slug.make($0.trimmingWhitespaceAndNewlines()) == term.slug } ?? false
        }
        var values: [String: TemplateValue] = [
            "response_times": TaxonomyPages.responseTimes(of: term.incidents, in: model),
            // At most a page of them: a service can have hundreds; the search lists all.
            "runbooks": .list(runbooks.prefix(Pagination.defaultPageSize).map { entry in
                .object(["title": .string(entry.title), "url": .string(root + SitePaths.runbook(entry.slug)),
                         "owner": .string(entry.runbook.owner ?? ""), "alerts": .strings(entry.runbook.alertNames)])
            }),
            "has_runbooks": .bool(!runbooks.isEmpty),
            "more_runbooks_text": .string(runbooks.count > Pagination.defaultPageSize
                ? "The first \(Pagination.defaultPageSize) of \(CountText.of(runbooks.count, "runbook"))." : ""),
            "runbooks_search_url": .string(SearchPage.url(root: root, "service", term.name)),
            "has_open_actions": .bool(!listedOpen.isEmpty),
            "more_open_actions_text": .string(open.count > listedOpen.count
                ? CountText.of(open.count - listedOpen.count, "more open action item") : ""),
            "actions_url": .string(root + SitePaths.actions),
        ]
        // An owner's `actions` are their paged list instead.
        if taxonomy != .owners {
            values["actions"] = .list(listedOpen.map { site.actionRow(model.actions[$0], root: root) })
        }
        return values
    }

    /// MTTD, MTTA, MTTM and MTTR (mean / median in minutes, with n) over a term's incidents
    /// (positions in `model.incidents`, read in place: an incident is a large value to copy).
    static func responseTimes(of incidents: [Int], in model: SiteModel) -> TemplateValue {
        .list(ResponseMetric.allCases.map { metric in
            let statistic = SummaryStatistic(incidents.map { model.incidents[$0].durations[metric].map { $0 / 60 } })
            return .object(["label": .string(metric.label), "meaning": .string(metric.meaning), "text": .string(FigureText.statistic(statistic))])
        })
    }

    /// The terms of a taxonomy, sorted by name (years newest first); values that slugify alike
    /// share one page, named by their first spelling.
    static func terms(_ taxonomy: Taxonomy, in model: SiteModel) -> [Term] {
        var terms: [String: Term] = [:]
        var nextAction = 0 // position in `model.actions` of the incident's first action item
        /// `action`: one action item (owners), else all of the incident's.
        func add(_ name: String, incident: Int, action: Int? = nil) {
            let trimmed = name.trimmingWhitespaceAndNewlines()
            guard !trimmed.isEmpty else { return }
            let slug = Slug.make(trimmed)
            // Mutated in place (no copy of the term's arrays per addition). Incidents are visited
            // one at a time, so a repeat of this incident can only be the term's last one.
            if let action {
                terms[slug, default: Term(name: trimmed, slug: slug, incidents: [], actions: [])].add(incident: incident, action: action)
            } else {
                terms[slug, default: Term(name: trimmed, slug: slug, incidents: [], actions: [])]
                    .add(incident: incident, actions: nextAction..<(nextAction + model.incidents[incident].actions.count))
            }
        }
        // Fields are read in place: binding each incident to a local copied it whole (a retain of
        // every field), five times over the whole corpus.
        for position in model.incidents.indices {
            switch taxonomy {
            case .services: model.incidents[position].postmortem.services.forEach { add($0, incident: position) }
            case .tags: model.incidents[position].postmortem.tags.forEach { add($0, incident: position) }
            case .severities: model.incidents[position].postmortem.severity.map { add($0, incident: position) }
            case .years: model.incidents[position].year.map { add($0, incident: position) }
            case .owners:
                for offset in model.incidents[position].actions.indices {
                    model.incidents[position].actions[offset].canonicalOwner.map { add($0, incident: position, action: nextAction + offset) }
                }
            }
            nextAction += model.incidents[position].actions.count
        }
        // Lower-cased once per term, not once per comparison.
        let keyed: [(key: String, term: Term)] = terms.values.map { ($0.name.lowercased(), $0) }
        let sorted: [Term] = keyed.sorted { a, b in a.key == b.key ? a.term.slug < b.term.slug : a.key < b.key }.map { $0.term }
        switch taxonomy {
        case .years: return sorted.reversed()
        case .severities: return sorted.sorted { (model.severityRank($0.name) ?? Int.max, $0.slug) < (model.severityRank($1.name) ?? Int.max, $1.slug) }
        default: return sorted
        }
    }
}
