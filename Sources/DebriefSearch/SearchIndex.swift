import DebriefModel
import Foundation

/// An inverted index over postmortems and runbooks, ranked with BM25F (see docs/search.md).
///
/// At build time each (term, document) pair gets one pseudo term frequency that folds in the
/// field boosts and per-field length normalisation:
///
///     tf~ = sum over fields f of  boost(f) * tf(f) / (1 - b(f) + b(f) * len(f) / avglen(f))
///
/// stored quantised to tenths (`weightScale`), so the site's shards carry the very same
/// numbers. At query time a term scores
///
///     idf * tf~ * (k1 + 1) / (tf~ + k1),   idf = ln(1 + (N - df + 0.5) / (df + 0.5))
///
/// and a document's score is the sum over query terms (for a prefix or misspelt term, the best
/// of its expansions, each weighted `prefixWeight` or `typoWeight`). Scores are compared rounded
/// to 1e-6, ties go to the earlier document, so the JavaScript port sorts identically. A query
/// of filters only lists the documents it admits, newest first.
public final class SearchIndex: Sendable {
    public static let k1 = 1.2
    /// Pseudo frequencies are stored as integers in units of 1/weightScale.
    public static let weightScale = 10.0
    public static let prefixWeight = 0.8
    public static let maxPrefixExpansions = 30
    /// A term one edit away from a typed word of at least `minimumTypoLength` letters also
    /// matches, below a prefix match; the edit keeps the first `typoKeptPrefix` characters, so a
    /// variant lives in the same shard of the site's index as the word typed.
    public static let typoWeight = 0.5
    public static let minimumTypoLength = 5
    /// Longer words are names or pasted text, not misspellings (and would cost a variant per
    /// character and letter).
    public static let maximumTypoLength = 24
    public static let typoKeptPrefix = 3
    public static let maxTypoExpansions = 10
    /// Positions of consecutive fields are this far apart, so no phrase spans two fields.
    public static let fieldGap = 8

    /// The postings of one term, in document order.
    public struct Postings: Sendable {
        public var documents: [Int32] = []
        /// Quantised pseudo term frequency per document.
        public var weights: [Int32] = []
        /// `positions[positionStarts[i] ..< positionStarts[i + 1]]` belong to `documents[i]`.
        public var positionStarts: [Int32] = [0]
        public var positions: [Int32] = []

        public func positions(at index: Int) -> ArraySlice<Int32> {
            positions[Int(positionStarts[index]) ..< Int(positionStarts[index + 1])]
        }
    }

    public let documents: [SearchDocument]
    public let postings: [String: Postings]
    /// Every term, sorted, for prefix lookups.
    public let terms: [String]

    public init(documents: [SearchDocument]) {
        self.documents = documents
        let fieldCount = DocumentAnalysis.fieldCount
        var runs = SearchIndex.analyze(documents)
        var averageLengths = [Double](repeating: 0, count: fieldCount)
        for run in runs { for (k, length) in run.fieldLengths.enumerated() { averageLengths[k % fieldCount] += Double(length) } }
        averageLengths = averageLengths.map { documents.isEmpty ? 0 : $0 / Double(documents.count) }
        let lengths = averageLengths
        var weights = concurrentMap(0..<runs.count) { [runs] in runs[$0].weights(averageLengths: lengths) }
        for k in runs.indices { runs[k].releaseOccurrences() }

        // One table of all terms; each term's list allocated once at its final size.
        var termIDs = TermInterner()
        let globalIDs = runs.map { run in (0..<run.terms.count).map { local in Int(run.terms.withBytes(Int32(local)) { termIDs.id(of: $0) }) } }
        var documentCounts = [Int](repeating: 0, count: termIDs.count), positionCounts = documentCounts
        for (run, globalID) in zip(runs, globalIDs) {
            for (entry, term) in run.entryTerms.enumerated() {
                documentCounts[globalID[Int(term)]] += 1
                positionCounts[globalID[Int(term)]] += run.positionStarts[entry + 1] - run.positionStarts[entry]
            }
        }
        var lists = (0..<termIDs.count).map { Postings(capacity: documentCounts[$0], positions: positionCounts[$0]) }

        // The runs merged in document order, each released once merged: the runs and the
        // postings made from them hold the same positions, and both at once were the peak
        // memory of a build.
        var firstDocument = 0
        runs.reverse()
        weights.reverse()
        for globalID in globalIDs {
            let run = runs.removeLast(), runWeights = weights.removeLast()
            for d in 0..<run.documentCount {
                for entry in run.entryStarts[d] ..< run.entryStarts[d + 1] {
                    lists[globalID[Int(run.entryTerms[entry])]].append(
                        document: Int32(firstDocument + d), weight: runWeights[entry],
                        positions: run.positions[run.positionStarts[entry] ..< run.positionStarts[entry + 1]])
                }
            }
            firstDocument += run.documentCount
        }
        var postings: [String: Postings] = [:]
        postings.reserveCapacity(lists.count)
        for (id, list) in lists.enumerated() { postings[termIDs.string(Int32(id))] = list }
        self.postings = postings
        terms = postings.keys.sorted()
    }

