import DebriefModel
import Foundation

/// Each duration the authors state (`Duration: 45 minutes`, `Time to detect: 5 minutes`,
/// `Time to recovery: 84 minutes`) must agree with the same span measured from the milestones
/// within `duration_tolerance_minutes`.
public struct DurationMismatchRule: PostmortemRule {
    public static let id = "duration-mismatch"
    public static let defaultSeverity = Diagnostic.Severity.warning
    public static let summary = "Stated duration disagrees with the timeline"

    public init() {}

    public func check(_ postmortem: Postmortem, in context: PostmortemContext) -> [Diagnostic] {
        let tolerance = TimeInterval(context.config.durationToleranceMinutes * 60)
        return postmortem.statedDurations.compactMap { stated in
            let spans = Self.measuredSpans(stated.kind, postmortem)
            // Teams count a duration to mitigation or to resolution: any span agreeing is fine.
            guard let closest = spans.min(by: { abs($0.seconds - stated.seconds) < abs($1.seconds - stated.seconds) }),
                  abs(closest.seconds - stated.seconds) > tolerance else { return nil }
            return diagnostic(postmortem.path, line: stated.line,
                              "stated \(Self.name(stated.kind)) \(minutes(stated.seconds)) min disagrees with \(closest.label) (\(minutes(closest.seconds)) min) by more than \(context.config.durationToleranceMinutes) min; correct the stated value or the timeline")
        }
    }

    private static func name(_ kind: StatedDuration.Kind) -> String {
        kind == .duration ? "duration" : kind.rawValue.replacingOccurrences(of: "-", with: " ")
    }

    /// The spans a stated duration of `kind` may mean.
    private static func measuredSpans(_ kind: StatedDuration.Kind, _ postmortem: Postmortem) -> [(label: String, seconds: TimeInterval)] {
        let m = postmortem.milestones
        func span(_ from: Milestone?, _ to: Milestone?, _ label: String) -> [(String, TimeInterval)] {
            guard let from, let to else { return [] }
            return [(label, to.time.timeIntervalSince(from.time))]
        }
        switch kind {
        case .duration:
            var spans = span(m.started, m.resolved, "started to resolved") + span(m.started, m.mitigated, "started to mitigated")
            let times = postmortem.timeline.compactMap(\.time)
            if let first = times.min(), let last = times.max(), first < last {
                spans.append(("the timeline's first to last entry", last.timeIntervalSince(first)))
            }
            return spans
        case .timeToDetect: return span(m.started, m.detected, "started to detected")
        case .timeToAcknowledge: return span(m.detected, m.acknowledged, "detected to acknowledged")
        case .timeToMitigate: return span(m.started, m.mitigated, "started to mitigated") + span(m.started, m.resolved, "started to resolved")
        case .timeToResolve: return span(m.started, m.resolved, "started to resolved")
        }
    }
}
