import Foundation
import DebriefModel
import Dispatch
import DebriefAnalytics

/// Everything the pages are made from: the knowledge base joined with its diagnostics, metrics,
/// tracked actions and alert links, with unique slugs and a fixed order. Built once per build.
public struct SiteModel: Sendable {
    public var config: DebriefConfig
    /// The knowledge base root (linked files are read from it).
    public var root: URL
    public var today: Day
    /// Absolute base URL ending with `/` (feeds only; pages link relatively).
    public var baseURL: String
    public var diagnostics: [Diagnostic]
    /// Newest first (undated last), then by slug.
    public var incidents: [SiteIncident] { didSet { actions = incidents.flatMap(\.actions) } }
    /// By title, then slug.
    public var runbooks: [SiteRunbook]
    /// Files the content links to that are published beside the pages (`KnowledgeBase.linkedFiles`).
    public var contentFiles: [String]
    /// Alerts matched to runbooks, when `alert_rules:` is configured.
    public var alertCoverage: AlertCoverage?
    /// Every action item of every incident, in incident order. Kept, not recomputed: five page
    /// kinds read it, and each recomputation copied every tracked action.
    public private(set) var actions: [TrackedAction]
    /// Slug -> position in `incidents` / `runbooks`, for constant-time lookups by slug.
    private var incidentPositions: [String: Int]
    private var runbookPositions: [String: Int]

    public init(knowledgeBase: KnowledgeBase, diagnostics: [Diagnostic], today: Day, baseURL: String) {
        config = knowledgeBase.config
        root = knowledgeBase.root
        self.today = today
        self.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        self.diagnostics = diagnostics
        let byFile = Dictionary(grouping: diagnostics, by: \.file)

        let index = knowledgeBase.index
        var runbookEntries = knowledgeBase.runbooks.enumerated().map { position, runbook in
            SiteRunbook(runbook: runbook, slug: index.runbookSlugs[position], diagnostics: byFile[runbook.path] ?? [])
        }
        // The incident itself is built on all cores.
        let built = ResultSlots<SiteIncident>(count: knowledgeBase.postmortems.count)
        DispatchQueue.concurrentPerform(iterations: knowledgeBase.postmortems.count) { position in
            let postmortem = knowledgeBase.postmortems[position]
            built[position] = SiteIncident(postmortem: postmortem, slug: index.postmortemSlugs[position], diagnostics: byFile[postmortem.path] ?? [],
                                           runbookSlugs: index.runbooks(for: postmortem).map { index.runbookSlugs[$0] }.sorted(),
                                           config: knowledgeBase.config, today: today)
        }
        var incidents = built.values
        incidents.sort { a, b in
            switch (a.postmortem.date, b.postmortem.date) {
            case let (x?, y?) where x != y: return x > y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a.slug < b.slug
            }
        }
        // One pass over the incidents (in their final order) instead of one per runbook.
        var incidentsByRunbook: [String: [String]] = [:]
        for incident in incidents {
            for runbookSlug in incident.runbookSlugs { incidentsByRunbook[runbookSlug, default: []].append(incident.slug) }
        }
        for index in runbookEntries.indices {
            runbookEntries[index].incidentSlugs = incidentsByRunbook[runbookEntries[index].slug] ?? []
        }
        runbookEntries.sort { ($0.title.lowercased(), $0.slug) < ($1.title.lowercased(), $1.slug) }
        self.incidents = incidents
        actions = incidents.flatMap(\.actions)
        self.runbooks = runbookEntries
        contentFiles = knowledgeBase.linkedFiles
        alertCoverage = knowledgeBase.alertCoverage
        incidentPositions = Dictionary(incidents.enumerated().map { ($1.slug, $0) }, uniquingKeysWith: { first, _ in first })
        runbookPositions = Dictionary(runbookEntries.enumerated().map { ($1.slug, $0) }, uniquingKeysWith: { first, _ in first })
    }

    // The positions are checked against the arrays, which are public and may have been edited.
    public func incident(slug: String) -> SiteIncident? {
        incidentPosition(slug: slug).map { incidents[$0] }
    }

    /// Position in `incidents` of the incident with this slug.
    public func incidentPosition(slug: String) -> Int? {
        if let position = incidentPositions[slug], incidents.indices.contains(position), incidents[position].slug == slug {
            return position
        }
        return incidents.firstIndex { $0.slug == slug }
    }

    public func runbook(slug: String) -> SiteRunbook? {
        if let position = runbookPositions[slug], runbooks.indices.contains(position), runbooks[position].slug == slug {
            return runbooks[position]
        }
        return runbooks.first { $0.slug == slug }
    }

    /// 1-based position of a severity among the configured levels (for badge colours), nil when unknown.
    public func severityRank(_ severity: String?) -> Int? {
        guard let severity, let index = config.severities.firstIndex(where: { $0.name == severity }) else { return nil }
        return index + 1
    }
}

/// A postmortem as the site shows it.
public struct SiteIncident: Sendable {
    public var postmortem: Postmortem
    /// Unique among postmortems (a duplicate gets `-2`, `-3`; the duplicate-slug rule reports it).
    public var slug: String
    public var title: String
    public var diagnostics: [Diagnostic]
    public var durations: IncidentDurations
    public var actions: [TrackedAction]
    public var runbookSlugs: [String]

    init(postmortem: Postmortem, slug: String, diagnostics: [Diagnostic], runbookSlugs: [String], config: DebriefConfig, today: Day) {
        self.postmortem = postmortem
        self.slug = slug
        let title = postmortem.title?.trimmingWhitespaceAndNewlines() ?? ""
        self.title = title.isEmpty ? slug : title
        self.diagnostics = diagnostics
        durations = IncidentDurations(postmortem)
        self.runbookSlugs = runbookSlugs
        let shownTitle = self.title
        actions = postmortem.actionItems.map { item in
            var action = TrackedAction(item: item, of: postmortem, config: config, today: today)
            action.incident = slug // the unique slug its page lives at
            action.incidentTitle = shownTitle
            return action
        }
    }

    public var errorCount: Int { diagnostics.count(where: { $0.severity == .error }) }
    public var warningCount: Int { diagnostics.count(where: { $0.severity == .warning }) }
    /// Incomplete postmortems (validation errors) are marked on their page and in lists.
    public var isComplete: Bool { errorCount == 0 }
    public var year: String? { postmortem.date.map { SiteIncident.fourDigits($0.year) } }

    /// `String(format: "%04d")` without Foundation's formatter (called for every row).
    static func fourDigits(_ year: Int) -> String {
        guard year >= 0 else { return String(format: "%04d", year) }
        let digits = String(year)
        return digits.count >= 4 ? digits : String(repeating: "0", count: 4 - digits.count) + digits
    }
}

/// A runbook as the site shows it.
public struct SiteRunbook: Sendable {
    public var runbook: Runbook
    public var slug: String
    public var title: String
    public var diagnostics: [Diagnostic]
    /// Incidents (newest first) in which one of its alerts fired.
    public var incidentSlugs: [String] = []

    init(runbook: Runbook, slug: String, diagnostics: [Diagnostic]) {
        self.runbook = runbook
        self.slug = slug
        let title = runbook.title?.trimmingWhitespaceAndNewlines() ?? ""
        self.title = title.isEmpty ? slug : title
        self.diagnostics = diagnostics
    }
}
