/// Splits text into lower-case words, grouped by clause: the one tokenizer behind section-name
/// matching and milestone phrases. Works on unicode scalars: `Character.isLetter` runs grapheme
/// breaking and a property lookup per character, which made milestone matching a quarter of `check`.
enum Words {
    /// Words grouped by clause; `.`, `,`, `;`, `:`, `!`, `?`, `(`, `)`, `[`, `]` and the word `but`
    /// end a clause (a bracketed tag, `[No Data] alert fired`, is a clause of its own). A word is
    /// letters and digits, with `'` and `-` inside it (`didn't`, `on-call`); `’` is read as `'`.
    static func clauses(of text: some StringProtocol) -> [[String]] {
        // Nearly all text is ASCII: its words are cut from the bytes, one allocation a word.
        if let ascii = text.utf8.withContiguousStorageIfAvailable(asciiClauses), let ascii { return ascii }
        var clauses: [[String]] = [[]]
        var word = String.UnicodeScalarView()
        func endWord() {
            while let last = word.last, last == "'" || last == "-" { word.removeLast() }
            while let first = word.first, first == "'" || first == "-" { word.removeFirst() }
            guard !word.isEmpty else { return }
            let finished = String(word)
            if finished == "but" { clauses.append([]) } else { clauses[clauses.count - 1].append(finished) }
            word.removeAll(keepingCapacity: true)
        }
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                switch scalar {
                case "a"..."z", "0"..."9", "'", "-": word.append(scalar)
                case "A"..."Z": word.append(Unicode.Scalar(scalar.value + 32)!)
                default:
                    endWord()
                    if ".,;:!?()[]".unicodeScalars.contains(scalar) { clauses.append([]) }
                }
            } else if scalar == "’" {
                word.append("'")
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                word.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else {
                endWord()
            }
        }
        endWord()
        return clauses.filter { !$0.isEmpty }
    }

    /// `clauses(of:)` of ASCII bytes; nil when a byte is not ASCII.
    private static func asciiClauses(_ bytes: UnsafeBufferPointer<UInt8>) -> [[String]]? {
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

    /// All the words of `text`, lower-case.
    static func of(_ text: some StringProtocol) -> [String] {
        clauses(of: text).flatMap { $0 }
    }
}
