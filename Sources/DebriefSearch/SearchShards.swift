import DebriefModel

/// The index as static script files for the site's search (read by `assets/search.js`), split
/// so that a query loads only what it needs, and loadable with `<script>` tags so search works
/// from `file://` and under any URL sub-path. Paths are relative to the site's `search/` folder;
/// number lists are `CompactNumbers` strings (see docs/search.md for the format):
///
/// - `manifest.js`: document count, ranking constants, which shard keys are split, the years;
/// - `shards/<key>.js`: postings of the terms whose key is `<key>` (the first two characters
///   of the term, or three when the two-character shard would exceed `splitThreshold` bytes),
///   each term as `docDelta, weight, docDelta, weight, ...`;
/// - `pos/<key>.js`: positions of the same terms, loaded only for phrase queries, as
///   `docDelta, count, position, positionDelta..., docDelta, count, ...`;
/// - `docs/<n>.js`: what a result shows for documents `n * docsPerShard ..< (n + 1) * docsPerShard`;
/// - `filters/severity.js`, `filters/service-<name>.js`, `filters/year-<year>.js`: the
///   documents of one facet value, loaded only when filtering on it.
public enum SearchShards {
    /// Small, because the hits of a query are spread over the documents: ten hits load up to
    /// ten of these files.
    public static let docsPerShard = 8
    public static let splitThreshold = 24_000
    /// Characters of text kept per document for snippets on the site.
    public static let snippetSourceLength = 400

    public struct File: Sendable {
        public var path: String
        public var text: String
    }

    /// `url` gives each document's page, relative to the site root. Terms and documents are
    /// encoded on all cores.
    public static func files(for index: SearchIndex, url: (SearchDocument) -> String) -> [File] {
        // Each term's entry in its shard, `"term":"postings"`, and in its positions file.
        let terms = index.terms
        let termsPerTask = 256
        let entries = concurrentMap(0..<(terms.count + termsPerTask - 1) / termsPerTask) { task in
            terms[task * termsPerTask ..< min(terms.count, (task + 1) * termsPerTask)].map { term in
                let postings = index.postings[term]!
                let name = Array(jsString(term).utf8)
                return (postings: entry(name, encodePostings(postings)), positions: entry(name, encodePositions(postings)))
            }
        }.flatMap { $0 }
        var sizeByKey: [String: Int] = [:]
        for (t, term) in terms.enumerated() { sizeByKey[key(term, split: []), default: 0] += entries[t].postings.count + 1 }
        let split = Set(sizeByKey.filter { $0.value > splitThreshold }.keys)

        // Terms are sorted, but a split key's shorter terms ("co" beside "con...") sort among
        // its three-character keys; group explicitly.
        var termsByKey: [String: [Int]] = [:]
        for (t, term) in terms.enumerated() { termsByKey[key(term, split: split), default: []].append(t) }
        let shards = termsByKey.sorted { $0.key < $1.key }
        var files = concurrentMap(0..<shards.count) { k in
            let (shardKey, terms) = shards[k]
            return [File(path: "shards/\(shardKey).js", text: script("addShard", shardKey, terms.map { entries[$0].postings })),
                    File(path: "pos/\(shardKey).js", text: script("addPositions", shardKey, terms.map { entries[$0].positions }))]
        }.flatMap { $0 }

        let documents = index.documents, urls = documents.map(url)
        files += concurrentMap(0..<(documents.count + docsPerShard - 1) / docsPerShard) { n in
            // One document a line.
            var rows: [UInt8] = Array("debriefSearch.addDocs(\(n),[".utf8)
            for i in n * docsPerShard ..< min(documents.count, (n + 1) * docsPerShard) {
                let d = documents[i]
                let source = snippetSource(d.fields[.summary] ?? d.fields[.actionItems] ?? "")
                var json = JSONWriter(layout: .compact)
                json.strings([d.kind.rawValue, d.title, urls[i], d.severity ?? "", d.date?.description ?? "", d.services.joined(separator: ", "), source])
                if i > n * docsPerShard { rows += ",\n".utf8 }
                rows += json.bytes
            }
            rows += "]);\n".utf8
            return File(path: "docs/\(n).js", text: String(decoding: rows, as: UTF8.self))
        }
        files += filterFiles(documents)
        let years = Set(documents.compactMap { $0.date?.year }).sorted()
        let manifest = script("setManifest") { json in
            json.beginObject()
            json.member("count", documents.count)
            json.member("docs_per_shard", docsPerShard)
            json.key("k1"); json.double(SearchIndex.k1)
            json.member("max_prefix_expansions", SearchIndex.maxPrefixExpansions)
            json.member("max_typo_expansions", SearchIndex.maxTypoExpansions)
            json.member("maximum_typo_length", SearchIndex.maximumTypoLength)
            json.member("minimum_prefix_length", QueryParser.minimumPrefixLength)
            json.member("minimum_typo_length", SearchIndex.minimumTypoLength)
            json.key("prefix_weight"); json.double(SearchIndex.prefixWeight)
            json.member("split", strings: split.sorted())
            json.member("typo_kept_prefix", SearchIndex.typoKeptPrefix)
            json.key("typo_weight"); json.double(SearchIndex.typoWeight)
            json.key("weight_scale"); json.double(SearchIndex.weightScale)
            json.key("years")
            json.beginArray()
            for year in years { json.int(year) }
            json.endArray()
            json.endObject()
        }
        files.append(File(path: "manifest.js", text: manifest))
        return files
    }

