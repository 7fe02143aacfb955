import DebriefModel
import Foundation

/// An alert named in a postmortem should have a runbook that lists it, so responders find
/// the steps next time.
public struct UnknownAlertRule: PostmortemRule {
    public static let id = "unknown-alert"
    public static let defaultSeverity = Diagnostic.Severity.warning
    public static let summary = "Alert with no runbook listing it"

    public init() {}

    public func check(_ postmortem: Postmortem, in context: PostmortemContext) -> [Diagnostic] {
        let unknown = postmortem.alerts.filter { !context.references.hasRunbook(forAlert: $0) }
        // Reported at the `alerts:` field, else where the text first names the alert.
        let fieldLine = postmortem.fieldLine("alerts", "alert")
        return unknown.map { alert in
            var line = fieldLine ?? postmortem.titleLine
            var column = 1
            if fieldLine == nil, let (mention, range) = ProseLines.first(containing: alert, body: postmortem.body, lineOffset: postmortem.bodyLineOffset) {
                line = mention.number
                column = mention.text.column(of: range.lowerBound)
            }
            return diagnostic(postmortem.path, line: line, column: column,
                              "alert `\(alert)` has no runbook; add a runbook under content/runbooks/ with `alert_names: [\(alert)]`, or correct the alert name")
        }
    }
}
