import DebriefModel

/// The index as static script files for the site's search (read by `assets/search.js`), split
/// so that a query loads only what it needs, and loadable with `<script>` tags so search works
/// from `file://` and under any URL sub-path. Paths are relative to the site's `search/` folder:
///
/// - `manifest.js`: document count, ranking constants and which shard keys are split;
/// - `shards/<key>.js`: postings of the terms whose key is `<key>` (the first two characters
///   of the term, or three when the two-character shard would exceed `splitThreshold` bytes),
///   each term as `[docDelta, weight, docDelta, weight, ...]`;
/// - `pos/<key>.js`: positions of the same terms, loaded only for phrase queries, as
///   `[docDelta, count, position, positionDelta..., docDelta, count, ...]`;
/// - `docs/<n>.js`: what a result shows for documents `n * docsPerShard ..< (n + 1) * docsPerShard`;
/// - `filters/<facet>.js`: severity, services or date of every document, loaded only when filtering on it.
public enum SearchShards {
    public static let docsPerShard = 32
    public static let splitThreshold = 48_000
    /// Characters of text kept per document for snippets on the site.
    public static let snippetSourceLength = 400

    public struct File: Sendable {
        public var path: String
        public var text: String
    }

    /// `url` gives each document's page, relative to the site root.
    public static func files(for index: SearchIndex, url: (SearchDocument) -> String) -> [File] {
        var encoded: [String: String] = [:]
        var encodedPositions: [String: String] = [:]
        for (term, postings) in index.postings {
            encoded[term] = encodePostings(postings)
            encodedPositions[term] = encodePositions(postings)
        }
        var sizeByKey: [String: Int] = [:]
        for (term, text) in encoded { sizeByKey[key(term, split: []), default: 0] += term.utf8.count + text.utf8.count + 4 }
        let split = Set(sizeByKey.filter { $0.value > splitThreshold }.keys)

        var termsByKey: [String: [String]] = [:]
        for term in index.terms { termsByKey[key(term, split: split), default: []].append(term) }
        var files: [File] = []
        for (shardKey, terms) in termsByKey.sorted(by: { $0.key < $1.key }) {
            let body = terms.map { "\(jsString($0)):[\(encoded[$0]!)]" }.joined(separator: ",")
            files.append(File(path: "shards/\(shardKey).js", text: "debriefSearch.addShard(\(jsString(shardKey)),{\(body)});\n"))
            let positions = terms.map { "\(jsString($0)):[\(encodedPositions[$0]!)]" }.joined(separator: ",")
            files.append(File(path: "pos/\(shardKey).js", text: "debriefSearch.addPositions(\(jsString(shardKey)),{\(positions)});\n"))
        }
        for start in stride(from: 0, to: index.documents.count, by: docsPerShard) {
            let rows = index.documents[start..<min(index.documents.count, start + docsPerShard)].map { d in
                let source = String((d.fields[.summary] ?? d.fields[.actionItems] ?? "").prefix(snippetSourceLength))
                let fields = [d.kind.rawValue, d.title, url(d), d.severity ?? "", d.date?.description ?? "", d.services.joined(separator: ", "), source]
                return "[" + fields.map(jsString).joined(separator: ",") + "]"
            }
            files.append(File(path: "docs/\(start / docsPerShard).js",
                              text: "debriefSearch.addDocs(\(start / docsPerShard),[\(rows.joined(separator: ",\n"))]);\n"))
        }
        files += filterFiles(index.documents)
        let splitList = split.sorted().map(jsString).joined(separator: ",")
        let manifest = """
        debriefSearch.setManifest({"count":\(index.documents.count),"k1":\(SearchIndex.k1),"weightScale":\(SearchIndex.weightScale),\
        "prefixWeight":\(SearchIndex.prefixWeight),"maxPrefixExpansions":\(SearchIndex.maxPrefixExpansions),\
        "minimumPrefixLength":\(QueryParser.minimumPrefixLength),"docsPerShard":\(docsPerShard),"split":[\(splitList)]});

        """
        files.append(File(path: "manifest.js", text: manifest))
        return files
    }

    /// The shard a term lives in: its first two characters (letters a-z and digits kept, any
    /// other character written `_`), or three when the two-character key is split.
    public static func key(_ term: String, split: Set<String>) -> String {
        let scalars = Array(term.unicodeScalars)
        func keyOf(_ count: Int) -> String {
            String(String.UnicodeScalarView(scalars.prefix(count).map { s in
                (("a"..."z").contains(s) || ("0"..."9").contains(s)) ? s : "_"
            }))
        }
        let two = keyOf(2)
        return split.contains(two) && scalars.count >= 3 ? keyOf(3) : two
    }

    static func encodePostings(_ postings: SearchIndex.Postings) -> String {
        var parts: [String] = []
        parts.reserveCapacity(postings.documents.count * 2)
        var previous: Int32 = 0
        for (i, doc) in postings.documents.enumerated() {
            parts.append(String(doc - previous))
            parts.append(String(postings.weights[i]))
            previous = doc
        }
        return parts.joined(separator: ",")
    }

    static func encodePositions(_ postings: SearchIndex.Postings) -> String {
        var parts: [String] = []
        var previousDoc: Int32 = 0
        for (i, doc) in postings.documents.enumerated() {
            let positions = postings.positions(at: i)
            parts.append(String(doc - previousDoc))
            parts.append(String(positions.count))
            var previous: Int32 = 0
            for position in positions {
                parts.append(String(position - previous))
                previous = position
            }
            previousDoc = doc
        }
        return parts.joined(separator: ",")
    }

    /// One file per filter, so a query loads only the facets it filters on:
    /// `filters/severity.js` (one character per document: index into `severities`, `-` none),
    /// `filters/service.js` (indices into `services` per document), `filters/date.js` (days
    /// since 1970-01-01 per document, -1 none; year and `since` are read from it).
    static func filterFiles(_ documents: [SearchDocument]) -> [File] {
        let severities = Array(Set(documents.compactMap(\.severity))).sorted()
        let services = Array(Set(documents.flatMap { $0.services.map { $0.lowercased() } })).sorted()
        let severityIndex = Dictionary(uniqueKeysWithValues: severities.enumerated().map { ($1, $0) })
        let serviceIndex = Dictionary(uniqueKeysWithValues: services.enumerated().map { ($1, $0) })
        let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
        let usable = severities.count <= alphabet.count
        let severity = String(documents.map { d in d.severity.flatMap { severityIndex[$0] }.map { usable ? alphabet[$0] : "-" } ?? "-" })
        let service = documents.map { d in "[" + d.services.map { String(serviceIndex[$0.lowercased()]!) }.joined(separator: ",") + "]" }.joined(separator: ",")
        let epoch = Day(year: 1970, month: 1, day: 1)
        let days = documents.map { String($0.date.map { epoch.days(until: $0) } ?? -1) }.joined(separator: ",")
        return [
            File(path: "filters/severity.js", text: "debriefSearch.addFilter(\"severity\",{\"names\":[\(severities.map(jsString).joined(separator: ","))],\"values\":\(jsString(severity))});\n"),
            File(path: "filters/service.js", text: "debriefSearch.addFilter(\"service\",{\"names\":[\(services.map(jsString).joined(separator: ","))],\"values\":[\(service)]});\n"),
            File(path: "filters/date.js", text: "debriefSearch.addFilter(\"date\",{\"values\":[\(days)]});\n"),
        ]
    }

    /// A JavaScript string literal (see `Escaping.jsonString`).
    public static func jsString(_ text: String) -> String { Escaping.jsonString(text) }
}
