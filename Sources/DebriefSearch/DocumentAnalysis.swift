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
    /// How often each entry occurs in each field it occurs in, as triples (entry, field, count)
    /// in document order, then field order: `occurrenceEntries[k]` occurs `occurrenceCounts[k]`
    /// times in field `occurrenceFields[k]`; document `d`'s are `occurrenceStarts[d] ..< occurrenceStarts[d + 1]`.
    /// Only the fields a term occurs in (one or two of ten, mostly): a counter per field and
    /// entry was the largest part of the memory an index takes to build. Empty once
    /// `releaseOccurrences` is called.
    private(set) var occurrenceStarts: [Int]
    private(set) var occurrenceEntries: [Int32]
    private(set) var occurrenceFields: [UInt8]
    private(set) var occurrenceCounts: [Int32]
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
        occurrenceStarts = builder.occurrenceStarts
        occurrenceEntries = builder.occurrenceEntries
        occurrenceFields = builder.occurrenceFields
        occurrenceCounts = builder.occurrenceCounts
        positionStarts = builder.positionStarts
        positions = builder.positions
        fieldLengths = builder.fieldLengths
    }

    /// The quantised BM25F weight of every entry (see `SearchIndex`).
    func weights(averageLengths: [Double]) -> [Int32] {
        let fieldCount = Self.fieldCount
        var pseudo = [Double](repeating: 0, count: entryTerms.count)
        for d in 0..<documentCount {
            for k in occurrenceStarts[d] ..< occurrenceStarts[d + 1] {
                let field = SearchField(rawValue: Int(occurrenceFields[k]))!
                pseudo[Int(occurrenceEntries[k])] += SearchIndex.fieldWeight(field, frequency: occurrenceCounts[k],
                                                                            length: fieldLengths[d * fieldCount + field.rawValue],
                                                                            average: averageLengths[field.rawValue])
            }
        }
        return pseudo.map(SearchIndex.quantized)
    }

    /// Drops the occurrences once `weights` has read them.
    mutating func releaseOccurrences() {
        (occurrenceStarts, occurrenceEntries, occurrenceFields, occurrenceCounts) = ([], [], [], [])
    }

    /// Receives each document's tokens from the tokenizer.
    private struct Builder: Tokenizer.Sink {
        var terms = TermInterner()
        var entryStarts = [0], entryTerms: [Int32] = []
        var occurrenceStarts = [0], occurrenceEntries: [Int32] = [], occurrenceFields: [UInt8] = [], occurrenceCounts: [Int32] = []
        var positionStarts = [0], positions: [Int32] = [], fieldLengths: [Int32] = []
        /// Per term id: the document it was last seen in and its entry there.
        var seenIn: [Int] = [], entryOf: [Int] = []
        /// Per entry of the current document: last position recorded and how many; the
        /// (entry, position) pairs in token order, scattered into `positions` at the end.
        var lastPosition: [Int32] = [], positionCount: [Int] = [], tokens: [(entry: Int, position: Int32)] = []
        /// Per entry of the current document: its latest occurrence triple (in this field when
        /// at or after `fieldOccurrences`, the first triple of the field being read).
        var occurrence: [Int] = []
        /// The document and field being read.
        var document = 0, firstEntry = 0, field = 0, base = 0, fieldLength: Int32 = 0, lastPositionInField = 0, fieldOccurrences = 0

        mutating func add(_ document: SearchDocument) {
            let fieldCount = DocumentAnalysis.fieldCount
            firstEntry = entryTerms.count
            lastPosition.removeAll(keepingCapacity: true)
            positionCount.removeAll(keepingCapacity: true)
            occurrence.removeAll(keepingCapacity: true)
            tokens.removeAll(keepingCapacity: true)
            fieldLengths.append(contentsOf: repeatElement(0, count: fieldCount))
            base = 0
            for field in SearchField.allCases {
                guard let text = document.fields[field] else { continue }
                self.field = field.rawValue
                fieldOccurrences = occurrenceCounts.count
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
            occurrenceStarts.append(occurrenceCounts.count)
            self.document += 1
        }

        mutating func take(term: UnsafeBufferPointer<UInt8>, word: UnsafeBufferPointer<UInt8>, position: Int, start: Int, end: Int) {
            let id = Int(terms.id(of: term))
            if id == seenIn.count { seenIn.append(-1); entryOf.append(0) }
            if seenIn[id] != document {
                seenIn[id] = document
                entryOf[id] = entryTerms.count
                entryTerms.append(Int32(id))
                lastPosition.append(-1)
                positionCount.append(0)
                occurrence.append(-1)
            }
            let entry = entryOf[id]
            let local = entry - firstEntry, at = Int32(base + position)
            if occurrence[local] < fieldOccurrences {
                occurrence[local] = occurrenceCounts.count
                occurrenceEntries.append(Int32(entry))
                occurrenceFields.append(UInt8(field))
                occurrenceCounts.append(0)
            }
            occurrenceCounts[occurrence[local]] += 1
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
        let runs = consecutiveRuns(documents.count)
        return concurrentMap(runs.indices) { DocumentAnalysis(documents[runs[$0]]) }
    }
}

/// `0..<count` cut into consecutive runs, a few per core (none for 0): work split this way
/// spreads over the cores while each run keeps one table for its items.
func consecutiveRuns(_ count: Int) -> [Range<Int>] {
    let runCount = min(count, ProcessInfo.processInfo.activeProcessorCount * 4)
    guard runCount > 0 else { return [] }
    let runLength = (count + runCount - 1) / runCount
    return (0..<runCount).map { run in min(count, run * runLength) ..< min(count, (run + 1) * runLength) }
}

/// `items.map(transform)`, the calls spread over all cores; results keep the items' order.
func concurrentMap<T: Sendable>(_ items: Range<Int>, _ transform: @Sendable (Int) -> T) -> [T] {
    let slots = ResultSlots<T>(count: items.count)
    DispatchQueue.concurrentPerform(iterations: items.count) { k in slots[k] = transform(items.lowerBound + k) }
    return slots.values
}
