/// Misspellings one edit away: what a typo-tolerant query term also matches.
enum Typos {
    /// The characters an edit may insert or substitute: index terms of English text are
    /// lower-case letters and digits.
    static let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789".unicodeScalars)

    /// Every distinct string one deletion, insertion, substitution or transposition of adjacent
    /// characters away from `term`, with its first `kept` characters unchanged.
    static func oneEditVariants(of term: String, keeping kept: Int) -> [String] {
        let characters = Array(term.unicodeScalars)  // code points, as search.js counts them
        guard characters.count > kept else { return [] }
        var seen: Set<String> = [term]
        var variants: [String] = []
        func add(_ candidate: [Unicode.Scalar]) {
            let text = String(String.UnicodeScalarView(candidate))
            if seen.insert(text).inserted { variants.append(text) }
        }
        for i in kept..<characters.count {
            var deleted = characters
            deleted.remove(at: i)
            add(deleted)
            if i + 1 < characters.count {
                var swapped = characters
                swapped.swapAt(i, i + 1)
                add(swapped)
            }
            for c in alphabet where c != characters[i] {
                var substituted = characters
                substituted[i] = c
                add(substituted)
            }
        }
        for i in kept...characters.count {
            for c in alphabet {
                var inserted = characters
                inserted.insert(c, at: i)
                add(inserted)
            }
        }
        return variants
    }
}
