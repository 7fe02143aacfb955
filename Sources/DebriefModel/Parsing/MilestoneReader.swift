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

    /// Without an entry that describes impact, entries more than this many seconds before
    /// detection are background.
    static let backgroundWindow: TimeInterval = 24 * 3600

    /// A change that breaks things does so within this many seconds (a scale-up the day
    /// before the alert is background).
    static let triggerLead: TimeInterval = 4 * 3600

    /// A fix's effect is written within this many seconds of the fix.
    static let outcomeWindow: TimeInterval = 2 * 3600

    /// `statedSections`: the summary and impact sections, whose `from 11:40 to 15:38` is the
    /// window of impact when the header gives neither end.
    func read(frontMatter: FrontMatter, keyEvents: [Field], timeline: [TimelineEntry],
              statedSections: [Section] = [], lines: DocumentLines? = nil) -> Milestones {
        var milestones = Milestones()
        for kind in MilestoneKind.allCases {
            if let (time, line) = frontMatterMoment(kind, in: frontMatter) {
                milestones[kind] = Milestone(time: time, source: .frontMatter, line: line)
            }
        }
        // A status-page incident's front matter gives its `date` to the minute and when it was
        // resolved: the date is when impact began.
        if milestones.started == nil, let resolved = milestones.resolved, resolved.source == .frontMatter,
           let value = frontMatter.string("date"), let time = moment(value), time < resolved.time {
            milestones.started = Milestone(time: time, source: .frontMatter, line: frontMatter.line("date"))
        }
        for field in keyEvents {
            guard let kind = kind(ofLabel: field.key) ?? HeaderFields.milestone(ofLabel: field.key), milestones[kind] == nil,
                  let time = moment(field.value) else { continue }
            milestones[kind] = Milestone(time: time, source: .keyEvent, line: field.line)
        }
        if milestones.started == nil, milestones.mitigated == nil, let lines, let (from, to, line) = impactWindow(in: statedSections, lines: lines) {
            milestones.started = Milestone(time: from, source: .impactWindow, line: line)
            milestones.mitigated = Milestone(time: to, source: .impactWindow, line: line)
        }
        readTimeline(timeline, into: &milestones)
        // An end written only once is both mitigated and resolved.
        if milestones.resolved == nil, let mitigated = milestones.mitigated { milestones.resolved = mitigated }
        // A resolution written before an earlier milestone is an error that `milestone-order`
        // reports; copied to `mitigated` it would be reported twice.
        let lastBeforeEnd = [milestones.started, milestones.detected, milestones.acknowledged].compactMap { $0?.time }.max()
        if milestones.mitigated == nil, let resolved = milestones.resolved, [.timeline, .frontMatter].contains(resolved.source),
           lastBeforeEnd.map({ resolved.time >= $0 }) ?? true {
            milestones.mitigated = resolved
        }
        return milestones
    }

    /// The first `from 11:40 to 15:38` in `sections`, as instants (an end before its start is on
    /// the next day).
    private func impactWindow(in sections: [Section], lines: DocumentLines) -> (Date, Date, Int)? {
        for section in sections {
            // Only a line with `from` can hold a window: the rest are not tokenized.
            for number in section.line...max(section.line, section.endLine)
            where number <= lines.lastLine && !lines.isCode(number) && lines[number].containsText("from ", followedByDigitWithin: 24) {
                guard let (from, to) = DateReader.window(in: InlineMarkup.strip(lines[number]), reference: incidentDate),
                      let start = instant(from), var end = instant(to) else { continue }
                if end < start, to.day == nil || to.day == from.day { end.addTimeInterval(86_400) }
                guard end > start else { continue }
                return (start, end, number)
            }
        }
        return nil
    }

    private func instant(_ match: DateTimeMatch) -> Date? {
        guard let clock = match.time, let day = match.day ?? incidentDate else { return nil }
        return day.date.addingTimeInterval(TimeInterval(clock.secondsIntoDay - (match.zoneOffset ?? timezoneOffset)))
    }

    /// Milestones the header did not give, from the timeline: each kind at the first entry
    /// (after the milestone before it) whose opening matches its keywords; `resolved` at the
    /// last such entry, since incidents are re-opened; an end written only once is both
    /// mitigated and resolved. Impact starts at an explicit marker, else at the first entry
    /// describing impact, or at the change that triggered it when that came shortly before.
    private func readTimeline(_ timeline: [TimelineEntry], into milestones: inout Milestones) {
        let timed = timeline.filter { $0.time != nil }
        guard !timed.isEmpty else { return }
        let found = timed.map { entry in
            let lists = keywords.lists(in: Self.opening(of: entry.text))
            // An entry that says there was no impact (`alerts on internal jobs, no user impact`),
            // however late in it, is background: neither the start nor the detection of the incident.
            let whole = lists.isDisjoint(with: [.started, .detected]) || entry.text.utf8.count <= Self.matchedPrefixLength ? lists : keywords.lists(in: entry.text)
            return whole.contains(.noImpact) && !whole.contains(.impact) ? lists.subtracting([.started, .detected]) : lists
        }
        func first(_ list: MilestoneKeywordMatcher.Lists, from start: Int = 0) -> Int? {
            (start..<timed.count).first { found[$0].contains(list) }
        }
        /// Where a milestone (from the header or the timeline) falls in the timeline.
        func index(of milestone: Milestone?) -> Int? {
            milestone.flatMap { found in timed.firstIndex { $0.line == found.line } ?? timed.firstIndex { $0.time! >= found.time } }
        }
        func set(_ kind: MilestoneKind, _ index: Int?) {
            guard milestones[kind] == nil, let index else { return }
            milestones[kind] = Milestone(time: timed[index].time!, source: .timeline, line: timed[index].line)
        }
        set(.started, first(.started))
        set(.detected, first(.detected, from: index(of: milestones.started) ?? 0))
        let afterDetection = index(of: milestones.detected) ?? index(of: milestones.started) ?? 0
        // Impact ends at the first entry after detection that says it ended, in either word list.
        let end: MilestoneKeywordMatcher.Lists = [.mitigated, .resolved]
        var mitigation = (afterDetection + (milestones.detected == nil ? 0 : 1)..<timed.count).first { !found[$0].isDisjoint(with: end) }
        // A fix applied is not yet impact ended: when an entry soon after says the service
        // works again (`fix applied` ... `back to normal`), impact ended there.
        if let action = mitigation, found[action].contains(.change) {
            let soon = (action + 1..<timed.count).prefix(while: { timed[$0].time!.timeIntervalSince(timed[action].time!) <= Self.outcomeWindow })
            if let outcome = soon.first(where: { found[$0].contains(.mitigated) && !found[$0].contains(.change) }) { mitigation = outcome }
        }
        // Nothing ends after detection: an incident that healed before anyone noticed ended
        // between its start and its detection (`Cluster self-heals`, then `Dip noticed`).
        let afterStart = (index(of: milestones.started) ?? 0) + 1
        if mitigation == nil, milestones.detected != nil, afterStart < afterDetection {
            mitigation = (afterStart..<afterDetection).first { !found[$0].isDisjoint(with: end) }
        }
        set(.mitigated, mitigation)
        // Acknowledged between detection and mitigation: "acknowledged" after the fix is a reply,
        // not a response, and an entry that ends the incident acknowledges nothing.
        let responseEnd = index(of: milestones.mitigated).flatMap { $0 >= afterDetection ? $0 : nil } ?? timed.count
        if let acknowledged = (afterDetection..<timed.count).first(where: { found[$0].contains(.acknowledged) && found[$0].isDisjoint(with: end) }),
           acknowledged <= responseEnd {
            set(.acknowledged, acknowledged)
        }
        // A team at work on the incident has noticed it: without an entry that says so, it was
        // detected when the response began (`Root cause investigation started`).
        if milestones.detected == nil, let acknowledged = milestones.acknowledged, acknowledged.source == .timeline {
            milestones.detected = acknowledged
        }
        // The incident is over at the last entry that says so (incidents are re-opened).
        let afterMitigation = index(of: milestones.mitigated) ?? afterDetection
        set(.resolved, (afterMitigation..<timed.count).last { !found[$0].isDisjoint(with: end) })
        if milestones.started == nil {
            // Impact starts no later than it is detected.
            let limit = milestones.detected.map { detected in timed.lastIndex { $0.time! <= detected.time } ?? 0 } ?? timed.count - 1
            // Without an entry that describes impact, entries more than a day before detection
            // are background (a dependency released weeks before), not the start.
            let background = milestones.detected.map { detected in
                timed.firstIndex { detected.time.timeIntervalSince($0.time!) <= Self.backgroundWindow } ?? 0
            } ?? 0
            let impact = first(.impact).flatMap { $0 <= limit ? $0 : nil } ?? background
            var start = impact
            if let trigger = (0..<impact).last(where: { found[$0].contains(.change) }),
               timed[impact].time!.timeIntervalSince(timed[trigger].time!) <= Self.triggerLead {
                start = trigger
            }
            milestones.started = Milestone(time: timed[start].time!, source: .firstTimelineEntry, line: timed[start].line)
        }
    }

    /// The first `matchedPrefixLength` unicode scalars, and a short closing sentence after them
    /// (`... the correct values are deployed. Services are restored.`).
    static func opening(of text: String) -> Substring {
        // No more bytes than the prefix: no more scalars either (the common, short entry).
        guard text.utf8.count > matchedPrefixLength else { return Substring(text) }
        let scalars = text.unicodeScalars
        guard scalars.count > matchedPrefixLength else { return Substring(text) }
        let opening = Substring(scalars.prefix(matchedPrefixLength))
        var bodyEnd = scalars.endIndex
        while bodyEnd > scalars.startIndex, ". !".unicodeScalars.contains(scalars[scalars.index(before: bodyEnd)]) {
            bodyEnd = scalars.index(before: bodyEnd)
        }
        guard let stop = scalars[..<bodyEnd].lastIndex(where: { $0 == "." || $0 == "!" || $0 == "?" }),
              stop >= scalars.index(scalars.startIndex, offsetBy: matchedPrefixLength) else { return opening }
        let closing = Substring(scalars[scalars.index(after: stop)...])
        return Words.of(closing).count <= maximumClosingWords ? Substring(String(opening) + ". " + closing) : opening
    }

    /// How long a closing sentence may be to be matched beside the opening.
    static let maximumClosingWords = 6

    /// `detected: ...`, `detected_at: ...`, `start_time: ...` or `milestones: {detected: ...}` in
    /// front matter; a key whose value is not a moment (`resolved: true` beside `resolvedWhen: ...`)
    /// is passed over.
    func frontMatterMoment(_ kind: MilestoneKind, in frontMatter: FrontMatter) -> (Date, Int)? {
        guard !frontMatter.values.isEmpty, let names = Self.frontMatterNames[kind] else { return nil }
        for name in names {
            if let value = frontMatter.string(name), let time = moment(value) { return (time, frontMatter.line(name)) }
        }
        for container in ["milestones", "timeline", "key_events"] {
            guard let mapping = frontMatter.values[container] else { continue }
            for name in names {
                if let value = mapping[name]?.string, let time = moment(value) { return (time, frontMatter.line(container)) }
            }
        }
        return nil
    }

    /// Front matter names for a milestone, before a suffix (`impact_started_at` before `start_time`: started is when impact began);
    /// incident tools export `started_at` and `resolved_at`, incident indexes `start_time` and `end_time`.
    static func frontMatterStems(_ kind: MilestoneKind) -> [String] {
        switch kind {
        case .started: return ["impact_started", "impact_start", "started", "start", "began"]
        case .resolved: return ["resolved", "end", "ended"]
        default: return [kind.rawValue]
        }
    }

    /// Front matter keys are held lower-case: `resolvedWhen` is `resolvedwhen`, `startTime` `starttime`.
    static let frontMatterSuffixes = ["", "_at", "-at", "at", "when", "_when", "_time", "-time", "time"]

    /// Every stem with every suffix, per milestone, in the order they are tried.
    static let frontMatterNames: [MilestoneKind: [String]] = Dictionary(uniqueKeysWithValues: MilestoneKind.allCases.map { kind in
        (kind, frontMatterStems(kind).flatMap { stem in frontMatterSuffixes.map { stem + $0 } })
    })

    /// `First detected` -> detected, `Incident declared` -> acknowledged, `Repaired` -> mitigated.
    private func kind(ofLabel label: String) -> MilestoneKind? {
        let lower = label.lowercased()
        if let exact = MilestoneKind(rawValue: lower) { return exact }
        if ["start", "began", "begin", "impact start"].contains(lower) { return .started }
        // Later milestones first: "resolved" labels should not match an earlier kind's keyword.
        let lists = keywords.lists(in: lower)
        for kind in MilestoneKind.allCases.reversed() where lists.contains(.init(kind)) {
            return kind
        }
        return nil
    }

    /// A date-time (`2025-03-02T10:14:00Z`, `2024-04-15 12:32`) or a bare time on the incident date.
    private func moment(_ text: String) -> Date? {
        DateReader.firstDateTime(in: text, reference: incidentDate).flatMap(instant)
    }
}

