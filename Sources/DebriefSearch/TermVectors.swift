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
        // Runs of consecutive texts are counted on all cores, each run with one term table, so a
        // term becomes a String once per run rather than once per text it is in; only `df` is shared.
        let ranges = consecutiveRuns(texts.count)
        let runs = concurrentMap(ranges.indices) { RunCounts(texts[ranges[$0]]) }
        // Document frequencies: one addition per distinct kept term of each run.
        var dfIndex: [String: Int] = [:], dfCounts: [Int] = []
        let globalIDs = runs.map { run in
            run.termStrings.indices.map { id -> Int in
                guard run.isKept[id] else { return -1 }
                let global = dfIndex[run.termStrings[id]] ?? {
                    dfCounts.append(0)
                    dfIndex[run.termStrings[id]] = dfCounts.count - 1
                    return dfCounts.count - 1
                }()
                dfCounts[global] += run.documentFrequency[id]
                return global
            }
        }
        let n = Double(max(1, texts.count))
        vectors = concurrentMap(runs.indices) { [dfCounts] run in
            let counts = runs[run], globalID = globalIDs[run]
            return (0..<counts.textCount).map { text -> [Term] in
                var weighted: [(id: Int, weight: Double)] = []
                for entry in counts.entries(ofText: text) where globalID[entry.term] >= 0 {
                    let frequency = Double(dfCounts[globalID[entry.term]])
                    guard frequency >= 2, frequency <= max(2, n / 2) else { continue }
                    weighted.append((entry.term, (1 + log(Double(entry.count))) * log(n / frequency)))
                }
                weighted.sort { $0.weight != $1.weight ? $0.weight > $1.weight : counts.termStrings[$0.id] < counts.termStrings[$1.id] }
                let kept = weighted.prefix(termsPerText)
                let norm = sqrt(kept.reduce(0) { $0 + $1.weight * $1.weight })
                guard norm > 0 else { return [] }
                return kept.map { Term(term: counts.termStrings[$0.id], word: counts.firstWord(of: $0.id, inText: text), weight: $0.weight / norm) }
            }
        }.flatMap { $0 }
    }
}

/// The terms of a run of consecutive texts, counted straight from the tokenizer's bytes: one
/// term table for the run, and per text an entry (term, count, first spelling) for each
/// distinct term. Strings are made once per distinct term of the run, and for the spellings
/// of the terms a vector keeps.
private struct RunCounts: Tokenizer.Sink {
    private var terms = TermInterner()
    private var words = TermInterner()
    /// Text `t`'s entries are `entryStarts[t] ..< entryStarts[t + 1]`.
    private var entryStarts = [0]
    private var entryTerms: [Int] = [], entryCounts: [Int] = [], entryWords: [Int32] = []
    /// Per term, its entry in the text being counted, if it has one there.
    private var entryOf: [Int] = []
    /// Per term, how many texts of the run have it.
    private(set) var documentFrequency: [Int] = []
    /// Per term, the term as a String, and whether it may weigh in a vector: not one or two
    /// characters, not a number, not a function word.
    private(set) var termStrings: [String] = []
    private(set) var isKept: [Bool] = []

    init(_ texts: ArraySlice<String>) {
        for text in texts {
            Tokenizer.scan(text, splitCompounds: false, into: &self)
            for k in entryStarts[entryStarts.count - 1] ..< entryTerms.count { documentFrequency[entryTerms[k]] += 1 }
            entryStarts.append(entryTerms.count)
        }
        termStrings = (0..<terms.count).map { terms.string(Int32($0)) }
        isKept = termStrings.map { term in
            term.unicodeScalars.count > 2 && !term.allSatisfy(\.isNumber) && !TermVectors.functionStems.contains(term)
        }
    }

    var textCount: Int { entryStarts.count - 1 }

    func entries(ofText text: Int) -> some Sequence<(term: Int, count: Int)> {
        (entryStarts[text] ..< entryStarts[text + 1]).lazy.map { (entryTerms[$0], entryCounts[$0]) }
    }

    /// The word `term` was first written as in `text`.
    func firstWord(of term: Int, inText text: Int) -> String {
        let entry = (entryStarts[text] ..< entryStarts[text + 1]).first { entryTerms[$0] == term }!
        return words.string(entryWords[entry])
    }

    mutating func take(term: UnsafeBufferPointer<UInt8>, word: UnsafeBufferPointer<UInt8>, position: Int, start: Int, end: Int) {
        let id = Int(terms.id(of: term))
        if id == entryOf.count {
            entryOf.append(-1)
            documentFrequency.append(0)
        }
        let textStart = entryStarts[entryStarts.count - 1]
        if entryOf[id] >= textStart {
            entryCounts[entryOf[id]] += 1
            return
        }
        entryOf[id] = entryTerms.count
        entryTerms.append(id)
        entryCounts.append(1)
        entryWords.append(words.id(of: word))
    }
}
