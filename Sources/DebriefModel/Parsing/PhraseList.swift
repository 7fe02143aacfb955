/// A list of phrases matched as whole words, case-insensitively (`contact the` matches
/// "Contact the storage team", not "contacted").
struct PhraseList: Sendable {
    private let phrases: [[String]]

    init(_ phrases: [String]) {
        self.phrases = phrases.map { Words.of($0) }.filter { !$0.isEmpty }
    }

    /// Whether one of the phrases occurs in `text`.
    func occurs(in text: some StringProtocol) -> Bool {
        let words = Words.of(text)
        return phrases.contains { phrase in
            words.count >= phrase.count && (0...(words.count - phrase.count)).contains { words[$0..<($0 + phrase.count)].elementsEqual(phrase) }
        }
    }

    /// Whether `text` opens with one of the phrases.
    func opens(_ text: some StringProtocol) -> Bool {
        let words = Words.of(text)
        return phrases.contains { words.starts(with: $0) }
    }
}

/// Sentences of a paragraph's text: split after `.`, `!` or `?` followed by a space, and at line breaks.
enum Sentences {
    static func of(_ text: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        var previous: Character = " "
        for character in text {
            if character == "\n" || (character == " " && ".!?".contains(previous)) {
                let sentence = current.trimmingWhitespaceAndNewlines()
                if !sentence.isEmpty { sentences.append(sentence) }
                current = ""
            } else {
                current.append(character)
            }
            previous = character
        }
        let last = current.trimmingWhitespaceAndNewlines()
        if !last.isEmpty { sentences.append(last) }
        return sentences
    }
}
