/// What documents call each other, resolved once when the knowledge base is loaded and read by
/// every consumer (`check`, `build`, `related`, `coverage`), so a reference that passes the check
/// leads to the same page on the site:
/// - each postmortem's and runbook's page slug, unique (a repeat gets `-2`, `-3`);
/// - postmortems by the names documents use for them (`PostmortemNames`);
/// - the paths of the documents, which relative links resolve against (`ContentReference`);
/// - which runbooks answer an alert: those that list it and answer alerts (active or deprecated).
///
/// Who an owner is comes from debrief.yml alone, so it is resolved with the configuration:
/// `DebriefConfig.owners` (`OwnerAliases`).
public struct KnowledgeBaseIndex: Sendable {
    /// Per postmortem (in `KnowledgeBase.postmortems` order), the slug its page lives at.
    public let postmortemSlugs: [String]
    /// Per runbook (in `KnowledgeBase.runbooks` order), the slug its page lives at.
    public let runbookSlugs: [String]
    public let postmortemNames: PostmortemNames
    /// Root-relative paths of every postmortem and runbook.
    public let documentPaths: Set<String>
    /// Alert name, lower-cased -> indices of the runbooks that answer it, in runbook order.
    public let runbooksByAlert: [String: [Int]]
    /// The alert names of `runbooksByAlert`, to find in timeline text.
    private let alertMatcher: AlertMatcher

    public init(postmortems: [Postmortem], runbooks: [Runbook]) {
        var slugs = UniqueSlugs()
        self.init(postmortems: postmortems, slugs: postmortems.map { slugs.claim($0.slug) }, names: PostmortemNames(postmortems), runbooks: runbooks)
    }

    /// This index with `runbooks` in place of its runbooks (resolved after loading: owners,
    /// status, alerts learned from rule files); what it knows of the postmortems is kept.
    public func replacingRunbooks(_ runbooks: [Runbook], postmortems: [Postmortem]) -> KnowledgeBaseIndex {
        KnowledgeBaseIndex(postmortems: postmortems, slugs: postmortemSlugs, names: postmortemNames, runbooks: runbooks)
    }

    private init(postmortems: [Postmortem], slugs postmortemSlugs: [String], names: PostmortemNames, runbooks: [Runbook]) {
        self.postmortemSlugs = postmortemSlugs
        postmortemNames = names
        var slugs = UniqueSlugs()
        runbookSlugs = runbooks.map { slugs.claim($0.slug) }
        documentPaths = Set(postmortems.map(\.path) + runbooks.map(\.path))
        var byAlert: [String: [Int]] = [:]
        for (index, runbook) in runbooks.enumerated() where runbook.answersAlerts {
            for alert in Set(runbook.alertNames.map { $0.lowercased() }) { byAlert[alert, default: []].append(index) }
        }
        runbooksByAlert = byAlert
        alertMatcher = AlertMatcher(alerts: Array(byAlert.keys))
    }

    /// Whether a runbook answers `alert` (any case).
    public func hasRunbook(forAlert alert: String) -> Bool {
        runbooksByAlert[alert.lowercased()] != nil
    }

    /// Indices of the runbooks for the postmortem's declared alerts and for the alert names its
    /// timeline mentions, ascending.
    public func runbooks(for postmortem: Postmortem) -> [Int] {
        var found = Set<Int>()
        for alert in postmortem.alerts { found.formUnion(runbooksByAlert[alert.lowercased()] ?? []) }
        let timelineText = postmortem.timeline.map(\.text).joined(separator: "\n").lowercased()
        if !timelineText.isEmpty {
            for alert in alertMatcher.alerts(in: timelineText) { found.formUnion(runbooksByAlert[alert] ?? []) }
        }
        return found.sorted()
    }
}

/// Hands out slugs, suffixing repeats (`-2`, `-3`) so no two pages share a path.
struct UniqueSlugs {
    private var taken = Set<String>()

    mutating func claim(_ wanted: String) -> String {
        let base = Slug.make(wanted)
        var candidate = base
        var counter = 2
        while taken.contains(candidate) {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        taken.insert(candidate)
        return candidate
    }
}
