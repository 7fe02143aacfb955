import DebriefModel
import Foundation

/// Milestones must happen in order: started <= detected <= acknowledged <= mitigated <= resolved.
/// Two milestones both read from the timeline are not compared: the reader takes them in the
/// timeline's order, so they can only disagree when the timeline does, which `timeline-order`
/// reports at the entry that is out of place.
public struct MilestoneOrderRule: PostmortemRule {
    public static let id = "milestone-order"
    public static let defaultSeverity = Diagnostic.Severity.error
    public static let summary = "Milestones out of order (e.g. resolved before detected)"

    public init() {}

    public func check(_ postmortem: Postmortem, in context: PostmortemContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let kinds = MilestoneKind.allCases
        for (index, kind) in kinds.enumerated() {
            guard let milestone = postmortem.milestones[kind] else { continue }
            // Report each milestone once, against the first earlier-stage milestone it precedes.
            let violated = kinds[..<index].first { earlier in
                postmortem.milestones[earlier].map { $0.time > milestone.time && !(Self.fromTimeline($0) && Self.fromTimeline(milestone)) } ?? false
            }
            guard let earlier = violated, let other = postmortem.milestones[earlier] else { continue }
            diagnostics.append(diagnostic(postmortem.path, line: milestone.line,
                                          "`\(kind.rawValue)` (\(utcMinute(milestone.time))) is before `\(earlier.rawValue)` (\(utcMinute(other.time)), line \(other.line)); correct the times so that started, detected, acknowledged, mitigated and resolved follow each other"))
        }
        return diagnostics
    }

    private static func fromTimeline(_ milestone: Milestone) -> Bool {
        milestone.source == .timeline || milestone.source == .firstTimelineEntry
    }
}
