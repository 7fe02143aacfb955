import DebriefModel
import Foundation

/// Severity levels marked `requires_action_items` (SEV1 and SEV2 by default) need follow-ups.
public struct ActionItemsRequiredRule: PostmortemRule {
    public static let id = "action-items-required"
    public static let defaultSeverity = Diagnostic.Severity.error
    public static let summary = "High-severity postmortem without action items"

    public init() {}

    public func check(_ postmortem: Postmortem, in context: PostmortemContext) -> [Diagnostic] {
        guard let severity = postmortem.severity, postmortem.actionItems.isEmpty,
              context.config.severities.first(where: { $0.name == severity })?.requiresActionItems == true else { return [] }
        let line = postmortem.section(.actionItems)?.line ?? postmortem.titleLine
        return [diagnostic(postmortem.path, line: line,
                           "\(severity) postmortems need action items; add an `## Action Items` table `| Action | Owner | Due |` with at least one follow-up that prevents a repeat")]
    }
}
