/// Empties whole lines of a text, keeping their line breaks (pages drop the title and header
/// lines they show as metadata, and the rest keeps its line numbers).
enum LineBlanking {
    /// `text` split on `"\n"` characters, the lines at `indices` (0-based) emptied, joined again.
    static func blanking(_ indices: Set<Int>, in text: String) -> String {
        guard !indices.isEmpty else { return text }
        // Without a CR, the "\n" characters are exactly the LF bytes (CRLF is one Character),
        // so the text can be copied byte by byte instead of split into Substrings.
        guard !text.utf8.contains(UInt8(ascii: "\r")) else { return blankingCharacters(indices, in: text) }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var line = 0
        var blank = indices.contains(0)
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n") {
                out.append(byte)
                line += 1
                blank = indices.contains(line)
            } else if !blank {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func blankingCharacters(_ indices: Set<Int>, in text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for index in indices where lines.indices.contains(index) { lines[index] = "" }
        return lines.joined(separator: "\n")
    }
}
