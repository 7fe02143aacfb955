import DebriefModel
import Foundation

/// `{"diagnostics":[{"file","line","column","severity","rule","message"}],"summary":{"files","errors","warnings"}}`,
/// keys sorted so output is byte-stable.
enum JSONReport {
    struct Document: Encodable {
        var diagnostics: [Diagnostic]
        var summary: Summary
    }

    struct Summary: Encodable {
        var files: Int
        var errors: Int
        var warnings: Int
    }

    static func render(_ report: DiagnosticReport) -> String {
        let document = Document(diagnostics: report.diagnostics,
                                summary: Summary(files: report.fileCount, errors: report.errorCount, warnings: report.warningCount))
        return encode(document)
    }

    /// Pretty, key-sorted JSON with a trailing newline.
    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        // Encoding plain structs of strings and numbers cannot fail.
        let data = try! encoder.encode(value)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
