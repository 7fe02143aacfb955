/// Byte-level versions of text functions whose general versions walk Characters or unicode
/// scalars: on the 1k benchmark corpus each one saves at least 1% of the instructions of
/// `check` or `build` (the rest were removed). Each returns nil where only the general
/// version is exact (non-ASCII text, a CR that may start `\r\n`); `TextFastPathTests` checks
/// on random text that wherever one answers, it answers as the general version does.
public enum TextFastPaths {
    /// `trimmed`, or nil when a byte to drop may belong to a character of several scalars (a
    /// non-ASCII neighbour, `\r\n`). `characters` is taken as a set of single-scalar characters.
    static func trimmed(_ text: some StringProtocol, dropping characters: String?) -> String? {
        // ASCII bytes to drop, as a 128-bit mask (no allocation per call).
        var low: UInt64 = 0, high: UInt64 = 0
        var dropsNonASCII = false
        if let characters {
            for byte in characters.utf8 {
                guard byte < 0x80 else { dropsNonASCII = true; continue }
                if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
            }
        } else {
            low = 1 << 0x20 | 1 << 0x09 | 1 << 0x0A | 1 << 0x0B | 1 << 0x0C | 1 << 0x0D // Unicode White_Space in ASCII
        }
        // A non-ASCII character to drop may be an ASCII byte and the marks after it (`e` and
        // U+0301 is `é`); in ASCII text it cannot occur.
        if dropsNonASCII, text.utf8.contains(where: { $0 >= 0x80 }) { return nil }
        func drops(_ byte: UInt8) -> Bool {
            byte < 64 ? low & (1 << UInt64(byte)) != 0 : high & (1 << UInt64(byte - 64)) != 0
        }
        // Most texts have nothing to trim: kept ASCII bytes at both ends (not a CR in front,
        // which may start `\r\n`) are the whole text, without scanning it.
        let untouched = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard let first = bytes.first, let last = bytes.last else { return false }
            return first < 0x80 && first != 0x0D && !drops(first) && last < 0x80 && !drops(last)
        }
        if untouched == true { return String(text) }
        // Offsets on the contiguous bytes: forward scans only.
        func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                guard byte < 0x80, byte != 0x0D else { return nil }
                if !drops(byte) { break }
                guard index + 1 == bytes.count || bytes[index + 1] < 0x80 else { return nil } // may carry a combining mark
                index += 1
            }
            let lower = index
            // The end of the last kept byte; what follows it is droppable ASCII.
            var upper = lower
            var lastKeptIsASCII = true
            var tailHasLineBreak = false
            while index < bytes.count {
                let byte = bytes[index]
                if byte >= 0x80 || !drops(byte) {
                    upper = index + 1
                    lastKeptIsASCII = byte < 0x80
                    tailHasLineBreak = false
                } else if byte == 0x0A || byte == 0x0D {
                    tailHasLineBreak = true
                }
                index += 1
            }
            // A non-ASCII last character may itself be droppable, or glue to the space after it.
            guard lastKeptIsASCII, !tailHasLineBreak else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[lower..<upper]), as: UTF8.self)
        }
        if let result = text.utf8.withContiguousStorageIfAvailable(trimmed) { return result }
        var native = String(text) // a bridged string: scan a native copy
        return native.withUTF8(trimmed)
    }

    /// `InlineMarkup.strip`; nil when the line is not ASCII.
    static func strippedMarkup(_ line: some StringProtocol) -> String? {
        if let stripped = line.utf8.withContiguousStorageIfAvailable(strippedMarkup(bytes:)) { return stripped }
        var native = String(line)
        return native.withUTF8(strippedMarkup(bytes:))
    }

    /// Written straight into the result's storage and trimmed there: building an array byte by
    /// byte and trimming a copy cost 80 instructions a byte.
    private static func strippedMarkup(bytes: UnsafeBufferPointer<UInt8>) -> String? {
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

    /// `collapsingWhitespace`; nil for text with non-ASCII bytes (a combining mark
    /// after a space makes one character) or a CR (`\r\n` is one character, not a separator).
    static func collapsedWhitespace(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        collapsedWhitespaceBytes(bytes).map { String(decoding: $0, as: UTF8.self) }
    }

    /// `collapsedWhitespace` as bytes.
    private static func collapsedWhitespaceBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
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
        return out
    }

    /// `Words.clauses(of:)`; nil when a byte is not ASCII.
    static func clauses(_ bytes: UnsafeBufferPointer<UInt8>) -> [[String]]? {
        var clauses: [[String]] = []
        var clause: [String] = []
        var word: [UInt8] = []
        func endWord() {
            var lower = 0, upper = word.count
            while lower < upper, word[lower] == UInt8(ascii: "'") || word[lower] == UInt8(ascii: "-") { lower += 1 }
            while upper > lower, word[upper - 1] == UInt8(ascii: "'") || word[upper - 1] == UInt8(ascii: "-") { upper -= 1 }
            if lower < upper {
                let finished = String(decoding: word[lower..<upper], as: UTF8.self)
                if finished == "but" { endClause() } else { clause.append(finished) }
            }
            word.removeAll(keepingCapacity: true)
        }
        func endClause() {
            if !clause.isEmpty { clauses.append(clause) }
            clause = []
        }
        for byte in bytes {
            switch byte {
            case 0x80...: return nil
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "'"), UInt8(ascii: "-"):
                word.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                word.append(byte + 32)
            case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"), UInt8(ascii: "?"),
                 UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"):
                endWord()
                endClause()
            default:
                endWord()
            }
        }
        endWord()
        endClause()
        return clauses
    }

    /// `Slug.make` (every page and file name goes through it): no lower-cased copy, no Unicode
    /// property lookups. Nil for non-ASCII text, since some non-ASCII letters lower-case to
    /// ASCII ones (KELVIN SIGN to `k`).
    static func slug(_ string: String) -> String? {
        let text = string.utf8
        guard text.allSatisfy({ $0 < 0x80 }) else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(min(text.count, 120))
        var lastWasDash = true
        for byte in text {
            let lower = byte &- 65 < 26 ? byte | 0x20 : byte
            if lower &- 97 < 26 || lower &- 48 < 10 {
                out.append(lower)
                lastWasDash = false
            } else if !lastWasDash {
                out.append(UInt8(ascii: "-"))
                lastWasDash = true
            }
        }
        while out.last == UInt8(ascii: "-") { out.removeLast() }
        return out.isEmpty ? "untitled" : String(decoding: out.prefix(120), as: UTF8.self)
    }

    /// `Slug.fileStem(ofPath:)`; nil for a non-ASCII path or one ending in `/`.
    static func fileStem(ofPath path: String) -> Substring? {
        let utf8 = path.utf8
        guard utf8.last != UInt8(ascii: "/"), utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        let name = path[(utf8.lastIndex(of: UInt8(ascii: "/")).map(utf8.index(after:)) ?? utf8.startIndex)...]
        return name.utf8.lastIndex(of: UInt8(ascii: ".")).map { name[..<$0] } ?? name
    }

    /// `Array(text.unicodeScalars)`, one scalar a byte without decoding; nil when the text is
    /// not ASCII or not contiguous.
    static func scalars(_ text: some StringProtocol) -> [Unicode.Scalar]? {
        let ascii = text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.allSatisfy { $0 < 0x80 } ? bytes.map { Unicode.Scalar($0) } : nil
        }
        return ascii ?? nil
    }

    /// `String(String.UnicodeScalarView(slice))`, lower-cased when `lowercasing`: appending
    /// scalars one by one to a `UnicodeScalarView` was a large share of tokenizing dates. Nil
    /// when a scalar is not ASCII.
    static func string(_ slice: ArraySlice<Unicode.Scalar>, lowercasing: Bool = false) -> String? {
        guard slice.allSatisfy(\.isASCII) else { return nil }
        return String(unsafeUninitializedCapacity: slice.count) { buffer in
            var count = 0
            for scalar in slice {
                let byte = UInt8(truncatingIfNeeded: scalar.value)
                buffer[count] = lowercasing && byte &- 65 < 26 ? byte | 0x20 : byte
                count += 1
            }
            return count
        }
    }

    /// `ActionCalendar.escape` (iCalendar TEXT), byte by byte: an ASCII character is one byte,
    /// except CRLF. Nil when the text is not ASCII.
    public static func iCalendarEscaped(_ text: String) -> String? {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: ";"), UInt8(ascii: ","): out.append(UInt8(ascii: "\\")); out.append(byte)
            case UInt8(ascii: "\n"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
            case UInt8(ascii: "\r"): continue // alone or before \n (one character, written as \n)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `LineBlanking.blanking`: `text` split on `"\n"` characters, the lines at `indices`
    /// emptied and those in `replacing` replaced, joined again. Nil for text with a CR.
    public static func blankingLines(_ indices: Set<Int>, in text: String, replacing: [Int: String]) -> String? {
        // Without a CR, the "\n" characters are exactly the LF bytes (CRLF is one Character),
        // so the text can be copied byte by byte instead of split into Substrings.
        guard !text.containsByte(UInt8(ascii: "\r")) else { return nil }
        return text.utf8.withContiguousStorageIfAvailable { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var start = 0
            var line = 0
            while true {
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
                if let replacement = replacing[line] {
                    out.append(contentsOf: replacement.utf8)
                } else if !indices.contains(line) {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
                }
                guard end < bytes.count else { break }
                out.append(UInt8(ascii: "\n"))
                start = end + 1
                line += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// `String(decoding: word, as: UTF8.self).lowercased()` of an ASCII word, written into the
    /// first `word.count` bytes of `out`: the search tokenizer lower-cases every word it reads.
    @inlinable
    public static func lowercaseASCII(_ word: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) {
        for k in 0..<word.count { out[k] = word[k] &- 65 < 26 ? word[k] | 0x20 : word[k] }
    }

    /// `TimelineReader.cells` of a trimmed table row: every byte of an ASCII row is a character,
    /// so the outer pipes are dropped and the cells cut on bytes (Substring's `hasPrefix` and
    /// `dropLast` walk Characters). Nil when the row is not ASCII.
    static func tableCells(_ row: Substring) -> [String]? {
        guard row.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        var body = row
        let utf8 = body.utf8
        if utf8.first == UInt8(ascii: "|") { body = body[utf8.index(after: utf8.startIndex)...] }
        if body.utf8.last == UInt8(ascii: "|"), body.utf8.dropLast().last != UInt8(ascii: "\\") {
            body = body[..<body.utf8.index(before: body.utf8.endIndex)]
        }
        var cells: [String] = []
        var start = body.startIndex
        var previous = UInt8(ascii: " ")
        for index in body.utf8.indices {
            let byte = body.utf8[index]
            if byte == UInt8(ascii: "|"), previous != UInt8(ascii: "\\") {
                cells.append(InlineMarkup.strip(body[start..<index]))
                start = body.utf8.index(after: index)
            }
            previous = byte
        }
        cells.append(InlineMarkup.strip(body[start...]))
        return cells
    }

    /// `RelatedIncidents.firstSentence` on bytes; nil unless the text's first 200 bytes are ASCII
    /// other than CR and the byte after them is ASCII (no mark joins the 200th character): there
    /// the first 200 characters are the first 200 bytes. Also nil where there is no sentence
    /// (the general version's answer, and cheap there).
    public static func firstSentence(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard bytes.count <= 200 || bytes[200] < 0x80,
                  let flat = collapsedWhitespaceBytes(UnsafeBufferPointer(rebasing: bytes.prefix(200))) else { return nil }
            func isMarkup(_ byte: UInt8) -> Bool { "-*#>|: ".utf8.contains(byte) }
            guard let first = flat.firstIndex(where: { !isMarkup($0) }), let last = flat.lastIndex(where: { !isMarkup($0) }) else { return nil }
            let end = (first..<last).first { flat[$0] == UInt8(ascii: ".") && flat[$0 + 1] == UInt8(ascii: " ") } ?? last + 1
            guard end - first > 90 else { return String(decoding: flat[first..<end], as: UTF8.self) }
            let cut = flat[first..<first + 90]
            return String(decoding: cut[..<(cut.lastIndex(of: UInt8(ascii: " ")) ?? cut.endIndex)], as: UTF8.self) + "…"
        }
    }

    /// `AlertMentions.names(in:)` on the bytes of an ASCII text, where every byte is a character
    /// (nil for any other text): splitting into `Substring` words cost more than the rest of
    /// reading a timeline entry.
    static func alertNames(in bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
        var words: [Range<Int>] = []
        var start: Int?
        for index in 0..<bytes.count {
            let byte = bytes[index]
            guard byte < 0x80 else { return nil }
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") {
                if let wordStart = start { words.append(wordStart..<index); start = nil }
            } else if start == nil {
                start = index
            }
        }
        if let wordStart = start { words.append(wordStart..<bytes.count) }

        func trimming(_ range: Range<Int>, _ drop: (UInt8) -> Bool) -> Range<Int> {
            var lower = range.lowerBound, upper = range.upperBound
            while lower < upper, drop(bytes[lower]) { lower += 1 }
            while upper > lower, drop(bytes[upper - 1]) { upper -= 1 }
            return lower..<upper
        }
        func isOneOf(_ byte: UInt8, _ set: StaticString) -> Bool {
            UnsafeBufferPointer(start: set.utf8Start, count: set.utf8CodeUnitCount).contains(byte)
        }
        func lowercased(_ range: Range<Int>) -> String {
            String(decoding: bytes[range].map { $0 &- 65 < 26 ? $0 | 0x20 : $0 }, as: UTF8.self)
        }
        var names: [String] = []
        for (index, word) in words.enumerated() {
            let bare = lowercased(trimming(word) { isOneOf($0, ":.,;!?\"'()") })
            guard bare == "alert" || bare == "alerts" else { continue }
            var next = index + 1
            while next < words.count, next <= index + 3 {
                let candidate = words[next]
                if AlertMentions.fillerWords.contains(lowercased(trimming(candidate) { $0 == UInt8(ascii: ":") })) {
                    next += 1
                    continue
                }
                let quoted = isOneOf(bytes[candidate.lowerBound], "\"'`")
                let name = String(decoding: bytes[trimming(candidate) { isOneOf($0, "\"'`:,.()") }], as: UTF8.self)
                if AlertMentions.looksLikeAlertName(name, quoted: quoted) { names.append(name) }
                break
            }
        }
        return names
    }
}
