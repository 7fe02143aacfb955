import DebriefModel
import Foundation

/// A postmortem left in draft longer than `draft_age_days` after the incident.
public struct StaleDraftRule: Rule {
    public static let id = "stale-draft"
    public static let defaultSeverity = Diagnostic.Severity.warning
    public static let summary = "Postmortem still a draft long after the incident"

    public init() {}

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        context.postmortems.compactMap { postmortem in
            guard postmortem.isDraft, let date = postmortem.date else { return nil }
            let age = date.days(until: context.today)
            guard age > context.config.draftAgeDays else { return nil }
            return diagnostic(postmortem.path, line: postmortem.fieldLine("status") ?? postmortem.titleLine,
                              "postmortem is still a draft \(age) days after the incident (limit \(context.config.draftAgeDays)); finish the review and set `status: published`")
        }
    }
}
