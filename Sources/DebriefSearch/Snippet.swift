/// The stretch of a document shown under a search result: around the first word that matches
/// the query, in the most telling field that has one.
public enum Snippet {
    /// Characters of context kept before the match and the total length aimed at.
    public static let leadingContext = 60
    public static let length = 200

    public static func make(for document: SearchDocument, query: SearchQuery) -> String {
        for field in SearchField.snippetOrder {
            guard let text = document.fields[field] else { continue }
            if let match = Tokenizer.tokenize(text).first(where: { matches($0, query) }) {
                return window(text, around: match.start)
            }
        }
        let fallback = document.fields[.summary] ?? document.fields[.actionItems] ?? ""
        return window(fallback, around: 0)
    }

    static func matches(_ token: Tokenizer.Token, _ query: SearchQuery) -> Bool {
        query.terms.contains { $0.term == token.term || ($0.isPrefix && token.word.hasPrefix($0.word)) }
    }

    /// About `length` characters starting a little before UTF-16 offset `offset`, cut at spaces,
    /// newlines folded, with an ellipsis where text was cut.
    static func window(_ text: String, around offset: Int) -> String {
        let utf16 = Array(text.utf16)
        var start = max(0, offset - leadingContext)
        while start > 0, start < offset, utf16[start - 1] != 32, utf16[start - 1] != 10 { start += 1 }
        var end = min(utf16.count, start + length)
        while end < utf16.count, end > start + length / 2, utf16[end] != 32, utf16[end] != 10 { end -= 1 }
        let slice = String(decoding: utf16[start..<end], as: UTF16.self)
        let body = slice.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return (start > 0 ? "…" : "") + body + (end < utf16.count ? "…" : "")
    }
}
