import Foundation

/// A tf-idf vector per text, pruned to its heaviest terms and scaled to unit length, so the
/// dot product of two is their cosine similarity (over the kept terms).
///
/// A term's weight in a text is (1 + ln tf) x ln(N / df). Terms only one text has cannot be
/// shared and terms more than half the texts have say nothing about similarity; both are
/// dropped, as are terms of one or two characters, numbers and English function words (in a
/// small knowledge base idf alone cannot tell that "while" says nothing).
struct TermVectors: Sendable {
    struct Term: Sendable {
        var term: String
        /// The word as first written, to show in explanations.
        var word: String
        var weight: Double
    }

    var vectors: [[Term]]

    /// Stems of words that carry no topic, beyond the tokenizer's stop words.
    static let functionStems: Set<String> = Set("""
        about above after again against all also although always among another any anyone anything \
        around because been before being below between both but can cannot could did does doing done \
        down during each either else enough even ever every few first further had having here how however \
        into just last least less like made make many may might more most much must near need never next \
        not now off once one only other others our out over own per perhaps quite rather really same \
        several shall she should since some something still such than then there therefore these they \
        thing things those though three through thus too two under until upon very via was way ways \
        well went what whatever when where whether which while who whom whose why within without would \
        yet you your able across actually already got get gets getting let lets put said see seen seems \
        set sets take taken took use used uses using want wanted
        """.split(separator: " ").map { Stemmer.stem(String($0)) })

    init(texts: [String], termsPerText: Int) {
        // Tokenizing and weighting are per text, so on all cores; only `df` is shared.
        let counted: [[String: (count: Int, word: String)]] = concurrentMap(texts.indices) { index in
            var counter = TermCounter()
            Tokenizer.scan(texts[index], splitCompounds: false, into: &counter)
            return counter.counts()
        }
        var df: [String: Int] = [:]
        for counts in counted { for term in counts.keys { df[term, default: 0] += 1 } }
        let n = Double(max(1, texts.count))
        vectors = concurrentMap(counted.indices) { [df] index in
            var weighted: [Term] = []
            for (term, entry) in counted[index] {
                let frequency = Double(df[term]!)
                guard frequency >= 2, frequency <= max(2, n / 2) else { continue }
                weighted.append(Term(term: term, word: entry.word, weight: (1 + log(Double(entry.count))) * log(n / frequency)))
            }
            weighted.sort { $0.weight != $1.weight ? $0.weight > $1.weight : $0.term < $1.term }
            let kept = weighted.prefix(termsPerText)
            let norm = sqrt(kept.reduce(0) { $0 + $1.weight * $1.weight })
            return norm > 0 ? kept.map { Term(term: $0.term, word: $0.word, weight: $0.weight / norm) } : []
        }
    }
}

/// Counts a text's terms straight from the tokenizer's bytes: a String is made per distinct
/// term (and the word it was first written as), not per word.
private struct TermCounter: Tokenizer.Sink {
    var terms = TermInterner()
    var frequencies: [Int] = []
    var firstWords: [String] = []

    mutating func take(term: UnsafeBufferPointer<UInt8>, word: UnsafeBufferPointer<UInt8>, position: Int, start: Int, end: Int) {
        let id = Int(terms.id(of: term))
        if id == frequencies.count {
            frequencies.append(0)
            firstWords.append(String(decoding: word, as: UTF8.self))
        }
        frequencies[id] += 1
    }

    /// Term -> its count and first spelling, without terms of one or two characters, numbers
    /// and function words.
    func counts() -> [String: (count: Int, word: String)] {
        var result: [String: (count: Int, word: String)] = [:]
        for id in frequencies.indices {
            let term = terms.string(Int32(id))
            guard term.unicodeScalars.count > 2, !term.allSatisfy(\.isNumber), !TermVectors.functionStems.contains(term) else { continue }
            result[term] = (frequencies[id], firstWords[id])
        }
        return result
    }
}
