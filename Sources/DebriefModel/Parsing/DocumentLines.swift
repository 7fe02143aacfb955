import Foundation
import Markdown

/// The source lines of one file, addressed by their real 1-based line numbers, with the
/// lines inside code blocks marked so that line scanners skip them.
struct DocumentLines {
    /// All lines of the original file (front matter included), without line terminators.
    let lines: [Substring]
    /// First line number after the front matter.
    let bodyStart: Int
    private var inCode: [Bool]

    init(text: String, bodyLineOffset: Int, blocks: [MarkdownNode]) {
        lines = Self.split(text)
        bodyStart = bodyLineOffset + 1
        inCode = Array(repeating: false, count: lines.count + 2)
        for block in blocks {
            switch block.kind {
            case .codeBlock, .htmlBlock:
                for line in max(block.line, 0)...max(block.endLine, block.line) where line < inCode.count { inCode[line] = true }
            default:
                break
            }
        }
    }

    /// The lines of `text` without `\n` / `\r\n` terminators. Split on UTF-8 bytes: splitting
    /// Characters runs grapheme breaking over every byte (and never splits inside `\r\n`).
    static func split(_ text: String) -> [Substring] {
        let utf8 = text.utf8
        // Offsets in the contiguous bytes: `Collection.split` over the UTF-8 view cost 60
        // instructions a byte. Lines break at ASCII bytes, so every index is a scalar boundary.
        let lines: [Substring]? = utf8.withContiguousStorageIfAvailable { bytes in
            var lines: [Substring] = []
            lines.reserveCapacity(bytes.count / 32 + 1)
            var start = 0
            while true {
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
                let contentEnd = end > start && bytes[end - 1] == UInt8(ascii: "\r") ? end - 1 : end
                let lower = utf8.index(utf8.startIndex, offsetBy: start)
                lines.append(text[lower..<utf8.index(lower, offsetBy: contentEnd - start)])
                if end == bytes.count { return lines }
                start = end + 1
            }
        }
        return lines ?? split(String(decoding: Array(utf8), as: UTF8.self))
    }

    var lastLine: Int { lines.count }

    /// The line with 1-based number `number`, empty when out of range.
    subscript(number: Int) -> Substring {
        number >= 1 && number <= lines.count ? lines[number - 1] : ""
    }

    func isCode(_ number: Int) -> Bool {
        number >= 0 && number < inCode.count && inCode[number]
    }

    func isBlank(_ number: Int) -> Bool {
        self[number].isBlank
    }
}

/// Light removal of inline markdown from one raw line (for line-based readers that do not
/// go through the markdown tree): emphasis markers, code ticks, link brackets.
enum InlineMarkup {
    static func strip(_ line: some StringProtocol) -> String {
        if let ascii = stripASCII(line) { return ascii }
        var out = String.UnicodeScalarView()
        var previous: Unicode.Scalar = " "
        for scalar in line.unicodeScalars {
            switch scalar {
            case "`":
                continue
            case "*", "_":
                // Emphasis markers only: keep `snake_case` and `2*3`.
                if scalar == "_", previous.properties.isAlphabetic || ("0"..."9").contains(previous) { out.append(scalar) }
                continue
            default:
                out.append(scalar)
                previous = scalar
            }
        }
        return String(out).trimmed()
    }

    /// `strip` for an ASCII line, on bytes; nil when the line is not ASCII.
    private static func stripASCII(_ line: some StringProtocol) -> String? {
        if let stripped = line.utf8.withContiguousStorageIfAvailable(stripASCII(bytes:)) { return stripped }
        var native = String(line)
        return native.withUTF8(stripASCII(bytes:))
    }

