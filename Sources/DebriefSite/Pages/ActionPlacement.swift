import Foundation
import DebriefModel
import DebriefAnalytics

/// Where the page shows a postmortem's tracked action items: in place of the source's own list,
/// table or checklist in each action-item section (a heading whose first meaning is action
/// items), so the source's items and the tracked table are one table. Prose in the section that
/// is not an item stays. The body keeps its line numbers: the items' lines are emptied and the
/// first of them carries a placeholder heading (it interrupts any paragraph before it), replaced
/// by the rendered table after the markdown is.
struct ActionPlacement {
    struct Slot {
        var token: String
        var actions: [TrackedAction]
    }

    /// The body without its header lines and the placed items' lines.
    var markdown: String
    var slots: [Slot] = []
    /// Items in no section that could be rewritten (read from a heading line, a section that
    /// also means something else, or a body that contains the placeholder text itself).
    var unplaced: [TrackedAction] = []

    static let tokenPrefix = "DEBRIEFACTIONITEMSSLOT"

    /// The placeholder line and the HTML cmark renders for it.
    static func placeholder(_ token: String) -> (markdown: String, html: String) {
        ("###### " + token, "<h6>" + token + "</h6>")
    }

    init(_ postmortem: Postmortem, actions: [TrackedAction]) {
        let offset = postmortem.bodyLineOffset + 1
        var blank = Set(postmortem.headerLines.map { $0 - offset })
        var replacing: [Int: String] = [:]
        var remaining = actions
        if !actions.isEmpty, postmortem.body.byteOffset(of: Self.tokenPrefix, from: 0, foldingCase: false) == nil {
            let lines = Self.lines(of: postmortem.body)
            var taken: [ClosedRange<Int>] = []
            for section in postmortem.sections where section.kind == .actionItems && !taken.contains(where: { $0.contains(section.line) }) {
                let first = section.line - offset, last = section.endLine - offset
                guard first >= 0, first < last, last < lines.count else { continue }
                let inside = remaining.filter { $0.line > section.line && $0.line <= section.endLine }
                guard !inside.isEmpty, !actions.contains(where: { $0.line == section.line }) else { continue }
                let itemLines = Set(inside.map { $0.line - offset })
                var emptied = Self.itemBlockLines(lines, from: first, to: last, items: itemLines)
                guard let place = emptied.min() else { continue }
                emptied.formUnion(Self.emptySubheadings(lines, from: first + 1, to: last, emptied: emptied))
                let token = Self.tokenPrefix + String(slots.count)
                blank.formUnion(emptied)
                replacing[place] = Self.placeholder(token).markdown
                slots.append(Slot(token: token, actions: inside))
                remaining.removeAll { $0.line > section.line && $0.line <= section.endLine }
                taken.append(section.line...section.endLine)
            }
        }
        unplaced = remaining
        markdown = LineBlanking.blanking(blank, in: postmortem.body, replacing: replacing)
    }

    /// The text's lines. Newlines are found in the UTF-8 bytes: splitting Characters, or the
    /// UTF-8 view through `Collection.split`, was half the cost of placing the items.
    static func lines(of text: String) -> [Substring] {
        var text = text
        let newlines = text.withUTF8 { bytes in bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") } }
        var lines: [Substring] = []
        lines.reserveCapacity(newlines.count + 1)
        var start = text.utf8.startIndex
        for offset in newlines {
            let newline = text.utf8.index(text.utf8.startIndex, offsetBy: offset)
            lines.append(text[start..<newline])
            start = text.utf8.index(after: newline)
        }
        lines.append(text[start...])
        return lines
    }

    static func isBlank(_ line: Substring) -> Bool { line.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" } }

    /// The lines of the blocks (runs of non-blank lines) in `first...last` that hold an item,
    /// with the indented runs that continue them (a loose list's later paragraphs). The heading
    /// line, and a setext underline below it, are never among them.
    static func itemBlockLines(_ lines: [Substring], from first: Int, to last: Int, items: Set<Int>) -> Set<Int> {
        var kept = first
        if first + 1 <= last {
            let next = lines[first + 1].trimmingHorizontalWhitespace()
            if !next.isEmpty, next.allSatisfy({ $0 == "=" }) || next.allSatisfy({ $0 == "-" }) { kept = first + 1 }
        }
        var result = Set<Int>()
        var line = first
        var previousTaken = false
        while line <= last {
            guard !isBlank(lines[line]) else { line += 1; continue }
            var end = line
            while end + 1 <= last, !isBlank(lines[end + 1]) { end += 1 }
            let run = max(line, kept + 1)...max(end, kept + 1)
            let indented = lines[line].first == " " || lines[line].first == "\t"
            let holdsItem = run.contains { items.contains($0) }
            if run.lowerBound <= end, holdsItem || (previousTaken && indented) {
                result.formUnion(run)
                previousTaken = true
            } else {
                previousTaken = false
            }
            line = end + 1
        }
        return result
    }

    /// Heading lines of subsections (`### Done`) whose content is all emptied.
    static func emptySubheadings(_ lines: [Substring], from first: Int, to last: Int, emptied: Set<Int>) -> Set<Int> {
        guard first <= last else { return [] }
        let headings = (first...last).filter { lines[$0].drop { $0 == " " }.hasPrefix("#") && !emptied.contains($0) }
        var result = Set<Int>()
        for (index, heading) in headings.enumerated() {
            let end = index + 1 < headings.count ? headings[index + 1] - 1 : last
            if heading < end, (heading + 1...end).allSatisfy({ emptied.contains($0) || isBlank(lines[$0]) }) { result.insert(heading) }
        }
        return result
    }
}
