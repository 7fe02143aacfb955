import DebriefModel

/// Runs every rule over a knowledge base and applies rule levels from `debrief.yml` and
/// per-file `debrief-ignore:` suppressions.
public struct Validator: Sendable {
    public static let allRules: [any Rule] = [
        // Postmortem content
        TitleRule(), SeverityRule(), DateRule(), RequiredSectionRule(), PlaceholderRule(), BlameLanguageRule(),
        // Action items
        ActionOwnerRule(), ActionDueRule(), ActionItemsRequiredRule(),
        // Times
        TimelineOrderRule(), MilestoneOrderRule(), DurationMismatchRule(), StaleDraftRule(),
        // Cross-file
        BrokenReferenceRule(), UnknownAlertRule(), DuplicateIdRule(), DuplicateAlertRule(),
        // Runbooks
        RunbookOwnerRule(), RunbookAlertsRule(), RunbookVerifyRule(), RunbookCommandRule(), RunbookStaleRule(),
    ]

    /// Rule ids of problems found while reading files (not rules that can be turned off here).
    public static let parseRuleSummaries: [String: String] = [
        "unreadable": "File cannot be read as UTF-8 text",
        "front-matter": "Front matter is unterminated or not valid YAML",
        "runbook-format": "Runbook is empty, not valid YAML, or not in the runbook schema",
    ]

    /// One-line summary of a rule id (validation rules and parse problems).
    public static func summary(of ruleID: String) -> String {
        allRules.first { type(of: $0).id == ruleID }.map { type(of: $0).summary } ?? parseRuleSummaries[ruleID] ?? ruleID
    }

    public let rules: [any Rule]

    public init(rules: [any Rule] = Validator.allRules) {
        self.rules = rules
    }

    /// All diagnostics (parse problems included), sorted by file, line, column.
    public func validate(_ knowledgeBase: KnowledgeBase, today: Day) -> [Diagnostic] {
        let context = ValidationContext(knowledgeBase: knowledgeBase, today: today)
        var ignored: [String: Set<String>] = [:]
        for postmortem in knowledgeBase.postmortems { ignored[postmortem.path] = Set(postmortem.ignoredRules) }
        for runbook in knowledgeBase.runbooks { ignored[runbook.path] = Set(runbook.ignoredRules) }
        var diagnostics = knowledgeBase.parseDiagnostics
        for rule in rules {
            let id = type(of: rule).id
            let level = knowledgeBase.config.rules[id]
            if level == .off { continue }
            for var diagnostic in rule.check(context) where !(ignored[diagnostic.file]?.contains(id) ?? false) {
                if let level { diagnostic.severity = level == .error ? .error : .warning }
                diagnostics.append(diagnostic)
            }
        }
        return diagnostics.sorted()
    }
}