    /// What `frequency` occurrences in `field` add to a pseudo term frequency, for a field of
    /// `length` tokens whose average length is `average`. A (term, document) pair's pseudo
    /// frequency is the sum of these over its fields, added in `SearchField` order.
    static func fieldWeight(_ field: SearchField, frequency: Int32, length: Int32, average: Double) -> Double {
        let b = field.lengthNormalization
        let norm = average > 0 ? 1 - b + b * Double(length) / average : 1
        return field.boost * Double(frequency) / norm
    }

    /// A pseudo term frequency in units of 1/weightScale, at least 1.
    static func quantized(_ pseudo: Double) -> Int32 {
        max(1, Int32(clamping: Int(min((pseudo * weightScale).rounded(), Double(Int32.max)))))
    }

    public static func inverseDocumentFrequency(documentCount: Int, documentFrequency: Int) -> Double {
        log(1 + (Double(documentCount) - Double(documentFrequency) + 0.5) / (Double(documentFrequency) + 0.5))
    }

    /// One term's contribution for a stored weight.
    public static func termScore(idf: Double, weight: Int32, queryWeight: Double) -> Double {
        let tf = Double(weight) / weightScale
        return queryWeight * idf * (tf * (k1 + 1) / (tf + k1))
    }

    /// The index terms a query term stands for, with their query weights: the exact stem; for a
    /// prefix term the most frequent terms starting with the typed word; for a word of
    /// `minimumTypoLength` to `maximumTypoLength` letters the most frequent terms one edit from its stem.
    public func expansions(of queryTerm: SearchQuery.Term) -> [(term: String, weight: Double)] {
        var result: [(term: String, weight: Double)] = postings[queryTerm.term] != nil ? [(queryTerm.term, 1)] : []
        if queryTerm.isPrefix {
            var start = terms.partitionPoint { $0 < queryTerm.word }
            var matches: [String] = []
            while start < terms.count, terms[start].hasPrefix(queryTerm.word) {
                if terms[start] != queryTerm.term { matches.append(terms[start]) }
                start += 1
            }
            result += mostFrequent(matches, SearchIndex.maxPrefixExpansions).map { ($0, SearchIndex.prefixWeight) }
        }
        if (SearchIndex.minimumTypoLength...SearchIndex.maximumTypoLength).contains(queryTerm.word.unicodeScalars.count) {
            let taken = Set(result.map(\.term))
            let variants = Typos.oneEditVariants(of: queryTerm.term, keeping: SearchIndex.typoKeptPrefix)
                .filter { postings[$0] != nil && !taken.contains($0) }
            result += mostFrequent(variants, SearchIndex.maxTypoExpansions).map { ($0, SearchIndex.typoWeight) }
        }
        return result
    }

    /// Most frequent first (what a half-typed or misspelt word most likely means), then alphabetical.
    private func mostFrequent(_ candidates: [String], _ limit: Int) -> [String] {
        let sorted = candidates.sorted { a, b in
            let (dfA, dfB) = (postings[a]!.documents.count, postings[b]!.documents.count)
            return dfA != dfB ? dfA > dfB : a < b
        }
        return Array(sorted.prefix(limit))
    }