/// The configured milestone keywords, indexed by their first word so that one pass over an
/// entry's words tells which lists occur in it.
struct MilestoneKeywordMatcher: Sendable {
    /// The keyword lists, each a bit of `Lists`.
    struct Lists: OptionSet, Sendable {
        let rawValue: UInt8
        static let started = Lists(rawValue: 1), detected = Lists(rawValue: 2), acknowledged = Lists(rawValue: 4)
        static let mitigated = Lists(rawValue: 8), resolved = Lists(rawValue: 16), impact = Lists(rawValue: 32), change = Lists(rawValue: 64)
        /// A clause that says there was no impact (`no user impact`, `has not been affected`).
        static let noImpact = Lists(rawValue: 128)

        init(rawValue: UInt8) { self.rawValue = rawValue }
        init(_ kind: MilestoneKind) {
            switch kind {
            case .started: self = .started
            case .detected: self = .detected
            case .acknowledged: self = .acknowledged
            case .mitigated: self = .mitigated
            case .resolved: self = .resolved
            }
        }
    }

    /// Every phrase, as its remaining words and its list, under its first word.
    private var byFirstWord: [String: [(rest: [String], list: Lists)]] = [:]

    static let negations: Set<String> = ["not", "no", "never", "without", "unable", "cannot", "can't", "couldn't", "didn't", "wasn't",
                                          "weren't", "isn't", "won't", "nothing", "tried", "attempted", "nor"]
    /// Verbs that say impact began when an impact word follows (`started failing`, `began timing out`).
    static let beginnings: Set<String> = ["started", "starts", "starting", "began", "begins", "beginning"]
    /// Verbs that acknowledge the incident when an impact word follows (`confirms media is broken`).
    static let confirmations: Set<String> = ["confirm", "confirms", "confirmed", "confirming"]
    /// Endings the last word of a phrase may take (`alert` matches `alerts`, `alerted`).
    private static let endings = ["s", "es", "d", "ed", "ing"]

