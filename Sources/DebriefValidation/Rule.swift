import DebriefModel

/// What a rule sees: the whole knowledge base (cross-file rules need it) and "today".
public struct ValidationContext: Sendable {
    public var knowledgeBase: KnowledgeBase
    public var today: Day
    public var config: DebriefConfig { knowledgeBase.config }

    public init(knowledgeBase: KnowledgeBase, today: Day) {
        self.knowledgeBase = knowledgeBase
        self.today = today
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

    /// Findings for the whole knowledge base; each diagnostic's severity is replaced by the
    /// configured level afterwards.
    func check(_ context: ValidationContext) -> [Diagnostic]
}
