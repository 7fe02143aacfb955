import DebriefModel

/// Every alert that can page someone should have a runbook. Needs `alert_rules:`.
public struct AlertWithoutRunbookRule: KnowledgeBaseRule {
    public static let id = "alert-without-runbook"
    public static let defaultSeverity = Diagnostic.Severity.warning
    public static let summary = "Alert rule with no runbook (no runbook_url and no runbook naming it)"
    public init() {}

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        (context.knowledgeBase.alertCoverage?.alerts ?? []).filter { $0.status == .noRunbook }.map { alert in
            let why = alert.note.map { "\($0) and no runbook lists it" } ?? "it has no `runbook_url` and no runbook lists it"
            return diagnostic(alert.rule.file, line: alert.rule.line,
                              "alert `\(alert.rule.name)` has no runbook: \(why); add `annotations.runbook_url` or a runbook with `alert_names: [\(alert.rule.name)]`")
        }
    }
}
