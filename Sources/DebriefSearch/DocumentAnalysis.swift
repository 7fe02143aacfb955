import Foundation

/// The tokens of one document, counted per field: the first pass of building an index, run
/// on all cores.
struct DocumentAnalysis: Sendable {
    struct Occurrence: Sendable {
        /// Term frequency per field (indexed by `SearchField.rawValue`); inline, no allocation.
        var frequencies = SIMD16<Int32>()
        /// Positions across the document's fields, ascending.
        var positions: [Int32] = []
    }

    var terms: [String: Occurrence] = [:]
    var fieldLengths = [Int32](repeating: 0, count: SearchField.allCases.count)

    init(_ document: SearchDocument) {
        var base = 0
        for field in SearchField.allCases {
            guard let text = document.fields[field] else { continue }
            let tokens = Tokenizer.tokenize(text)
            fieldLengths[field.rawValue] = Int32(tokens.count)
            var last = base
            for token in tokens {
                let position = Int32(base + token.position)
                // Mutated in place through the dictionary (no copy of the arrays per token).
                terms[token.term, default: Occurrence()].frequencies[field.rawValue] += 1
                if terms[token.term]!.positions.last != position { terms[token.term]!.positions.append(position) }
                last = max(last, base + token.position)
            }
            base = last + SearchIndex.fieldGap
        }
    }
}

extension SearchIndex {
    /// Analyses every document in parallel; results keep document order.
    static func analyze(_ documents: [SearchDocument]) -> [DocumentAnalysis] {
        let slots = AnalysisSlots(count: documents.count)
        DispatchQueue.concurrentPerform(iterations: documents.count) { index in
            slots.set(index, DocumentAnalysis(documents[index]))
        }
        return slots.values
    }
}

/// Fixed slots written from concurrent iterations, each index by exactly one writer.
private final class AnalysisSlots: @unchecked Sendable {
    private var storage: [DocumentAnalysis?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: DocumentAnalysis) { lock.withLock { storage[index] = value } }

    var values: [DocumentAnalysis] { storage.map { $0! } }
}
