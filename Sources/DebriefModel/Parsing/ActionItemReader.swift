import Foundation
import Markdown

/// Reads action items from a postmortem's action-item sections: tables with an action/item
/// column (and optional owner, due, status, priority and ID columns), checklists
/// (`- [ ] text Owner: Bob, Due: March 22`), `[ ] text` lines of plain documents, and plain
/// list items.
struct ActionItemReader {
    let lines: DocumentLines
    let blocks: [MarkdownNode]
    /// Due dates without a year are placed relative to this date.
    let incidentDate: Day?

    func read(sections: [Section]) -> [ActionItem] {
        var items: [ActionItem] = []
        for section in SectionReader.outermost(.actionItems, in: sections) {
            let start = items.count
            let sectionBlocks = SectionReader.blocks(overlapping: section, in: blocks)
            defer {
                // `## Immediate actions taken`, `### Patches done`: every item under it is done.
                let headings = sectionBlocks.filter {
                    if case .heading = $0.kind { return $0.line > section.line } else { return false }
                }
                for index in start..<items.count where items[index].status == .open {
                    let heading = headings.last { $0.line < items[index].line }.map(\.plainText) ?? section.heading
                    if Self.isCompletedActions(heading) { items[index].status = .done }
                }
            }
            let labelRest = lines[section.line].hasPrefix("#") ? nil : SectionReader.labelLine(lines[section.line])?.rest
            // `Our provider is taking the following actions:` owns the list after it.
            var leadOwner: String?
            for block in sectionBlocks {
                let before = items.count
                switch block.kind {
                case .table: readTable(block, into: &items)
                case .list: readList(block, lines: section.line...section.endLine, into: &items)
                case .paragraph:
                    let first = max(block.line, section.line), last = min(max(block.endLine, block.line), section.endLine)
                    guard first <= last else { continue }
                    readChecklistLines(first...last, labelLine: labelRest == nil ? nil : section.line, labelRest: labelRest, into: &items)
                    if items.count == before, block.line > section.line { readLineItems(first...last, into: &items) }
                default: continue
                }
                if let leadOwner { for index in before..<items.count where items[index].owner == nil { items[index].owner = leadOwner } }
                leadOwner = block.kind == .paragraph && items.count == before ? Self.groupOwner(block.plainText) : nil
            }
            if items.count == start { readProseItems(sectionBlocks, of: section, into: &items) }
            // `## What is our provider doing to prevent recurrence?` names who does the items.
            if let owner = Self.headingOwner(section.heading) {
                for index in start..<items.count where items[index].owner == nil { items[index].owner = owner }
            }
        }
        return items
    }

    /// A follow-up section written as prose, with no list, table or checklist: each paragraph
    /// that plans work (`A new decommissioning process will be created ...`) is an item. A
    /// paragraph that tells what was done or how the fix works describes it, and is not one.
    private func readProseItems(_ sectionBlocks: ArraySlice<MarkdownNode>, of section: Section, into items: inout [ActionItem]) {
        for block in sectionBlocks where block.kind == .paragraph && block.line > section.line {
            let text = block.plainText.collapsingWhitespace
            guard let meaningful = Self.meaningful(text), meaningful.split(separator: " ").count >= Self.minimumProseItemWords,
                  Self.isWordedAsPlanned(meaningful) else { continue }
            var item = ActionItem(text: meaningful, line: block.line)
            item.owner = Self.subjectOwner(meaningful)
            items.append(item)
        }
    }

    /// Wording that plans work: `will`, `planned`, `should`, `need to`, `continuing to`, `next`.
    static func isWordedAsPlanned(_ text: String) -> Bool {
        Words.of(text).contains { plannedWords.contains($0) }
    }

    private static let plannedWords: Set<String> = ["will", "plan", "plans", "planned", "planning", "should", "must", "need", "needs",
                                                    "going", "continue", "continues", "continuing", "intend", "intends", "next",
                                                    "future", "consider", "considering", "evaluate", "evaluating", "explore", "exploring", "aim", "aims"]

    /// Fewer words than this make a remark (`See below.`), not an item.
    static let minimumProseItemWords = 5

    // MARK: Tables

    private enum Column { case text, owner, due, status, priority, id }