    /// The first `snippetSourceLength` characters of a text, cut at a space and ended with `…`
    /// when there is more, so a snippet never ends inside a word.
    static func snippetSource(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard scalars.count > snippetSourceLength else { return text }
        let kept = scalars.prefix(snippetSourceLength)
        let cut = kept.lastIndex { $0.properties.isWhitespace } ?? kept.endIndex
        return String(String.UnicodeScalarView(kept[..<cut])) + "…"
    }

    /// The shard a term lives in: its first two characters (letters a-z and digits kept, any
    /// other character written `_`), or three when the two-character key is split.
    public static func key(_ term: String, split: Set<String>) -> String {
        let scalars = Array(term.unicodeScalars.prefix(3))
        func keyOf(_ count: Int) -> String {
            String(String.UnicodeScalarView(scalars.prefix(count).map { s in
                (("a"..."z").contains(s) || ("0"..."9").contains(s)) ? s : "_"
            }))
        }
        let two = keyOf(2)
        return split.contains(two) && scalars.count >= 3 ? keyOf(3) : two
    }

    /// `docDelta, weight` per document.
    static func encodePostings(_ postings: SearchIndex.Postings) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(postings.documents.count * 3)
        var previous: Int32 = 0
        for (i, doc) in postings.documents.enumerated() {
            CompactNumbers.append(Int(doc - previous), to: &out)
            CompactNumbers.append(Int(postings.weights[i]), to: &out)
            previous = doc
        }
        return out
    }

    /// `docDelta, count, position, positionDelta...` per document.
    static func encodePositions(_ postings: SearchIndex.Postings) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(postings.positions.count * 2 + postings.documents.count * 3)
        var previousDoc: Int32 = 0
        for (i, doc) in postings.documents.enumerated() {
            let positions = postings.positions(at: i)
            CompactNumbers.append(Int(doc - previousDoc), to: &out)
            CompactNumbers.append(positions.count, to: &out)
            var previous: Int32 = 0
            for position in positions {
                CompactNumbers.append(Int(position - previous), to: &out)
                previous = position
            }
            previousDoc = doc
        }
        return out
    }

    /// `"name":"numbers"`.
    private static func entry(_ name: [UInt8], _ numbers: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(name.count + numbers.count + 3)
        out += name
        out += Array(":\"".utf8)
        out += numbers
        out.append(UInt8(ascii: "\""))
        return out
    }

    /// `debriefSearch.<function>(<arguments>);` and a line break, the arguments written as
    /// compact JSON by `arguments`, separated by commas.
    private static func script(_ function: String, arguments: (inout JSONWriter) -> Void) -> String {
        // The arguments are written as the items of an array whose brackets become the parentheses.
        var json = JSONWriter(layout: .compact)
        json.beginArray()
        arguments(&json)
        json.endArray()
        var out = Array("debriefSearch.\(function)(".utf8)
        out += json.bytes.dropFirst().dropLast()
        out += ");\n".utf8
        return String(decoding: out, as: UTF8.self)
    }

    /// `debriefSearch.<function>("<key>",{entry,entry,...});`
    private static func script(_ function: String, _ key: String, _ entries: [[UInt8]]) -> String {
        var out = Array("debriefSearch.\(function)(\(jsString(key)),{".utf8)
        out.reserveCapacity(entries.reduce(out.count + 4) { $0 + $1.count + 1 })
        for (i, entry) in entries.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out += entry
        }
        out += Array("});\n".utf8)
        return String(decoding: out, as: UTF8.self)
    }

    /// Filter files, each loaded only by a query filtering on it:
    /// - `filters/severity.js`: one character per document, an index into `names` (`-` none);
    /// - `filters/service-<name>.js`: the documents of one service (lower-cased; `name` as
    ///   `fileName` writes it), as document deltas;
    /// - `filters/year-<year>.js`: the documents of one year, as `docDelta, dayOfYear` pairs
    ///   (day 0 is January 1st), read for `year:` and, over the manifest's years, for `since:`.
    static func filterFiles(_ documents: [SearchDocument]) -> [File] {
        let severities = Array(Set(documents.compactMap(\.severity))).sorted()
        let severityIndex = Dictionary(uniqueKeysWithValues: severities.enumerated().map { ($1, $0) })
        let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
        let usable = severities.count <= alphabet.count
        let severity = String(documents.map { d in d.severity.flatMap { severityIndex[$0] }.map { usable ? alphabet[$0] : "-" } ?? "-" })
        var files = [File(path: "filters/severity.js", text: script("addFilter") { json in
            json.string("severity")
            json.beginObject()
            json.member("names", strings: severities)
            json.member("values", severity)
            json.endObject()
        })]

        var byService: [String: [Int]] = [:]
        var byYear: [Int: [Int]] = [:]
        for (doc, document) in documents.enumerated() {
            for service in Set(document.services.map { $0.lowercased() }) { byService[service, default: []].append(doc) }
            if let date = document.date {
                byYear[date.year, default: []] += [doc, Day(year: date.year, month: 1, day: 1).days(until: date)]
            }
        }
        func filter(_ name: String, _ numbers: [Int]) -> File {
            File(path: "filters/\(name).js", text: script("addFilter") { json in
                json.string(name)
                json.string(CompactNumbers.encode(numbers))
            })
        }
        for (service, docs) in byService.sorted(by: { $0.key < $1.key }) {
            files.append(filter("service-" + fileName(service), zip(docs, [0] + docs).map { $0 - $1 }))
        }
        for (year, pairs) in byYear.sorted(by: { $0.key < $1.key }) {
            var numbers = pairs, previous = 0
            for i in stride(from: 0, to: numbers.count, by: 2) { (numbers[i], previous) = (numbers[i] - previous, numbers[i]) }
            files.append(filter("year-\(year)", numbers))
        }
        return files
    }

    /// A facet value as part of a file name: a-z, 0-9 and `-` kept, every other UTF-8 byte
    /// written `_` and two hex digits (`search.js` does the same).
    public static func fileName(_ value: String) -> String {
        var out = ""
        for byte in value.utf8 {
            if (97...122).contains(byte) || (48...57).contains(byte) || byte == 45 {
                out.append(Character(Unicode.Scalar(byte)))
            } else {
                out += "_" + (byte < 16 ? "0" : "") + String(byte, radix: 16)
            }
        }
        return out
    }

    /// A JavaScript string literal (see `Escaping.jsonString`).
    public static func jsString(_ text: String) -> String { Escaping.jsonString(text) }
}
