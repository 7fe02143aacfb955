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
        var out = ""
        write(to: &out, indent: "")
        return out + "\n"
    }

    private func write(to out: inout String, indent: String) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .int(let value): out += String(value)
        case .double(let value): out += value.isFinite ? String(format: "%.3f", value) : "null"
        case .string(let value): out += JSONValue.quoted(value)
        case .array(let values):
            if values.isEmpty { out += "[]"; return }
            out += "[\n"
            for (index, value) in values.enumerated() {
                out += indent + "  "
                value.write(to: &out, indent: indent + "  ")
                out += index == values.count - 1 ? "\n" : ",\n"
            }
            out += indent + "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{\n"
            let keys = members.keys.sorted()
            for (index, key) in keys.enumerated() {
                out += indent + "  " + JSONValue.quoted(key) + ": "
                members[key]!.write(to: &out, indent: indent + "  ")
                out += index == keys.count - 1 ? "\n" : ",\n"
            }
            out += indent + "}"
        }
    }

    static func quoted(_ text: String) -> String { Escaping.jsonString(text) }
}
