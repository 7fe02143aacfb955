/// Splits text into lower-case words, grouped by clause: the one tokenizer behind section-name
/// matching and milestone phrases. Works on unicode scalars: `Character.isLetter` runs grapheme
/// breaking and a property lookup per character, which made milestone matching a quarter of `check`.
enum Words {
    /// Words grouped by clause; `.`, `,`, `;`, `:`, `!`, `?`, `(`, `)`, `[`, `]` and the word `but`
    /// end a clause (a bracketed tag, `[No Data] alert fired`, is a clause of its own). A word is
    /// letters and digits, with `'` and `-` inside it (`didn't`, `on-call`); `’` is read as `'`.
    static func clauses(of text: some StringProtocol) -> [[String]] {
        if let fast = text.utf8.withContiguousStorageIfAvailable(TextFastPaths.clauses), let fast { return fast }
        return scalarClauses(of: text)
    }

    /// `clauses(of:)` on unicode scalars (the general path).
    static func scalarClauses(of text: some StringProtocol) -> [[String]] {
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

    /// All the words of `text`, lower-case.
    static func of(_ text: some StringProtocol) -> [String] {
        clauses(of: text).flatMap { $0 }
    }
}
