import DebriefModel

/// A parsed query: what to rank on, which phrases must occur, and which documents to keep.
public struct SearchQuery: Sendable, Hashable {
    public struct Term: Sendable, Hashable {
        /// The stemmed term looked up exactly.
        public var term: String
        /// The lower-cased word as typed; with `isPrefix`, index terms starting with it match too.
        public var word: String
        public var isPrefix: Bool

        public init(term: String, word: String, isPrefix: Bool) {
            self.term = term
            self.word = word
            self.isPrefix = isPrefix
        }
    }

    /// Terms that must occur at these relative positions (stop words leave gaps).
    public struct Phrase: Sendable, Hashable {
        public var terms: [String]
        public var offsets: [Int]

        public init(terms: [String], offsets: [Int]) {
            self.terms = terms
            self.offsets = offsets
        }
    }

    public var terms: [Term] = []
    public var phrases: [Phrase] = []
    public var severity: String?
    public var service: String?
    public var since: Day?
    public var year: Int?

    public init(terms: [Term] = [], phrases: [Phrase] = [], severity: String? = nil, service: String? = nil, since: Day? = nil, year: Int? = nil) {
        self.terms = terms
        self.phrases = phrases
        self.severity = severity
        self.service = service
        self.since = since
        self.year = year
    }

    public var isEmpty: Bool { terms.isEmpty }
    public var hasFilters: Bool { severity != nil || service != nil || since != nil || year != nil }

    /// Whether a document passes the filters. Severity compares `SEV-1`, `sev1` and `SEV1` alike;
    /// a date filter drops documents without a date (runbooks).
    public func admits(_ document: SearchDocument) -> Bool {
        if let severity, SearchQuery.normalizeSeverity(document.severity ?? "") != SearchQuery.normalizeSeverity(severity) { return false }
        if let service, !document.services.contains(where: { $0.lowercased() == service.lowercased() }) { return false }
        if let since, !(document.date.map { $0 >= since } ?? false) { return false }
        if let year, document.date?.year != year { return false }
        return true
    }

    /// Upper-cased with spaces, dashes and underscores removed.
    public static func normalizeSeverity(_ text: String) -> String {
        String(text.uppercased().filter { $0 != " " && $0 != "-" && $0 != "_" })
    }
}