    /// `word` with each ending; a final `e` gives way to `ing` (`notice`, `noticing`), but not
    /// in the lists of ends: `resolving` is still under way.
    static func inflections(of word: String, in list: Lists) -> [String] {
        endings.map { word + $0 } + (word.hasSuffix("e") && list.isDisjoint(with: [.mitigated, .resolved]) ? [word.dropLast() + "ing"] : [])
    }

    init(_ words: DebriefConfig.MilestoneKeywords) {
        let lists: [([String], Lists)] = [(words.started, .started), (words.detected, .detected), (words.acknowledged, .acknowledged),
                                          (words.mitigated, .mitigated), (words.resolved, .resolved), (words.impact, .impact), (words.change, .change)]
        for (phrases, list) in lists {
            for phrase in phrases {
                let phraseWords = Words.of(phrase)
                guard let first = phraseWords.first else { continue }
                let rest = Array(phraseWords.dropFirst())
                // A one-word phrase is also filed under its inflected forms: one lookup a word.
                for form in [first] + (rest.isEmpty ? Self.inflections(of: first, in: list) : []) {
                    byFirstWord[form, default: []].append((rest, list))
                }
            }
        }
    }

    /// The lists with a phrase in `text`, outside negated clauses (`no alert fired`, `tried to
    /// roll back but it was not possible`): phrases are matched within a clause, and a clause
    /// with a match is then checked for a negation.
    func lists(in text: some StringProtocol) -> Lists {
        var found: Lists = []
        for clause in Words.clauses(of: text) {
            var inClause: Lists = []
            var impactAt: [Int] = []
            var noticedAt: [(Int, Lists)] = []
            var acknowledgedOnlyByPosting = true
            for (index, word) in clause.enumerated() {
                let changeBefore = inClause.contains(.change)
                for (rest, list) in byFirstWord[word] ?? [] where list == .impact || !inClause.contains(list) || (list == .acknowledged && acknowledgedOnlyByPosting) {
                    // `working to restore service` and `pipeline triggered for rollback` intend an end;
                    // `were able to restore it` and `deploys code to restore it` reached it.
                    if list == .mitigated || list == .resolved,
                       (!changeBefore && Self.intends(clause, before: index)) || (rest.isEmpty && Self.isUnderWay(clause, after: index)) { continue }
                    // An explicit start marker is matched as written: `impact and start remediation` starts nothing.
                    if rest.isEmpty || Self.follows(rest, in: clause, at: index + 1, gap: list == .started ? 0 : Self.maximumGap, list: list) {
                        if list == .acknowledged, !word.hasPrefix("post") { acknowledgedOnlyByPosting = false }
                        inClause.insert(list)
                        if list == .impact { impactAt.append(index) }
                        if list == .detected || list == .acknowledged { noticedAt.append((index, list)) }
                    }
                }
            }
            // `Pods started crashlooping`: impact said to begin is where it started.
            if inClause.contains(.impact), let verb = clause.firstIndex(where: Self.beginnings.contains) {
                let next = clause[(verb + 1)...].drop { $0 == "to" }.first
                if let next, byFirstWord[next]?.contains(where: { $0.list == .impact && $0.rest.isEmpty }) == true { inClause.insert(.started) }
            }
            // `confirms the high error rate`: verifying the impact is a response to it (confirming
            // a finding, `confirms the host is unknown`, is not).
            if let verb = clause.firstIndex(where: Self.confirmations.contains), impactAt.contains(where: { $0 > verb }) {
                inClause.insert(.acknowledged)
                noticedAt.append((verb, .acknowledged))
                acknowledgedOnlyByPosting = false
            }
            // `Sentry posts alerts to Slack`: what an alert posts is the alert, not a response.
            if inClause.contains(.detected), inClause.contains(.acknowledged), acknowledgedOnlyByPosting {
                inClause.remove(.acknowledged)
                noticedAt.removeAll { $0.1 == .acknowledged }
            }
            // `Root cause discovered` finds the cause, not the incident.
            if inClause.contains(.detected), clause.contains("cause") { inClause.remove(.detected) }
            guard let negation = clause.firstIndex(where: Self.negations.contains) else {
                found.formUnion(inClause)
                continue
            }
            // A negation negates the impact just after it (`no errors`, `has not been affected`), not
            // before (`unable to scale up because there are not enough addresses`; `unable` is itself
            // impact) nor further on (`not running and all our checks are failing`).
            if impactAt.contains(where: { $0 <= negation || $0 > negation + Self.negationReach }) {
                found.insert(.impact)
            } else if !impactAt.isEmpty {
                found.insert(.noImpact)
            }
            if negation > 0, clause[negation - 1] == "with", !clause[(negation + 1)...].contains(where: Self.negations.contains) {
                // `Issue with no ingress traffic detected and verified`: `with no` names what is
                // missing; the rest of the clause is not negated.
                found.formUnion(inClause.subtracting(.impact))
            } else {
                // What was noticed may be negative: `discovers the jobs are not running` still detects.
                for (index, list) in noticedAt where index < negation { found.insert(list) }
            }
        }
        return found
    }

