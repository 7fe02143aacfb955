import Foundation
import Yams

/// YAML front matter between `---` lines at the top of a markdown file.
public struct FrontMatter: Sendable {
    /// The YAML mapping (string keys, lower-cased), empty when there is none.
    public var values: [String: YAMLValue]
    /// Line (1-based) of each top-level key, for diagnostics.
    public var keyLines: [String: Int]
    /// The markdown after the closing `---`.
    public var body: String
    /// Number of lines before `body` starts.
    public var bodyLineOffset: Int
    public var diagnostics: [Diagnostic]

    /// Splits `text` into front matter and body. An unterminated block or invalid YAML is a
    /// diagnostic; the whole text is then treated as the body.
    public static func split(_ text: String, path: String) -> FrontMatter {
        var result = FrontMatter(values: [:], keyLines: [:], body: text, bodyLineOffset: 0, diagnostics: [])
        guard text.hasPrefix("---\n") || text.hasPrefix("---\r\n") else { return result }
        let lines = DocumentLines.split(text)
        guard let close = lines.dropFirst().firstIndex(where: { $0 == "---" || $0 == "..." }) else {
            result.diagnostics.append(Diagnostic(file: path, line: 1, severity: .error, rule: "front-matter",
                                                 message: "front matter opened with `---` on line 1 is never closed; add a `---` line after the last field"))
            return result
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        // The body is the text after the closing line, as written.
        result.body = close + 1 < lines.count ? String(text[lines[close + 1].startIndex...]) : ""
        result.bodyLineOffset = close + 1
        for (index, line) in lines[1..<close].enumerated() {
            if let colon = line.firstIndex(ofASCII: UInt8(ascii: ":")), let first = line.first, !first.isWhitespace, first != "#", first != "-" {
                result.keyLines[line[..<colon].trimmingHorizontalWhitespace().lowercased()] = index + 2
            }
        }
        switch YAMLValue.load(yaml) {
        case .success(.mapping(let pairs)):
            for (key, value) in pairs { result.values[key.lowercased()] = value }
        case .success(.null):
            break
        case .success:
            result.diagnostics.append(Diagnostic(file: path, line: 2, severity: .error, rule: "front-matter",
                                                 message: "front matter must be a mapping of `key: value` lines"))
        case .failure(let error):
            result.diagnostics.append(Diagnostic(file: path, line: 1 + (error.line ?? 1), severity: .error, rule: "front-matter",
                                                 message: "front matter is not valid YAML: \(error.message)"))
        }
        return result
    }

    public func string(_ key: String) -> String? { values[key]?.string }
    public func strings(_ key: String) -> [String] { values[key]?.strings ?? [] }
    public func line(_ key: String) -> Int { keyLines[key] ?? 1 }
}

/// A YAML value as plain Swift data, loaded with a guard against alias bombs.
public indirect enum YAMLValue: Sendable, Hashable {
    case null
    case scalar(String)
    case sequence([YAMLValue])
    /// Keys in document order.
    case mapping([(String, YAMLValue)])

    public struct LoadError: Error, Sendable {
        public var message: String
        public var line: Int?
    }

    /// More aliases than this in one document are refused: expanding them could take
    /// exponential memory ("billion laughs").
    public static let maximumAliases = 100

    public static func load(_ text: String) -> Result<YAMLValue, LoadError> {
        var lines: LineMarks?
        return load(text, lines: &lines)
    }

    /// Source lines of a loaded document, from Yams's marks: `"metadata.title"` is the line of
    /// the `title:` key under `metadata:`, `"diagnosis.2"` the line where the third item of
    /// `diagnosis:` starts. Keys are lower-cased.
    public typealias LineMarks = [String: Int]

    /// `load(_:)`, also recording the line of every key and sequence item.
    public static func loadWithLines(_ text: String) -> Result<(YAMLValue, LineMarks), LoadError> {
        var lines: LineMarks? = [:]
        return load(text, lines: &lines).map { ($0, lines ?? [:]) }
    }

    private static func load(_ text: String, lines: inout LineMarks?) -> Result<YAMLValue, LoadError> {
        if let refusal = refusal(of: text) { return .failure(LoadError(message: refusal, line: nil)) }
        do {
            // An explicit encoding: `.default` reads the process environment on every call.
            // The basic resolver tags every scalar `str` without running the default resolver's
            // regexes (int, float, bool, timestamp...): values are read as text here, and Yams'
            // duplicate-key check resolved the tag of every key.
            guard let node = try Yams.compose(yaml: text, .basic, .default, .utf8) else { return .success(.null) }
            var budget = 1_000_000
            return .success(try convert(node, path: "", budget: &budget, lines: &lines))
        } catch let error as YamlError {
            return .failure(LoadError(message: "\(error)".split(separator: "\n").first.map(String.init) ?? "invalid YAML", line: error.line))
        } catch let error as LoadError {
            return .failure(error)
        } catch {
            return .failure(LoadError(message: "\(error)", line: nil))
        }
    }

    /// Why `text` is refused before Yams reads it, if it is: aliases can expand exponentially,
    /// in memory ("billion laughs") and in time (Yams hashes a complex key, `? *alias` or
    /// `*alias: value`, with its aliases expanded). Checked on bytes; front matter, runbooks and
    /// `debrief.yml` never need either.
    public static func refusal(of text: String) -> String? {
        var text = text
        return text.withUTF8(refusal(ofBytes:))
    }

    private static func refusal(ofBytes bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var aliases = 0
        var lineStart = true
        for (index, byte) in bytes.enumerated() {
            let previous = index > 0 ? bytes[index - 1] : UInt8(ascii: "\n")
            if byte == UInt8(ascii: "?"), lineStart, index + 1 == bytes.count || isWordSeparator(bytes[index + 1]) {
                return "a complex YAML key (`? ...`); write plain `key: value` pairs"
            }
            if byte == UInt8(ascii: "*"), isWordSeparator(previous), index + 1 < bytes.count,
               !isWordSeparator(bytes[index + 1]), bytes[index + 1] != UInt8(ascii: "*") {
                aliases += 1
                if aliases > maximumAliases {
                    return "more than \(maximumAliases) YAML aliases; write the values out instead of using `*alias` references"
                }
                // `*alias:` or `*alias :` is an alias used as a key.
                var end = index + 1
                while end < bytes.count, !isWordSeparator(bytes[end]), bytes[end] != UInt8(ascii: ":") { end += 1 }
                while end < bytes.count, bytes[end] == UInt8(ascii: " ") || bytes[end] == UInt8(ascii: "\t") { end += 1 }
                if end < bytes.count, bytes[end] == UInt8(ascii: ":"), end + 1 == bytes.count || isWordSeparator(bytes[end + 1]) {
                    return "a YAML alias used as a key (`*name:`); write the key out"
                }
            }
            if byte == UInt8(ascii: "\n") { lineStart = true } else if !(byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "-")) { lineStart = false }
        }
        return nil
    }

