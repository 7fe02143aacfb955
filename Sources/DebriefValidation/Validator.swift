import DebriefModel
import Dispatch
import Foundation

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
        // Alert coverage (with `alert_rules:`)
        RunbookURLBrokenRule(), AlertWithoutRunbookRule(), RunbookOrphanRule(),
    ]

    /// Rule ids of problems found while reading files (not rules that can be turned off here).
    public static let parseRuleSummaries: [String: String] = [
        "unreadable": "File cannot be read as UTF-8 text",
        "front-matter": "Front matter is unterminated or not valid YAML",
        "runbook-format": "Runbook is empty, not valid YAML, or not in the runbook schema",
        "alert-rules": "Alert rule file cannot be read or is not valid YAML",
        "markdown-nesting": "Lists or quotes nest too deeply to render; the deeper content is kept as text",
    ]

    /// Every id `rules:` may name.
    public static let ruleIDs = Set(allRules.map { type(of: $0).id }).union(parseRuleSummaries.keys)

    /// `rules:` entries that name no rule: an error at their line, so that a misspelt id is not
    /// silently ignored.
    static func unknownRules(in config: DebriefConfig) -> [Diagnostic] {
        config.rules.keys.filter { !ruleIDs.contains($0) }.sorted().map { id in
            Diagnostic(file: "debrief.yml", line: config.ruleLines[id] ?? 1, severity: .error, rule: "config",
                       message: "`rules:` names no rule `\(id)`; the rule ids are \(ruleIDs.sorted().joined(separator: ", "))")
        }
    }

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
        let active = rules.filter { knowledgeBase.config.rules[type(of: $0).id] != .off }
        let postmortemRules = active.compactMap { $0 as? any PostmortemRule }
        let runbookRules = active.compactMap { $0 as? any RunbookRule }
        let knowledgeBaseRules = active.compactMap { $0 as? any KnowledgeBaseRule }
        let context = ValidationContext(knowledgeBase: knowledgeBase, today: today)
        // The knowledge-base rules are one more task beside the slices of documents, started
        // first so that it does not run alone at the end; the order of findings does not
        // matter, they are sorted below.
        let slices = Self.slices(of: knowledgeBase)
        let findings = Array(0...slices.count).concurrentFlatMap { task -> [Diagnostic] in
            guard task > 0 else { return knowledgeBaseRules.flatMap { $0.check(context) } }
            var found: [Diagnostic] = []
            for index in slices[task - 1].postmortems {
                let postmortem = knowledgeBase.postmortems[index]
                let postmortemContext = PostmortemContext(postmortem, in: context)
                for rule in postmortemRules { found += rule.check(postmortem, in: postmortemContext) }
            }
            for index in slices[task - 1].runbooks {
                let runbook = knowledgeBase.runbooks[index]
                for rule in runbookRules { found += rule.check(runbook, in: context) }
            }
            return found
        }
        // By index: `for postmortem in` copied every postmortem (a retain per field) to read two fields.
        var ignored: [String: Set<String>] = [:]
        let postmortems = knowledgeBase.postmortems, runbooks = knowledgeBase.runbooks
        for index in postmortems.indices where !postmortems[index].ignoredRules.isEmpty {
            ignored[postmortems[index].path] = Set(postmortems[index].ignoredRules)
        }
        for index in runbooks.indices where !runbooks[index].ignoredRules.isEmpty {
            ignored[runbooks[index].path] = Set(runbooks[index].ignoredRules)
        }
        // Parse problems (`front-matter`, `unreadable`, ...) take configured levels like rules do.
        var diagnostics = Self.unknownRules(in: knowledgeBase.config)
        for var diagnostic in knowledgeBase.parseDiagnostics + findings where !(ignored[diagnostic.file]?.contains(diagnostic.rule) ?? false) {
            switch knowledgeBase.config.rules[diagnostic.rule] {
            case .off: continue
            case .error: diagnostic.severity = .error
            case .warning: diagnostic.severity = .warning
            case nil: break
            }
            diagnostics.append(diagnostic)
        }
        return diagnostics.sorted()
    }

    /// The documents' indices cut into a few slices per core, so slices of uneven cost still balance.
    private static func slices(of knowledgeBase: KnowledgeBase) -> [(postmortems: Range<Int>, runbooks: Range<Int>)] {
        let count = max(1, min(ProcessInfo.processInfo.activeProcessorCount * 4, knowledgeBase.postmortems.count + knowledgeBase.runbooks.count))
        func slice(_ total: Int, _ index: Int) -> Range<Int> {
            total * index / count ..< total * (index + 1) / count
        }
        return (0..<count).map { (slice(knowledgeBase.postmortems.count, $0), slice(knowledgeBase.runbooks.count, $0)) }
    }
}

extension Array where Element: Sendable {
    /// `flatMap` with the elements transformed concurrently; results keep the elements' order.
    func concurrentFlatMap<T: Sendable>(_ transform: @Sendable (Element) -> [T]) -> [T] {
        let results = ResultSlots<[T]>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            results[index] = transform(self[index])
        }
        return results.values.flatMap { $0 }
    }
}