    /// Written straight into the result's storage and trimmed there: building an array byte by
    /// byte and trimming a copy cost 80 instructions a byte.
    private static func stripASCII(bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var hasCarriageReturn = false
        for byte in bytes {
            if byte >= 0x80 { return nil }
            if byte == UInt8(ascii: "\r") { hasCarriageReturn = true }
        }
        // Whitespace as `trimmed()` drops it from ASCII text: space and U+0009...U+000D.
        func isSpace(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte &- 0x09 < 5 }
        let stripped = String(unsafeUninitializedCapacity: bytes.count) { out in
            var count = 0
            var previous = UInt8(ascii: " ")
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "`"):
                    continue
                case UInt8(ascii: "*"), UInt8(ascii: "_"):
                    let alphanumeric = (previous | 0x20) &- UInt8(ascii: "a") < 26 || previous &- UInt8(ascii: "0") < 10
                    if byte == UInt8(ascii: "_"), alphanumeric { out[count] = byte; count += 1 }
                    continue
                default:
                    out[count] = byte
                    count += 1
                    previous = byte
                }
            }
            // `\r\n` is one character: leave trimming such text to `trimmed()`.
            guard !hasCarriageReturn else { return count }
            var lower = 0, upper = count
            while lower < upper, isSpace(out[lower]) { lower += 1 }
            while upper > lower, isSpace(out[upper - 1]) { upper -= 1 }
            if lower > 0 {
                for index in lower..<upper { out[index - lower] = out[index] }
            }
            return upper - lower
        }
        return hasCarriageReturn ? stripped.trimmed() : stripped
    }

    /// Drops a leading list marker (`- `, `* `, `+ `, `1. `, `1) `) and block quote `> `.
    static func dropListMarker(_ line: Substring) -> Substring {
        if line.utf8.allSatisfy({ $0 < 0x80 }) { return dropASCIIListMarker(line) }
        var rest = line.drop { $0 == " " || $0 == "\t" || $0 == ">" }
        if let first = rest.first, "-*+".contains(first), rest.dropFirst().first == " " {
            rest = rest.dropFirst(2)
        } else {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            let after = rest.dropFirst(digits.count)
            if !digits.isEmpty, digits.count <= 3, let mark = after.first, mark == "." || mark == ")", after.dropFirst().first == " " {
                rest = after.dropFirst(2)
            }
        }
        return rest.drop { $0 == " " }
    }
}

extension InlineMarkup {
    /// `dropListMarker` of an ASCII line, on bytes (every byte is a character).
    private static func dropASCIIListMarker(_ line: Substring) -> Substring {
        let bytes = line.utf8
        func skip(from index: Substring.Index, while condition: (UInt8) -> Bool) -> Substring.Index {
            var index = index
            while index < bytes.endIndex, condition(bytes[index]) { index = bytes.index(after: index) }
            return index
        }
        func byte(at index: Substring.Index, offset: Int) -> UInt8? {
            guard let position = bytes.index(index, offsetBy: offset, limitedBy: bytes.endIndex), position < bytes.endIndex else { return nil }
            return bytes[position]
        }
        var rest = skip(from: bytes.startIndex) { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: ">") }
        if let first = byte(at: rest, offset: 0), first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "+"),
           byte(at: rest, offset: 1) == UInt8(ascii: " ") {
            rest = bytes.index(rest, offsetBy: 2)
        } else {
            let digitsEnd = skip(from: rest) { $0 &- UInt8(ascii: "0") < 10 }
            let digits = bytes.distance(from: rest, to: digitsEnd)
            if digits > 0, digits <= 3, let mark = byte(at: digitsEnd, offset: 0), mark == UInt8(ascii: ".") || mark == UInt8(ascii: ")"),
               byte(at: digitsEnd, offset: 1) == UInt8(ascii: " ") {
                rest = bytes.index(digitsEnd, offsetBy: 2)
            }
        }
        return line[skip(from: rest) { $0 == UInt8(ascii: " ") }...]
    }
}

extension Substring {
    /// Whether the line holds only whitespace; ASCII lines are checked byte by byte.
    var isBlank: Bool {
        var allASCII = true
        for byte in utf8 {
            if byte >= 0x80 { allASCII = false; break }
            if byte != 0x20, byte < 0x09 || byte > 0x0D { return false }
        }
        return allASCII || allSatisfy(\.isWhitespace)
    }
}

extension StringProtocol {
    /// Whitespace collapsed to single spaces and trimmed (block text joined into one line).
    var collapsingWhitespace: String {
        if let ascii = utf8.withContiguousStorageIfAvailable(Self.collapsingASCIIWhitespace), let ascii { return ascii }
        return split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }

    /// `collapsingWhitespace` on bytes; nil for text with non-ASCII bytes (a combining mark
    /// after a space makes one character) or a CR (`\r\n` is one character, not a separator).
    private static func collapsingASCIIWhitespace(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        for byte in bytes {
            if byte >= 0x80 || byte == UInt8(ascii: "\r") { return nil }
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t") {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(UInt8(ascii: " ")) }
                pendingSpace = false
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension String {
    /// The lines of the text without `\n` / `\r\n` terminators, split on bytes.
    public var sourceLines: [Substring] { DocumentLines.split(self) }
}
