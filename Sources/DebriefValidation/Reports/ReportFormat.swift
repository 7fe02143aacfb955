import DebriefModel

/// Output formats of `debrief check`.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json, github, sarif, junit
}

/// Renders diagnostics in one of the report formats.
public struct DiagnosticReport: Sendable {
    public var diagnostics: [Diagnostic]
    /// Number of files checked (for summaries).
    public var fileCount: Int

    public init(diagnostics: [Diagnostic], fileCount: Int) {
        self.diagnostics = diagnostics
        self.fileCount = fileCount
    }

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }

    /// The report's text; `color` only applies to `text`.
    public func render(_ format: ReportFormat, color: Bool = false) -> String {
        fatalError("not implemented yet")
    }
}
