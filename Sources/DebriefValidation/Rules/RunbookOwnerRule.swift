import DebriefModel
import Foundation

/// Runbooks rot without an owner.
public struct RunbookOwnerRule: RunbookRule {
    public static let id = "runbook-owner"
    public static let defaultSeverity = Diagnostic.Severity.error
    public static let summary = "Runbook without an owner"

    public init() {}

    public func check(_ runbook: Runbook, in context: ValidationContext) -> [Diagnostic] {
        guard runbook.isInUse, (runbook.owner?.trimmingHorizontalWhitespace() ?? "").isEmpty else { return [] }
        let example = runbook.format == .yaml ? "`owner: platform-team` under `metadata:`" : "`owner: platform-team` to the front matter"
        return [diagnostic(runbook.path, line: runbook.titleLine, "runbook has no owner; add \(example)")]
    }
}
