import Foundation
import Markdown

/// Reads timeline entries from a postmortem's timeline sections, in every shape SPEC section 3
/// lists: `- **14:00** - text` and `- 14:00 - text` list items, `14:32 - text` lines (several
/// may share a line), `| Time | Event |` tables and `### 2018-03-26 10:34` headings followed by
/// paragraphs. Then places each entry on the calendar.
struct TimelineReader {
    let lines: DocumentLines
    /// Top-level blocks of the document in line order.
    let blocks: [MarkdownNode]
    let incidentDate: Day?
    /// Seconds from UTC of the document's timeline.
    let timezoneOffset: Int
    /// A region zone (`US/Pacific`): each entry's offset then follows daylight saving.
    var region: TimeZone? = nil

    /// An entry before it is placed on the calendar; `match.time == nil` marks a date heading
    /// that sets the day for the entries after it.
    private struct RawEntry {
        var match: DateTimeMatch
        var rawTime: String
        var text: String
        var line: Int
    }

    /// A dateless time that goes backwards by at least this much starts the next day.
    static let rolloverThreshold = 6 * 3600

    /// The entries, and the first day the timeline writes out (a date heading or a dated
    /// entry): the incident's date when no header gives it.
    func read(sections: [Section]) -> (entries: [TimelineEntry], firstDay: Day?) {
        var raw: [RawEntry] = []
        for section in SectionReader.outermost(.timeline, in: sections) {
            read(section: section, into: &raw)
        }
        raw.sort { $0.line < $1.line }
        return (place(raw), raw.lazy.compactMap(\.match.day).first)
    }

    /// A date or time at the start of `text`; a date without a year goes in the year nearest
    /// the incident date.
    private func leadingDateTime(_ text: some StringProtocol) -> (match: DateTimeMatch, raw: String, remainder: String)? {
        guard var found = DateReader.leadingDateTime(text) else { return nil }
        if found.match.day == nil { found.match.day = DateReader.resolveNearest(found.match, reference: incidentDate) }
        return found
    }

    /// A time in a closing parenthetical: `**Fix deployed** (24 August ~18:30 UTC)`, the
    /// event named first. Only a time makes the entry: `(see #123)` and `(2019)` do not.
    private func trailingDateTime(_ text: String) -> (match: DateTimeMatch, raw: String, remainder: String)? {
        guard text.hasSuffix(")"), let open = text.lastIndex(of: "("), open > text.startIndex else { return nil }
        let inside = text[text.index(after: open)..<text.index(before: text.endIndex)]
        guard let (match, rawTime, _) = leadingDateTime(inside), match.time != nil else { return nil }
        return (match, rawTime, text[..<open].trimmingCharacters(in: .whitespaces))
    }

    // MARK: Shapes

    private func read(section: Section, into raw: inout [RawEntry]) {
        let labelRest = lines[section.line].hasPrefix("#") ? nil : SectionReader.labelLine(lines[section.line])?.rest
        var openHeadingEntry: Int?
        for block in SectionReader.blocks(overlapping: section, in: blocks) {
            if case .heading = block.kind {
                openHeadingEntry = nil
                guard block.line != section.line else { continue }
                let text = block.plainText.collapsingWhitespace
                if let (match, rawTime, rest) = leadingDateTime(text) {
                    raw.append(RawEntry(match: match, rawTime: rawTime, text: rest, line: block.line))
                    if match.time != nil { openHeadingEntry = raw.count - 1 }
                }
                continue
            }
            if let open = openHeadingEntry {
                // Everything under a time heading is that entry's text.
                let text = block.plainText.collapsingWhitespace
                raw[open].text += raw[open].text.isEmpty ? text : " " + text
                continue
            }
            switch block.kind {
            case .table:
                readTable(block, into: &raw)
            case .list:
                readList(block, lines: section.line...section.endLine, into: &raw)
            case .paragraph:
                let first = max(block.line, section.line)
                let last = min(max(block.endLine, block.line), section.endLine)
                guard first <= last else { continue }
                readLines(first...last, labelLine: labelRest == nil ? nil : section.line, labelRest: labelRest, into: &raw)
            default:
                continue
            }
        }
    }

    /// List items that start with a time; items that do not may hold a nested list that does.
    private func readList(_ list: MarkdownNode, lines range: ClosedRange<Int>, into raw: inout [RawEntry]) {
        // A bold-label section (`- **Timeline**:`) holds only some items of its list.
        for item in list.children where range.contains(item.line) {
            let text = item.plainText.collapsingWhitespace
            if let (match, rawTime, rest) = leadingDateTime(text) ?? trailingDateTime(text) {
                raw.append(RawEntry(match: match, rawTime: rawTime, text: rest, line: item.line))
                if match.time != nil { continue }
            }
            for child in item.children where child.kind == .list(ordered: false) || child.kind == .list(ordered: true) {
                readList(child, lines: range, into: &raw)
            }
        }
    }

