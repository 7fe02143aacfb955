import DebriefModel

/// Reads the query language shared by `debrief search` and the site (ported to
/// `assets/search.js`):
///
/// - words are terms, tokenized and stemmed like the index (compound names stay whole);
/// - `"quoted words"` is a phrase: its words must occur in that order (stop words skipped);
/// - `word*` matches index terms starting with `word`, and so does the last word of a query
///   that does not end in a space (search as you type); a prefix needs at least
///   `minimumPrefixLength` characters;
/// - `severity:SEV1` (or `sev:`), `service:api`, `since:2024-01-01` and `year:2024` filter.
///   A filter with an unreadable value is kept as a plain term so nothing typed is lost.
public enum QueryParser {
    public static let minimumPrefixLength = 3

    public static func parse(_ text: String) -> SearchQuery {
        var query = SearchQuery()
        var lastBareTermIndex: Int?
        let endsOpen = !(text.last.map { $0.isWhitespace || $0 == "\"" } ?? true)
        for piece in split(text) {
            if piece.isPhrase {
                let tokens = Tokenizer.tokenize(piece.text, splitCompounds: false)
                guard let first = tokens.first else { continue }
                for token in tokens { add(SearchQuery.Term(term: token.term, word: token.word, isPrefix: false), to: &query) }
                if tokens.count > 1 {
                    query.phrases.append(SearchQuery.Phrase(terms: tokens.map(\.term), offsets: tokens.map { $0.position - first.position }))
                }
                lastBareTermIndex = nil
                continue
            }
            if applyFilter(piece.text, to: &query) { lastBareTermIndex = nil; continue }
            let starred = piece.text.hasSuffix("*")
            let tokens = Tokenizer.tokenize(piece.text, splitCompounds: false)
            lastBareTermIndex = nil
            for (index, token) in tokens.enumerated() {
                let prefix = starred && index == tokens.count - 1 && token.word.unicodeScalars.count >= minimumPrefixLength
                lastBareTermIndex = add(SearchQuery.Term(term: token.term, word: token.word, isPrefix: prefix), to: &query)
            }
        }
        if endsOpen, let index = lastBareTermIndex, query.terms[index].word.unicodeScalars.count >= minimumPrefixLength {
            query.terms[index].isPrefix = true
        }
        return query
    }

    struct Piece {
        var text: String
        var isPhrase: Bool
    }

    /// Whitespace-separated pieces, with quoted stretches kept whole; an unclosed quote runs to the end.
    static func split(_ text: String) -> [Piece] {
        var pieces: [Piece] = []
        var current = ""
        var inQuote = false
        func flush(_ phrase: Bool) {
            if !current.isEmpty { pieces.append(Piece(text: current, isPhrase: phrase)) }
            current = ""
        }
        for character in text {
            if character == "\"" {
                flush(inQuote)
                inQuote.toggle()
            } else if !inQuote, character.isWhitespace {
                flush(false)
            } else {
                current.append(character)
            }
        }
        flush(inQuote)
        return pieces
    }

    /// Adds a term once (a repeated term keeps the prefix flag if either had it); returns its index.
    @discardableResult
    static func add(_ term: SearchQuery.Term, to query: inout SearchQuery) -> Int {
        if let index = query.terms.firstIndex(where: { $0.term == term.term && $0.word == term.word }) {
            query.terms[index].isPrefix = query.terms[index].isPrefix || term.isPrefix
            return index
        }
        query.terms.append(term)
        return query.terms.count - 1
    }

    static func applyFilter(_ piece: String, to query: inout SearchQuery) -> Bool {
        guard let colon = piece.firstIndex(of: ":") else { return false }
        let key = piece[..<colon].lowercased()
        let value = String(piece[piece.index(after: colon)...])
        guard !value.isEmpty else { return false }
        switch key {
        case "severity", "sev":
            query.severity = value
        case "service":
            query.service = value
        case "since":
            guard let day = Day(iso: value) else { return false }
            query.since = day
        case "year":
            guard value.count == 4, let year = Int(value) else { return false }
            query.year = year
        default:
            return false
        }
        return true
    }
}
