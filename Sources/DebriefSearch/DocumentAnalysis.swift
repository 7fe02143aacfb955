import Foundation
import DebriefModel

/// The first pass of building an index, over a run of consecutive documents: their tokens
/// interned and counted per field, with positions. Runs are analysed in parallel, each with
/// its own term table, and `SearchIndex` merges them in document order.
///
/// Everything is kept in flat arrays indexed by "entry" (one distinct term of one document),
/// so analysing a document allocates nothing per token.
struct DocumentAnalysis: Sendable {
    static let fieldCount = SearchField.allCases.count

    let terms: TermInterner
    let documentCount: Int
    /// The entries of the run's document `d` are `entryStarts[d] ..< entryStarts[d + 1]`.
    let entryStarts: [Int]
    /// Term (id in `terms`) of each entry.
    let entryTerms: [Int32]
    /// Term frequency per field of each entry: `frequencies[entry * fieldCount + field]`; empty
    /// once `releaseFrequencies` is called.
    private(set) var frequencies: [Int32]
    /// Positions of entry `e`, ascending: `positions[positionStarts[e] ..< positionStarts[e + 1]]`.
    let positionStarts: [Int]
    let positions: [Int32]
    /// Tokens per field of each document: `fieldLengths[d * fieldCount + field]`.
    let fieldLengths: [Int32]

    init(_ documents: ArraySlice<SearchDocument>) {
        var builder = Builder()
        for document in documents { builder.add(document) }
        documentCount = documents.count
        terms = builder.terms
        entryStarts = builder.entryStarts
        entryTerms = builder.entryTerms
        frequencies = builder.frequencies
        positionStarts = builder.positionStarts
        positions = builder.positions
        fieldLengths = builder.fieldLengths
    }

    /// The quantised BM25F weight of every entry (see `SearchIndex.quantizedWeight`).
    func weights(averageLengths: [Double]) -> [Int32] {
        let fieldCount = Self.fieldCount
        var weights: [Int32] = []
        weights.reserveCapacity(entryTerms.count)
        for d in 0..<documentCount {
            let lengths = fieldLengths[d * fieldCount ..< (d + 1) * fieldCount]
            for entry in entryStarts[d] ..< entryStarts[d + 1] {
                weights.append(SearchIndex.quantizedWeight(frequencies[entry * fieldCount ..< (entry + 1) * fieldCount],
                                                           lengths: lengths, averages: averageLengths))
            }
        }
        return weights
    }

    /// Drops the frequencies once `weights` has read them: ten numbers per entry, the largest
    /// part of a run.
    mutating func releaseFrequencies() {
        frequencies = []
    }

    /// Receives each document's tokens from the tokenizer.
    private struct Builder: Tokenizer.Sink {
        var terms = TermInterner()
        var entryStarts = [0], entryTerms: [Int32] = [], frequencies: [Int32] = []
        var positionStarts = [0], positions: [Int32] = [], fieldLengths: [Int32] = []
        /// Per term id: the document it was last seen in and its entry there.
        var seenIn: [Int] = [], entryOf: [Int] = []
        /// Per entry of the current document: last position recorded and how many; the
        /// (entry, position) pairs in token order, scattered into `positions` at the end.
        var lastPosition: [Int32] = [], positionCount: [Int] = [], tokens: [(entry: Int, position: Int32)] = []
        /// The document and field being read.
        var document = 0, firstEntry = 0, field = 0, base = 0, fieldLength: Int32 = 0, lastPositionInField = 0

        mutating func add(_ document: SearchDocument) {
            let fieldCount = DocumentAnalysis.fieldCount
            firstEntry = entryTerms.count
            lastPosition.removeAll(keepingCapacity: true)
            positionCount.removeAll(keepingCapacity: true)
            tokens.removeAll(keepingCapacity: true)
            fieldLengths.append(contentsOf: repeatElement(0, count: fieldCount))
            base = 0
            for field in SearchField.allCases {
                guard let text = document.fields[field] else { continue }
                self.field = field.rawValue
                fieldLength = 0
                lastPositionInField = base
                Tokenizer.scan(text, splitCompounds: true, into: &self)
                fieldLengths[self.document * fieldCount + field.rawValue] = fieldLength
                base = lastPositionInField + SearchIndex.fieldGap
            }
            // Each entry's positions, in token order (hence ascending), made contiguous.
            var fill: [Int] = []
            fill.reserveCapacity(positionCount.count)
            for count in positionCount {
                fill.append(positionStarts[positionStarts.count - 1])
                positionStarts.append(fill[fill.count - 1] + count)
            }
            positions.append(contentsOf: repeatElement(0, count: tokens.count))
            for token in tokens {
                positions[fill[token.entry]] = token.position
                fill[token.entry] += 1
            }
            entryStarts.append(entryTerms.count)
            self.document += 1
        }

        mutating func take(term: UnsafeBufferPointer<UInt8>, word: UnsafeBufferPointer<UInt8>, position: Int, start: Int, end: Int) {
            let fieldCount = DocumentAnalysis.fieldCount
            let id = Int(terms.id(of: term))
            if id == seenIn.count { seenIn.append(-1); entryOf.append(0) }
            if seenIn[id] != document {
                seenIn[id] = document
                entryOf[id] = entryTerms.count
                entryTerms.append(Int32(id))
                frequencies.append(contentsOf: repeatElement(0, count: fieldCount))
                lastPosition.append(-1)
                positionCount.append(0)
            }
            let entry = entryOf[id]
            frequencies[entry * fieldCount + field] += 1
            let local = entry - firstEntry, at = Int32(base + position)
            if lastPosition[local] != at {
                lastPosition[local] = at
                positionCount[local] += 1
                tokens.append((local, at))
            }
            fieldLength += 1
            lastPositionInField = max(lastPositionInField, base + position)
        }
    }
}

extension SearchIndex {
    /// Analyses the documents in parallel runs (a few per core, so that cores finish together);
    /// the runs come back in document order.
    static func analyze(_ documents: [SearchDocument]) -> [DocumentAnalysis] {
        guard !documents.isEmpty else { return [] }
        let runCount = min(documents.count, ProcessInfo.processInfo.activeProcessorCount * 4)
        let runLength = (documents.count + runCount - 1) / runCount
        return concurrentMap(0..<runCount) { run in
            let start = min(documents.count, run * runLength)
            return DocumentAnalysis(documents[start ..< min(documents.count, start + runLength)])
        }
    }
}

/// `items.map(transform)`, the calls spread over all cores; results keep the items' order.
func concurrentMap<T: Sendable>(_ items: Range<Int>, _ transform: @Sendable (Int) -> T) -> [T] {
    let slots = ResultSlots<T>(count: items.count)
    DispatchQueue.concurrentPerform(iterations: items.count) { k in slots[k] = transform(items.lowerBound + k) }
    return slots.values
}