    private static func isWordSeparator(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","): return true
        default: return false
        }
    }

    /// Converts, bounded by a node budget so aliases cannot blow up memory; with `lines`, records
    /// where each key and item starts (`LineMarks`).
    private static func convert(_ node: Node, path: String, budget: inout Int, lines: inout LineMarks?) throws -> YAMLValue {
        budget -= 1
        if budget < 0 { throw LoadError(message: "YAML document expands to too many values", line: nil) }
        func child(_ name: String) -> String { path.isEmpty ? name : path + "." + name }
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) { return .null }
            return .scalar(scalar.string)
        case .sequence(let sequence):
            return .sequence(try sequence.enumerated().map { index, item in
                if lines != nil, let line = item.mark?.line { lines?[child(String(index))] = line }
                return try convert(item, path: child(String(index)), budget: &budget, lines: &lines)
            })
        case .mapping(let mapping):
            return .mapping(try mapping.map { pair in
                let key = pair.key.string ?? "\(pair.key)"
                if lines != nil, let line = pair.key.mark?.line { lines?[child(key.lowercased())] = line }
                return (key, try convert(pair.value, path: child(key.lowercased()), budget: &budget, lines: &lines))
            })
        case .alias:
            return .null
        }
    }


    public static func == (a: YAMLValue, b: YAMLValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.scalar(let x), .scalar(let y)): return x == y
        case (.sequence(let x), .sequence(let y)): return x == y
        case (.mapping(let x), .mapping(let y)): return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .scalar(let s): hasher.combine(s)
        case .sequence(let s): hasher.combine(s)
        case .mapping(let m): for (k, v) in m { hasher.combine(k); hasher.combine(v) }
        }
    }

    /// A scalar's text (nil for sequences, mappings and null).
    public var string: String? {
        if case .scalar(let s) = self { return s }
        return nil
    }

    /// A sequence of scalars, or a single scalar split on commas.
    public var strings: [String] {
        switch self {
        case .scalar(let s):
            return s.split(separator: ",").map { $0.trimmed(" \t") }.filter { !$0.isEmpty }
        case .sequence(let items):
            return items.compactMap(\.string)
        default:
            return []
        }
    }

    public subscript(key: String) -> YAMLValue? {
        if case .mapping(let pairs) = self { return pairs.first { $0.0.lowercased() == key.lowercased() }?.1 }
        return nil
    }

    public var sequence: [YAMLValue]? {
        if case .sequence(let items) = self { return items }
        return nil
    }
}
