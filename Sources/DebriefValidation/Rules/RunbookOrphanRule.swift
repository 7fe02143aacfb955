import DebriefModel

/// A runbook whose alerts no rule defines answers a page nobody receives: the alert was
/// renamed or removed. Needs `alert_rules:`.
public struct RunbookOrphanRule: KnowledgeBaseRule {
    public static let id = "runbook-orphan"
    public static let defaultSeverity = Diagnostic.Severity.warning
    public static let summary = "Runbook whose alerts no alert rule defines"
    public init() {}

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        guard let coverage = context.knowledgeBase.alertCoverage else { return [] }
        let lines = Dictionary(context.knowledgeBase.runbooks.map { ($0.path, $0.alertNamesLine) }, uniquingKeysWith: { first, _ in first })
        return coverage.orphans.map { orphan in
            let names = orphan.alerts.map { "`\($0)`" }.joined(separator: ", ")
            return diagnostic(orphan.runbook, line: lines[orphan.runbook] ?? 1,
                              "no alert rule defines \(names); rename the alert to match its rule, or mark the runbook `status: deprecated`")
        }
    }
}
