import DebriefModel
import Foundation

/// A runbook must say which alerts it answers, or nobody is sent to it.
public struct RunbookAlertsRule: RunbookRule {
    public static let id = "runbook-alerts"
    public static let defaultSeverity = Diagnostic.Severity.error
    public static let summary = "Runbook without alert names"

    public init() {}

    public func check(_ runbook: Runbook, in context: ValidationContext) -> [Diagnostic] {
        guard runbook.isInUse, runbook.alertNames.isEmpty else { return [] }
        let example = runbook.format == .yaml
            ? "`alert_names: [HighErrorRate]` under `metadata:`"
            : "`alert_names: [HighErrorRate]` to the front matter, or make the H1 the alert name (`# HighErrorRate`)"
        return [diagnostic(runbook.path, line: runbook.alertNamesLine, "runbook lists no alerts; add \(example)")]
    }
}
