import DebriefModel
import DebriefValidation
import Foundation

/// Scores the parser and `check` against hand-made labels of real postmortems, by the rules in
/// `shared/corpus/real-postmortems/README.md`: per field, over every label that is not null.
struct RealCorpusScore {
    /// Correct and counted labels of one field.
    struct Tally {
        var hits = 0.0
        var total = 0.0
        var share: Double? { total > 0 ? hits / total : nil }
        mutating func add(_ hit: Bool) { total += 1; if hit { hits += 1 } }
        mutating func add(ratio: Double) { total += 1; hits += ratio }
        static func + (a: Tally, b: Tally) -> Tally { Tally(hits: a.hits + b.hits, total: a.total + b.total) }
    }

    static let fields = ["title", "date", "milestones", "stated", "timeline", "action items", "owners", "due", "done", "sections", "false errors"]

    var tallies: [String: Tally] = [:]
    var invented = 0
    /// One line per miss, for reading why a figure is low.
    var misses: [String] = []

    static func + (a: RealCorpusScore, b: RealCorpusScore) -> RealCorpusScore {
        var sum = a
        for (field, tally) in b.tallies { sum.tallies[field, default: Tally()] = sum.tallies[field, default: Tally()] + tally }
        sum.invented += b.invented
        sum.misses += b.misses
        return sum
    }

