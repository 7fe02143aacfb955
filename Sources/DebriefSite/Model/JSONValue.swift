import Foundation
import DebriefModel

/// A JSON value with a deterministic serializer (keys sorted, fixed number format), so the
/// `api/*.json` exports are byte-identical for the same input.
public indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public static func optional(_ text: String?) -> JSONValue {
        text.map { .string($0) } ?? .null
    }

    public static func optional(_ number: Int?) -> JSONValue {
        number.map { .int($0) } ?? .null
    }

    public static func strings(_ values: [String]) -> JSONValue {
        .array(values.map { .string($0) })
    }

    /// Pretty-printed with two-space indentation and a final newline.
    public func serialized() -> String {
        String(decoding: serializedBytes(), as: UTF8.self)
    }

    /// `serialized()` as UTF-8, written straight into one buffer (the exports run to megabytes).
    /// `compact`: no spaces or line breaks, for files only scripts read.
    public func serializedBytes(compact: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        write(to: &out, depth: compact ? nil : 0)
        out.append(UInt8(ascii: "\n"))
        return out
    }

    /// `.object(members)` with `arrayKey` set to an array of `count` items, serialised as
    /// `serializedBytes()` would, but building each item only as it is written: the exports'
    /// item arrays (every incident, every action item) are never all held as values at once.
    public static func serializedObject(_ members: [String: JSONValue], arrayKey: String, count: Int,
                                        item: (Int) -> JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        out.append(contentsOf: "{\n".utf8)
        let keys = (Array(members.keys.filter { $0 != arrayKey }) + [arrayKey]).sorted()
        for (index, key) in keys.enumerated() {
            out.append(contentsOf: "  ".utf8)
            Escaping.appendJSONString(key, to: &out)
            out.append(contentsOf: ": ".utf8)
            if key != arrayKey {
                members[key]!.write(to: &out, depth: 1)
            } else if count == 0 {
                out.append(contentsOf: "[]".utf8)
            } else {
                out.append(contentsOf: "[\n".utf8)
                for position in 0..<count {
                    out.append(contentsOf: "    ".utf8)
                    item(position).write(to: &out, depth: 2)
                    out.append(contentsOf: (position == count - 1 ? "\n" : ",\n").utf8)
                }
                out.append(contentsOf: "  ]".utf8)
            }
            out.append(contentsOf: (index == keys.count - 1 ? "\n" : ",\n").utf8)
        }
        out.append(contentsOf: "}\n".utf8)
        return out
    }

    /// `depth` nil: compact.
    private func write(to out: inout [UInt8], depth: Int?) {
        func append(_ text: String) { out.append(contentsOf: text.utf8) }
        /// A line break and the indentation of `level`, nothing when compact.
        func newline(_ level: Int) {
            guard depth != nil else { return }
            out.append(UInt8(ascii: "\n"))
            out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level))
        }
        let inner = depth.map { $0 + 1 }
        switch self {
        case .null: append("null")
        case .bool(let value): append(value ? "true" : "false")
        case .int(let value): append(String(value))
        case .double(let value): append(value.isFinite ? String(format: "%.3f", value) : "null")
        case .string(let value): Escaping.appendJSONString(value, to: &out)
        case .array(let values):
            if values.isEmpty { append("[]"); return }
            append("[")
            for (index, value) in values.enumerated() {
                newline(inner ?? 0)
                value.write(to: &out, depth: inner)
                if index < values.count - 1 { append(",") }
            }
            newline(depth ?? 0)
            append("]")
        case .object(let members):
            if members.isEmpty { append("{}"); return }
            append("{")
            // Pairs sorted by key: no lookup of each value again.
            let sorted = members.sorted { $0.key < $1.key }
            for (index, member) in sorted.enumerated() {
                newline(inner ?? 0)
                Escaping.appendJSONString(member.key, to: &out)
                append(depth == nil ? ":" : ": ")
                member.value.write(to: &out, depth: inner)
                if index < sorted.count - 1 { append(",") }
            }
            newline(depth ?? 0)
            append("}")
        }
    }
}
