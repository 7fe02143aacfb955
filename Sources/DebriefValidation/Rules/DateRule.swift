import DebriefModel
import Foundation

/// A postmortem must carry a readable incident date.
public struct DateRule: PostmortemRule {
    public static let id = "date"
    public static let defaultSeverity = Diagnostic.Severity.error
    public static let summary = "Incident date missing or unreadable"

    public init() {}

    public func check(_ postmortem: Postmortem, in context: PostmortemContext) -> [Diagnostic] {
        guard postmortem.date == nil else { return [] }
        if let field = postmortem.fields.first(where: { $0.key.lowercased().contains("date") }) {
            return [diagnostic(postmortem.path, line: field.line,
                               "date `\(field.value)` cannot be read; write the incident date as YYYY-MM-DD, e.g. `date: 2024-03-15`")]
        }
        return [diagnostic(postmortem.path, line: postmortem.titleLine,
                           "no incident date; add `date: 2024-03-15` (the day the incident started) to the front matter or a `**Date:**` line")]
    }
}
