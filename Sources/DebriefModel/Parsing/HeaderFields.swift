import Foundation
import Markdown

/// The facts a postmortem states in its header, in any of the shapes SPEC section 3 lists:
/// front matter, bold fields (one a line or several joined by `|`), plain `Date:` lines after
/// the title, and a `- **Key events**` list.
struct HeaderFields {
    /// What a header key means, whatever its spelling.
    enum Key: CaseIterable {
        case title, date, duration, severity, status, authors, commander, services, tags, alerts, related, timezone

        /// Lower-case spellings, as written in front matter, bold fields or plain lines.
        var spellings: [String] {
            switch self {
            case .title: return ["title", "postmortem", "post-mortem", "incident", "incident report", "incident title"]
            case .date: return ["date", "incident date", "date of incident", "incident_date"]
            case .duration: return ["duration", "total duration", "outage duration", "incident duration"]
            case .severity: return ["severity", "sev", "severity level", "incident severity", "priority"]
            case .status: return ["status", "postmortem status", "document status", "review status"]
            case .authors: return ["author", "authors", "author(s)", "written by", "owners"]
            case .commander: return ["ic", "incident commander", "incident_commander", "incident-commander", "incident lead"]
            case .services: return ["service", "services", "affected services", "affected service", "affected systems", "systems affected", "components", "component",
                                     "product", "products", "system", "systems", "services affected", "services impacted", "impacted services",
                                     "primary services impacted", "affected components", "impacted systems"]
            case .tags: return ["tags", "labels", "tag", "keywords", "categories", "category"]
            case .alerts: return ["alerts", "alert", "alert names", "alert name", "alert_names"]
            case .related: return ["related", "related incidents", "related_incidents"]
            case .timezone: return ["timezone", "time zone", "tz"]
            }
        }

        static let bySpelling: [String: Key] = {
            var map: [String: Key] = [:]
            for key in allCases { for spelling in key.spellings { map[spelling] = key } }
            return map
        }()

        /// A spelling as listed (`_` and `-` read as spaces: `services_affected`), else without a
        /// trailing note (`Start time (UTC)`, `Owners (DRI)`), else one of the names it joins with
        /// `/` (`Systems/Services`).
        init?(spelling: some StringProtocol) {
            let lower = spelling.lowercased().trimmed()
            if let key = Key.bySpelling[lower] {
                self = key
                return
            }
            let noted = String(Self.withoutNote(lower).map { $0 == "_" || $0 == "-" ? " " : $0 })
            guard let key = Key.bySpelling[noted] ?? noted.split(separator: "/").lazy.compactMap({ Key.bySpelling[$0.trimmed()] }).first else { return nil }
            self = key
        }

        /// `start time (utc)` as `start time`.
        static func withoutNote(_ key: String) -> String {
            guard key.hasSuffix(")"), let open = key.lastIndex(of: "("), open > key.startIndex else { return key }
            return key[..<open].trimmed()
        }
    }

    /// Header facts in source order.
    private(set) var fields: [Field] = []
    /// The meaning of each field's key, resolved once when added (`field(_:)` is asked often).
    private var keys: [Key?] = []
    /// The milestone each field's label names, when it is not a header key.
    private var milestones: [MilestoneKind?] = []
    /// `- **Key events**` sub-items (`First detected: 2024-04-15 12:32`), in source order.
    private(set) var keyEvents: [Field] = []

    /// The first field for `key`.
    func field(_ key: Key) -> Field? {
        keys.firstIndex(of: key).map { fields[$0] }
    }

    mutating func append(_ field: Field) {
        fields.append(field)
        let key = Key(spelling: field.key)
        keys.append(key)
        milestones.append(key == nil ? Self.milestone(ofLabel: field.key) : nil)
    }

    // MARK: Reading

