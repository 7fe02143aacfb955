import DebriefModel
import Foundation

/// Template text left in a postmortem or runbook: `[Describe the technical root cause]`, `[Name]`,
/// `YYYY-MM-DD`, `{{ ... }}`, `TBD`, `$X`, `SEVN`. Code blocks and inline code are not checked.
public struct PlaceholderRule: PostmortemRule, RunbookRule {
    public static let id = "placeholder"
    public static let defaultSeverity = Diagnostic.Severity.error
    public static let summary = "Template placeholder left in the text"

    /// A placeholder pattern and what to write instead.
    struct Pattern {
        var regex: NSRegularExpression
        /// Text that every match contains (ASCII case folded, so never stricter than the regex);
        /// lines without any skip the (slow) regex. Empty: see `mayHoldBracketPrompt`.
        var literals: [String]
        var replacement: String
        /// Extra test on the matched text and the text before and after it on its line
        /// (bracketed text must read like a template prompt).
        var accepts: (_ match: String, _ before: Substring, _ after: Substring) -> Bool = { _, _, _ in true }

        func mayMatch(_ text: String) -> Bool {
            literals.isEmpty ? PlaceholderRule.mayHoldBracketPrompt(text) : literals.contains(where: text.containsText)
        }
    }

    public init() {}

