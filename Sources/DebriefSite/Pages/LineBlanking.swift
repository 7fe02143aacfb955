/// Empties whole lines of a text, keeping their line breaks (pages drop the title and header
/// lines they show as metadata, and the rest keeps its line numbers).
enum LineBlanking {
    /// `text` split on `"\n"` characters, the lines at `indices` (0-based) emptied and those in
    /// `replacing` replaced by their text (one line each, so line numbers hold), joined again.
    static func blanking(_ indices: Set<Int>, in text: String, replacing: [Int: String] = [:]) -> String {
        guard !indices.isEmpty || !replacing.isEmpty else { return text }
        // Without a CR, the "\n" characters are exactly the LF bytes (CRLF is one Character),
        // so the text can be copied byte by byte instead of split into Substrings.
        guard !text.containsByte(UInt8(ascii: "\r")) else { return blankingCharacters(indices, in: text, replacing: replacing) }
        let blanked: String? = text.utf8.withContiguousStorageIfAvailable { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var start = 0
            var line = 0
            while true {
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
                if let replacement = replacing[line] {
                    out.append(contentsOf: replacement.utf8)
                } else if !indices.contains(line) {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
                }
                guard end < bytes.count else { break }
                out.append(UInt8(ascii: "\n"))
                start = end + 1
                line += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
        return blanked ?? blankingCharacters(indices, in: text, replacing: replacing)
    }

    private static func blankingCharacters(_ indices: Set<Int>, in text: String, replacing: [Int: String]) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for index in indices where lines.indices.contains(index) { lines[index] = "" }
        for (index, replacement) in replacing where lines.indices.contains(index) { lines[index] = Substring(replacement) }
        return lines.joined(separator: "\n")
    }
}