    /// The `limit` hits from `offset` on, and how many documents match in all.
    public func search(_ query: SearchQuery, limit: Int = 10, offset: Int = 0) -> SearchResults {
        let ranked = query.isEmpty ? browse(query) : rank(query)
        let page = ranked.dropFirst(max(0, offset)).prefix(max(0, limit))
        return SearchResults(total: ranked.count, hits: page.map { hit in
            let document = documents[Int(hit.doc)]
            return SearchHit(documentIndex: Int(hit.doc), document: document, score: hit.score,
                             snippet: Snippet.make(for: document, query: query))
        })
    }

    private func rank(_ query: SearchQuery) -> [(doc: Int32, score: Double)] {
        var scores: [Int32: Double] = [:]
        for queryTerm in query.terms {
            var best: [Int32: Double] = [:]
            for (term, queryWeight) in expansions(of: queryTerm) {
                let list = postings[term]!
                let idf = SearchIndex.inverseDocumentFrequency(documentCount: documents.count, documentFrequency: list.documents.count)
                for (i, doc) in list.documents.enumerated() {
                    let score = SearchIndex.termScore(idf: idf, weight: list.weights[i], queryWeight: queryWeight)
                    if score > best[doc, default: 0] { best[doc] = score }
                }
            }
            for (doc, score) in best { scores[doc, default: 0] += score }
        }
        var ranked: [(doc: Int32, score: Double)] = []
        for (doc, score) in scores where query.admits(documents[Int(doc)]) {
            guard query.phrases.allSatisfy({ contains($0, in: doc) }) else { continue }
            ranked.append((doc, (score * 1e6).rounded() / 1e6))
        }
        ranked.sort { $0.score != $1.score ? $0.score > $1.score : $0.doc < $1.doc }
        return ranked
    }

    /// Filters without words: every document they admit, newest first (undated ones last), score 0.
    /// No filter at all admits nothing: an empty query is not a request to list everything.
    private func browse(_ query: SearchQuery) -> [(doc: Int32, score: Double)] {
        guard query.hasFilters else { return [] }
        let admitted = documents.indices.filter { query.admits(documents[$0]) }
        return admitted.sorted { a, b in
            switch (documents[a].date, documents[b].date) {
            case let (x?, y?) where x != y: return x > y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a < b
            }
        }.map { (Int32($0), 0) }
    }

    /// Whether the phrase's terms occur in the document at the phrase's relative offsets.
    func contains(_ phrase: SearchQuery.Phrase, in doc: Int32) -> Bool {
        var lists: [ArraySlice<Int32>] = []
        for term in phrase.terms {
            guard let list = postings[term] else { return false }
            let index = list.documents.partitionPoint { $0 < doc }
            guard index < list.documents.count, list.documents[index] == doc else { return false }
            lists.append(list.positions(at: index))
        }
        return lists[0].contains { start in
            (1..<lists.count).allSatisfy { i in lists[i].contains(start + Int32(phrase.offsets[i] - phrase.offsets[0])) }
        }
    }
}

extension SearchIndex.Postings {
    init(capacity documentCount: Int, positions positionCount: Int) {
        documents.reserveCapacity(documentCount)
        weights.reserveCapacity(documentCount)
        positionStarts.reserveCapacity(documentCount + 1)
        positions.reserveCapacity(positionCount)
    }

    mutating func append(document: Int32, weight: Int32, positions newPositions: ArraySlice<Int32>) {
        documents.append(document)
        weights.append(weight)
        positions += newPositions
        positionStarts.append(Int32(positions.count))
    }
}

/// One page of ranked results.
public struct SearchResults: Sendable {
    /// How many documents match, beyond the page.
    public var total: Int
    public var hits: [SearchHit]
}

/// One ranked result.
public struct SearchHit: Sendable {
    public var documentIndex: Int
    public var document: SearchDocument
    public var score: Double
    /// A stretch of text around the first match, plain text (callers escape it for HTML).
    public var snippet: String
}

extension Array {
    /// Index of the first element for which `isBefore` is false (the array must be partitioned).
    func partitionPoint(_ isBefore: (Element) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if isBefore(self[mid]) { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
