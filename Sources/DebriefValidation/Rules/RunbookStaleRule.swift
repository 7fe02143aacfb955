import DebriefModel
import Foundation

/// A runbook not reviewed within `runbook_review_days` probably no longer matches the system.
public struct RunbookStaleRule: RunbookRule {
    public static let id = "runbook-stale"
    public static let defaultSeverity = Diagnostic.Severity.warning
    public static let summary = "Runbook not reviewed for too long"

    public init() {}

    public func check(_ runbook: Runbook, in context: ValidationContext) -> [Diagnostic] {
        guard runbook.isInUse, let reviewed = runbook.lastReviewed else { return [] }
        let age = reviewed.days(until: context.today)
        guard age > context.config.runbookReviewDays else { return [] }
        return [diagnostic(runbook.path, line: runbook.lastReviewedLine,
                           "runbook was last reviewed \(age) days ago (\(reviewed), limit \(context.config.runbookReviewDays)); walk through it, fix what changed and set `last_reviewed: \(context.today)`",
                           fix: "last_reviewed: \(context.today)")]
    }
}
