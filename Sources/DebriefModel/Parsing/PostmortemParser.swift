import Foundation
import Markdown

/// Reads one postmortem in any of the shapes SPEC section 3 lists into a `Postmortem`.
/// Every line number it records is the real 1-based line of the file, front matter included.
public struct PostmortemParser: Sendable {
    public let config: DebriefConfig
    private let milestoneKeywords: MilestoneKeywordMatcher
    private let sectionNames: SectionNames

    public init(config: DebriefConfig = DebriefConfig()) {
        self.config = config
        milestoneKeywords = MilestoneKeywordMatcher(config.milestoneKeywords)
        sectionNames = config.sectionNames
    }

    /// Header fields are looked for in at most this many lines before the first section.
    static let headerLineLimit = 200

    /// How many days a title's date may follow the incident the summary dates.
    static let titleDateLag = 7

    public func parse(text: String, path: String) -> Postmortem {
        var postmortem = Postmortem(path: path, slug: Slug.make(fromPath: path))
        let front = FrontMatter.split(text, path: path)
        postmortem.body = front.body
        postmortem.bodyLineOffset = front.bodyLineOffset
        postmortem.parseDiagnostics = front.diagnostics
        let document = MarkdownParser.parse(front.body, lineOffset: front.bodyLineOffset)
        if document.nestingTruncated {
            postmortem.parseDiagnostics.append(Diagnostic(
                file: path, line: front.bodyLineOffset + 1, severity: .warning, rule: "markdown-nesting",
                message: "lists or quotes nest more than \(MarkdownParser.maximumDepth) levels deep; the deeper content is kept as plain text, flatten the nesting"))
        }
        let blocks = document.blocks
        let lines = DocumentLines(text: text, bodyLineOffset: front.bodyLineOffset, blocks: blocks)

        if let slug = front.string("slug") ?? front.string("id") { postmortem.slug = Slug.make(slug) }
        // With the title in front matter, `# Timeline` opens a section rather than titling the page.
        let titled = front.string("title") != nil
        let titleHeading = blocks.first { $0.kind == .heading(level: 1) && !(titled && sectionNames.kind(of: $0.plainText) != nil) }
            ?? blocks.first { block in
                if case .heading = block.kind { return Self.strippingTitlePrefix(block.plainText) != nil }
                return false
            }
        let sections = SectionReader.read(blocks: blocks, lines: lines, titleLine: titleHeading?.line, names: sectionNames)
        postmortem.sections = sections

        var header = HeaderFields()
        header.read(frontMatter: front)
        // Bold labels in the header (`- **Impact**: ...`, `- **Key events**`) are fields too.
        let firstSection = sections.first { $0.level < SectionReader.labelLevel }?.line ?? lines.lastLine + 1
        let headerEnd = min(firstSection - 1, lines.bodyStart + Self.headerLineLimit, lines.lastLine)
        if lines.bodyStart <= headerEnd { header.read(lines: lines, range: lines.bodyStart...headerEnd) }
        if let first = sections.first(where: { $0.level < SectionReader.labelLevel }) {
            header.read(openingListOf: first, blocks: blocks, lines: lines)
        }
        postmortem.fields = header.fields
        // The summary's opening dates the incident and says how long it lasted; it and the impact
        // section may state the window of impact.
        let summaries = SectionReader.outermost(.summary, in: sections)
        postmortem.statedDurations = StatedDurationReader(lines: lines).read(headerFields: header.fields, text: text, summary: summaries.first,
                                                                          timeline: SectionReader.outermost(.timeline, in: sections))

        let titleDate = readTitle(into: &postmortem, front: front, heading: titleHeading, header: header)
        readMetadata(into: &postmortem, front: front, header: header, titleDate: titleDate)
        let region = readTimezone(into: &postmortem, front: front, sections: sections, summaries: summaries, lines: lines)

        // Incident date: the explicit field, title date or a start field, else the first dated timeline entry,
        // else the summary's `On 4th October, ...`, else the file name's date (often the
        // publication date, so it comes last and only places dates without a year).
        let fileDate = DateReader.leadingDateTime(postmortem.path.split(separator: "/").last ?? "")?.match.day // 2018-01-18-name.md
        let dateComesFromTitle = postmortem.date != nil && header.field(.date) == nil && postmortem.date == titleDate
        let summaryDate = postmortem.date != nil && !dateComesFromTitle ? nil
            : summaries.first.flatMap { DateReader.dayAfterOn(in: $0.text, reference: titleDate ?? fileDate) }
        // A title's date is often the day the report was written: a summary that tells of the
        // incident a few days before (`On the evening of Feb 23, ...`) dates it.
        if dateComesFromTitle, let told = summaryDate, let titled = postmortem.date, told < titled, told.days(until: titled) <= Self.titleDateLag {
            postmortem.date = told
        }
        func readTimeline(on day: Day?) -> (entries: [TimelineEntry], firstDay: Day?) {
            TimelineReader(lines: lines, blocks: blocks, incidentDate: day, timezoneOffset: postmortem.timezoneOffset, region: region)
                .read(sections: sections)
        }
        let dateIsExplicit = postmortem.date != nil
        let referenceDay = postmortem.date ?? summaryDate ?? fileDate
        var (timeline, firstDay) = readTimeline(on: referenceDay)
        if postmortem.date == nil, let firstDay {
            postmortem.date = firstDay
            if firstDay != referenceDay { timeline = readTimeline(on: firstDay).entries }
        }
        if postmortem.date == nil { postmortem.date = referenceDay }
        if let region { postmortem.timezoneOffset = TimezoneNote.offset(of: region, on: postmortem.date) }
        postmortem.timeline = timeline
        for entry in timeline {
            for name in AlertMentions.names(in: entry.text) where !postmortem.alerts.contains(name) {
                postmortem.alerts.append(name)
            }
        }
        postmortem.actionItems = ActionItemReader(lines: lines, blocks: blocks, incidentDate: postmortem.date).read(sections: sections)
        postmortem.milestones = MilestoneReader(keywords: milestoneKeywords, incidentDate: postmortem.date,
                                                timezoneOffset: postmortem.timezoneOffset)
            .read(frontMatter: front, keyEvents: header.keyEvents + header.milestoneFields, timeline: timeline,
                  statedSections: summaries + SectionReader.outermost(.impact, in: sections), lines: lines)
        // A timeline often opens with background days before the impact: the incident's day is
        // the day impact began.
        if !dateIsExplicit, let started = postmortem.milestones.started, timeline.contains(where: { $0.line == started.line }) {
            postmortem.date = Day(started.time.addingTimeInterval(TimeInterval(postmortem.timezoneOffset)))
        }
        postmortem.headerLines = Self.headerLines(blocks: blocks, fields: postmortem.fields, bodyLineOffset: front.bodyLineOffset)
        postmortem.preamble = Self.preamble(lines: lines, before: firstSection, skipping: Set(postmortem.headerLines))
        document.root.forEachDescendant { node in
            switch node.kind {
            case .link(let url), .image(let url): postmortem.links.append(Link(text: node.plainText, url: url, line: node.line))
            default: break
            }
        }
        return postmortem
    }

