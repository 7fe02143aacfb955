import DebriefModel

/// Runs every rule over a knowledge base and applies rule levels from `debrief.yml` and
/// per-file `debrief-ignore:` suppressions.
public struct Validator: Sendable {
    public static let allRules: [any Rule] = []

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
