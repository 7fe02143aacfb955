import Foundation
import Markdown

/// Splits a postmortem into sections: H2 headings (or whichever level the document uses for
/// its known sections), the went-well/went-wrong/got-lucky H3s under them, or, in a plain-text
/// document without headings, upper-case label lines (`TIMELINE:`).
enum SectionReader {
    private struct Start {
        var heading: String
        var kind: SectionKind?
        var level: Int
        var line: Int
        /// Text after the colon of a label line (`TIMELINE: 14:30 - ...`).
        var inlineContent: Substring?
    }

    private static let subsectionKinds: Set<SectionKind> = [.wentWell, .wentWrong, .gotLucky]

    static func read(blocks: [MarkdownNode], lines: DocumentLines, titleLine: Int?) -> [Section] {
        let headings: [(level: Int, line: Int, text: String, kind: SectionKind?)] = blocks.compactMap { block in
            guard case .heading(let level) = block.kind, block.line != titleLine else { return nil }
            let text = block.plainText.collapsingWhitespace
            return (level, block.line, text, SectionKind.matching(heading: text))
        }
        let sectionLevel = headings.first { $0.kind != nil }?.level
            ?? (headings.contains { $0.level == 2 } ? 2 : headings.first?.level ?? 2)
        var starts: [Start] = []
        var boundaries: [(line: Int, level: Int)] = headings.map { ($0.line, $0.level) }
        for heading in headings {
            let kind = heading.kind
            if heading.level == sectionLevel {
                starts.append(Start(heading: heading.text, kind: kind, level: heading.level, line: heading.line))
            } else if heading.level > sectionLevel, let kind, subsectionKinds.contains(kind) {
                starts.append(Start(heading: heading.text, kind: kind, level: heading.level, line: heading.line))
            }
        }
        if !headings.contains(where: { $0.level == sectionLevel && $0.kind != nil }) {
            // A plain-text document: `SUMMARY:` style labels start sections.
            for number in lines.bodyStart...max(lines.bodyStart, lines.lastLine) where !lines.isCode(number) {
                guard let (label, rest) = labelLine(lines[number]) else { continue }
                starts.append(Start(heading: label, kind: SectionKind.matching(heading: label), level: sectionLevel,
                                    line: number, inlineContent: rest))
                boundaries.append((number, sectionLevel))
            }
            starts.sort { $0.line < $1.line }
            boundaries.sort { $0.line < $1.line }
        }
        let blockList = blocks.filter { $0.line > 0 }
        var boundaryIndex = 0
        return starts.map { start in
            // Boundaries and starts are both in line order, so the search resumes where it left off.
            while boundaryIndex < boundaries.count, boundaries[boundaryIndex].line <= start.line { boundaryIndex += 1 }
            var end = lines.lastLine
            for boundary in boundaries[boundaryIndex...] where boundary.level <= start.level {
                end = boundary.line - 1
                break
            }
            while end > start.line, lines.isBlank(end) { end -= 1 }
            let text = sectionText(start, endLine: end, blocks: blockList, lines: lines)
            return Section(heading: start.heading, kind: start.kind, level: start.level, line: start.line, endLine: end, text: text)
        }
    }

    /// Plain text of the blocks after the heading up to `endLine`; a block cut by a label line
    /// contributes its raw lines instead.
    private static func sectionText(_ start: Start, endLine: Int, blocks: [MarkdownNode], lines: DocumentLines) -> String {
        var parts: [String] = []
        if let inline = start.inlineContent, !inline.allSatisfy(\.isWhitespace) {
            parts.append(InlineMarkup.strip(inline))
        }
        let contentStart = start.line + 1
        guard contentStart <= endLine else { return parts.joined(separator: "\n") }
        var index = firstBlock(endingAtOrAfter: contentStart, in: blocks)
        while index < blocks.count, blocks[index].line <= endLine {
            let block = blocks[index]
            // cmark may end a block on the blank line after it; that still counts as inside.
            let lastLine = min(max(block.endLine, block.line), lines.lastLine)
            if block.line >= contentStart, lastLine <= endLine || ((endLine + 1)...lastLine).allSatisfy(lines.isBlank) {
                parts.append(block.plainText)
            } else {
                for number in max(block.line, contentStart)...min(max(block.endLine, block.line), endLine) {
                    parts.append(InlineMarkup.strip(lines[number]))
                }
            }
            index += 1
        }
        return parts.filter { !$0.isEmpty }.joined(separator: "\n")
    }

    /// The top-level blocks (in line order) that share a line with `section`, found by
    /// binary search so that many sections over many blocks stay linear.
    static func blocks(overlapping section: Section, in blocks: [MarkdownNode]) -> ArraySlice<MarkdownNode> {
        let low = firstBlock(endingAtOrAfter: section.line, in: blocks)
        var end = low
        while end < blocks.count, blocks[end].line <= section.endLine { end += 1 }
        return blocks[low..<end]
    }

    private static func firstBlock(endingAtOrAfter line: Int, in blocks: [MarkdownNode]) -> Int {
        var low = 0, high = blocks.count
        while low < high {
            let mid = (low + high) / 2
            if max(blocks[mid].endLine, blocks[mid].line) < line { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// An upper-case label at the start of a line: `ROOT CAUSE:` or `TIMELINE: 14:30 - ...`.
    /// Header keys (`DATE:`, `SEVERITY:`, `POSTMORTEM:`) are fields, not sections.
    static func labelLine(_ line: Substring) -> (label: String, rest: Substring)? {
        guard let first = line.first, first.isASCII, first.isUppercase, let colon = line.firstIndex(ofASCII: UInt8(ascii: ":")) else { return nil }
        let label = line[..<colon]
        guard label.count <= 40 else { return nil }
        var letters = 0
        for character in label {
            if character.isLetter {
                guard character.isUppercase else { return nil }
                letters += 1
            } else if !" &/'-()".contains(character) {
                return nil
            }
        }
        guard letters >= 3, HeaderFields.Key(spelling: label) == nil else { return nil }
        let rest = line[line.index(after: colon)...]
        if rest.hasPrefix("//") { return nil }
        return (String(label), rest)
    }
}
