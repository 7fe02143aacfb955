import Foundation

/// Finds the source lines of keys and list items in a block-style YAML runbook, for
/// diagnostics. `YAMLValue` carries no positions, so this scans the text; when a value is
/// written in flow style (`[...]`, `{...}`) it falls back to the enclosing key's line.
struct RunbookYAMLLines {
    private let lines: [Substring]

    init(text: String) {
        lines = DocumentLines.split(text)
    }

    /// 1-based line of a top-level `key:`.
    func topLevelKey(_ key: String) -> Int? {
        lines.firstIndex { line in
            guard let first = line.first, !first.isWhitespace else { return false }
            return Self.keyName(of: line) == key
        }.map { $0 + 1 }
    }

    /// 1-based line of `key:` nested (indented) in the block of the top-level `parent:`.
    func nestedKey(_ key: String, in parent: String) -> Int? {
        guard let range = block(of: parent) else { return nil }
        return range.first { index in
            lines[index].first?.isWhitespace == true && Self.keyName(of: lines[index]) == key
        }.map { $0 + 1 }
    }

    /// 1-based lines where the items of the sequence under top-level `parent:` start.
    func itemLines(in parent: String) -> [Int] {
        guard let range = block(of: parent) else { return [] }
        let dashes = range.filter { Self.isItemStart(lines[$0]) }
        guard let indent = dashes.map({ Self.indentation(lines[$0]) }).min() else { return [] }
        return dashes.filter { Self.indentation(lines[$0]) == indent }.map { $0 + 1 }
    }

    /// Indices of the lines below a top-level key, up to the next top-level key.
    private func block(of key: String) -> Range<Int>? {
        guard let keyLine = topLevelKey(key) else { return nil }
        var end = keyLine
        while end < lines.count {
            let line = lines[end]
            if let first = line.first, !first.isWhitespace, first != "-", first != "#" { break }
            end += 1
        }
        return keyLine..<end
    }

    private static func keyName(of line: Substring) -> String? {
        var text = line.drop { $0 == " " || $0 == "\t" }
        if text.hasPrefix("- ") { text = text.dropFirst(2).drop { $0 == " " } }
        guard let colon = text.firstIndex(ofASCII: UInt8(ascii: ":")) else { return nil }
        let key = text[..<colon].trimmingHorizontalWhitespace().trimmingScalars(in: "\"'")
        let afterColon = text[colon...].dropFirst()
        guard afterColon.isEmpty || afterColon.first == " " || afterColon.first == "\t" else { return nil }
        return key.lowercased()
    }

    private static func isItemStart(_ line: Substring) -> Bool {
        let text = line.drop { $0 == " " || $0 == "\t" }
        return text == "-" || text.hasPrefix("- ")
    }

    private static func indentation(_ line: Substring) -> Int {
        line.prefix { $0 == " " || $0 == "\t" }.count
    }
}
