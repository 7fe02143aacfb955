import DebriefModel
import Foundation

/// Timeline entries must go forward in time.
public struct TimelineOrderRule: PostmortemRule {
    public static let id = "timeline-order"
    public static let defaultSeverity = Diagnostic.Severity.error
    public static let summary = "Timeline entry earlier than the one before it"

    public init() {}

    public func check(_ postmortem: Postmortem, in context: PostmortemContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // Each entry against the one before it: one misplaced entry (`22:40` among `22:0x`)
        // is one finding where the order breaks, not one per entry after it.
        var previous: TimelineEntry?
        for entry in postmortem.timeline {
            guard let time = entry.time else { continue }
            if let previous, let previousTime = previous.time, time < previousTime {
                diagnostics.append(diagnostic(postmortem.path, line: entry.line,
                                              "timeline entry `\(entry.rawTime)` is earlier than `\(previous.rawTime)` on line \(previous.line); put entries in time order, or write the date when the incident crosses midnight"))
            }
            previous = entry
        }
        return diagnostics
    }
}
