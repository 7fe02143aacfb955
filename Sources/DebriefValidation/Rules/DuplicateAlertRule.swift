import DebriefModel
import Foundation

/// Each alert should lead to one runbook; the same alert in several runbooks splits the advice.
public struct DuplicateAlertRule: KnowledgeBaseRule {
    public static let id = "duplicate-alert"
    public static let defaultSeverity = Diagnostic.Severity.error
    public static let summary = "Same alert name in several runbooks"

    public init() {}

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        // Alert names compare case-insensitively; messages keep each runbook's spelling.
        var listings: [String: [(runbook: Runbook, spelling: String)]] = [:]
        for runbook in context.knowledgeBase.runbooks where runbook.isInUse {
            var seen: Set<String> = []
            for alert in runbook.alertNames where seen.insert(alert.lowercased()).inserted {
                listings[alert.lowercased(), default: []].append((runbook, alert))
            }
        }
        var diagnostics: [Diagnostic] = []
        for (_, entries) in listings.sorted(by: { $0.key < $1.key }) where entries.count > 1 {
            for entry in entries {
                let others = entries.filter { $0.runbook.path != entry.runbook.path }.map { "`\($0.runbook.path)`" }.joined(separator: ", ")
                diagnostics.append(diagnostic(entry.runbook.path, line: entry.runbook.alertNamesLine,
                                              "alert `\(entry.spelling)` is also listed by \(others); keep each alert in one runbook so responders land in one place"))
            }
        }
        return diagnostics
    }
}
