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
        TextFastPaths.strippedMarkup(line) ?? stripScalars(line)
    }

    /// `strip` on unicode scalars (the general path).
    static func stripScalars(_ line: some StringProtocol) -> String {
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

    /// Drops a leading list marker (`- `, `* `, `+ `, `1. `, `1) `) and block quote `> `.
    static func dropListMarker(_ line: Substring) -> Substring {
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

extension Substring {
    /// Whether the line holds only whitespace.
    var isBlank: Bool {
        allSatisfy(\.isWhitespace)
    }
}

extension StringProtocol {
    /// Whitespace collapsed to single spaces and trimmed (block text joined into one line).
    var collapsingWhitespace: String {
        if let fast = utf8.withContiguousStorageIfAvailable(TextFastPaths.collapsedWhitespace), let fast { return fast }
        return collapsingWhitespaceCharacters
    }

    /// `collapsingWhitespace` on Characters (the general path).
    var collapsingWhitespaceCharacters: String {
        split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }
}

extension String {
    /// The lines of the text without `\n` / `\r\n` terminators, split on bytes.
    public var sourceLines: [Substring] { DocumentLines.split(self) }
}