    /// The body's text before line `end` that is not title or header fields, markup stripped.
    static func preamble(lines: DocumentLines, before end: Int, skipping header: Set<Int>) -> String {
        guard lines.bodyStart < min(end, lines.lastLine + 1) else { return "" }
        return (lines.bodyStart..<min(end, lines.lastLine + 1))
            .filter { !header.contains($0) && !lines[$0].isBlank }
            .map { InlineMarkup.strip(lines[$0]) }
            .joined(separator: "\n")
    }

    /// The H1 title's lines and the body's header field lines, when they come before the first
    /// section heading.
    static func headerLines(blocks: [MarkdownNode], fields: [Field], bodyLineOffset: Int) -> [Int] {
        let firstSection = blocks.first { if case .heading(let level) = $0.kind { return level >= 2 } else { return false } }?.line ?? Int.max
        var lines = Set<Int>()
        if let title = blocks.first, title.kind == .heading(level: 1), title.line < firstSection {
            lines.formUnion(title.line...max(title.line, title.endLine))
        }
        for field in fields where field.line > bodyLineOffset && field.line < firstSection { lines.insert(field.line) }
        return lines.sorted()
    }

    // MARK: Title and header facts

    /// Title from front matter, the first H1 (prefix removed), a `POSTMORTEM: ...` line, or the
    /// file name. Returns the date when the title starts with one (`# 2018-01-18, reddit hug`).
    private func readTitle(into postmortem: inout Postmortem, front: FrontMatter, heading: MarkdownNode?, header: HeaderFields) -> Day? {
        if let title = front.string("title"), !title.isEmpty {
            postmortem.title = title
            postmortem.titleLine = front.line("title")
            return nil
        }
        var title: String
        if let heading {
            let text = heading.plainText.collapsingWhitespace
            title = Self.strippingTitlePrefix(text) ?? text
            postmortem.titleLine = heading.line
        } else if let field = header.field(.title), !field.value.isEmpty {
            title = field.value
            postmortem.titleLine = field.line
        } else {
            postmortem.title = Self.titleFromFileName(postmortem.path)
            postmortem.titleLine = 1
            return nil
        }
        // `2018-01-18, reddit hugs mybinder` / `incident date: 2019-02-20, logs unavailable`
        var titleDate: Day?
        if let match = DateReader.firstDateTime(in: title), let day = match.day {
            let scalars = Array(title.unicodeScalars)
            let before = String(String.UnicodeScalarView(scalars[..<match.start])).trimmed()
            titleDate = day
            if before.isEmpty || (before.hasSuffix(":") && before.split(separator: " ").count <= 3) {
                var rest = DateReader.trimSeparators(String(String.UnicodeScalarView(scalars[match.end...])))
                if rest.first?.isNumber == true, let comma = rest.textRange(of: ", ") { rest = String(rest[comma.upperBound...]) }
                if !rest.isEmpty { title = rest }
            }
        }
        postmortem.title = title
        return titleDate
    }