    /// Reads front matter scalars and lists as fields (nested mappings flattened one level,
    /// so `milestones: {detected: ...}` gives `detected`).
    mutating func read(frontMatter: FrontMatter) {
        let ordered = frontMatter.values.keys.sorted { (frontMatter.keyLines[$0] ?? 0, $0) < (frontMatter.keyLines[$1] ?? 0, $1) }
        for key in ordered {
            let line = frontMatter.line(key)
            switch frontMatter.values[key] {
            case .scalar(let value)?:
                append(Field(key: key, value: value, line: line))
            case .sequence(let items)?:
                append(Field(key: key, value: items.compactMap(\.string).joined(separator: ", "), line: line))
            case .mapping(let pairs)?:
                for (subkey, value) in pairs {
                    if let text = value.string { append(Field(key: subkey, value: text, line: line)) }
                }
            default:
                break
            }
        }
    }

    /// Reads header lines `range` of the body (between the title and the first section).
    mutating func read(lines: DocumentLines, range: ClosedRange<Int>) {
        var inKeyEvents = false
        for number in range {
            let raw = lines[number]
            if lines.isCode(number) || raw.isBlank { continue }
            let trimmed = raw.drop { $0 == " " || $0 == "\t" }
            if trimmed.hasPrefix("#") || trimmed.hasPrefix("|") { inKeyEvents = false; continue }
            let content = InlineMarkup.dropListMarker(raw)
            // Both are suffixes of the line: a later start is a shorter text (no character count).
            let isIndentedItem = (raw.hasPrefix(" ") || raw.hasPrefix("\t")) && content.startIndex > trimmed.startIndex
            if inKeyEvents, isIndentedItem {
                let plain = InlineMarkup.strip(content)
                // `First detected: 2024-04-15 12:32`, or without the colon.
                if let (key, value) = Self.keyValue(plain) ?? Self.keyBeforeDate(plain) {
                    keyEvents.append(Field(key: key, value: value, line: number))
                    append(Field(key: key, value: value, line: number))
                }
                continue
            }
            inKeyEvents = false
            let plain = InlineMarkup.strip(content)
            if plain.lowercased().trimmed(": ") == "key events" {
                inKeyEvents = true
                continue
            }
            if content.containsText("**") || content.containsText("__") {
                // Several bold fields may share a line: `**Date:** x | **Severity:** y`.
                for segment in content.split(separator: "|") where segment.containsText("**") || segment.containsText("__") {
                    if let (key, value) = Self.keyValue(InlineMarkup.strip(segment)) {
                        append(Field(key: key, value: value, line: number))
                    }
                }
            } else {
                readPlainLine(plain, line: number)
            }
        }
    }

    /// The fields of a first section that opens with a list of them (`## Metadata` or `## Incident
    /// summary` with `- Date: ...` items): a header written as a section. Read when two or more
    /// items have header keys, so a summary that opens with `- **Impact**: ...` stays prose.
    mutating func read(openingListOf section: Section, blocks: [MarkdownNode], lines: DocumentLines) {
        guard let list = blocks.first(where: { $0.line > section.line }), list.line <= section.endLine,
              case .list = list.kind else { return }
        var opening = HeaderFields()
        opening.read(lines: lines, range: list.line...max(list.line, min(list.endLine, section.endLine)))
        guard opening.keys.count(where: { $0 != nil }) >= 2 else { return }
        for field in opening.fields { append(field) }
        keyEvents += opening.keyEvents
    }

    /// Fields that say when a milestone happened (`Start time (UTC): 2025-03-04 14:05`), outside
    /// a `Key events` list.
    var milestoneFields: [Field] {
        let listed = Set(keyEvents.map(\.line))
        return fields.indices.filter { milestones[$0] != nil && !listed.contains(fields[$0].line) }.map { fields[$0] }
    }

    /// Fields that say when impact started (`start_time: ...`, `Start time (UTC): ...`).
    var startFields: [Field] {
        fields.indices.filter { milestones[$0] == .started }.map { fields[$0] }
    }

