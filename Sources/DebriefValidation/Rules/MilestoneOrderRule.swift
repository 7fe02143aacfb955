import DebriefModel
import Foundation

/// Milestones must happen in order: started <= detected <= acknowledged <= mitigated <= resolved.
public struct MilestoneOrderRule: Rule {
    public static let id = "milestone-order"
    public static let defaultSeverity = Diagnostic.Severity.error
    public static let summary = "Milestones out of order (e.g. resolved before detected)"

    public init() {}

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for postmortem in context.postmortems {
            let kinds = MilestoneKind.allCases
            for (index, kind) in kinds.enumerated() {
                guard let milestone = postmortem.milestones[kind] else { continue }
                // Report each milestone once, against the first earlier-stage milestone it precedes.
                let violated = kinds[..<index].first { earlier in
                    postmortem.milestones[earlier].map { $0.time > milestone.time } ?? false
                }
                guard let earlier = violated, let other = postmortem.milestones[earlier] else { continue }
                diagnostics.append(diagnostic(postmortem.path, line: milestone.line,
                                              "`\(kind.rawValue)` (\(utcMinute(milestone.time))) is before `\(earlier.rawValue)` (\(utcMinute(other.time)), line \(other.line)); correct the times so that started, detected, acknowledged, mitigated and resolved follow each other"))
            }
        }
        return diagnostics
    }
}
