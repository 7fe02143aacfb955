import DebriefModel
import Foundation

/// A postmortem left in draft longer than `draft_age_days` after the incident.
public struct StaleDraftRule: PostmortemRule {
    public static let id = "stale-draft"
    public static let defaultSeverity = Diagnostic.Severity.warning
    public static let summary = "Postmortem still a draft long after the incident"

    public init() {}

    public func check(_ postmortem: Postmortem, in context: PostmortemContext) -> [Diagnostic] {
        guard postmortem.isDraft, let date = postmortem.date else { return [] }
        let age = date.days(until: context.today)
        guard age > context.config.draftAgeDays else { return [] }
        let statusLine = postmortem.fieldLine("status")
        // The line to write is known when the status is a front matter field.
        let inFrontMatter = statusLine.map { $0 <= postmortem.bodyLineOffset } ?? false
        return [diagnostic(postmortem.path, line: statusLine ?? postmortem.titleLine,
                           "postmortem is still a draft \(age) days after the incident (limit \(context.config.draftAgeDays)); finish the review and set `status: published`",
                           fix: inFrontMatter ? "status: published" : nil)]
    }
}