    /// A header key, or a label that names a milestone.
    static func isFieldKey(_ key: some StringProtocol) -> Bool {
        Key(spelling: key) != nil || milestone(ofLabel: key) != nil
    }

    /// The milestone a field label names (`Start time (UTC)`, `Time detected`, `Resolution time`,
    /// `Impact end`): its one word besides `time`, `incident`, `impact` and the like.
    static func milestone(ofLabel label: some StringProtocol) -> MilestoneKind? {
        let words = Key.withoutNote(label.lowercased().trimmed()).split { !$0.isLetter }
        let rest = words.filter { !["time", "at", "date", "of", "the", "incident", "outage", "impact", "first"].contains($0) }
        guard rest.count == 1 else { return nil }
        switch rest[0] {
        case "start", "started", "began", "begin", "onset": return .started
        case "detected", "detection": return .detected
        case "acknowledged", "acknowledgement", "acknowledgment", "declared": return .acknowledged
        case "mitigated", "mitigation": return .mitigated
        // The end of impact is its mitigation; the end of the incident its resolution.
        case "end", "ended": return words.contains("impact") ? .mitigated : .resolved
        case "resolved", "resolution": return .resolved
        default: return nil
        }
    }

    /// A plain `Date: 2024-03-15` line; only known keys count, so prose is not mistaken for
    /// fields. A line holding several (`Date: x Duration: y Severity: z`) is split at each key.
    private mutating func readPlainLine(_ text: String, line: Int) {
        guard let (key, _) = Self.keyValue(text), Self.isFieldKey(key) else { return }
        var starts: [(key: String, keyStart: String.Index, valueStart: String.Index)] = []
        var searchFrom = text.startIndex
        while let colon = text[searchFrom...].firstIndex(ofASCII: UInt8(ascii: ":")) {
            let before = text[..<colon]
            // The key is the last one to three words before the colon that spell a known key.
            let words = before.split(separator: " ", omittingEmptySubsequences: true)
            for count in stride(from: min(3, words.count), through: 1, by: -1) {
                let candidate = words.suffix(count).joined(separator: " ")
                if Self.isFieldKey(candidate) {
                    let keyStart = words[words.count - count].startIndex
                    let isLineStart = text[..<keyStart].allSatisfy(\.isWhitespace)
                    // Mid-line keys must be capitalised (`Date:`), so prose like "the date:" stays a value.
                    if isLineStart || candidate.first?.isUppercase == true {
                        starts.append((candidate, keyStart, text.index(after: colon)))
                    }
                    break
                }
            }
            searchFrom = text.index(after: colon)
        }
        for (index, start) in starts.enumerated() {
            let end = index + 1 < starts.count ? starts[index + 1].keyStart : text.endIndex
            let value = text[start.valueStart..<end].trimmed()
            append(Field(key: start.key, value: value, line: line))
        }
    }

    /// Splits `First detected 2020-08-14 10:43` at its date: a key event written without a colon.
    static func keyBeforeDate(_ text: String) -> (String, String)? {
        guard let match = DateReader.firstDateTime(in: text), match.start > 0 else { return nil }
        let scalars = Array(text.unicodeScalars)
        let key = String(String.UnicodeScalarView(scalars[..<match.start])).trimmed(" -–:")
        guard let first = key.first, first.isLetter, key.count <= 40 else { return nil }
        return (key, String(String.UnicodeScalarView(scalars[match.start...])).trimmed())
    }

    /// Splits `Key: value` (key up to 40 characters, starting with a letter).
    static func keyValue(_ text: String) -> (String, String)? {
        guard let colon = text.firstIndex(ofASCII: UInt8(ascii: ":")) else { return nil }
        let key = text[..<colon].trimmed()
        guard let first = key.first, first.isLetter, key.count <= 40 else { return nil }
        // `14:32` or a URL is not a key.
        let after = text[text.index(after: colon)...]
        if after.hasPrefix("//") { return nil }
        return (key, after.trimmed())
    }
}
