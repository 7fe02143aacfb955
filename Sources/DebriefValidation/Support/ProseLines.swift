import DebriefModel

/// One line of a document's markdown with its line number in the file.
struct ProseLine {
    var number: Int
    /// The line with inline code spans blanked out (same length, so columns stay right).
    var text: String
}

/// Markdown lines that hold prose: fenced code blocks are skipped and inline code is blanked,
/// so commands and templates quoted as code never trip text rules.
enum ProseLines {
    static func of(body: String, lineOffset: Int) -> [ProseLine] {
        var result: [ProseLine] = []
        var fence: String?
        // Split on UTF-8 bytes: splitting Characters runs grapheme breaking over every byte.
        for (index, raw) in body.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            let bytes = raw.last == UInt8(ascii: "\r") ? raw.dropLast() : raw
            let line = String(Substring(bytes))
            let trimmed = line.drop { $0 == " " }
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = String(trimmed.prefix(3))
                continue
            }
            result.append(ProseLine(number: lineOffset + index + 1, text: blankingInlineCode(line)))
        }
        return result
    }

    static func of(_ postmortem: Postmortem) -> [ProseLine] {
        of(body: postmortem.body, lineOffset: postmortem.bodyLineOffset)
    }

    private static func blankingInlineCode(_ line: String) -> String {
        guard line.utf8.contains(UInt8(ascii: "`")) else { return line }
        var out = ""
        var inCode = false
        for character in line {
            if character == "`" { inCode.toggle(); out.append(" ") } else { out.append(inCode ? " " : character) }
        }
        return out
    }
}

extension Postmortem {
    /// Line of the first header field named by one of `keys` (case-insensitive).
    func fieldLine(_ keys: String...) -> Int? {
        fields.first { keys.contains($0.key.lowercased().trimmed()) }?.line
    }

    /// Where the document starts to say something: its title line.
    var headerLine: Int { titleLine }
}

extension String {
    /// 1-based column of a character index.
    func column(of index: String.Index) -> Int {
        distance(from: startIndex, to: index) + 1
    }
}
