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

    /// A dateless impact entry follows its trigger within this many seconds.
    static let triggerWindow: TimeInterval = 24 * 3600

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
        readTimeline(timeline, into: &milestones)
        return milestones
    }

    /// Milestones the header did not give, from the timeline: each kind at the first entry
    /// (after the milestone before it) whose opening matches its keywords; `resolved` at the
    /// last such entry, since incidents are re-opened; an end written only once is both
    /// mitigated and resolved. Impact starts at an explicit marker, else at the first entry
    /// describing impact, or at the change that triggered it when that came shortly before.
    private func readTimeline(_ timeline: [TimelineEntry], into milestones: inout Milestones) {
        let timed = timeline.filter { $0.time != nil }
        guard !timed.isEmpty else { return }
        let openings = timed.map { keywords.words(in: Self.opening(of: $0.text)) }
        func first(_ list: KeywordList, from start: Int = 0) -> Int? {
            (start..<timed.count).first { list.matches(openings[$0]) }
        }
        /// Where a milestone (from the header or the timeline) falls in the timeline.
        func index(of milestone: Milestone?) -> Int? {
            milestone.flatMap { found in timed.firstIndex { $0.line == found.line } ?? timed.firstIndex { $0.time! >= found.time } }
        }
        func set(_ kind: MilestoneKind, _ index: Int?) {
            guard milestones[kind] == nil, let index else { return }
            milestones[kind] = Milestone(time: timed[index].time!, source: .timeline, line: timed[index].line)
        }
        set(.started, first(keywords.started))
        set(.detected, first(keywords.detected, from: index(of: milestones.started) ?? 0))
        let afterDetection = index(of: milestones.detected) ?? index(of: milestones.started) ?? 0
        set(.acknowledged, first(keywords.acknowledged, from: afterDetection))
        set(.mitigated, first(keywords.mitigated, from: afterDetection + (milestones.detected == nil ? 0 : 1)))
        let afterMitigation = index(of: milestones.mitigated) ?? afterDetection
        set(.resolved, (afterMitigation..<timed.count).last { keywords.resolved.matches(openings[$0]) })
        if milestones.resolved == nil, let mitigated = milestones.mitigated { milestones.resolved = mitigated }
        if milestones.mitigated == nil, let resolved = milestones.resolved, resolved.source == .timeline { milestones.mitigated = resolved }
        if milestones.started == nil {
            // Impact starts no later than it is detected.
            let limit = milestones.detected.map { detected in timed.lastIndex { $0.time! <= detected.time } ?? 0 } ?? timed.count - 1
            let impact = (0...limit).first { keywords.impact.matches(openings[$0]) } ?? 0
            var start = impact
            if let trigger = (0..<impact).last(where: { keywords.change.matches(openings[$0]) }),
               timed[impact].time!.timeIntervalSince(timed[trigger].time!) <= Self.triggerWindow {
                start = trigger
            }
            milestones.started = Milestone(time: timed[start].time!, source: .firstTimelineEntry, line: timed[start].line)
        }
    }

    /// The first `matchedPrefixLength` characters.
    static func opening(of text: String) -> Substring {
        text.prefix(matchedPrefixLength)
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
        let words = keywords.words(in: Substring(lower))
        for kind in MilestoneKind.allCases.reversed() where keywords[kind].matches(words) {
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

/// The configured milestone keywords as word lists, built once per parser.
struct MilestoneKeywordMatcher: Sendable {
    let started, detected, acknowledged, mitigated, resolved, impact, change: KeywordList

    init(_ words: DebriefConfig.MilestoneKeywords) {
        started = KeywordList(words.started)
        detected = KeywordList(words.detected)
        acknowledged = KeywordList(words.acknowledged)
        mitigated = KeywordList(words.mitigated)
        resolved = KeywordList(words.resolved)
        impact = KeywordList(words.impact)
        change = KeywordList(words.change)
    }

    subscript(kind: MilestoneKind) -> KeywordList {
        switch kind {
        case .started: return started
        case .detected: return detected
        case .acknowledged: return acknowledged
        case .mitigated: return mitigated
        case .resolved: return resolved
        }
    }

    /// The text as lower-case words, with the clauses that are negated (`no alert fired`,
    /// `tried to roll back but it was not possible`) left out.
    func words(in text: Substring) -> [String] {
        var kept: [String] = []
        for clause in KeywordList.clauses(of: text) where !clause.contains(where: KeywordList.negations.contains) {
            kept += clause
            kept.append("") // a clause boundary no phrase crosses
        }
        return kept
    }
}

/// Phrases matched as whole words; a phrase's last word may take a common ending.
struct KeywordList: Sendable {
    let phrases: [[String]]

    init(_ phrases: [String]) {
        self.phrases = phrases.map { Self.words(of: Substring($0.lowercased())) }.filter { !$0.isEmpty }
    }

    static let negations: Set<String> = ["not", "no", "never", "without", "unable", "cannot", "can't", "couldn't", "didn't", "wasn't",
                                          "weren't", "isn't", "won't", "nothing", "tried", "attempted", "nor"]
    private static let endings = ["s", "es", "d", "ed", "ing"]

    func matches(_ words: [String]) -> Bool {
        phrases.contains { phrase in
            guard phrase.count <= words.count else { return false }
            for start in 0...(words.count - phrase.count) {
                var matched = true
                for (offset, word) in phrase.enumerated() {
                    let candidate = words[start + offset]
                    if candidate == word { continue }
                    if offset == phrase.count - 1, candidate.hasPrefix(word),
                       Self.endings.contains(String(candidate.dropFirst(word.count))) { continue }
                    matched = false
                    break
                }
                if matched { return true }
            }
            return false
        }
    }

    /// Lower-case words: letters, digits, `'` and `-` inside a word.
    static func words(of text: Substring) -> [String] {
        clauses(of: text).flatMap { $0 }
    }

    /// Words grouped by clause: `.`, `,`, `;`, `:`, `!`, `?`, `(` and `but` end a clause.
    static func clauses(of text: Substring) -> [[String]] {
        var clauses: [[String]] = [[]]
        var word = ""
        func endWord() {
            guard !word.isEmpty else { return }
            let trimmed = word.trimmingCharacters(in: CharacterSet(charactersIn: "'-"))
            if trimmed == "but" { clauses.append([]) } else if !trimmed.isEmpty { clauses[clauses.count - 1].append(trimmed) }
            word = ""
        }
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "'" || character == "-" {
                word.append(character)
            } else if character == "’" {
                word.append("'")
            } else {
                endWord()
                if ".,;:!?()".contains(character) { clauses.append([]) }
            }
        }
        endWord()
        return clauses.filter { !$0.isEmpty }
    }
}
