/// Edits of rendered HTML as UTF-8 bytes: Foundation's string search goes through NSString on
/// Linux, and these edits on every postmortem page cost a tenth of a 1,000-postmortem build
/// that way (perf, 2026-12).
enum HTMLSplice {
    /// Position of the first `pattern` in `bytes` at or after `start`.
    static func firstIndex(of pattern: [UInt8], in bytes: [UInt8], from start: Int = 0) -> Int? {
        guard let head = pattern.first, bytes.count >= pattern.count else { return nil }
        var index = start
        while index <= bytes.count - pattern.count {
            if bytes[index] == head, bytes[index..<(index + pattern.count)].elementsEqual(pattern) { return index }
            index += 1
        }
        return nil
    }

    /// `html` with its first `target` replaced, nil when it has none.
    static func replacingFirst(_ target: String, with replacement: String, in html: String) -> String? {
        let bytes = Array(html.utf8)
        guard let at = firstIndex(of: Array(target.utf8), in: bytes) else { return nil }
        return String(decoding: bytes[..<at] + Array(replacement.utf8) + bytes[(at + target.utf8.count)...], as: UTF8.self)
    }

    /// Every `open`…`close` span (the first `close` after each `open`) between `before` and `after`.
    static func wrapping(_ open: String, _ close: String, in html: String, before: String, after: String) -> String {
        let bytes = Array(html.utf8), openBytes = Array(open.utf8), closeBytes = Array(close.utf8)
        guard let first = firstIndex(of: openBytes, in: bytes) else { return html }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 64)
        var copied = 0
        var next: Int? = first
        while let start = next, let end = firstIndex(of: closeBytes, in: bytes, from: start + openBytes.count) {
            out += bytes[copied..<start]
            out += before.utf8
            out += bytes[start..<(end + closeBytes.count)]
            out += after.utf8
            copied = end + closeBytes.count
            next = firstIndex(of: openBytes, in: bytes, from: copied)
        }
        out += bytes[copied...]
        return String(decoding: out, as: UTF8.self)
    }
}
