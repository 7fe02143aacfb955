import DebriefModel
import Foundation

/// Output formats of `debrief check`.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json, github, sarif, junit
}

/// Renders diagnostics in one of the report formats. Paths are the diagnostics' own, which are
/// relative to the knowledge base root.
public struct DiagnosticReport: Sendable {
    public var diagnostics: [Diagnostic]
    /// The files checked, relative to the root (JUnit lists one test case per file; files
    /// without diagnostics pass).
    public var files: [String]

    public init(diagnostics: [Diagnostic], files: [String]) {
        self.diagnostics = diagnostics
        self.files = files
    }

    /// Number of files checked (for summaries).
    public var fileCount: Int { files.count }

    public var errorCount: Int { diagnostics.count(where: { $0.severity == .error }) }
    public var warningCount: Int { diagnostics.count(where: { $0.severity == .warning }) }

    /// The report's text; `color` only applies to `text`.
    public func render(_ format: ReportFormat, color: Bool = false) -> String {
        switch format {
        case .text: return TextReport.render(self, color: color)
        case .json: return JSONReport.render(self)
        case .github: return GitHubReport.render(self)
        case .sarif: return SARIFReport.render(self)
        case .junit: return JUnitReport.render(self)
        }
    }

    /// Every file named by `files` or by a diagnostic, sorted.
    var allFiles: [String] {
        Set(files + diagnostics.map(\.file)).sorted()
    }
}
