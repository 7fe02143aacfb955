import DebriefModel
import Foundation

/// What a rule sees: the documents to check, the whole knowledge base (for lookups across
/// files) and "today".
public struct ValidationContext: Sendable {
    public var knowledgeBase: KnowledgeBase
    public var today: Day
    public var config: DebriefConfig { knowledgeBase.config }
    /// The postmortems and runbooks to report on: all of them, or one slice when the validator
    /// checks documents in parallel (slices of the knowledge base's arrays: no document is
    /// copied). Rules iterate these, never `knowledgeBase`'s lists.
    public var postmortems: ArraySlice<Postmortem>
    public var runbooks: ArraySlice<Runbook>
    /// The runbooks to report on that the runbook rules apply to (`Runbook.isInUse`).
    public var runbooksInUse: [Runbook] { runbooks.filter(\.isInUse) }
    /// Prose lines of the postmortems, split once and shared by the rules that read text.
    private let prose = ProseCache()

    public init(knowledgeBase: KnowledgeBase, today: Day) {
        self.init(knowledgeBase: knowledgeBase, today: today, postmortems: knowledgeBase.postmortems[...], runbooks: knowledgeBase.runbooks[...])
    }

    /// A context that reports on the given documents of `knowledgeBase` only.
    public init(knowledgeBase: KnowledgeBase, today: Day, postmortems: ArraySlice<Postmortem>, runbooks: ArraySlice<Runbook>) {
        self.knowledgeBase = knowledgeBase
        self.today = today
        self.postmortems = postmortems
        self.runbooks = runbooks
    }

    /// The postmortem's prose lines (code blocks skipped, inline code blanked).
    func proseLines(of postmortem: Postmortem) -> [ProseLine] {
        prose.lines(of: postmortem)
    }

    /// Which of `BodyKeywords.set` the postmortem's body holds.
    func bodyKeywords(of postmortem: Postmortem) -> UInt64 {
        prose.keywords(of: postmortem)
    }
}

/// Prose lines and body keywords by postmortem path, computed on first use.
private final class ProseCache: @unchecked Sendable {
    private var linesByPath: [String: [ProseLine]] = [:]
    private var keywordsByPath: [String: UInt64] = [:]
    private let lock = NSLock()

    func lines(of postmortem: Postmortem) -> [ProseLine] {
        if let cached = lock.withLock({ linesByPath[postmortem.path] }) { return cached }
        let lines = ProseLines.of(postmortem)
        lock.withLock { linesByPath[postmortem.path] = lines }
        return lines
    }

    func keywords(of postmortem: Postmortem) -> UInt64 {
        if let cached = lock.withLock({ keywordsByPath[postmortem.path] }) { return cached }
        let found = BodyKeywords.set.occurring(in: postmortem.body)
        lock.withLock { keywordsByPath[postmortem.path] = found }
        return found
    }
}

/// One validation rule. To add a rule: a new file in Rules/, a type conforming to `Rule`,
/// and an entry in `Validator.allRules`.
public protocol Rule: Sendable {
    /// Stable id used in output, `debrief.yml` `rules:` and `debrief-ignore:`.
    static var id: String { get }
    /// Level when `debrief.yml` does not set one.
    static var defaultSeverity: Diagnostic.Severity { get }
    /// One line for `--help` and the docs.
    static var summary: String { get }
    /// Whether a finding needs all documents compared together (duplicates). Such rules get one
    /// context holding every document; the others run on slices of documents in parallel.
    static var comparesDocuments: Bool { get }

    /// Findings for `context.postmortems` and `context.runbooks`; each diagnostic's severity is
    /// replaced by the configured level afterwards.
    func check(_ context: ValidationContext) -> [Diagnostic]
}

extension Rule {
    public static var comparesDocuments: Bool { false }
}
