/// One finding about the content: where it is, how bad, which rule, and what to write to fix it.
/// Diagnostics are values collected over the whole run, never thrown.
public struct Diagnostic: Sendable, Hashable, Codable, Comparable {
    public enum Severity: String, Sendable, Hashable, Codable {
        case error, warning
    }

    /// Path relative to the knowledge base root, with `/` separators.
    public var file: String
    public var line: Int
    public var column: Int
    public var severity: Severity
    /// Stable rule id, e.g. `action-owner`.
    public var rule: String
    /// What is wrong and what to write to fix it.
    public var message: String
    /// The text to write at the diagnostic's line, when the rule knows it exactly (a missing
    /// heading, `status: published`); nil when the author has to decide what to write.
    public var fix: String?

    public init(file: String, line: Int, column: Int = 1, severity: Severity, rule: String, message: String, fix: String? = nil) {
        self.file = file
        self.line = max(line, 1)
        self.column = max(column, 1)
        self.severity = severity
        self.rule = rule
        self.message = message
        self.fix = fix
    }

    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        (a.file, a.line, a.column, a.rule, a.message) < (b.file, b.line, b.column, b.rule, b.message)
    }
}
