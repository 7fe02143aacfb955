import Foundation
import Markdown

/// Splits a postmortem into sections, recognised by meaning wherever they start: headings at
/// the document's section level (known or not), a known section's heading at any other level
/// (`### Root Cause` under `## Summary` is the root cause), a bold label opening a paragraph or
/// list item (`**Impact:** ...`, `- **Review actions**:`), or, in a plain-text document
/// without such headings, upper-case label lines (`TIMELINE:`).
enum SectionReader {
    private struct Start {
        var heading: String
        var kind: SectionKind?
        var alsoKind: SectionKind? = nil
        var level: Int
        var line: Int
        /// Text after a label on its own line (`TIMELINE: 14:30 - ...`, `**Impact:** 5% of users`).
        var inlineContent: String?
    }

    /// The level given to bold-label sections: deeper than any heading, so a label section
    /// ends at the next label or heading and never ends a heading's section.
    static let labelLevel = 7

    static func read(blocks: [MarkdownNode], lines: DocumentLines, titleLine: Int?, names: SectionNames = .builtIn) -> [Section] {
        var headings: [(level: Int, line: Int, text: String, kind: SectionKind?, also: SectionKind?)] = blocks.compactMap { block in
            guard case .heading(let level) = block.kind, block.line != titleLine else { return nil }
            let text = block.plainText.collapsingWhitespace
            let kinds = names.kinds(of: text)
            return (level, block.line, text, kinds.kind, kinds.also)
        }
        let sectionLevel = headings.first { $0.kind != nil }?.level
            ?? (headings.contains { $0.level == 2 } ? 2 : headings.first?.level ?? 2)
        // A heading that is only a moment (`## 13:20` among `### 13:10` entries) is an entry of
        // the timeline it follows, not the end of it.
        var inTimeline = false
        for index in headings.indices where headings[index].level <= sectionLevel {
            if inTimeline, headings[index].kind == nil, DateReader.leadingDateTime(headings[index].text)?.match.time != nil {
                headings[index].level = sectionLevel + 1
            } else {
                inTimeline = headings[index].kind == .timeline
            }
        }
        var starts: [Start] = []
        var boundaries: [(line: Int, level: Int)] = headings.map { ($0.line, $0.level) }
        for heading in headings where heading.level == sectionLevel || heading.kind != nil {
            starts.append(Start(heading: heading.text, kind: heading.kind, alsoKind: heading.also, level: heading.level, line: heading.line))
        }
        for (label, kind, line, rest) in boldLabels(in: blocks, lines: lines, names: names) {
            starts.append(Start(heading: label, kind: kind, level: labelLevel, line: line, inlineContent: rest))
            boundaries.append((line, labelLevel))
        }
        if !headings.contains(where: { $0.level == sectionLevel && $0.kind != nil }) {
            // A plain-text document: `SUMMARY:` style labels start sections.
            for number in lines.bodyStart...max(lines.bodyStart, lines.lastLine) where !lines.isCode(number) {
                guard let (label, rest) = labelLine(lines[number]) else { continue }
                starts.append(Start(heading: label, kind: names.kind(of: label), level: sectionLevel,
                                    line: number, inlineContent: String(rest)))
                boundaries.append((number, sectionLevel))
            }
        }
        starts.sort { $0.line < $1.line }
        boundaries.sort { $0.line < $1.line }
        let blockList = blocks.filter { $0.line > 0 }
        var boundaryIndex = 0
        return starts.map { start in
            // Boundaries and starts are both in line order, so the search resumes where it left off.
            while boundaryIndex < boundaries.count, boundaries[boundaryIndex].line <= start.line { boundaryIndex += 1 }
            // A heading cmark places past the last line (a lone `\r` ends a line for cmark, not
            // here) still ends at or after itself: every `line...endLine` range is valid.
            var end = max(lines.lastLine, start.line)
            for boundary in boundaries[boundaryIndex...] where boundary.level <= start.level {
                end = boundary.line - 1
                break
            }
            while end > start.line, lines.isBlank(end) { end -= 1 }
            let text = sectionText(start, endLine: end, blocks: blockList, lines: lines)
            var section = Section(heading: start.heading, kind: start.kind, level: start.level, line: start.line, endLine: end, text: text)
            section.alsoKind = start.alsoKind
            return section
        }
    }

    /// The sections of `kind` that are not inside another section of the same kind (a reader
    /// reads a `### Timeline` under `## Timeline` once).
    static func outermost(_ kind: SectionKind, in sections: [Section]) -> [Section] {
        var result: [Section] = []
        for section in sections where section.means(kind) {
            if let last = result.last, last.line <= section.line, section.endLine <= last.endLine { continue }
            result.append(section)
        }
        return result
    }

    /// Paragraphs and top-level list items that open with a bold known section name:
    /// `**Root cause:** ...`, `- **Impact**: ...`, a paragraph that is only `**Timeline**`.
    private static func boldLabels(in blocks: [MarkdownNode], lines: DocumentLines, names: SectionNames)
        -> [(label: String, kind: SectionKind, line: Int, rest: String)] {
        var found: [(String, SectionKind, Int, String)] = []
        func consider(_ paragraph: MarkdownNode) {
            guard paragraph.kind == .paragraph, let first = paragraph.children.first, first.kind == .strong else { return }
            let strong = first.plainText.collapsingWhitespace
            let label = strong.trimmed(" :")
            guard !label.isEmpty, label.count <= 60, let kind = names.kind(of: label, isLabel: true) else { return }
            let after = paragraph.children.dropFirst().first.map(\.plainText) ?? ""
            // `**Impact:**`, `**Impact**:` or the label alone; not `**Impact** of the change was ...`.
            guard strong.hasSuffix(":") || after.hasPrefix(":") || paragraph.children.count == 1
                    || paragraph.children.dropFirst().first?.kind == .softBreak else { return }
            let plain = InlineMarkup.strip(InlineMarkup.dropListMarker(lines[paragraph.line]))
            var rest = plain.hasPrefix(label) ? String(plain.dropFirst(label.count)) : ""
            rest = rest.trimmed(" :")
            found.append((label, kind, paragraph.line, rest))
        }
        for block in blocks {
            switch block.kind {
            case .paragraph: consider(block)
            case .list:
                for item in block.children { if let paragraph = item.children.first { consider(paragraph) } }
            default: continue
            }
        }
        return found
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
                // Positions from cmark are not trusted to be ordered: an empty range adds nothing.
                let first = max(block.line, contentStart), last = min(max(block.endLine, block.line), endLine)
                if first <= last {
                    for number in first...last { parts.append(InlineMarkup.strip(lines[number])) }
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
