/// Escaping for the text formats Debrief writes (Atom, JUnit, JSON and the search index scripts).
public enum Escaping {
    /// XML text and attribute escaping; characters XML 1.0 forbids (most C0 controls,
    /// U+FFFE, U+FFFF) are dropped.
    public static func xml(_ text: String) -> String {
        var copy = text
        let escaped: [UInt8]? = copy.withUTF8 { bytes in
            // On bytes, copying the runs between escapes at once: every page escapes its text.
            var out: [UInt8] = []
            var runStart = 0
            func replace(_ index: Int, _ length: Int, with escape: StaticString) {
                if out.isEmpty { out.reserveCapacity(bytes.count + 16) }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                out.append(contentsOf: UnsafeBufferPointer(start: escape.utf8Start, count: escape.utf8CodeUnitCount))
                runStart = index + length
            }
            var i = 0
            while i < bytes.count {
                switch bytes[i] {
                case UInt8(ascii: "&"): replace(i, 1, with: "&amp;")
                case UInt8(ascii: "<"): replace(i, 1, with: "&lt;")
                case UInt8(ascii: ">"): replace(i, 1, with: "&gt;")
                case UInt8(ascii: "\""): replace(i, 1, with: "&quot;")
                case UInt8(ascii: "'"): replace(i, 1, with: "&apos;")
                case UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): break
                case 0..<0x20: replace(i, 1, with: "")
                case 0xEF where i + 2 < bytes.count && bytes[i + 1] == 0xBF && (bytes[i + 2] == 0xBE || bytes[i + 2] == 0xBF):
                    // U+FFFE, U+FFFF
                    replace(i, 3, with: "")
                    i += 2
                default: break
                }
                i += 1
            }
            guard runStart > 0 else { return nil }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
            return out
        }
        return escaped.map { String(decoding: $0, as: UTF8.self) } ?? text
    }

    /// A JSON string literal that is also safe as a JavaScript literal inside HTML: `<` is
    /// escaped so it can never close a <script> element, U+2028/U+2029 so older JS engines
    /// accept it.
    public static func jsonString(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 2)
        appendJSONString(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `jsonString(text)` appended to `out` as UTF-8. On bytes, copying the runs between
    /// escapes at once: the site's API files and search index escape megabytes of text.
    public static func appendJSONString(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            func escape(_ index: Int, _ escape: StaticString) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                out.append(contentsOf: UnsafeBufferPointer(start: escape.utf8Start, count: escape.utf8CodeUnitCount))
            }
            func hexDigit(_ nibble: UInt8) -> UInt8 { nibble < 10 ? 48 + nibble : 87 + nibble }
            out.append(UInt8(ascii: "\""))
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                switch byte {
                case UInt8(ascii: "\""): escape(i, "\\\"")
                case UInt8(ascii: "\\"): escape(i, "\\\\")
                case UInt8(ascii: "\n"): escape(i, "\\n")
                case UInt8(ascii: "\r"): escape(i, "\\r")
                case UInt8(ascii: "\t"): escape(i, "\\t")
                case UInt8(ascii: "<"): escape(i, "\\u003c")
                case 0..<0x20:
                    escape(i, "\\u00")
                    out.append(hexDigit(byte >> 4))
                    out.append(hexDigit(byte & 15))
                case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                    // U+2028, U+2029
                    escape(i, bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029")
                    i += 2
                default:
                    i += 1
                    continue
                }
                i += 1
                runStart = i
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
            out.append(UInt8(ascii: "\""))
        }
    }
}
