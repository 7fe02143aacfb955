import DebriefModel

/// Byte-level versions of rule helpers whose general versions walk Characters: on the 1k
/// benchmark corpus each one saves at least 1% of the instructions of `check` (the rest were
/// removed). `TextFastPathTests` checks on random text that they answer as the general versions do.
enum RuleFastPaths {
    /// `BlameLanguageRule.firstName` of an ASCII name ("" for no name); nil when the name is not ASCII.
    static func firstName(_ name: String) -> String? {
        let bytes = Array(name.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        let trimmable: (UInt8) -> Bool = { $0 == UInt8(ascii: "@") || $0 == UInt8(ascii: " ") }
        guard let start = bytes.firstIndex(where: { !trimmable($0) }), let last = bytes.lastIndex(where: { !trimmable($0) }) else { return "" }
        let word = bytes[start...last].prefix { $0 != UInt8(ascii: " ") }
        let isLetter: (UInt8) -> Bool = { ($0 | 0x20) &- UInt8(ascii: "a") < 26 }
        guard word.count >= 3, word.allSatisfy(isLetter), word.contains(where: { $0 &- UInt8(ascii: "a") < 26 }) else { return "" }
        let first = String(decoding: word, as: UTF8.self)
        return first.containsText("team") ? "" : first
    }
}
