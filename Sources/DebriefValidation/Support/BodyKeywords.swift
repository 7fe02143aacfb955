import DebriefModel

/// The keywords that text rules look for in every postmortem body, found in one pass that the
/// rules share (`PostmortemContext.bodyKeywords`): a pass over the markdown cost as much as
/// the rest of such a rule. Bits are in this order: the placeholder literals, then the blaming
/// phrases.
enum BodyKeywords {
    static let placeholderLiterals = PlaceholderRule.patterns().flatMap(\.literals)
    static let blamePhrases = BlameLanguageRule.phrases
    static let set = KeywordSet(placeholderLiterals + blamePhrases)

    /// Bit `i` is set when placeholder literal `i` occurs.
    static func placeholders(_ found: UInt64) -> UInt64 {
        found & ((1 << UInt64(placeholderLiterals.count)) - 1)
    }

    /// Bit `i` is set when `BlameLanguageRule.phrases[i]` occurs.
    static func blamePhrases(_ found: UInt64) -> UInt64 {
        found >> UInt64(placeholderLiterals.count)
    }
}