    /// `14:32 - text` lines of a paragraph; lines that do not start with a time continue the
    /// entry before them, and one line may hold several entries (`14:30 - a 14:32 - b`).
    private func readLines(_ range: ClosedRange<Int>, labelLine: Int?, labelRest: Substring?, into raw: inout [RawEntry]) {
        var current: Int?
        for number in range where !lines.isCode(number) {
            let source = number == labelLine ? (labelRest ?? "") : lines[number]
            if source.utf8.first(where: { $0 != UInt8(ascii: " ") }) == UInt8(ascii: "|") {
                // A table row without a header row is a paragraph to cmark: `| Jan 18 11:30 | text |`.
                let cells = Self.cells(of: source).filter { !$0.isEmpty }
                if let first = cells.first, let (match, rawTime, rest) = leadingDateTime(first) {
                    let text = ([rest] + cells.dropFirst()).filter { !$0.isEmpty }.joined(separator: " — ")
                    raw.append(RawEntry(match: match, rawTime: rawTime, text: text, line: number))
                    current = raw.count - 1
                }
                continue
            }
            let plain = InlineMarkup.strip(InlineMarkup.dropListMarker(source))
            if plain.isEmpty { continue }
            var pieces = Self.splitAtTimes(plain)
            if let head = pieces.first, case let found = leadingDateTime(head), found?.match.time == nil {
                if let found, found.match.day != nil {
                    // `10/14/2022 - text`: an all-day entry; a date alone (`_7/5/2023_`) sets the day.
                    raw.append(RawEntry(match: found.match, rawTime: found.raw, text: found.remainder, line: number))
                    current = found.remainder.isEmpty ? nil : raw.count - 1
                } else if let current {
                    raw[current].text += raw[current].text.isEmpty ? head : " " + head
                }
                pieces.removeFirst()
            }
            for piece in pieces {
                guard let (match, rawTime, rest) = leadingDateTime(piece) else { continue }
                raw.append(RawEntry(match: match, rawTime: rawTime, text: rest, line: number))
                current = raw.count - 1
            }
        }
    }

    /// Cuts a line before each `HH:MM -` that follows a space, so a one-line timeline becomes
    /// one piece per entry.
    static func splitAtTimes(_ text: String) -> [String] {
        let tokens = DateTokens(text)
        var cuts: [Int] = [0]
        for (index, token) in tokens.tokens.enumerated() where token.kind == .number && token.start > 0 {
            guard DateTokens.isSpace(tokens.scalars[token.start - 1]), let time = tokens.time(at: index),
                  let dash = tokens.index(startingAt: time.end), dash < tokens.tokens.count,
                  ["-", "–", "—"].contains(tokens.tokens[dash].text),
                  tokens.tokens[dash].start > time.end, // `14:30 - `, not a range `14:30-15:00`
                  tokens.time(at: dash + 1) == nil else { continue }
            cuts.append(token.start)
        }
        cuts.append(tokens.scalars.count)
        var pieces: [String] = []
        for (from, to) in zip(cuts, cuts.dropFirst()) where from < to {
            let piece = DateTokens.string(tokens.scalars[from..<to]).trimmed()
            if !piece.isEmpty { pieces.append(piece) }
        }
        return pieces
    }

