import DebriefModel

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
///
/// The work is done on UTF-8 bytes (`scan`): building an index tokenizes every document, and a
/// String per word was most of that time. ASCII words never leave the byte buffers; words with
/// other characters are lower-cased with `String.lowercased()`, as JavaScript's `toLowerCase`.
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
        var tokens = TokenList()
        scan(text, splitCompounds: splitCompounds, into: &tokens)
        return tokens.tokens
    }

    /// Receives the terms `scan` finds: stemmed term and lower-cased word as UTF-8 bytes (valid
    /// only during the call), word position, and the word's UTF-16 offsets in the text. (A
    /// protocol rather than a closure: the index builder's state stays in one struct, which
    /// the compiler specialises and checks statically.)
    protocol Sink {
        mutating func take(term: UnsafeBufferPointer<UInt8>, word: UnsafeBufferPointer<UInt8>, position: Int, start: Int, end: Int)
    }

    private struct TokenList: Sink {
        var tokens: [Token] = []
        mutating func take(term: UnsafeBufferPointer<UInt8>, word: UnsafeBufferPointer<UInt8>, position: Int, start: Int, end: Int) {
            tokens.append(Token(term: String(decoding: term, as: UTF8.self), word: String(decoding: word, as: UTF8.self),
                                position: position, start: start, end: end))
        }
    }

    /// The tokenizer proper, behind `tokenize` and the index builder.
    static func scan<S: Sink>(_ text: String, splitCompounds: Bool, into sink: inout S) {
        var text = text
        let stopWords = StopWords()
        text.withUTF8 { bytes in
            // Lower-cased word and its stem; an ASCII word never outgrows the text, others may.
            let lower = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
            let stem = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
            defer { lower.deallocate(); stem.deallocate() }

            /// Emits one word or compound part unless it is a stop word.
            func emitTerm(_ word: UnsafeBufferPointer<UInt8>, position: Int, start: Int, end: Int) {
                guard !stopWords.contains(word) else { return }
                // Lower-casing may lengthen a word past the text's own length (Ⱥ is 2 bytes, ⱥ 3).
                let buffer = word.count <= stem.count ? stem : UnsafeMutableBufferPointer<UInt8>.allocate(capacity: word.count)
                defer { if buffer.baseAddress != stem.baseAddress { buffer.deallocate() } }
                _ = UnsafeMutableBufferPointer(rebasing: buffer[..<word.count]).initialize(from: word)
                let length = Stemmer.stemInPlace(buffer, count: word.count)
                sink.take(term: UnsafeBufferPointer(rebasing: buffer[..<length]), word: word, position: position, start: start, end: end)
            }
            /// Lower-cases `word` (ASCII in place into `lower`, otherwise through String) and emits it.
            func emitLowered(_ word: UnsafeBufferPointer<UInt8>, isASCII: Bool, position: Int, start: Int, end: Int) {
                if isASCII {
                    TextFastPaths.lowercaseASCII(word, into: lower)
                    emitTerm(UnsafeBufferPointer(rebasing: lower[..<word.count]), position: position, start: start, end: end)
                } else {
                    var lowered = String(decoding: word, as: UTF8.self).lowercased()
                    lowered.withUTF8 { emitTerm($0, position: position, start: start, end: end) }
                }
            }

            var position = 0
            var index = 0, utf16 = 0
            while index < bytes.count {
                var (isWord, length) = classify(bytes, at: index)
                guard isWord else {
                    utf16 += length == 4 ? 2 : 1
                    index += length
                    continue
                }
                let wordStart = index, start = utf16
                var isASCII = true
                repeat {
                    isASCII = isASCII && length == 1
                    utf16 += length == 4 ? 2 : 1
                    index += length
                    guard index < bytes.count else { break }
                    (isWord, length) = classify(bytes, at: index)
                } while isWord
                let word = UnsafeBufferPointer(rebasing: bytes[wordStart..<index])
                emitLowered(word, isASCII: isASCII, position: position, start: start, end: utf16)
                let breaks = splitCompounds ? compoundBreaks(word) : []
                if breaks.isEmpty {
                    position += 1
                    continue
                }
                for (offset, partStart) in ([0] + breaks).enumerated() {
                    let partEnd = offset < breaks.count ? breaks[offset] : word.count
                    let part = UnsafeBufferPointer(rebasing: word[partStart..<partEnd])
                    emitLowered(part, isASCII: isASCII || !part.contains { $0 >= 0x80 }, position: position + offset, start: start, end: utf16)
                }
                position += breaks.count + 1
            }
        }
    }

    /// Whether the scalar starting at `index` is a word character, and its length in bytes.
    /// Letters and numbers of any script, as JavaScript's /[\p{L}\p{N}]/u.
    @inline(__always)
    static func classify(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (isWord: Bool, length: Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (isUpper(lead) || isLower(lead) || isDigit(lead), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length { value = value << 6 | UInt32(bytes[index + k] & 0x3F) }
        return (Unicode.Scalar(value).map(isWordScalar) ?? false, length)
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    /// Byte offsets where the parts of a compound word start after the first:
    /// `HighErrorRate` -> [4, 9]; `HTTPServerDown` -> [4, 10]; `KubePodCrashLooping` -> [4, 7, 12].
    /// A break comes before an upper-case letter that follows a lower-case letter or digit, and
    /// before the last capital of a run of capitals followed by a lower-case letter. ASCII
    /// tests only, on purpose: the JavaScript port uses the same /[A-Z]/, /[a-z]/, /[0-9]/. (A
    /// byte of a multi-byte character is none of these, just as that character is none.)
    static func compoundBreaks(_ word: UnsafeBufferPointer<UInt8>) -> [Int] {
        // Fast path: most words have no capital after the first letter, hence no break.
        guard word.count > 2, word.dropFirst().contains(where: isUpper) else { return [] }
        var breaks: [Int] = []
        for index in 1..<word.count where isUpper(word[index]) {
            let previous = word[index - 1]
            let nextIsLower = index + 1 < word.count && isLower(word[index + 1])
            if isLower(previous) || isDigit(previous) || (isUpper(previous) && nextIsLower) { breaks.append(index) }
        }
        return breaks
    }

    /// Stop words packed as integers (bytes, and the length in the top byte), so checking a
    /// word allocates nothing; copied into each scan so the loop reads no global.
    private struct StopWords {
        static let shared = StopWords(words: stopWords)
        let keys: Set<UInt64>
        let longest: Int

        init() { self = Self.shared }

        private init(words: Set<String>) {
            keys = Set(words.map { word in
                var word = word
                return word.withUTF8(StopWords.key)
            })
            longest = words.map(\.utf8.count).max() ?? 0
            precondition(longest <= 7, "stop words are packed into 7 bytes")
        }

        func contains(_ word: UnsafeBufferPointer<UInt8>) -> Bool { word.count <= longest && keys.contains(Self.key(word)) }

        private static func key(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
            var key = UInt64(word.count) << 56
            for (k, byte) in word.enumerated() { key |= UInt64(byte) << (8 * k) }
            return key
        }
    }

    @inline(__always) static func isUpper(_ c: UInt8) -> Bool { c >= 65 && c <= 90 }
    @inline(__always) static func isLower(_ c: UInt8) -> Bool { c >= 97 && c <= 122 }
    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
}