    static func patterns() -> [Pattern] {
        func regex(_ pattern: String) -> NSRegularExpression { try! NSRegularExpression(pattern: pattern) }
        return [
            // `[Describe ...]`, `[Incident Title]`, `[Name]`; not links, checkboxes, footnotes or `[SEV1]`.
            Pattern(regex: regex(#"(?<![\]!\\\w])\[[A-Z][^\[\]\n]{1,100}\](?![(\[:])"#), literals: [],
                    replacement: "the real text", accepts: looksLikePrompt(_:before:after:)),
            Pattern(regex: regex(#"\bYYYY-MM-DD\b|\bHH:MM\b"#), literals: ["YYYY-MM-DD", "HH:MM"], replacement: "the real date or time"),
            Pattern(regex: regex(#"\{\{(?![<%])[^}\n]*\}\}"#), literals: ["{{"], replacement: "the real text"), // not Hugo shortcodes `{{< ref ... >}}`
            Pattern(regex: regex(#"\bTBD\b"#), literals: ["TBD"], replacement: "the decided value (an owner, a date, a cause)"),
            Pattern(regex: regex(#"\$X+(?![\w])"#), literals: ["$X"], replacement: "the real amount"),
            Pattern(regex: regex(#"\bSEV-?N\b"#), literals: ["SEVN", "SEV-N"], replacement: "the severity level (e.g. SEV2)"),
        ]
    }

    /// The patterns that may match somewhere in `text`, given which of their literals it holds
    /// (`present`, one bit per literal in pattern order): the lines of a postmortem without
    /// placeholders (most) are never scanned.
    static func candidates(in text: String, _ patterns: [Pattern], present: UInt64) -> [Pattern] {
        var bit = 0
        return patterns.filter { pattern in
            guard !pattern.literals.isEmpty else { return mayHoldBracketPrompt(text) }
            defer { bit += pattern.literals.count }
            let mask: UInt64 = ((1 << UInt64(pattern.literals.count)) - 1) << UInt64(bit)
            return present & mask != 0
        }
    }

    /// `[`, a capital letter, text without brackets or line breaks, and a `]` that does not open
    /// a link (`(`, `[` or `:` after it): what the bracketed-prompt pattern requires, minus its
    /// look-behind and length limit, so it never rejects a line the regex would match.
    static func mayHoldBracketPrompt(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index + 1 < bytes.count {
                guard bytes[index] == UInt8(ascii: "["), bytes[index + 1] &- UInt8(ascii: "A") < 26 else { index += 1; continue }
                var end = index + 2
                while end < bytes.count, bytes[end] != UInt8(ascii: "["), bytes[end] != UInt8(ascii: "]"), bytes[end] != UInt8(ascii: "\n") { end += 1 }
                if end < bytes.count, bytes[end] == UInt8(ascii: "]") {
                    let next = end + 1 < bytes.count ? bytes[end + 1] : 0
                    if next != UInt8(ascii: "("), next != UInt8(ascii: "["), next != UInt8(ascii: ":") { return true }
                }
                index = max(end, index + 1)
            }
            return false
        }
    }

    /// `[Describe the root cause]`, `[Number of affected users]` or `[Name]`, but not
    /// `[RESOLVED]`, `[X]` or quoted text such as a setting's name in a sentence (`changed from
    /// [Require approval for first-time contributors]`): a phrase is a prompt when it is the
    /// whole value of its line, list item, table cell or field, or when it asks for something
    /// (an instruction or a kind of value) or offers choices.
    static func looksLikePrompt(_ match: String, before: Substring, after: Substring) -> Bool {
        let inner = match.dropFirst().dropLast()
        // Within its table cell, if it is in one.
        let cellBefore = before.lastIndex(of: "|").map { before[before.index(after: $0)...] } ?? before
        let cellAfter = after.firstIndex(of: "|").map { after[..<$0] } ?? after
        let lead = cellBefore.trimmingScalars(in: " \t-*+>\"'0123456789.")
        let isWholeValue = (lead.isEmpty || lead.hasSuffix(":")) && cellAfter.trimmingScalars(in: " \t\"',;.").isEmpty
        let words = inner.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
        let asksForAValue = words.contains(where: promptNouns.contains)
        if inner.contains(" " as Character) {
            guard inner.contains(where: \.isLowercase) else { return false }
            return isWholeValue || asksForAValue || words.first.map(promptVerbs.contains) == true || inner.contains("|" as Character) || inner.contains("e.g.")
        }
        // One word: `[Name]`, or a capitalised word standing alone; not `[Deprecated]` in a sentence.
        return inner.count >= 3 && inner.dropFirst().allSatisfy { $0.isLowercase } && (asksForAValue || isWholeValue)
    }

    /// `[Update - 2023-03-29 15h50 UTC]` or `[Final message]` opening a paragraph of a status
    /// log: a label for the text under it, not a prompt. A label names a date or time, or heads
    /// prose on the next line, and asks for nothing.
    static func isEntryLabel(_ match: String, on line: ProseLine, next: ProseLine?) -> Bool {
        // Cheap tests first: a long line holds many matches, and none of them may cost the line's length.
        guard match.hasPrefix("[") else { return false }
        let words = match.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
        guard !words.contains(where: { promptNouns.contains($0) || promptVerbs.contains($0) }) else { return false }
        if match.contains(where: \.isNumber) { return true }
        guard line.text.utf8.count < match.utf8.count + 16, line.text.trimmingScalars(in: " \t") == match,
              let next, next.number == line.number + 1 else { return false }
        let following = next.text.trimmingScalars(in: " \t")
        return !following.isEmpty && !following.hasPrefix("[")
    }

    /// Words that open a template's instruction (`[Describe ...]`).
    static let promptVerbs: Set<String> = ["describe", "explain", "list", "add", "insert", "enter", "write", "summarize", "summarise",
                                           "provide", "include", "fill", "specify", "link", "replace", "brief", "short", "what", "who",
                                           "how", "when", "why", "which", "todo", "optional", "one", "two"]
    /// Kinds of value a template asks for (`[Number of affected users]`, `[Incident Title]`).
    static let promptNouns: Set<String> = ["name", "names", "title", "date", "number", "amount", "percentage", "link", "url",
                                           "owner", "author", "authors", "description", "summary", "id", "ticket", "duration", "details",
                                           "placeholder", "here", "applicable", "etc"]

    /// Compiled once: the regexes are only read, and matching is safe from several threads.
    nonisolated(unsafe) private static let compiledPatterns = patterns()

    public func check(_ postmortem: Postmortem, in context: PostmortemContext) -> [Diagnostic] {
        let patterns = Self.compiledPatterns
        var diagnostics: [Diagnostic] = []
        // Front matter values (body fields are found by the line scan below).
        for field in postmortem.fields where field.line <= postmortem.bodyLineOffset {
            for (text, pattern) in Self.matches(in: field.value, patterns) {
                diagnostics.append(diagnostic(postmortem.path, line: field.line,
                                              "`\(field.key)` still holds the template placeholder `\(text)`; replace it with \(pattern.replacement)"))
            }
        }
        let candidates = Self.candidates(in: postmortem.body, patterns, present: BodyKeywords.placeholders(context.bodyKeywords))
        guard !candidates.isEmpty else { return diagnostics }
        let lines = context.proseLines
        let references = Self.referenceLabels(in: postmortem.body)
        for (index, line) in lines.enumerated() {
            let linkText = Self.linkTextEnding(index, of: lines)
            let next = index + 1 < lines.count ? lines[index + 1] : nil
            for (text, pattern, column) in Self.located(in: String(line.text), candidates)
            where text != linkText && !references.contains(text.lowercased()) && !Self.isEntryLabel(text, on: line, next: next) {
                diagnostics.append(diagnostic(postmortem.path, line: line.number, column: column,
                                              "template placeholder `\(text)` is still here; replace it with \(pattern.replacement)"))
            }
        }
        return diagnostics
    }

    public func check(_ runbook: Runbook, in context: ValidationContext) -> [Diagnostic] {
        guard runbook.isInUse else { return [] }
        var diagnostics: [Diagnostic] = []
        let lines = Self.runbookLines(runbook)
        let references = runbook.format == .markdown ? Self.referenceLabels(in: runbook.body) : []
        for (index, line) in lines.enumerated() {
            let linkText = runbook.format == .markdown ? Self.linkTextEnding(index, of: lines) : nil
            for (text, pattern, column) in Self.located(in: String(line.text), Self.compiledPatterns)
            where runbook.format == .markdown ? text != linkText && !references.contains(text.lowercased()) : !Self.isYAMLFlowList(text) {
                diagnostics.append(diagnostic(runbook.path, line: line.number, column: column,
                                              "template placeholder `\(text)` is still here; replace it with \(pattern.replacement)"))
            }
        }
        return diagnostics
    }

    /// `[label]` of every link reference definition (`[Staging]: https://...`), lower-cased: a
    /// `[Staging]` in the text is a link to it, not a prompt.
    private static func referenceLabels(in body: String) -> Set<String> {
        guard body.containsText("]:") else { return [] }
        var labels: Set<String> = []
        for line in body.sourceLines {
            let text = line.drop { $0 == " " }
            guard text.hasPrefix("["), let close = text.firstIndex(of: "]"), text[text.index(after: close)...].hasPrefix(":") else { continue }
            labels.insert(text[...close].lowercased())
        }
        return labels
    }

    /// `[Operator docs]` ending its line with `(https://...)` on the next: a link broken over
    /// two lines. The bracketed text, or nil.
    private static func linkTextEnding(_ index: Int, of lines: [ProseLine]) -> String? {
        guard index + 1 < lines.count, lines[index + 1].number == lines[index].number + 1,
              lines[index + 1].text.trimmingHorizontalWhitespace().hasPrefix("(") else { return nil }
        let line = lines[index].text.trimmingHorizontalWhitespace()
        guard line.hasSuffix("]"), let open = line.lastIndex(of: "[") else { return nil }
        return String(line[open...])
    }

    /// `[AlertA, AlertB]` in YAML is a list, not a prompt: no item has a space in it.
    private static func isYAMLFlowList(_ text: String) -> Bool {
        text.hasPrefix("[") && text.dropFirst().dropLast().split(separator: ",")
            .allSatisfy { !$0.trimmingHorizontalWhitespace().contains(" " as Character) }
    }

    /// Prose lines of a markdown runbook; the lines of a YAML runbook except comments.
    private static func runbookLines(_ runbook: Runbook) -> [ProseLine] {
        guard runbook.format == .yaml else { return ProseLines.of(body: runbook.body, lineOffset: runbook.bodyLineOffset) }
        return runbook.body.sourceLines.enumerated().compactMap { index, line in
            line.drop { $0 == " " }.hasPrefix("#") ? nil : ProseLine(number: index + 1, text: line)
        }
    }

    private static func matches(in text: String, _ patterns: [Pattern]) -> [(String, Pattern)] {
        located(in: text, patterns).map { ($0.0, $0.1) }
    }

    /// How far before and after a match its context is read.
    private static let contextReach = 120

    private static func located(in text: String, _ patterns: [Pattern]) -> [(String, Pattern, Int)] {
        var found: [(String, Pattern, String.Index)] = []
        let whole = NSRange(text.startIndex..., in: text)
        for pattern in patterns where pattern.mayMatch(text) {
            for match in pattern.regex.matches(in: text, range: whole) {
                guard let range = Range(match.range, in: text) else { continue }
                let matched = String(text[range])
                // The text around a match, within a short reach: a value is never far from its
                // line's start, and a whole line scanned for every match would be quadratic.
                let before = text[(text.index(range.lowerBound, offsetBy: -contextReach, limitedBy: text.startIndex) ?? text.startIndex)..<range.lowerBound]
                let after = text[range.upperBound..<(text.index(range.upperBound, offsetBy: contextReach, limitedBy: text.endIndex) ?? text.endIndex)]
                if pattern.accepts(matched, before, after) { found.append((matched, pattern, range.lowerBound)) }
            }
        }
        // Columns counted in one walk along the line, not from its start for each match: a
        // megabyte line of placeholders took seconds.
        found.sort { $0.2 < $1.2 }
        var column = 1
        var position = text.startIndex
        return found.map { matched, pattern, start in
            column += text.distance(from: position, to: start)
            position = start
            return (matched, pattern, column)
        }
    }
}
