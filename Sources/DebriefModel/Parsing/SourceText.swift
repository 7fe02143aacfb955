import Foundation

/// Decodes a file's bytes into text, reporting binary content and invalid UTF-8 as diagnostics
/// instead of failing.
public enum SourceText {
    public static func decode(_ data: Data, path: String) -> (text: String?, diagnostics: [Diagnostic]) {
        decode(bytes: [UInt8](data), path: path)
    }

    public static func decode(bytes: [UInt8], path: String) -> (text: String?, diagnostics: [Diagnostic]) {
        if bytes.isEmpty {
            return ("", [])
        }
        // memchr: a generic `prefix(8192).contains(0)` cost as much as validating the UTF-8.
        let looksBinary = bytes.withUnsafeBufferPointer { memchr($0.baseAddress!, 0, min($0.count, 8192)) != nil }
        if looksBinary {
            return (nil, [Diagnostic(file: path, line: 1, severity: .error, rule: "unreadable",
                                     message: "file looks binary (it contains NUL bytes); save it as UTF-8 markdown or YAML, or move it out of content/")])
        }
        if var text = String(validating: bytes, as: UTF8.self) {
            // Foundation's `String(data:encoding: .utf8)`, used before, dropped one byte order
            // mark itself; a second one is dropped here as it always was.
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            return (unixLineEnds(text), [])
        }
        let repaired = unixLineEnds(String(decoding: bytes, as: UTF8.self))
        let badLine = repaired.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("\u{FFFD}") }.map { $0 + 1 } ?? 1
        return (repaired, [Diagnostic(file: path, line: badLine, severity: .error, rule: "unreadable",
                                      message: "file is not valid UTF-8 (invalid bytes were replaced by U+FFFD); re-save it as UTF-8")])
    }

    /// `\r\n` and a lone `\r` as `\n`: markdown ends a line at any of them, and every reader
    /// must count lines as cmark does.
    static func unixLineEnds(_ text: String) -> String {
        guard text.containsByte(UInt8(ascii: "\r")) else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}