    /// Scores every labelled file of `folder` (a `labels.json` beside the documents).
    static func score(folder: URL) throws -> RealCorpusScore {
        let labels = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("labels.json"))) as? [String: [String: Any]] ?? [:]
        let config = DebriefConfig()
        let parser = PostmortemParser(config: config)
        var postmortems: [Postmortem] = []
        for name in labels.keys.sorted() {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            postmortems.append(parser.parse(text: text, path: name))
        }
        let knowledgeBase = KnowledgeBase(root: folder, config: config, postmortems: postmortems, runbooks: [])
        let diagnostics = Validator().validate(knowledgeBase, today: Day(year: 2026, month: 12, day: 1))
        var score = RealCorpusScore()
        for postmortem in postmortems {
            let label = labels[postmortem.path]!
            score.add(postmortem, label: label, errors: diagnostics.filter { $0.file == postmortem.path && $0.rule == "required-section" && $0.severity == .error })
        }
        return score
    }

    private mutating func add(_ postmortem: Postmortem, label: [String: Any], errors: [Diagnostic]) {
        let file = postmortem.path
        func tally(_ field: String, _ hit: Bool, _ why: @autoclosure () -> String) {
            tallies[field, default: Tally()].add(hit)
            if !hit { misses.append("\(file): \(field): \(why())") }
        }
        if let title = label["title"] as? String {
            let want = Self.plain(title), got = Self.plain(postmortem.title ?? "")
            tally("title", !got.isEmpty && (want.contains(got) || got.contains(want)), "want \(title), got \(postmortem.title ?? "nil")")
        }
        if let date = label["date"] as? String {
            tally("date", postmortem.date?.description == date, "want \(date), got \(postmortem.date?.description ?? "nil")")
        }
        let milestones = label["milestones"] as? [String: Any] ?? [:]
        for kind in MilestoneKind.allCases {
            let parsed = postmortem.milestones[kind]?.time
            if let text = milestones[kind.rawValue] as? String, let want = Self.instant(text) {
                let hit = parsed.map { abs($0.timeIntervalSince(want)) <= 60 } ?? false
                tally("milestones", hit, "\(kind.rawValue) want \(text), got \(parsed.map(Self.iso) ?? "nil")")
            } else if parsed != nil, kind != .started {
                invented += 1
                misses.append("\(file): invented \(kind.rawValue) \(Self.iso(parsed!))")
            }
        }
        let stated = label["stated"] as? [String: Any] ?? [:]
        let statedKinds: [(String, StatedDuration.Kind)] = [("duration_min", .duration), ("time_to_detect_min", .timeToDetect),
                                                             ("time_to_repair_min", .timeToMitigate), ("time_to_resolve_min", .timeToResolve)]
        for (key, kind) in statedKinds {
            guard let minutes = stated[key] as? Int else { continue }
            let parsed = postmortem.stated(kind)
            tally("stated", parsed.map { abs($0 / 60 - Double(minutes)) <= 1 } ?? false, "\(key) want \(minutes), got \(parsed.map { String($0 / 60) } ?? "nil")")
        }
        if let entries = label["timeline_entries"] as? Int {
            let ratio = Self.ratio(postmortem.timeline.count, entries)
            tallies["timeline", default: Tally()].add(ratio: ratio)
            if ratio < 1 { misses.append("\(file): timeline want \(entries), got \(postmortem.timeline.count)") }
        }
        let items = label["action_items"] as? [[String: Any]] ?? []
        let ratio = Self.ratio(postmortem.actionItems.count, items.count)
        tallies["action items", default: Tally()].add(ratio: ratio)
        if ratio < 1 { misses.append("\(file): action items want \(items.count), got \(postmortem.actionItems.count)") }
        for (index, item) in items.enumerated() {
            let parsed = index < postmortem.actionItems.count ? postmortem.actionItems[index] : nil
            if let owner = item["owner"] as? String {
                let want = Self.handle(owner), got = Self.handle(parsed?.owner ?? "")
                tally("owners", !got.isEmpty && (want.contains(got) || got.contains(want)), "item \(index + 1) want \(owner), got \(parsed?.owner ?? "nil")")
            }
            if let due = item["due"] as? String {
                tally("due", parsed?.due?.description == due, "item \(index + 1) want \(due), got \(parsed?.due?.description ?? "nil")")
            }
            if let done = item["done"] as? Bool {
                tally("done", (parsed?.status.isClosed ?? !done) == done, "item \(index + 1) want done=\(done), got \(parsed?.status.rawValue ?? "no item")")
            }
        }
        let sections = label["sections"] as? [String: Bool] ?? [:]
        for (name, present) in sections.sorted(by: { $0.key < $1.key }) where present {
            let kinds: [SectionKind]
            switch name {
            case "summary": kinds = [.summary]
            case "impact": kinds = [.impact]
            case "timeline": kinds = [.timeline]
            case "root_cause": kinds = [.rootCause, .contributingFactors]
            case "action_items": kinds = [.actionItems]
            default: continue
            }
            let found = postmortem.sections.contains { $0.kind.map(kinds.contains) ?? false }
                || (name == "timeline" && !postmortem.timeline.isEmpty)
                || (name == "action_items" && !postmortem.actionItems.isEmpty)
            tally("sections", found, "\(name) not found")
            let falseError = errors.contains { diagnostic in
                Self.sectionName(in: diagnostic.message).flatMap(SectionKind.matching(heading:)).map(kinds.contains) ?? false
            }
            tally("false errors", !falseError, "required-section error on \(name)")
        }
    }

    // MARK: Comparison helpers

    static func plain(_ text: String) -> String {
        text.lowercased().filter { !"*_`#[]".contains($0) }.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static func handle(_ text: String) -> String {
        text.lowercased().replacingOccurrences(of: "@", with: "").trimmingCharacters(in: .whitespaces)
    }

    static func ratio(_ a: Int, _ b: Int) -> Double {
        max(a, b) == 0 ? 1 : Double(min(a, b)) / Double(max(a, b))
    }

    static func instant(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }

    static func iso(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }

    /// The section a `required-section` message is about: the name in its first backticks.
    static func sectionName(in message: String) -> String? {
        let parts = message.split(separator: "`", omittingEmptySubsequences: false)
        guard parts.count >= 2 else { return nil }
        return parts[1].replacingOccurrences(of: "#", with: "").trimmingCharacters(in: .whitespaces)
    }

    /// The share of a field, `false errors` as the share of sections that drew one.
    func figure(_ field: String) -> Double? {
        guard let share = tallies[field]?.share else { return nil }
        return field == "false errors" ? 1 - share : share
    }

    static func table(_ rows: [(String, RealCorpusScore)]) -> String {
        var out = "folder".padding(toLength: 10, withPad: " ", startingAt: 0)
        for field in fields { out += " " + field.padding(toLength: 12, withPad: " ", startingAt: 0) }
        out += " invented\n"
        for (name, score) in rows {
            out += name.padding(toLength: 10, withPad: " ", startingAt: 0)
            for field in fields {
                let text = score.figure(field).map { String(format: "%.1f%%", $0 * 100) } ?? "-"
                out += " " + text.padding(toLength: 12, withPad: " ", startingAt: 0)
            }
            out += " \(score.invented)\n"
        }
        return out
    }
}