    private static func column(named header: String) -> Column? {
        let name = header.lowercased().trimmed()
        switch name {
        case "id", "#", "no", "no.", "ticket", "issue", "jira", "key", "ref": return .id
        case "owner", "owners", "assignee", "assigned to", "who", "responsible", "dri", "team", "owner/team": return .owner
        case "due", "due date", "deadline", "target", "target date", "eta", "by", "when", "date": return .due
        case "status", "state", "done?", "progress": return .status
        case "priority", "pri", "prio", "p", "severity": return .priority
        case "action", "action item", "action items", "item", "items", "task", "tasks", "description", "what",
             "follow-up", "followup", "remediation", "todo", "to do", "summary", "title": return .text
        default:
            if name.containsText("action") || name.containsText("task") || name.containsText("item") { return .text }
            if name.containsText("owner") { return .owner }
            if name.containsText("due") || name.containsText("deadline") { return .due }
            return nil
        }
    }

    private func readTable(_ table: MarkdownNode, into items: inout [ActionItem]) {
        guard let header = table.children.first else { return }
        var columns = header.children.map { Self.column(named: $0.plainText) }
        if !columns.contains(where: { $0 == .text }) {
            // An unnamed first column is the action when the table clearly tracks work.
            guard columns.contains(where: { $0 == .owner || $0 == .due || $0 == .status }),
                  let free = columns.firstIndex(where: { $0 == nil }) else { return }
            columns[free] = .text
        }
        for row in table.children.dropFirst() {
            var item = ActionItem(text: "", line: row.line)
            var statusText: String?
            for (index, cell) in row.children.enumerated() where index < columns.count {
                let text = cell.plainText.collapsingWhitespace
                let links = Self.links(in: cell)
                switch columns[index] {
                case .text?:
                    item.text = text
                    if item.link == nil { item.link = Self.trackingLink(links) }
                case .owner?: item.owner = Self.meaningful(text)
                case .due?: item.rawDue = Self.meaningful(text)
                case .status?: statusText = text
                case .priority?: item.priority = Self.meaningful(text)
                case .id?:
                    item.id = Self.meaningful(text)
                    if let link = Self.trackingLink(links) ?? links.first { item.link = link }
                case nil: break
                }
            }
            guard !item.text.isEmpty else { continue }
            apply(inlineFields: &item)
            // The row's text only when the status column says nothing (an emoji anywhere in the row).
            item.status = statusText.flatMap(Self.status(from:)) ?? Self.emojiStatus(in: row.plainText) ?? .open
            item.due = item.rawDue.flatMap { DateReader.day(in: $0, reference: incidentDate) }
            items.append(item)
        }
    }

    // MARK: Lists and lines

    private func readList(_ list: MarkdownNode, lines range: ClosedRange<Int>, into items: inout [ActionItem]) {
        // A bold-label section (`- **Review actions**:`) holds only some items of its list.
        for node in list.children where range.contains(node.line) {
            guard case .item(let task) = node.kind else { continue }
            let paragraphs = node.children.filter { !isList($0) }
            let nested = node.children.filter(isList)
            let text = paragraphs.map(\.plainText).joined(separator: " ").collapsingWhitespace
            // `- Process improvements:` over a nested list is a group heading, not an item;
            // `- On the provider's side:` also names the owner of the items under it.
            if task == nil, !nested.isEmpty, text.hasSuffix(":") || text.split(separator: " ").count <= 3 {
                let start = items.count
                for child in nested { readList(child, lines: range, into: &items) }
                if let owner = Self.groupOwner(text) {
                    for index in start..<items.count where items[index].owner == nil { items[index].owner = owner }
                }
                continue
            }
            guard !text.isEmpty else { continue }
            var item = ActionItem(text: text, line: node.line)
            item.link = Self.trackingLink(paragraphs.flatMap(Self.links(in:)))
            if let task { item.status = task ? .done : .open }
            apply(inlineFields: &item)
            if task == nil, item.status == .open, Self.isWordedAsDone(item.text) { item.status = .done }
            if item.owner == nil { item.owner = Self.subjectOwner(item.text) ?? Self.parentheticalOwner(item.text) }
            // Sub-items that are only addresses (`- https://github.com/org/repo/pull/2935`) are the
            // action's references; other sub-items are actions of their own.
            let references = nested.filter { $0.children.allSatisfy(Self.isOnlyAddress) }
            if item.link == nil {
                let urls = references.flatMap { $0.children.map { $0.plainText.trimmed() } }
                item.link = Self.trackingLink(urls) ?? urls.first
            }
            items.append(item)
            for child in nested where !references.contains(child) { readList(child, lines: range, into: &items) }
        }
    }

