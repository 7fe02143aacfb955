import DebriefModel
import Foundation

/// JUnit XML for CI systems that show test results: one test suite, one test case per file
/// checked; a file with errors fails (all its errors in the failure text), warnings go to
/// `system-out`.
enum JUnitReport {
    static func render(_ report: DiagnosticReport) -> String {
        let byFile = Dictionary(grouping: report.diagnostics, by: \.file)
        let files = report.allFiles
        let failing = files.filter { byFile[$0]?.contains { $0.severity == .error } ?? false }.count
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuite name=\"debrief check\" tests=\"\(files.count)\" failures=\"\(failing)\" errors=\"0\" skipped=\"0\">\n"
        for file in files {
            let diagnostics = byFile[file] ?? []
            let errors = diagnostics.filter { $0.severity == .error }
            let warnings = diagnostics.filter { $0.severity == .warning }
            xml += "  <testcase classname=\"debrief\" name=\"\(escape(file))\" file=\"\(escape(file))\""
            if errors.isEmpty, warnings.isEmpty { xml += "/>\n"; continue }
            xml += ">\n"
            if !errors.isEmpty {
                let message = "\(errors.count) error\(errors.count == 1 ? "" : "s"): " + Set(errors.map(\.rule)).sorted().joined(separator: ", ")
                xml += "    <failure message=\"\(escape(message))\" type=\"\(escape(errors[0].rule))\">"
                xml += escape(errors.map { TextReport.line(for: $0) }.joined(separator: "\n"))
                xml += "</failure>\n"
            }
            if !warnings.isEmpty {
                xml += "    <system-out>\(escape(warnings.map { TextReport.line(for: $0) }.joined(separator: "\n")))</system-out>\n"
            }
            xml += "  </testcase>\n"
        }
        return xml + "</testsuite>\n"
    }

    static func escape(_ text: String) -> String { Escaping.xml(text) }
}
