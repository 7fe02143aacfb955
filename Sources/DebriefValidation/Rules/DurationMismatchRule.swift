import DebriefModel
import Foundation

/// The stated duration (`Duration: 45 minutes`) must agree with the timeline or milestones
/// within `duration_tolerance_minutes`.
public struct DurationMismatchRule: Rule {
    public static let id = "duration-mismatch"
    public static let defaultSeverity = Diagnostic.Severity.warning
    public static let summary = "Stated duration disagrees with the timeline"

    public init() {}

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        let tolerance = TimeInterval(context.config.durationToleranceMinutes * 60)
        return context.postmortems.compactMap { postmortem in
            guard let stated = postmortem.statedDuration else { return nil }
            let spans = Self.measuredSpans(postmortem)
            // Teams count duration to mitigation or to resolution: either agreeing is fine.
            guard let closest = spans.min(by: { abs($0.seconds - stated) < abs($1.seconds - stated) }),
                  abs(closest.seconds - stated) > tolerance else { return nil }
            return diagnostic(postmortem.path, line: postmortem.fieldLine("duration") ?? postmortem.titleLine,
                              "stated duration \(minutes(stated)) min disagrees with \(closest.label) (\(minutes(closest.seconds)) min) by more than \(context.config.durationToleranceMinutes) min; correct the Duration field or the timeline")
        }
    }

    private static func measuredSpans(_ postmortem: Postmortem) -> [(label: String, seconds: TimeInterval)] {
        var spans: [(String, TimeInterval)] = []
        let m = postmortem.milestones
        if let started = m.started {
            if let resolved = m.resolved { spans.append(("started to resolved", resolved.time.timeIntervalSince(started.time))) }
            if let mitigated = m.mitigated { spans.append(("started to mitigated", mitigated.time.timeIntervalSince(started.time))) }
        }
        let times = postmortem.timeline.compactMap(\.time)
        if let first = times.min(), let last = times.max(), first < last {
            spans.append(("the timeline's first to last entry", last.timeIntervalSince(first)))
        }
        return spans
    }
}
