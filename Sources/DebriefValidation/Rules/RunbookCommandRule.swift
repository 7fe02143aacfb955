import DebriefModel
import Foundation

/// A diagnosis step should be runnable: it needs the command (or query) to run.
public struct RunbookCommandRule: RunbookRule {
    public static let id = "runbook-command"
    public static let defaultSeverity = Diagnostic.Severity.warning
    public static let summary = "Diagnosis step without a command"

    public init() {}

    public func check(_ runbook: Runbook, in context: ValidationContext) -> [Diagnostic] {
        guard runbook.isInUse else { return [] }
        return runbook.diagnosis.compactMap { step -> Diagnostic? in
            guard (step.command ?? "").isEmpty else { return nil }
            let example = runbook.format == .yaml ? "a `command:` line to the step" : "the command in a code block or in `inline code`"
            return diagnostic(runbook.path, line: step.line,
                              "diagnosis step \"\(step.step.prefix(60))\" has no command; add \(example)")
        }
    }
}
