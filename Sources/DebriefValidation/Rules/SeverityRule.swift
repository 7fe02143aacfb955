import DebriefModel
import Foundation

/// A postmortem must state a severity that normalises to a configured level.
public struct SeverityRule: PostmortemRule {
    public static let id = "severity"
    public static let defaultSeverity = Diagnostic.Severity.error
    public static let summary = "Severity missing or not one of the configured levels"

    public init() {}

    public func check(_ postmortem: Postmortem, in context: PostmortemContext) -> [Diagnostic] {
        guard postmortem.severity == nil else { return [] }
        let levels = context.config.severities.map(\.name).joined(separator: ", ")
        guard let raw = postmortem.rawSeverity?.trimmingHorizontalWhitespace(), !raw.isEmpty else {
            return [diagnostic(postmortem.path, line: postmortem.titleLine,
                               "no severity; add `severity: \(context.config.severities.first?.name ?? "SEV1")` to the front matter or a `**Severity:**` line (levels: \(levels))")]
        }
        return [diagnostic(postmortem.path, line: postmortem.fieldLine("severity") ?? postmortem.titleLine,
                           "severity `\(raw)` is not a configured level; write one of \(levels)")]
    }
}
