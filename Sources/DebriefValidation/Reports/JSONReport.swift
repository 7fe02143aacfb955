import DebriefModel
import Foundation

/// `{"diagnostics":[{"file","line","column","severity","rule","message","fix"?}],"summary":{"files","errors","warnings"}}`,
/// keys sorted so output is byte-stable.
enum JSONReport {
    /// Written directly in the layout `encode` gives (pretty, keys sorted): `JSONEncoder` went
    /// through `Encodable` witnesses for every field and was the largest serial step of a
    /// 10,000-postmortem `check` after parsing and validating. A test holds both byte-identical.
    static func render(_ report: DiagnosticReport) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(200 * report.diagnostics.count + 200)
        func append(_ text: String) { out.append(contentsOf: text.utf8) }
        append("{\n  \"diagnostics\" : [\n")
        if report.diagnostics.isEmpty { append("\n") }
        for (index, diagnostic) in report.diagnostics.enumerated() {
            append("    {\n      \"column\" : \(diagnostic.column),\n      \"file\" : ")
            appendString(diagnostic.file, to: &out)
            if let fix = diagnostic.fix {
                append(",\n      \"fix\" : ")
                appendString(fix, to: &out)
            }
            append(",\n      \"line\" : \(diagnostic.line),\n      \"message\" : ")
            appendString(diagnostic.message, to: &out)
            append(",\n      \"rule\" : ")
            appendString(diagnostic.rule, to: &out)
            append(",\n      \"severity\" : ")
            appendString(diagnostic.severity.rawValue, to: &out)
            append(index + 1 < report.diagnostics.count ? "\n    },\n" : "\n    }\n")
        }
        append("  ],\n  \"summary\" : {\n    \"errors\" : \(report.errorCount),\n    \"files\" : \(report.fileCount),\n")
        append("    \"warnings\" : \(report.warningCount)\n  }\n}\n")
        return String(decoding: out, as: UTF8.self)
    }

    /// A string literal escaped as `JSONEncoder` escapes it (with `.withoutEscapingSlashes`).
    private static func appendString(_ text: String, to out: inout [UInt8]) {
        func hexDigit(_ nibble: UInt8) -> UInt8 { nibble < 10 ? 48 + nibble : 87 + nibble }
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            // Runs without anything to escape are copied at once.
            var runStart = 0
            for index in bytes.indices {
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                runStart = index + 1
                switch byte {
                case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
                case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
                case 0x08: out.append(contentsOf: #"\b"#.utf8)
                case 0x09: out.append(contentsOf: #"\t"#.utf8)
                case 0x0A: out.append(contentsOf: #"\n"#.utf8)
                case 0x0C: out.append(contentsOf: #"\f"#.utf8)
                case 0x0D: out.append(contentsOf: #"\r"#.utf8)
                default: out.append(contentsOf: #"\u00"#.utf8); out.append(hexDigit(byte >> 4)); out.append(hexDigit(byte & 15))
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        out.append(UInt8(ascii: "\""))
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