    private func isList(_ node: MarkdownNode) -> Bool {
        if case .list = node.kind { return true }
        return false
    }

    /// `[ ] text Owner: Bob, Due: March 22` lines (plain documents); one line may hold several.
    private func readChecklistLines(_ range: ClosedRange<Int>, labelLine: Int?, labelRest: Substring?, into items: inout [ActionItem]) {
        for number in range where !lines.isCode(number) {
            let source = number == labelLine ? (labelRest ?? "") : lines[number]
            for (done, text) in Self.splitCheckboxes(InlineMarkup.strip(source)) {
                items.append(lineItem(text, status: done ? .done : .open, line: number))
            }
        }
    }

    /// A paragraph of two or more short lines, each starting with a capital letter, is a list
    /// written without markers: one item a line (one line alone is as likely a sentence).
    /// Wrapped prose continues in lower case, unwrapped prose runs longer than an item, and a
    /// lead-in ends with a colon.
    static let lineItemLength = 200

    private func readLineItems(_ range: ClosedRange<Int>, into items: inout [ActionItem]) {
        let numbers = range.filter { !lines.isCode($0) && !lines.isBlank($0) }
        let texts = numbers.map { InlineMarkup.strip(lines[$0]) }
        guard texts.count >= 2, texts.allSatisfy({ $0.first?.isUppercase == true && $0.count <= Self.lineItemLength && !$0.hasSuffix(":") }) else { return }
        for (number, text) in zip(numbers, texts) {
            var item = lineItem(text, line: number)
            if Self.isWordedAsDone(item.text) { item.status = .done }
            items.append(item)
        }
    }

    /// An item written on one line of text: its tracking link and inline fields read.
    private func lineItem(_ text: String, status: ActionItem.Status = .open, line: Int) -> ActionItem {
        var item = ActionItem(text: text, status: status, line: line)
        if let url = Self.firstURL(in: text), Self.isTrackingURL(url) { item.link = url }
        apply(inlineFields: &item)
        return item
    }

    /// Splits text at each `[ ]` / `[x]` / `☐` / `☑` box; text before the first box is not an item.
    static func splitCheckboxes(_ text: String) -> [(done: Bool, text: String)] {
        let boxes: [(String, Bool)] = [("[ ]", false), ("[x]", true), ("[X]", true), ("☐", false), ("□", false), ("☑", true), ("☒", true)]
        var result: [(Bool, String)] = []
        var rest = text[...]
        var pending: Bool?
        while !rest.isEmpty {
            var nearest: (Range<Substring.Index>, Bool)?
            for (box, done) in boxes {
                if let range = Self.range(of: box, in: rest), nearest == nil || range.lowerBound < nearest!.0.lowerBound { nearest = (range, done) }
            }
            let end = nearest?.0.lowerBound ?? rest.endIndex
            if let done = pending {
                let piece = rest[..<end].trimmed()
                if !piece.isEmpty { result.append((done, piece)) }
            }
            guard let (range, done) = nearest else { break }
            pending = done
            rest = rest[range.upperBound...]
        }
        return result
    }

    private static func range(of needle: String, in text: Substring) -> Range<Substring.Index>? {
        guard let offset = text.byteOffset(of: needle, from: 0) else { return nil }
        let lower = text.utf8.index(text.utf8.startIndex, offsetBy: offset)
        return lower..<text.utf8.index(lower, offsetBy: needle.utf8.count)
    }

    // MARK: Inline fields

    /// Inline field keys with their colon (`owner:`), and the column each fills.
    private static let inlineKeys: [(String, Column)] = [
        ("owner", .owner), ("owners", .owner), ("assignee", .owner), ("assigned to", .owner), ("who", .owner),
        ("due", .due), ("due date", .due), ("deadline", .due), ("by", .due), ("eta", .due),
        ("status", .status), ("priority", .priority), ("ticket", .id), ("issue", .id), ("tracking", .id),
    ].map { key, column in (key + ":", column) }
    private static let inlineKeySet = KeywordSet(inlineKeys.map(\.0))

