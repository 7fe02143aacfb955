import DebriefModel
import Foundation

/// Template text left in a postmortem or runbook: `[Describe the technical root cause]`, `[Name]`,
/// `YYYY-MM-DD`, `{{ ... }}`, `TBD`, `$X`, `SEVN`. Code blocks and inline code are not checked.
public struct PlaceholderRule: Rule {
    public static let id = "placeholder"
    public static let defaultSeverity = Diagnostic.Severity.error
    public static let summary = "Template placeholder left in the text"

    /// A placeholder pattern and what to write instead.
    struct Pattern {
        var regex: NSRegularExpression
        /// Cheap test that a line may match; lines that fail it skip the (slow) regex.
        var mayMatch: (String) -> Bool
        var replacement: String
        /// Extra test on the matched text (bracketed text must read like a template prompt).
        var accepts: (String) -> Bool = { _ in true }
    }

    public init() {}

    static func patterns() -> [Pattern] {
        func regex(_ pattern: String) -> NSRegularExpression { try! NSRegularExpression(pattern: pattern) }
        return [
            // `[Describe ...]`, `[Incident Title]`, `[Name]`; not links, checkboxes, footnotes or `[SEV1]`.
            Pattern(regex: regex(#"(?<![\]!\\\w])\[[A-Z][^\[\]\n]{1,100}\](?![(\[:])"#), mayMatch: bracketBeforeCapital,
                    replacement: "the real text", accepts: looksLikePrompt),
            Pattern(regex: regex(#"\bYYYY-MM-DD\b|\bHH:MM\b"#), mayMatch: containing("YYYY-MM-DD", "HH:MM"), replacement: "the real date or time"),
            Pattern(regex: regex(#"\{\{[^}\n]*\}\}"#), mayMatch: containing("{{"), replacement: "the real text"),
            Pattern(regex: regex(#"\bTBD\b"#), mayMatch: containing("TBD"), replacement: "the decided value (an owner, a date, a cause)"),
            Pattern(regex: regex(#"\$X+(?![\w])"#), mayMatch: containing("$X"), replacement: "the real amount"),
            Pattern(regex: regex(#"\bSEV-?N\b"#), mayMatch: containing("SEV"), replacement: "the severity level (e.g. SEV2)"),
        ]
    }

    /// Whether the text holds one of `literals` (ASCII case folded, so never stricter than the regex).
    static func containing(_ literals: String...) -> (String) -> Bool {
        { text in literals.contains(where: text.containsText) }
    }

    /// `[` followed by a capital letter, as the bracketed-prompt pattern requires.
    static func bracketBeforeCapital(_ text: String) -> Bool {
        let bytes = text.utf8
        var previous: UInt8 = 0
        for byte in bytes {
            if previous == UInt8(ascii: "["), byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") { return true }
            previous = byte
        }
        return false
    }

    /// `[Describe the root cause]` or `[Name]`, but not `[RESOLVED]` or `[X]`.
    static func looksLikePrompt(_ match: String) -> Bool {
        let inner = match.dropFirst().dropLast()
        if inner.contains(" " as Character) { return inner.contains { $0.isLowercase } }
        return inner.count >= 3 && inner.dropFirst().allSatisfy { $0.isLowercase }
    }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        let patterns = Self.patterns()
        var diagnostics: [Diagnostic] = []
        for postmortem in context.postmortems {
            // Front matter values (body fields are found by the line scan below).
            for field in postmortem.fields where field.line <= postmortem.bodyLineOffset {
                for (text, pattern) in Self.matches(in: field.value, patterns) {
                    diagnostics.append(diagnostic(postmortem.path, line: field.line,
                                                  "`\(field.key)` still holds the template placeholder `\(text)`; replace it with \(pattern.replacement)"))
                }
            }
            for line in context.proseLines(of: postmortem) {
                for (text, pattern, column) in Self.located(in: line.text, patterns) {
                    diagnostics.append(diagnostic(postmortem.path, line: line.number, column: column,
                                                  "template placeholder `\(text)` is still here; replace it with \(pattern.replacement)"))
                }
            }
        }
        for runbook in context.runbooks {
            for line in Self.runbookLines(runbook) {
                for (text, pattern, column) in Self.located(in: line.text, patterns)
                where runbook.format == .markdown || !Self.isYAMLFlowList(text) {
                    diagnostics.append(diagnostic(runbook.path, line: line.number, column: column,
                                                  "template placeholder `\(text)` is still here; replace it with \(pattern.replacement)"))
                }
            }
        }
        return diagnostics
    }

    /// `[AlertA, AlertB]` in YAML is a list, not a prompt: no item has a space in it.
    private static func isYAMLFlowList(_ text: String) -> Bool {
        text.hasPrefix("[") && text.dropFirst().dropLast().split(separator: ",")
            .allSatisfy { !$0.trimmingHorizontalWhitespace().contains(" ") }
    }

    /// Prose lines of a markdown runbook; the lines of a YAML runbook except comments.
    private static func runbookLines(_ runbook: Runbook) -> [ProseLine] {
        guard runbook.format == .yaml else { return ProseLines.of(body: runbook.body, lineOffset: runbook.bodyLineOffset) }
        return runbook.body.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, line in
            line.drop { $0 == " " }.hasPrefix("#") ? nil : ProseLine(number: index + 1, text: String(line))
        }
    }

    private static func matches(in text: String, _ patterns: [Pattern]) -> [(String, Pattern)] {
        located(in: text, patterns).map { ($0.0, $0.1) }
    }

    private static func located(in text: String, _ patterns: [Pattern]) -> [(String, Pattern, Int)] {
        var found: [(String, Pattern, Int)] = []
        let whole = NSRange(text.startIndex..., in: text)
        for pattern in patterns where pattern.mayMatch(text) {
            for match in pattern.regex.matches(in: text, range: whole) {
                guard let range = Range(match.range, in: text) else { continue }
                let matched = String(text[range])
                if pattern.accepts(matched) { found.append((matched, pattern, text.column(of: range.lowerBound))) }
            }
        }
        return found.sorted { $0.2 < $1.2 }
    }
}