    /// A `| Time | Event |` table. Rows are read from their source line, so a row with extra
    /// `| time | event |` pairs beyond the header gives one entry per pair.
    private func readTable(_ table: MarkdownNode, into raw: inout [RawEntry]) {
        guard let header = table.children.first else { return }
        let names = header.children.map { $0.plainText.lowercased() }
        let timeWords = ["time", "when", "timestamp", "date", "hour"]
        let eventWords = ["event", "what", "description", "detail", "action", "update", "note", "activity", "happened"]
        var timeColumn = names.firstIndex { name in timeWords.contains { name.containsText($0) } }
        var rows = table.children.dropFirst()
        if timeColumn == nil, let first = header.children.first, DateReader.leadingDateTime(first.plainText)?.match.time != nil {
            // The first row is an entry, not a header.
            rows = table.children[...]
        }
        if timeColumn == nil, let firstRow = rows.first, let cell = firstRow.children.first,
           DateReader.leadingDateTime(cell.plainText)?.match.time != nil {
            timeColumn = 0
        }
        guard let timeColumn else { return }
        // `| Day | Date (2022) | Time (PST) | Event |`: the moment is spread over several columns,
        // the year perhaps only in a header.
        let momentColumns = names.indices.filter { column in column == timeColumn || (column > timeColumn && timeWords.contains { names[column].containsText($0) }) }
        let weekdayColumns = names.indices.filter { ["day", "weekday", "day of week"].contains(names[$0].trimmed()) }
        let headerYear = momentColumns.lazy.compactMap { DateReader.year(in: names[$0]) }.first
        var eventColumns = names.indices.filter { column in !momentColumns.contains(column) && eventWords.contains { names[column].containsText($0) } }
        if eventColumns.isEmpty { eventColumns = names.indices.filter { !momentColumns.contains($0) && !weekdayColumns.contains($0) } }
        for row in rows {
            let cells = Self.cells(of: lines[row.line])
            guard timeColumn < cells.count else { continue }
            let text = eventColumns.filter { $0 < cells.count }.map { cells[$0] }.filter { !$0.isEmpty }.joined(separator: " — ")
            var moment = cells[timeColumn]
            if momentColumns.count > 1 {
                let parts = momentColumns.filter { $0 < cells.count }.map { cells[$0] }
                moment = parts.joined(separator: " ")
                if let headerYear, DateReader.year(in: parts[0]) == nil { moment = parts[0] + " \(headerYear) " + parts.dropFirst().joined(separator: " ") }
            }
            if let (match, rawTime, rest) = leadingDateTime(moment) {
                let combined = [rest, text].filter { !$0.isEmpty }.joined(separator: " ")
                raw.append(RawEntry(match: match, rawTime: rawTime, text: combined, line: row.line))
            }
            var extra = names.count
            while extra + 1 < cells.count {
                if let (match, rawTime, _) = leadingDateTime(cells[extra]), match.time != nil {
                    raw.append(RawEntry(match: match, rawTime: rawTime, text: cells[extra + 1], line: row.line))
                }
                extra += 2
            }
        }
    }

    /// Cells of one table row line, markup stripped (`\|` stays inside a cell).
    static func cells(of line: Substring) -> [String] {
        let body = line.trimmed()[...]
        return TextFastPaths.tableCells(body) ?? cellsCharacters(body)
    }

    /// `cells` of a trimmed row, on Characters (the general path).
    static func cellsCharacters(_ row: Substring) -> [String] {
        var body = row
        if body.hasPrefix("|") { body = body.dropFirst() }
        if body.hasSuffix("|"), !body.hasSuffix("\\|") { body = body.dropLast() }
        var cells: [String] = []
        var current = ""
        var previous: Character = " "
        for character in body {
            if character == "|", previous != "\\" {
                cells.append(InlineMarkup.strip(current))
                current = ""
            } else {
                current.append(character)
            }
            previous = character
        }
        cells.append(InlineMarkup.strip(current))
        return cells
    }

    // MARK: Calendar

    /// Gives each entry its moment: explicit dates as written, dateless times on the incident
    /// date (or the last explicit date), moving to the next day when the clock goes backwards
    /// by many hours. A 12-hour clock just past noon (`12:59` then `1:05`) reads as afternoon.
    private func place(_ raw: [RawEntry]) -> [TimelineEntry] {
        var entries: [TimelineEntry] = []
        entries.reserveCapacity(raw.count)
        var currentDay = incidentDate
        var currentZone = timezoneOffset
        var previous: Int?
        for entry in raw {
            if let day = entry.match.day {
                currentDay = day
                previous = nil
            }
            guard let clock = entry.match.time else {
                // A date with text is an all-day entry: it orders the timeline, has no moment.
                if !entry.text.isEmpty { entries.append(TimelineEntry(time: nil, rawTime: entry.rawTime, text: entry.text, line: entry.line)) }
                continue
            }
            var seconds = clock.secondsIntoDay
            if entry.match.day == nil, let last = previous, seconds < last {
                let afternoon = seconds + 12 * 3600
                if !clock.hasMeridiem, clock.hour < 12, last >= 12 * 3600, afternoon >= last, afternoon - last <= 2 * 3600 {
                    seconds = afternoon
                } else if last - seconds >= Self.rolloverThreshold {
                    currentDay = currentDay?.adding(days: 1)
                }
            }
            previous = seconds
            // A zone written on one entry (`16:22 PST`) holds for the entries after it.
            if let zone = entry.match.zoneOffset { currentZone = zone }
            var offset = currentZone
            if let region, entry.match.zoneOffset == nil, currentZone == timezoneOffset, let day = currentDay {
                offset = region.secondsFromGMT(for: day.date.addingTimeInterval(TimeInterval(seconds - region.secondsFromGMT(for: day.date))))
            }
            let time = currentDay.map { $0.date.addingTimeInterval(TimeInterval(seconds - offset)) }
            entries.append(TimelineEntry(time: time, rawTime: entry.rawTime, text: entry.text, line: entry.line))
        }
        return entries
    }
}
