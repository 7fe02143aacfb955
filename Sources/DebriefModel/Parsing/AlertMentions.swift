import Foundation

/// Alert names mentioned in timeline text: `Alert fires: HighErrorRate`,
/// `Alert: "HighErrorRate" fires`, `alert KubePodCrashLooping fired`.
enum AlertMentions {
    private static let fillerWords: Set<String> = ["fires", "fired", "firing", "triggered", "trigger", "raised", "-", "–", ":", "for", "named", "from"]

    static func names(in text: String) -> [String] {
        // Most entries name no alert; skip splitting them into words. (No non-ASCII letter
        // lower-cases to ASCII "alert", so the ASCII-folded search cannot miss one.)
        guard text.containsText("alert") else { return [] }
        var text = text
        if let names = text.withUTF8(asciiNames) { return names }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
        var names: [String] = []
        for (index, word) in words.enumerated() {
            let bare = word.lowercased().trimmed(":.,;!?\"'()")
            guard bare == "alert" || bare == "alerts" else { continue }
            var next = index + 1
            while next < words.count, next <= index + 3 {
                let candidate = words[next]
                if fillerWords.contains(candidate.lowercased().trimmed(":")) {
                    next += 1
                    continue
                }
                let quoted = candidate.first.map { "\"'“`".contains($0) } ?? false
                let name = candidate.trimmed("\"'“”`:,.()")
                if looksLikeAlertName(name, quoted: quoted) { names.append(name) }
                break
            }
        }
        return names
    }

    /// `names(in:)` on the bytes of an ASCII text, where every byte is a character (nil for any
    /// other text): splitting into `Substring` words and testing `Character` properties cost
    /// more than the rest of reading a timeline entry.
    private static func asciiNames(in bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
        var words: [Range<Int>] = []
        var start: Int?
        for index in 0..<bytes.count {
            let byte = bytes[index]
            guard byte < 0x80 else { return nil }
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") {
                if let wordStart = start { words.append(wordStart..<index); start = nil }
            } else if start == nil {
                start = index
            }
        }
        if let wordStart = start { words.append(wordStart..<bytes.count) }

        func trimming(_ range: Range<Int>, _ drop: (UInt8) -> Bool) -> Range<Int> {
            var lower = range.lowerBound, upper = range.upperBound
            while lower < upper, drop(bytes[lower]) { lower += 1 }
            while upper > lower, drop(bytes[upper - 1]) { upper -= 1 }
            return lower..<upper
        }
        func isOneOf(_ byte: UInt8, _ set: StaticString) -> Bool {
            UnsafeBufferPointer(start: set.utf8Start, count: set.utf8CodeUnitCount).contains(byte)
        }
        func lowercased(_ range: Range<Int>) -> String {
            String(decoding: bytes[range].map { $0 &- 65 < 26 ? $0 | 0x20 : $0 }, as: UTF8.self)
        }
        var names: [String] = []
        for (index, word) in words.enumerated() {
            let bare = lowercased(trimming(word) { isOneOf($0, ":.,;!?\"'()") })
            guard bare == "alert" || bare == "alerts" else { continue }
            var next = index + 1
            while next < words.count, next <= index + 3 {
                let candidate = words[next]
                if fillerWords.contains(lowercased(trimming(candidate) { $0 == UInt8(ascii: ":") })) {
                    next += 1
                    continue
                }
                let quoted = isOneOf(bytes[candidate.lowerBound], "\"'`")
                let name = String(decoding: bytes[trimming(candidate) { isOneOf($0, "\"'`:,.()") }], as: UTF8.self)
                if looksLikeAlertName(name, quoted: quoted) { names.append(name) }
                break
            }
        }
        return names
    }

    /// `HighErrorRate`, `High_Error_Budget_Burn`, `api-5xx-rate`: one identifier, with inner
    /// capitals, underscores or dashes; quoted names are taken as written.
    static func looksLikeAlertName(_ name: String, quoted: Bool) -> Bool {
        if name.utf8.allSatisfy({ $0 < 0x80 }) { return looksLikeASCIIAlertName(name.utf8, quoted: quoted) }
        guard name.count >= 3, let first = name.first, first.isLetter,
              name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "_-.:".contains($0)) }) else { return false }
        if quoted { return true }
        let innerCapital = name.dropFirst().contains { $0.isUppercase } && name.contains { $0.isLowercase }
        return innerCapital || name.contains("_" as Character)
    }

    private static func looksLikeASCIIAlertName(_ name: String.UTF8View, quoted: Bool) -> Bool {
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 97 < 26 }
        guard name.count >= 3, let first = name.first, isLetter(first),
              name.allSatisfy({ isLetter($0) || $0 &- 48 < 10 || "_-.:".utf8.contains($0) }) else { return false }
        if quoted { return true }
        let innerCapital = name.dropFirst().contains { $0 &- 65 < 26 } && name.contains { $0 &- 97 < 26 }
        return innerCapital || name.contains(UInt8(ascii: "_"))
    }
}
