/// Splits text into search terms. The site's `assets/search.js` ports this exactly (same
/// character classes, compound splitting, stop words and positions) so both rank alike.
///
/// - A word is a run of Unicode letters and numbers (general categories L* and N*); anything
///   else separates words. Words are lower-cased.
/// - A camel-case word such as `HighErrorRate` yields the whole word and, when `splitCompounds`
///   is on, its parts (`high`, `error`, `rate`): the whole word takes the position of its first
///   part, so the phrase "high error rate" matches the alert name too.
/// - Stop words are dropped but still take a position, so phrases keep their gaps.
/// - Each term is stemmed by `Stemmer`.
public enum Tokenizer {
    public struct Token: Sendable, Hashable {
        /// The stemmed, lower-cased term.
        public var term: String
        /// The lower-cased word before stemming (prefix matching uses it).
        public var word: String
        /// Word position in the text; compound parts take consecutive positions.
        public var position: Int
        /// Where the word is in the source, as UTF-16 offsets (for snippets).
        public var start: Int
        public var end: Int
    }

    /// English words too common to help ranking; they would only make index shards large.
    public static let stopWords: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "is", "it", "its",
        "of", "on", "or", "that", "the", "this", "to", "was", "were", "will", "with",
    ]

    public static func tokenize(_ text: String, splitCompounds: Bool = true) -> [Token] {
        var tokens: [Token] = []
        var position = 0
        for word in words(text) {
            let parts = splitCompounds ? compoundParts(word.text) : []
            let lower = word.text.lowercased()
            if !stopWords.contains(lower) {
                tokens.append(Token(term: Stemmer.stem(lower), word: lower, position: position, start: word.start, end: word.end))
            }
            if parts.count > 1 {
                for (offset, part) in parts.enumerated() {
                    let partLower = part.lowercased()
                    guard !stopWords.contains(partLower) else { continue }
                    tokens.append(Token(term: Stemmer.stem(partLower), word: partLower, position: position + offset,
                                        start: word.start, end: word.end))
                }
                position += parts.count
            } else {
                position += 1
            }
        }
        return tokens
    }

    /// Letters and numbers of any script, as JavaScript's /[\p{L}\p{N}]/u.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    struct Word {
        var text: String
        var start: Int
        var end: Int
    }

    /// Runs of word characters with their UTF-16 offsets (JavaScript string indices).
    static func words(_ text: String) -> [Word] {
        var result: [Word] = []
        var current = String.UnicodeScalarView()
        var start = 0
        var offset = 0
        for scalar in text.unicodeScalars {
            if isWordScalar(scalar) {
                if current.isEmpty { start = offset }
                current.append(scalar)
            } else if !current.isEmpty {
                result.append(Word(text: String(current), start: start, end: offset))
                current = String.UnicodeScalarView()
            }
            offset += scalar.utf16.count
        }
        if !current.isEmpty { result.append(Word(text: String(current), start: start, end: offset)) }
        return result
    }

    /// `HighErrorRate` -> [High, Error, Rate]; `HTTPServerDown` -> [HTTP, Server, Down];
    /// `KubePodCrashLooping` -> [Kube, Pod, Crash, Looping]. A break comes before an upper-case
    /// letter that follows a lower-case letter or digit, and before the last capital of a run of
    /// capitals followed by a lower-case letter. Words without such breaks give one part.
    static func compoundParts(_ word: String) -> [String] {
        // Fast path: most words have no capital after the first letter, hence no break.
        guard word.utf8.dropFirst().contains(where: { $0 >= 65 && $0 <= 90 }) else { return [word] }
        let scalars = Array(word.unicodeScalars)
        guard scalars.count > 2 else { return [word] }
        var parts: [String] = []
        var current = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            if index > 0, isUpper(scalar) {
                let previous = scalars[index - 1]
                let nextIsLower = index + 1 < scalars.count && isLower(scalars[index + 1])
                if isLower(previous) || isDigit(previous) || (isUpper(previous) && nextIsLower) {
                    parts.append(String(current))
                    current = String.UnicodeScalarView()
                }
            }
            current.append(scalar)
        }
        parts.append(String(current))
        return parts
    }

    // ASCII only, on purpose: the JavaScript port uses the same /[A-Z]/, /[a-z]/, /[0-9]/ tests.
    private static func isUpper(_ s: Unicode.Scalar) -> Bool { ("A"..."Z").contains(s) }
    private static func isLower(_ s: Unicode.Scalar) -> Bool { ("a"..."z").contains(s) }
    private static func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }
}