    /// Whether the words before `index` make what follows an aim (`working to restore`, `on a
    /// rollback`), not something done (`were able to restore`).
    static func intends(_ clause: [String], before index: Int) -> Bool {
        var position = index - 1
        while position >= 0, ["a", "an", "the"].contains(clause[position]) { position -= 1 }
        guard position >= 0, Self.aims.contains(clause[position]) else { return false }
        return !(clause[position] == "to" && position > 0 && clause[position - 1] == "able")
    }

    /// Words after which an end is aimed at, not reached.
    static let aims: Set<String> = ["to", "for", "on", "towards"]

    /// Whether the words after `index` say it has only begun (`Rollback initiated`, `recovery
    /// is in progress`), allowing one word between (`was`).
    static func isUnderWay(_ clause: [String], after index: Int) -> Bool {
        let next = clause[(index + 1)...].prefix(3)
        return next.prefix(2).contains(where: beginningsOfAnEnd.contains) || zip(next, next.dropFirst()).contains { $0 == "in" && $1 == "progress" }
    }

    /// Words that say an action has begun, not finished.
    static let beginningsOfAnEnd: Set<String> = ["initiated", "started", "begun", "began", "underway", "triggered", "pending"]

    /// How many words after a negation an impact word is negated (`no user impact`, `has not been affected`).
    static let negationReach = 3

    /// Whether `rest` follows at `start`, its last word with an ending allowed, with up to
    /// `maximumGap` words between two of its words (`incident is created`, `fix was deployed`,
    /// `posted the situation in Slack`).
    private static func follows(_ rest: [String], in words: [String], at start: Int, gap: Int, list: Lists) -> Bool {
        var position = start
        for (offset, word) in rest.enumerated() {
            let isLast = offset == rest.count - 1
            func matches(_ candidate: String) -> Bool {
                if candidate == word { return true }
                guard isLast else { return false }
                if candidate.hasPrefix(word) { return endings.contains(String(candidate.dropFirst(word.count))) }
                return word.hasSuffix("e") && list.isDisjoint(with: [.mitigated, .resolved]) && candidate.hasSuffix("ing") && candidate.dropLast(3) == word.dropLast()
            }
            guard position < words.count,
                  let found = (position..<min(words.count, position + 1 + gap)).first(where: { matches(words[$0]) }) else { return false }
            position = found + 1
        }
        return true
    }

    /// Words that may stand between two words of a phrase.
    static let maximumGap = 2
}
