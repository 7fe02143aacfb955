import Foundation

/// Decodes a file's bytes into text, reporting binary content and invalid UTF-8 as diagnostics
/// instead of failing.
public enum SourceText {
    public static func decode(_ data: Data, path: String) -> (text: String?, diagnostics: [Diagnostic]) {
        if data.isEmpty {
            return ("", [])
        }
        if data.prefix(8192).contains(0) {
            return (nil, [Diagnostic(file: path, line: 1, severity: .error, rule: "unreadable",
                                     message: "file looks binary (it contains NUL bytes); save it as UTF-8 markdown or YAML, or move it out of content/")])
        }
        if let text = String(data: data, encoding: .utf8) {
            return (text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text, [])
        }
        let repaired = String(decoding: data, as: UTF8.self)
        let badLine = repaired.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("\u{FFFD}") }.map { $0 + 1 } ?? 1
        return (repaired, [Diagnostic(file: path, line: badLine, severity: .error, rule: "unreadable",
                                      message: "file is not valid UTF-8 (invalid bytes were replaced by U+FFFD); re-save it as UTF-8")])
    }
}
