import DebriefModel
import Foundation

/// Runbooks rot without an owner.
public struct RunbookOwnerRule: Rule {
    public static let id = "runbook-owner"
    public static let defaultSeverity = Diagnostic.Severity.error
    public static let summary = "Runbook without an owner"

    public init() {}

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        context.runbooksInUse.compactMap { runbook in
            guard (runbook.owner?.trimmingHorizontalWhitespace() ?? "").isEmpty else { return nil }
            let example = runbook.format == .yaml ? "`owner: platform-team` under `metadata:`" : "`owner: platform-team` to the front matter"
            return diagnostic(runbook.path, line: runbook.titleLine, "runbook has no owner; add \(example)")
        }
    }
}
