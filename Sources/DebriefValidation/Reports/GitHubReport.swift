import DebriefModel
import Foundation

/// GitHub Actions workflow commands (`::error file=...,line=...,col=...,title=rule::message`),
/// then the plain text report: GitHub shows at most 10 annotations per step, the log shows all.
enum GitHubReport {
    static func render(_ report: DiagnosticReport) -> String {
        var out = ""
        for diagnostic in report.diagnostics {
            let properties = [
                "file=\(escapeProperty(diagnostic.file))",
                "line=\(diagnostic.line)",
                "col=\(diagnostic.column)",
                "title=\(escapeProperty(diagnostic.rule))",
            ].joined(separator: ",")
            out += "::\(diagnostic.severity.rawValue) \(properties)::\(escapeData(diagnostic.message))\n"
        }
        return out + TextReport.render(report, color: false)
    }

    /// Message text: `%`, CR and LF are encoded so a message cannot end or inject a command.
    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Property values additionally encode `:` and `,`, which delimit properties.
    static func escapeProperty(_ text: String) -> String {
        escapeData(text)
            .replacingOccurrences(of: ":", with: "%3A")
            .replacingOccurrences(of: ",", with: "%2C")
    }
}
