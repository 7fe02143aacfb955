import Foundation
import Markdown

/// Reads a runbook, YAML (seed schema) or markdown, into a `Runbook`. Bad input (invalid YAML,
/// a list instead of a mapping, an empty file) gives parse diagnostics, never a crash.
public struct RunbookParser: Sendable {
    public let config: DebriefConfig
    private let vocabulary: RunbookMarkdownReader.Vocabulary

    public init(config: DebriefConfig = DebriefConfig()) {
        self.config = config
        vocabulary = RunbookMarkdownReader.Vocabulary(config: config)
    }

    public func parse(text: String, path: String) -> Runbook {
        let lower = path.lowercased()
        let isYAML = lower.hasSuffix(".yml") || lower.hasSuffix(".yaml")
        var runbook = Runbook(path: path, slug: Slug.make(fromPath: path), format: isYAML ? .yaml : .markdown)
        if text.trimmingWhitespaceAndNewlines().isEmpty {
            let what = isYAML ? "a `metadata:` mapping (title, owner, alert_names) and `diagnosis:`/`mitigation:` lists"
                              : "an H1 with the alert name and sections such as `## Diagnosis` and `## Mitigation`"
            runbook.parseDiagnostics.append(Diagnostic(file: path, line: 1, severity: .error, rule: "runbook-format",
                                                       message: "runbook is empty; write \(what)"))
            return runbook
        }
        if isYAML {
            RunbookYAMLReader(text: text, path: path).read(into: &runbook)
        } else {
            RunbookMarkdownReader(text: text, path: path, vocabulary: vocabulary).read(into: &runbook)
        }
        return runbook
    }

    /// Alert names are identifiers such as `KubePodCrashLooping` or `HighErrorBudgetBurnRate_Fast`:
    /// no spaces, and an upper-case letter after the first character (so `Runbook` is not one).
    public static func looksLikeAlertName(_ text: String) -> Bool {
        guard text.count >= 4, let first = text.first, first.isASCII, first.isLetter else { return false }
        guard text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == ":") }) else { return false }
        return text.dropFirst().contains { $0.isUppercase }
    }
}
