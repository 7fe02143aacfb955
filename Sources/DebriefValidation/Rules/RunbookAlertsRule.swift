import DebriefModel
import Foundation

/// A runbook must say which alerts it answers, or nobody is sent to it.
public struct RunbookAlertsRule: Rule {
    public static let id = "runbook-alerts"
    public static let defaultSeverity = Diagnostic.Severity.error
    public static let summary = "Runbook without alert names"

    public init() {}

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        context.runbooksInUse.compactMap { runbook in
            guard runbook.alertNames.isEmpty else { return nil }
            let example = runbook.format == .yaml
                ? "`alert_names: [HighErrorRate]` under `metadata:`"
                : "`alert_names: [HighErrorRate]` to the front matter, or make the H1 the alert name (`# HighErrorRate`)"
            return diagnostic(runbook.path, line: runbook.alertNamesLine, "runbook lists no alerts; add \(example)")
        }
    }
}
