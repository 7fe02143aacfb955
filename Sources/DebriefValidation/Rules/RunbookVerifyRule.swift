import DebriefModel
import Foundation

/// A mitigation option must say how to tell that it worked.
public struct RunbookVerifyRule: RunbookRule {
    public static let id = "runbook-verify"
    public static let defaultSeverity = Diagnostic.Severity.warning
    public static let summary = "Mitigation option without a verify step"

    public init() {}

    public func check(_ runbook: Runbook, in context: ValidationContext) -> [Diagnostic] {
        guard runbook.isInUse else { return [] }
        return runbook.mitigation.compactMap { option -> Diagnostic? in
            guard (option.verify ?? "").isEmpty else { return nil }
            let example = runbook.format == .yaml
                ? "`verify: \"Error rate returns to baseline within 5 minutes\"`"
                : "a `**Verify:** ...` line under the option, or a `## Verification` section"
            return diagnostic(runbook.path, line: option.line,
                              "mitigation option \"\(option.option.prefix(60))\" does not say how to verify it worked; add \(example)")
        }
    }
}
