import Foundation

/// Alert names mentioned in timeline text: `Alert fires: HighErrorRate`,
/// `Alert: "HighErrorRate" fires`, `alert KubePodCrashLooping fired`.
enum AlertMentions {
    static let fillerWords: Set<String> = ["fires", "fired", "firing", "triggered", "trigger", "raised", "-", "–", ":", "for", "named", "from"]

    static func names(in text: String) -> [String] {
        // Most entries name no alert; skip splitting them into words. (No non-ASCII letter
        // lower-cases to ASCII "alert", so the ASCII-folded search cannot miss one.)
        guard text.containsText("alert") else { return [] }
        var native = text
        return native.withUTF8(TextFastPaths.alertNames) ?? namesFromWords(in: text)
    }

    /// `names(in:)` on Character words (the general path).
    static func namesFromWords(in text: String) -> [String] {
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

    /// `HighErrorRate`, `High_Error_Budget_Burn`, `api-5xx-rate`: one identifier, with inner
    /// capitals, underscores or dashes; quoted names are taken as written.
    static func looksLikeAlertName(_ name: String, quoted: Bool) -> Bool {
        guard name.count >= 3, let first = name.first, first.isLetter,
              name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "_-.:".contains($0)) }) else { return false }
        if quoted { return true }
        let innerCapital = name.dropFirst().contains { $0.isUppercase } && name.contains { $0.isLowercase }
        return innerCapital || name.contains("_" as Character)
    }
}
