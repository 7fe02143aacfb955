import Foundation

/// Finds the moments incident metrics are measured between: from front matter or key-event
/// fields first, else from timeline entries whose text matches the configured keywords;
/// `started` defaults to the first timeline entry.
struct MilestoneReader {
    let keywords: MilestoneKeywordMatcher
    let incidentDate: Day?
    let timezoneOffset: Int

    /// Keywords are matched in the opening of an entry's text only: long narrative entries
    /// mention "resolved" or "detected" in passing.
    static let matchedPrefixLength = 160

    /// The first `matchedPrefixLength` characters, cut on bytes when they are the same thing:
    /// `prefix(_:)` walks grapheme boundaries.
    static func opening(of text: String) -> Substring {
        let bytes = text.utf8
        if bytes.count <= matchedPrefixLength { return text[...] }
        let head = bytes.prefix(matchedPrefixLength)
        // ASCII without CR: one byte a character (a non-ASCII mark after the cut matches no keyword).
        guard head.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "\r") }) else { return text.prefix(matchedPrefixLength) }
        return Substring(head)
    }

    func read(frontMatter: FrontMatter, keyEvents: [Field], timeline: [TimelineEntry]) -> Milestones {
        var milestones = Milestones()
        for kind in MilestoneKind.allCases {
            if let (value, line) = frontMatterValue(kind, in: frontMatter), let time = moment(value) {
                milestones[kind] = Milestone(time: time, source: .frontMatter, line: line)
            }
        }
        for field in keyEvents {
            guard let kind = kind(ofLabel: field.key), milestones[kind] == nil, let time = moment(field.value) else { continue }
            milestones[kind] = Milestone(time: time, source: .keyEvent, line: field.line)
        }
        var found = [UInt64?](repeating: nil, count: timeline.count)
        for kind in MilestoneKind.allCases where milestones[kind] == nil {
            if let index = timeline.indices.first(where: { index in
                timeline[index].time != nil
                    && keywords.matches(kind, in: Self.opening(of: timeline[index].text), found: &found[index])
            }) {
                let entry = timeline[index]
                milestones[kind] = Milestone(time: entry.time!, source: .timeline, line: entry.line)
            }
        }
        if milestones.started == nil, let first = timeline.first(where: { $0.time != nil }) {
            milestones.started = Milestone(time: first.time!, source: .firstTimelineEntry, line: first.line)
        }
        return milestones
    }

    /// `detected: ...`, `detected_at: ...` or `milestones: {detected: ...}` in front matter.
    private func frontMatterValue(_ kind: MilestoneKind, in frontMatter: FrontMatter) -> (String, Int)? {
        let names = [kind.rawValue, kind.rawValue + "_at", kind.rawValue + "-at"]
            + (kind == .started ? ["impact_started", "impact_start", "start"] : [])
        for name in names {
            if let value = frontMatter.string(name) { return (value, frontMatter.line(name)) }
        }
        for container in ["milestones", "timeline", "key_events"] {
            guard let mapping = frontMatter.values[container] else { continue }
            for name in names {
                if let value = mapping[name]?.string { return (value, frontMatter.line(container)) }
            }
        }
        return nil
    }

    /// `First detected` -> detected, `Incident declared` -> acknowledged, `Repaired` -> mitigated.
    private func kind(ofLabel label: String) -> MilestoneKind? {
        let lower = label.lowercased()
        if let exact = MilestoneKind(rawValue: lower) { return exact }
        if ["start", "began", "begin", "impact start"].contains(lower) { return .started }
        // Later milestones first: "resolved" labels should not match an earlier kind's keyword.
        for kind in MilestoneKind.allCases.reversed() where keywords.words[kind].contains(where: { lower.containsText($0) }) {
            return kind
        }
        return nil
    }

    /// A date-time (`2025-03-02T10:14:00Z`, `2024-04-15 12:32`) or a bare time on the incident date.
    private func moment(_ text: String) -> Date? {
        guard let match = DateReader.firstDateTime(in: text, reference: incidentDate), let clock = match.time,
              let day = match.day ?? incidentDate else { return nil }
        let offset = match.zoneOffset ?? timezoneOffset
        return day.date.addingTimeInterval(TimeInterval(clock.secondsIntoDay - offset))
    }
}

/// The configured milestone keywords, with all of them in one `KeywordSet` (built once per
/// parser) so that a timeline entry is scanned once for every kind, not once per keyword.
struct MilestoneKeywordMatcher: Sendable {
    let words: DebriefConfig.MilestoneKeywords
    /// nil when a keyword is empty or not ASCII, or there are more than 64: then each keyword
    /// is searched on its own.
    private let all: KeywordSet?
    /// The bits of `all` that belong to each kind, in `MilestoneKind.allCases` order.
    private let kindBits: [UInt64]

    init(_ words: DebriefConfig.MilestoneKeywords) {
        self.words = words
        let lists = MilestoneKind.allCases.map { words[$0] }
        let flat = lists.flatMap { $0 }
        guard flat.count <= 64, flat.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { $0 < 0x80 } }) else {
            all = nil
            kindBits = []
            return
        }
        all = KeywordSet(flat)
        var bits: [UInt64] = []
        var next = 0
        for list in lists {
            bits.append(list.isEmpty ? 0 : ((1 << UInt64(list.count)) - 1) << UInt64(next))
            next += list.count
        }
        kindBits = bits
    }

    /// Whether one of `kind`'s keywords occurs in `text`; `found` keeps the text's scan for the
    /// next kind asked about.
    func matches(_ kind: MilestoneKind, in text: Substring, found: inout UInt64?) -> Bool {
        guard let all else { return words[kind].contains { text.containsText($0) } }
        let present = found ?? all.occurring(in: text)
        found = present
        return present & kindBits[MilestoneKind.allCases.firstIndex(of: kind)!] != 0
    }
}