    /// Pulls `Owner: Bob, Due: March 22` (also in parentheses), emoji status and a trailing
    /// `@handle` out of the item's text.
    private func apply(inlineFields item: inout ActionItem) {
        var text = item.text
        let keylessDue = Self.keylessDue(in: text)
        if let emoji = Self.emojiStatus(in: text) {
            item.status = emoji
            text = Self.removingStatusEmoji(text)
        }
        var found: [(key: Range<String.Index>, column: Column)] = []
        // One pass tells which keys occur (none, without a colon); only those are searched for.
        let present = text.containsByte(UInt8(ascii: ":")) ? Self.inlineKeySet.occurring(in: text) : 0
        for (index, (key, column)) in Self.inlineKeys.enumerated() where present & (1 << UInt64(index)) != 0 {
            var from = 0
            while let range = text.textRange(of: key, fromByte: from) {
                if !(text.unicodeScalars[..<range.lowerBound].last?.properties.isAlphabetic ?? false) { found.append((range, column)) }
                from = text.utf8.distance(from: text.utf8.startIndex, to: range.upperBound)
            }
        }
        // In text order, a key inside an earlier one's span is not a key: one sweep, not a
        // comparison of every match with all earlier ones (a 4 MB cell took 21 s).
        found.sort { ($0.key.lowerBound, $1.key.upperBound) < ($1.key.lowerBound, $0.key.upperBound) }
        var end = text.startIndex
        found = found.filter { entry in
            defer { end = max(end, entry.key.upperBound) }
            return entry.key.lowerBound >= end
        }
        for (index, entry) in found.enumerated() {
            let end = index + 1 < found.count ? found[index + 1].key.lowerBound : text.endIndex
            let value = Self.firstField(of: text[entry.key.upperBound..<end]).trimmed(" ,;)(\t")
            guard !value.isEmpty else { continue }
            switch entry.column {
            case .owner: if item.owner == nil { item.owner = value }
            case .due: if item.rawDue == nil { item.rawDue = value }
            case .status: if let status = Self.status(from: value) { item.status = status }
            case .priority: if item.priority == nil { item.priority = value }
            case .id: if item.id == nil { item.id = value }
            case .text: break
            }
        }
        if let first = found.first {
            text = String(text[..<first.key.lowerBound])
        }
        // An `@handle` word (`Tune alert threshold @bob`) names the owner.
        if item.owner == nil, text.containsByte(UInt8(ascii: "@")) {
            var words = text.split(separator: " ", omittingEmptySubsequences: false)
            if let index = words.lastIndex(where: { $0.hasPrefix("@") || $0.hasPrefix("(@") }) {
                let handle = words[index].trimmed("(),;.")
                if handle.count > 1 {
                    item.owner = handle
                    words.remove(at: index)
                    text = words.joined(separator: " ")
                }
            }
        }
        if let (owner, due, rest) = Self.closingNameAndDate(text) {
            if item.owner == nil { item.owner = owner }
            if item.rawDue == nil { item.rawDue = due }
            text = String(rest)
        }
        item.text = text.trimmed(" ,;(-–—\t")
        if item.rawDue == nil { item.rawDue = keylessDue ?? Self.plannedMonth(in: text)?.description }
        if item.due == nil, let raw = item.rawDue { item.due = DateReader.day(in: raw, reference: incidentDate) }
    }

