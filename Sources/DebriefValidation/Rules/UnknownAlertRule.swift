import DebriefModel
import Foundation

/// An alert named in a postmortem should have a runbook that lists it, so responders find
/// the steps next time.
public struct UnknownAlertRule: Rule {
    public static let id = "unknown-alert"
    public static let defaultSeverity = Diagnostic.Severity.warning
    public static let summary = "Alert with no runbook listing it"

    public init() {}

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        let known = Set(context.knowledgeBase.runbooks.flatMap(\.alertNames).map { $0.lowercased() })
        var diagnostics: [Diagnostic] = []
        for postmortem in context.postmortems {
            let unknown = postmortem.alerts.filter { !known.contains($0.lowercased()) }
            guard !unknown.isEmpty else { continue }
            // Reported at the `alerts:` field, else where the text first names the alert.
            let fieldLine = postmortem.fieldLine("alerts", "alert")
            for alert in unknown {
                var line = fieldLine ?? postmortem.titleLine
                var column = 1
                if fieldLine == nil, let (mention, range) = ProseLines.first(containing: alert, body: postmortem.body, lineOffset: postmortem.bodyLineOffset) {
                    line = mention.number
                    column = mention.text.column(of: range.lowerBound)
                }
                diagnostics.append(diagnostic(postmortem.path, line: line, column: column,
                                              "alert `\(alert)` has no runbook; add a runbook under content/runbooks/ with `alert_names: [\(alert)]`, or correct the alert name"))
            }
        }
        return diagnostics
    }
}
