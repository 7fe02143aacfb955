import DebriefModel

/// One line of a document's markdown with its line number in the file.
struct ProseLine {
    var number: Int
    /// The line with inline code spans blanked out (same length, so columns stay right). A
    /// slice of the document's text unless there was code to blank: most lines cost no copy.
    var text: Substring
}

/// Markdown lines that hold prose: fenced code blocks are skipped and inline code is blanked,
/// so commands and templates quoted as code never trip text rules.
enum ProseLines {
    /// The prose lines of `body` whose file line numbers are in `numbers` (all by default).
    /// Fence state starts closed at the first line of `numbers`, which is right when the range
    /// is a section: a section starts at a heading, and a heading is never inside a fence.
    static func of(body: String, lineOffset: Int, numbers: ClosedRange<Int>? = nil) -> [ProseLine] {
        var result: [ProseLine] = []
        let scanned = scan(body, lineOffset: lineOffset, numbers: numbers ?? Int.min...Int.max) { number, line, _ in
            result.append(ProseLine(number: number, text: line()))
            return true
        }
        return scanned ? result : of(body: String(decoding: Array(body.utf8), as: UTF8.self), lineOffset: lineOffset, numbers: numbers)
    }

    /// The first prose line holding `needle` (case-sensitive) and where in the line. Lines are
    /// tested on bytes before one is made: most of a body is read without a copy.
    static func first(containing needle: String, body: String, lineOffset: Int) -> (line: ProseLine, range: Range<Substring.Index>)? {
        var found: (ProseLine, Range<Substring.Index>)?
        // Blanking only turns characters into spaces, so a needle without spaces that is in
        // the blanked line is in the raw bytes too.
        let needleBytes = Array(needle.utf8)
        let prefilter = !needleBytes.contains(UInt8(ascii: " "))
        let scanned = needleBytes.withUnsafeBufferPointer { needleBytes in
            scan(body, lineOffset: lineOffset, numbers: Int.min...Int.max) { number, line, raw in
                if prefilter, TextSearch.offset(of: needleBytes, in: raw, from: 0, foldingCase: false) == nil { return true }
                let text = line()
                guard let range = text.textRange(of: needle, foldingCase: false) else { return true }
                found = (ProseLine(number: number, text: text), range)
                return false
            }
        }
        return scanned ? found : first(containing: needle, body: String(decoding: Array(body.utf8), as: UTF8.self), lineOffset: lineOffset)
    }

    /// Calls `visit` with each prose line of `numbers`: its number, the line (made on demand)
    /// and its raw bytes; `visit` returns false to stop. Lines are found on UTF-8 bytes, as
    /// offsets: walking Characters or `String.Index`es cost more than the rules that read the
    /// lines. False when the body has no contiguous bytes (the caller retries on a native copy).
    private static func scan(_ body: String, lineOffset: Int, numbers wanted: ClosedRange<Int>,
                             _ visit: (Int, () -> Substring, UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        body.utf8.withContiguousStorageIfAvailable { bytes in
            var fence: UInt8? // the byte of the open fence: ` or ~
            var start = 0
            var number = lineOffset
            while start <= bytes.count {
                number += 1
                if number > wanted.upperBound { break }
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
                defer { start = end + 1 }
                guard number >= wanted.lowerBound else { continue }
                let contentEnd = end > start && bytes[end - 1] == UInt8(ascii: "\r") ? end - 1 : end
                var first = start
                while first < contentEnd, bytes[first] == UInt8(ascii: " ") { first += 1 }
                let opensFence = contentEnd - first >= 3 && (bytes[first] == UInt8(ascii: "`") || bytes[first] == UInt8(ascii: "~"))
                    && bytes[first + 1] == bytes[first] && bytes[first + 2] == bytes[first]
                if let open = fence {
                    if opensFence, bytes[first] == open { fence = nil }
                } else if opensFence {
                    fence = bytes[first]
                } else {
                    let raw = UnsafeBufferPointer(rebasing: bytes[start..<contentEnd])
                    let lineStart = start
                    let line = { () -> Substring in
                        let utf8 = body.utf8
                        let lower = utf8.index(utf8.startIndex, offsetBy: lineStart)
                        let line = body[lower..<utf8.index(lower, offsetBy: raw.count)]
                        return raw.contains(UInt8(ascii: "`")) ? blankingInlineCode(line) : line
                    }
                    if !visit(number, line, raw) { break }
                }
            }
            return true
        } ?? false
    }

    static func of(_ postmortem: Postmortem) -> [ProseLine] {
        of(body: postmortem.body, lineOffset: postmortem.bodyLineOffset)
    }

    /// The prose lines of one section, below its heading.
    static func of(_ section: Section, in postmortem: Postmortem) -> [ProseLine] {
        guard section.line < section.endLine else { return [] }
        return of(body: postmortem.body, lineOffset: postmortem.bodyLineOffset, numbers: (section.line + 1)...section.endLine)
    }

    private static func blankingInlineCode(_ line: Substring) -> Substring {
        var out = ""
        var inCode = false
        for character in line {
            if character == "`" { inCode.toggle(); out.append(" ") } else { out.append(inCode ? " " : character) }
        }
        return Substring(out)
    }
}

extension Postmortem {
    /// Line of the first header field named by one of `keys` (case-insensitive).
    func fieldLine(_ keys: String...) -> Int? {
        self.fields.first { field in keys.contains(field.key.lowercased().trimmed()) }?.line
    }

    /// Where the document starts to say something: its title line.
    var headerLine: Int { self.titleLine }
}

extension StringProtocol {
    /// 1-based column of a character index.
    func column(of index: String.Index) -> Int {
        distance(from: startIndex, to: index) + 1
    }
}
