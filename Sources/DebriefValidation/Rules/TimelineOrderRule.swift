import DebriefModel
import Foundation

/// Timeline entries must go forward in time.
public struct TimelineOrderRule: Rule {
    public static let id = "timeline-order"
    public static let defaultSeverity = Diagnostic.Severity.error
    public static let summary = "Timeline entry earlier than the one before it"

    public init() {}

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for postmortem in context.postmortems {
            var latest: TimelineEntry?
            for entry in postmortem.timeline {
                guard let time = entry.time else { continue }
                if let previous = latest, let previousTime = previous.time, time < previousTime {
                    diagnostics.append(diagnostic(postmortem.path, line: entry.line,
                                                  "timeline entry `\(entry.rawTime)` is earlier than `\(previous.rawTime)` on line \(previous.line); put entries in time order, or write the date when the incident crosses midnight"))
                } else {
                    latest = entry
                }
            }
        }
        return diagnostics
    }
}
