import DebriefModel
import Foundation

/// `path:line:col: error[rule-id]: message`, one per line, then a summary line. ANSI colours
/// only when asked (the CLI decides: a TTY and no NO_COLOR).
enum TextReport {
    static func render(_ report: DiagnosticReport, color: Bool) -> String {
        let style = Style(enabled: color)
        var lines = report.diagnostics.map { line(for: $0, style) }
        lines.append(summary(report, style))
        return lines.joined(separator: "\n") + "\n"
    }

    static func line(for diagnostic: Diagnostic, _ style: Style = Style(enabled: false)) -> String {
        let level = diagnostic.severity == .error ? style.red(diagnostic.severity.rawValue) : style.yellow(diagnostic.severity.rawValue)
        let location = style.bold("\(diagnostic.file):\(diagnostic.line):\(diagnostic.column):")
        return "\(location) \(level)[\(diagnostic.rule)]: \(singleLine(diagnostic.message))"
    }

    static func summary(_ report: DiagnosticReport, _ style: Style = Style(enabled: false)) -> String {
        let checked = "(\(count(report.fileCount, "file")) checked)"
        if report.diagnostics.isEmpty { return style.green("no problems") + " \(checked)" }
        let errors = count(report.errorCount, "error")
        let warnings = count(report.warningCount, "warning")
        return "\(report.errorCount > 0 ? style.red(errors) : errors), \(report.warningCount > 0 ? style.yellow(warnings) : warnings) \(checked)"
    }

    private static func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }

    /// One diagnostic is one line, whatever its message holds.
    private static func singleLine(_ text: String) -> String {
        // Nearly every message is one line already; Foundation's replace is slow on Linux.
        guard text.utf8.contains(where: { $0 == 10 || $0 == 13 }) else { return text }
        return text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
    }

    struct Style {
        var enabled: Bool
        func bold(_ s: String) -> String { wrap(s, "1") }
        func red(_ s: String) -> String { wrap(s, "1;31") }
        func yellow(_ s: String) -> String { wrap(s, "1;33") }
        func green(_ s: String) -> String { wrap(s, "32") }
        private func wrap(_ s: String, _ code: String) -> String { enabled ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
    }
}
