import Foundation

/// Finds the moments incident metrics are measured between: from front matter or key-event
/// fields first, else from timeline entries whose text matches the configured keywords;
/// `started` defaults to the first timeline entry.
struct MilestoneReader {
    let keywords: DebriefConfig.MilestoneKeywords
    let incidentDate: Day?
    let timezoneOffset: Int

    /// Keywords are matched in the opening of an entry's text only: long narrative entries
    /// mention "resolved" or "detected" in passing.
    static let matchedPrefixLength = 160

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
        for kind in MilestoneKind.allCases where milestones[kind] == nil {
            let words = keywords[kind]
            if let entry = timeline.first(where: { entry in
                let opening = entry.text.prefix(Self.matchedPrefixLength)
                return entry.time != nil && words.contains { opening.containsText($0) }
            }) {
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
        for kind in MilestoneKind.allCases.reversed() where keywords[kind].contains(where: { lower.containsText($0) }) {
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