    /// `Validate replica counts (Ben Cole, 2025-03-20)`: a closing parenthetical of a date and
    /// at most one name (a few capitalised words or an `@handle`), and the text before it.
    static func closingNameAndDate(_ text: String) -> (owner: String?, due: String, rest: Substring)? {
        let trimmed = text.trimmed()
        guard trimmed.hasSuffix(")"), let open = trimmed.lastIndex(of: "(") else { return nil }
        let parts = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)].split(separator: ",").map { $0.trimmed() }
        guard (1...2).contains(parts.count) else { return nil }
        var owner: String?, due: String?
        for part in parts {
            var value = part[...]
            for word in ["due ", "by "] where value.lowercased().hasPrefix(word) { value = value.dropFirst(word.count) }
            if due == nil, let date = DateReader.leadingDateTime(value), date.match.day != nil || date.match.monthDay != nil,
               date.remainder.trimmed().isEmpty {
                due = String(value)
            } else if owner == nil, isName(part) {
                owner = part
            } else {
                return nil
            }
        }
        guard let due else { return nil }
        return (owner, due, trimmed[..<open])
    }

    /// `Ben Cole`, `@ben`, `Platform team`: up to four words, the first capitalised (or a handle), no digits.
    private static func isName(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard (1...4).contains(words.count), let first = words.first?.first, first.isUppercase || first == "@" else { return false }
        return !text.contains(where: \.isNumber)
    }

    /// `(planned for June 2025)`, `by end of March 2026`: work planned for a month is due on its
    /// last day. Only after `for`, `by`, `in`, `of`, `until` or `before`, so a month the text
    /// merely mentions is not a deadline.
    static func plannedMonth(in text: String) -> Day? {
        let words = text.lowercased().split { !$0.isLetter && !$0.isNumber }
        for index in words.indices.dropFirst().dropLast() {
            guard let month = DateReader.monthNumbers[String(words[index])],
                  ["for", "by", "in", "of", "until", "before"].contains(words[index - 1]),
                  words[index + 1].count == 4, let year = Int(words[index + 1]), (1970...2100).contains(year) else { continue }
            let next = month == 12 ? Day(year: year + 1, month: 1, day: 1) : Day(year: year, month: month + 1, day: 1)
            return next.adding(days: -1)
        }
        return nil
    }

    /// What separates fields written on one line: `Fix retries — owner: @lee — due 2025-10-20`.
    private static let fieldSeparators = [" — ", " – ", " - ", " | "]

    /// `value` up to the first field separator.
    static func firstField(of value: Substring) -> Substring {
        let end = fieldSeparators.compactMap { value.textRange(of: $0, foldingCase: false)?.lowerBound }.min() ?? value.endIndex
        return value[..<end]
    }

    /// `due 2025-10-20`, `due by Oct 20`: a due date written without a colon, the date right
    /// after the word (`due to the outage on ...` is not one).
    static func keylessDue(in text: String) -> String? {
        var rest = text[...]
        while let range = rest.textRange(of: "due ") {
            defer { rest = rest[range.upperBound...] }
            if let before = text[..<range.lowerBound].last, before.isLetter { continue }
            var value = firstField(of: text[range.upperBound...]).trimmed(" ,;)(\t")[...]
            for word in ["by ", "on "] where value.lowercased().hasPrefix(word) { value = value.dropFirst(word.count) }
            if let date = DateReader.leadingDateTime(value)?.match, date.day != nil || date.monthDay != nil { return String(value) }
        }
        return nil
    }

    // MARK: Status

    /// A heading for work already done: `Immediate actions taken`, `Completed actions`,
    /// `Immediate actions (completed)` (a note in parentheses counts here).
    static func isCompletedActions(_ heading: String) -> Bool {
        let words = heading.lowercased().split { !$0.isLetter }
        return words.contains { ["taken", "completed", "done", "implemented"].contains($0) }
    }

    /// An item that says it is done (`(done)`, `DONE`) or is worded in the past tense:
    /// `We added ...`, `We've advised ...`, `A fix was deployed ...`, `Tweaked the limit`.
    static func isWordedAsDone(_ text: String) -> Bool {
        // `(done)`, `DONE` may open or close the item.
        let closing = Words.of(Substring(text.unicodeScalars.suffix(24)))
        // Not `what can be done`: an aim.
        let opening = Words.of(Substring(text.unicodeScalars.prefix(120)))
        if zip([""] + opening, opening).contains(where: { $1 == "done" && $0 != "be" }) || closing.last == "done" || text.containsText("(Done") { return true }
        // The tense is the action's, after a short label (`Checked arithmetic: Replace ...` is to do).
        let afterLabel = text.range(of: ": ").flatMap { text.distance(from: text.startIndex, to: $0.lowerBound) <= maximumLabelLength ? String(text[$0.upperBound...]) : nil }
        let body = afterLabel ?? text
        // The wording that marks an item done comes first: its opening is enough.
        let words = afterLabel == nil ? opening : Words.of(Substring(body.unicodeScalars.prefix(120)))
        guard !words.isEmpty else { return false }
        if words.contains(where: { ["will", "should", "must", "need", "needs", "todo", "planned", "scheduled", "pending", "underway", "ongoing"].contains($0) }) { return false }
        func isPast(_ word: String) -> Bool {
            (word.count > 4 && word.hasSuffix("ed") && !word.hasSuffix("eed")) || irregularPast.contains(word)
        }
        // `we added`, `we have added`, `we've added`, `the team has added`, `... was/were deployed`.
        for (index, word) in words.enumerated().prefix(8) {
            if ["was", "were", "has", "have", "had", "we've", "i've"].contains(word), index + 1 < words.count,
               isPast(words[index + 1]) || (index + 2 < words.count && words[index + 1] == "been" && isPast(words[index + 2])) { return true }
        }
        if ["we", "i"].contains(words[0]), words.count > 1, isPast(words[1]) { return true }
        // `Tweaked the limit`; after a label a first word such as `Targeted fuzzing` is more often an adjective.
        return afterLabel == nil && words.count > 1 && isPast(words[0]) && body.first?.isUppercase == true
    }

    /// How long a label before `: ` may be for the tense to be read after it.
    static let maximumLabelLength = 40

    private static let irregularPast: Set<String> = ["made", "built", "wrote", "written", "sent", "done", "added", "ran", "met", "held", "taken", "began", "begun", "rewrote", "brought",
                                                     "withdrawn", "rewritten", "given", "shown", "undertaken", "chosen"]

    static func status(from text: String) -> ActionItem.Status? {
        let lower = text.lowercased()
        if let emoji = emojiStatus(in: text) { return emoji }
        if ["won't", "wont", "won’t", "cancel", "dropped", "obsolete", "not doing"].contains(where: lower.containsText) { return .wontFix }
        if ["not started", "not done", "incomplete", "open", "todo", "to do", "planned", "pending", "backlog", "new"].contains(where: lower.containsText) { return .open }
        if ["progress", "wip", "ongoing", "doing", "started", "underway"].contains(where: lower.containsText) { return .inProgress }
        if ["done", "complete", "closed", "fixed", "resolved", "merged", "shipped", "finished"].contains(where: lower.containsText) { return .done }
        return nil
    }

    /// ✅ done, 🔄 in progress, ⏳ not started (also as the seeds' copy-pasted mojibake).
    private static let statusEmoji: [(String, ActionItem.Status)] = [
        ("✅", .done), ("✔", .done), ("☑", .done), ("‚úÖ", .done),
        ("🔄", .inProgress), ("🚧", .inProgress), ("üîÑ", .inProgress),
        ("⏳", .open), ("‚è≥", .open), ("❌", .wontFix),
    ]

    static func emojiStatus(in text: String) -> ActionItem.Status? {
        // Every status emoji (and its mojibake) is non-ASCII.
        guard !text.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        return statusEmoji.first { text.containsText($0.0) }?.1
    }

    private static func removingStatusEmoji(_ text: String) -> String {
        var result = text
        for (emoji, _) in statusEmoji { result = result.replacingOccurrences(of: emoji, with: "") }
        return result.replacingOccurrences(of: "\u{FE0F}", with: "")
    }

    // MARK: Links and owners

    /// `On the provider's side:`, `By Platform:`, `Owner: X` or `Our provider is taking the
    /// following actions:` over a group of items.
    static func groupOwner(_ lead: String) -> String? {
        var text = lead.trimmed(" :")
        if let range = text.range(of: "owner:", options: .caseInsensitive) { return String(text[range.upperBound...]).trimmed(" ,;") }
        if lead.hasSuffix(":"), text.containsText(" the following") {
            let words = text.split(separator: " ")
            if let verb = words.firstIndex(where: { ["is", "are", "will", "has", "have"].contains($0) }), (1...4).contains(verb),
               verb > 1 || !Self.pronouns.contains(words[0].lowercased()) {
                return words[..<verb].joined(separator: " ")
            }
        }
        for suffix in ["'s side", "’s side", " side"] where text.lowercased().hasSuffix(suffix) {
            text = String(text.dropLast(suffix.count))
            for prefix in ["on ", "by ", "for "] where text.lowercased().hasPrefix(prefix) { text = String(text.dropFirst(prefix.count)) }
            if text.lowercased().hasPrefix("the ") { text = String(text.dropFirst(4)) }
            return text.isEmpty ? nil : text
        }
        return nil
    }

    /// Subjects that name no owner (`We will ...`, `This is taking ...`), compared in lower case.
    private static let pronouns: Set<String> = ["we", "i", "it", "this", "that", "they", "these", "those", "the", "a", "an", "our",
                                                "you", "there"]

    /// `What is our provider doing to ...?`, `What is Acme doing about it`: the one asked about.
    static func headingOwner(_ heading: String) -> String? {
        let words = heading.split(separator: " ")
        guard words.count >= 4, words[0].lowercased() == "what", ["is", "are"].contains(words[1].lowercased()),
              let doing = words.firstIndex(where: { $0.lowercased() == "doing" }), doing > 2, doing <= 6 else { return nil }
        let subject = words[2..<doing]
        guard !pronouns.contains(subject.first!.lowercased()) || subject.count > 1, !["we", "you"].contains(subject.last!.lowercased()) else { return nil }
        return subject.joined(separator: " ")
    }

    /// `DevEx will update ...`, `DevEx has placed ...`: a named subject of `will` (or of `has`
    /// and a past participle) at the start of the item owns it.
    static func subjectOwner(_ text: String) -> String? {
        let words = text.split(separator: " ", maxSplits: 4).prefix(4)
        // `Multicast will be limited ...` is passive: the thing acted on, not the owner.
        guard let verb = words.firstIndex(where: { $0 == "will" || $0 == "has" || $0 == "have" }), verb > words.startIndex,
              verb + 1 < words.endIndex, words[verb + 1] != "be", words[verb + 1] != "been",
              words[verb] == "will" || words[verb + 1].hasSuffix("ed") else { return nil }
        let subject = words[..<verb]
        guard subject.allSatisfy({ $0.first?.isUppercase == true || $0.first == "@" }),
              !pronouns.contains(subject.first!.lowercased()) else { return nil }
        return subject.joined(separator: " ")
    }

    /// `... (Rasmus call for meeting)`, `(Yuvi to fill in the details)`: a closing parenthetical
    /// that opens with a name and a word that hands the item to it.
    static func parentheticalOwner(_ text: String) -> String? {
        let trimmed = text.trimmed()
        guard trimmed.hasSuffix(")"), let open = trimmed.lastIndex(of: "(") else { return nil }
        let words = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)].split(separator: " ")
        guard words.count >= 2, let name = words.first, name.count >= 2, name.first!.isUppercase,
              name.dropFirst().allSatisfy(\.isLetter), !pronouns.contains(name.lowercased()),
              handOverWords.contains(words[1].lowercased()) else { return nil }
        return String(name)
    }

    /// Words after a name that give it the item: `(Rasmus call for meeting)`, `(Yuvi to fill in)`.
    private static let handOverWords: Set<String> = ["to", "will", "call", "calls", "owns", "leads", "drives", "driving", "handles",
                                                     "handling", "takes", "taking", "investigating", "investigates", "following", "follows"]

    /// Placeholder-free cell text; `-`, `—`, `n/a` and empty cells say nothing.
    private static func meaningful(_ text: String) -> String? {
        let trimmed = text.trimmed()
        switch trimmed.lowercased() {
        case "", "-", "—", "–", "n/a", "none": return nil
        default: return trimmed
        }
    }

    /// A list item holding one web address and nothing else.
    private static func isOnlyAddress(_ item: MarkdownNode) -> Bool {
        let text = item.plainText.trimmed()
        return (text.hasPrefix("https://") || text.hasPrefix("http://")) && !text.contains(where: \.isWhitespace)
    }

    private static func links(in node: MarkdownNode) -> [String] {
        var urls: [String] = []
        node.forEachDescendant { if case .link(let url) = $0.kind { urls.append(url) } }
        return urls
    }

    /// The first link that looks like an issue or ticket, else nil.
    private static func trackingLink(_ urls: [String]) -> String? {
        urls.first(where: isTrackingURL)
    }

    static func isTrackingURL(_ url: String) -> Bool {
        let lower = url.lowercased()
        return ["/issues/", "/pull/", "/merge_requests/", "/browse/", "/tickets/", "/ticket/", "jira", "linear.app/", "/work_items/"]
            .contains(where: lower.containsText)
    }

    private static func firstURL(in text: String) -> String? {
        guard let range = text.textRange(of: "https://") ?? text.textRange(of: "http://") else { return nil }
        let tail = text[range.lowerBound...]
        return String(tail.prefix { !$0.isWhitespace && $0 != ")" && $0 != ">" && $0 != "]" })
    }
}