    /// `2021-05-09-negative-coin-values.md` -> `negative coin values`: the name without its date.
    public static func titleFromFileName(_ path: String) -> String {
        let stem = String(Slug.fileStem(ofPath: path))
        var rest = stem
        if let (_, raw, remainder) = DateReader.leadingDateTime(stem), !raw.isEmpty, !remainder.isEmpty { rest = remainder }
        let words = rest.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == " " })
        return words.isEmpty ? stem : words.joined(separator: " ")
    }

    /// `Postmortem: X` -> `X` (also `POSTMORTEM:`, `Post-mortem:`, `Incident:`, `Incident Report:`).
    static func strippingTitlePrefix(_ text: String) -> String? {
        let lower = text.lowercased()
        for prefix in ["postmortem:", "post-mortem:", "post mortem:", "incident report:", "incident postmortem:", "incident:"]
        where lower.hasPrefix(prefix) {
            let rest = text.dropFirst(prefix.count).trimmed()
            return rest.isEmpty ? nil : rest
        }
        return nil
    }

    private func readMetadata(into postmortem: inout Postmortem, front: FrontMatter, header: HeaderFields, titleDate: Day?) {
        postmortem.date = header.field(.date).flatMap { DateReader.day(in: $0.value) }
            ?? titleDate
            ?? header.keyEvents.lazy.compactMap { DateReader.day(in: $0.value) }.first
            // A start written as a field (`start_time: 2012-07-30T02:33:00Z`, `Start time (UTC): 2025-08-19 07:42`).
            ?? header.startFields.lazy.compactMap { DateReader.day(in: $0.value) }.first
        if let severity = header.field(.severity), !severity.value.isEmpty {
            postmortem.rawSeverity = severity.value
            postmortem.severity = SeverityNormalizer(levels: config.severities).normalize(severity.value)
        }
        postmortem.status = header.field(.status).map(\.value).flatMap { $0.isEmpty ? nil : $0 }
        // Only front matter: in the body, `Summary:` opens the Summary section.
        postmortem.summary = ["summary", "description", "abstract"].lazy.compactMap { front.string($0) }.first { !$0.isEmpty }
        postmortem.services = list(.services, front: front, header: header)
        postmortem.tags = list(.tags, front: front, header: header)
        postmortem.authors = list(.authors, front: front, header: header, separators: [",", ";", " and ", " & "])
        postmortem.incidentCommander = header.field(.commander).map(\.value).flatMap { $0.isEmpty ? nil : $0 }
            ?? postmortem.authors.first { $0.byteOffset(of: "(IC)", from: 0, foldingCase: false) != nil }.map { $0.replacingOccurrences(of: "(IC)", with: "").trimmed() }
        postmortem.alerts = list(.alerts, front: front, header: header)
        postmortem.related = list(.related, front: front, header: header)
        postmortem.ignoredRules = front.strings("debrief-ignore")
    }

    /// A list-valued fact: a front matter sequence as is, else the field split at commas.
    private func list(_ key: HeaderFields.Key, front: FrontMatter, header: HeaderFields, separators: [String] = [",", ";"]) -> [String] {
        for spelling in key.spellings {
            if case .sequence(let items)? = front.values[spelling] { return items.compactMap(\.string) }
        }
        guard let value = header.field(key)?.value else { return [] }
        var parts = [value]
        for separator in separators {
            parts = parts.flatMap { part in
                var pieces: [String] = []
                var rest = part
                while let range = rest.textRange(of: separator) {
                    pieces.append(String(rest[..<range.lowerBound]))
                    rest = String(rest[range.upperBound...])
                }
                return pieces + [rest]
            }
        }
        return parts.map { $0.trimmed() }.filter { !$0.isEmpty }
    }

    // MARK: Time zone

    /// The text without its URLs and code spans: `us-central1-a` in a log link or in quoted
    /// output names no zone.
    private static func droppingLinksAndCode(_ text: Substring) -> Substring {
        // Quoted output names no time zone: `in zone [us-central1-a]` in a code span.
        let text = text.contains("`") ? Substring(text.split(separator: "`", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset.isMultiple(of: 2) }.map(\.element).joined(separator: " ")) : text
        guard text.containsText("://") else { return text }
        return Substring(text.split(separator: " ").filter { !$0.containsText("://") }.joined(separator: " "))
    }

    /// Front matter `timezone`, else a note in the timeline heading (`Timeline (UTC)`), its
    /// first lines (`All times in CEST`, a table header `Date and Time in CET`), else any
    /// `All times ...` line; UTC otherwise. Returns the region zone (`US/Pacific`) when one is
    /// named, whose offset follows daylight saving.
    private func readTimezone(into postmortem: inout Postmortem, front: FrontMatter, sections: [Section], summaries: [Section],
                              lines: DocumentLines) -> TimeZone? {
        var candidates: [Substring] = []
        if let zone = front.string("timezone") ?? front.string("time_zone") { candidates.append(Substring(zone)) }
        for section in sections where section.means(.timeline) {
            if let open = section.heading.firstIndex(of: "(") { candidates.append(section.heading[open...]) }
            var seen = 0
            var number = section.line + 1
            while number <= section.endLine, seen < 3 {
                if !lines.isBlank(number) {
                    seen += 1
                    if !lines.isCode(number), TimezoneNote.isNote(lines[number]) { candidates.append(lines[number]) }
                }
                number += 1
            }
        }
        if lines.bodyStart <= lines.lastLine {
            for number in lines.bodyStart...lines.lastLine {
                // The first byte rules out nearly every line before the prefix comparisons.
                guard let first = lines[number].utf8.first, "Aa*_(T".utf8.contains(first) else { continue }
                let line = lines[number].drop { $0 == "*" || $0 == "_" || $0 == "(" || $0 == " " }
                if line.hasPrefix("All times") || line.hasPrefix("all times") || line.hasPrefix("Times are") { candidates.append(line) }
            }
        }
        // Last, the zone the summary writes its window in (`from 16:40 to 18:05 PST`).
        for section in summaries.prefix(1) {
            let window = (section.line...max(section.line, section.endLine)).first { number in
                number <= lines.lastLine && lines[number].containsText("from ", followedByDigitWithin: 24)
                    && DateReader.window(in: InlineMarkup.strip(lines[number]), reference: nil)?.to.zoneOffset != nil
            }
            if let window { candidates.append(lines[window]) }
        }
        for candidate in candidates.map(Self.droppingLinksAndCode) {
            if let region = TimezoneNote.region(in: candidate) {
                postmortem.timezoneName = region.identifier
                postmortem.timezoneOffset = TimezoneNote.offset(of: region, on: postmortem.date)
                return region
            }
            if let zone = TimezoneNote.find(in: candidate) {
                postmortem.timezoneOffset = zone.offset
                postmortem.timezoneName = zone.name
                return nil
            }
        }
        return nil
    }
}
