import DebriefModel

/// An alert's `runbook_url` must lead to a runbook that exists: it is the page the on-call
/// engineer opens. Needs `alert_rules:` in `debrief.yml`.
public struct RunbookURLBrokenRule: KnowledgeBaseRule {
    public static let id = "runbook-url-broken"
    public static let defaultSeverity = Diagnostic.Severity.error
    public static let summary = "Alert rule whose runbook_url points at no runbook"
    public init() {}

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        (context.knowledgeBase.alertCoverage?.alerts ?? []).filter { $0.status == .brokenURL }.map { alert in
            diagnostic(alert.rule.file, line: alert.rule.line,
                       "alert `\(alert.rule.name)`: \(alert.note ?? "its runbook_url leads to no runbook"); fix the URL or add the runbook")
        }
    }
}
