/// The parts of a document the index keeps apart, each with a boost: a match in a title or an
/// alert name says more about a document than a match deep in its timeline. The boosts are
/// documented in docs/search.md and copied into the shards' ranking constants for the site.
public enum SearchField: Int, Sendable, Hashable, CaseIterable, Codable {
    case title, alerts, services, tags, summary, rootCause, contributingFactors, timeline, actionItems
    /// Everything else the document says (sections of no known kind, text before the first
    /// section): findable, but below every structured field.
    case body

    public var boost: Double {
        switch self {
        case .title: return 6
        case .alerts: return 5
        case .services: return 3
        case .tags: return 3
        case .summary: return 2
        case .rootCause: return 2
        case .contributingFactors: return 1.5
        case .timeline: return 1
        case .actionItems: return 1
        case .body: return 0.5
        }
    }

    /// Length normalisation strength (BM25 `b`) per field: short fields (names, tags) are not
    /// normalised, so a one-word service field and a five-service field weigh a match alike.
    public var lengthNormalization: Double {
        switch self {
        case .alerts, .services, .tags: return 0
        case .title: return 0.5
        default: return 0.75
        }
    }

    /// Order in which snippets are looked for: prose first, names last.
    public static let snippetOrder: [SearchField] = [.summary, .rootCause, .contributingFactors, .timeline, .actionItems, .body, .title, .alerts]
}
