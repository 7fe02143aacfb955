import DebriefModel

/// Empties whole lines of a text, keeping their line breaks (pages drop the title and header
/// lines they show as metadata, and the rest keeps its line numbers).
enum LineBlanking {
    /// `text` split on `"\n"` characters, the lines at `indices` (0-based) emptied and those in
    /// `replacing` replaced by their text (one line each, so line numbers hold), joined again.
    static func blanking(_ indices: Set<Int>, in text: String, replacing: [Int: String] = [:]) -> String {
        guard !indices.isEmpty || !replacing.isEmpty else { return text }
        if let fast = TextFastPaths.blankingLines(indices, in: text, replacing: replacing) { return fast }
        return blankingCharacters(indices, in: text, replacing: replacing)
    }

    static func blankingCharacters(_ indices: Set<Int>, in text: String, replacing: [Int: String]) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for index in indices where lines.indices.contains(index) { lines[index] = "" }
        for (index, replacement) in replacing where lines.indices.contains(index) { lines[index] = Substring(replacement) }
        return lines.joined(separator: "\n")
    }
}
