import Foundation

/// A postmortem as parsed from one markdown file: every fact Debrief knows about it, with
/// the source line it came from.
///
/// The facts live in one copy-on-write box, read and written as `postmortem.title`: a
/// postmortem is copied into every row, group and page that shows it, and each copy of the
/// plain struct retained its two dozen strings and arrays (copies of the structs holding a
/// postmortem were 6% of a build's CPU samples).
@dynamicMemberLookup
public struct Postmortem: Sendable, Hashable, Codable {
    public struct Facts: Sendable, Hashable, Codable {
        /// Path relative to the knowledge base root, `/` separated.
        public var path: String
        /// URL-safe identifier, unique in the knowledge base (from front matter `id`/`slug` or the file name).
        public var slug: String
        public var title: String?
        public var titleLine: Int
        public var date: Day?
        /// The severity as written (`SEV-1`, `P1`, `Critical`, ...).
        public var rawSeverity: String?
        /// The configured level it normalises to (`SEV1`), nil when missing or unrecognised.
        public var severity: String?
        public var status: String?
        /// The summary front matter states (`summary`, `description` or `abstract`).
        public var summary: String?
        public var services: [String]
        public var tags: [String]
        public var authors: [String]
        public var incidentCommander: String?
        public var alerts: [String]
        /// Slugs or titles of related incidents named explicitly (front matter `related`).
        public var related: [String]
        /// Durations the authors wrote (`Duration: 43 minutes`, `Time to recovery: 84 minutes`), one of each kind.
        public var statedDurations: [StatedDuration]
        /// Timezone the timeline is written in (`All times in CEST`), as seconds from UTC.
        public var timezoneOffset: Int
        public var timezoneName: String
        /// Every header field as written, in source order (front matter, bold fields, plain lines, key events).
        public var fields: [Field]
        public var sections: [Section]
        public var timeline: [TimelineEntry]
        public var actionItems: [ActionItem]
        public var milestones: Milestones
        /// Links found in the body (for reference checks), with their lines.
        public var links: [Link]
        /// Rule ids suppressed in front matter (`debrief-ignore: [rule-id]`).
        public var ignoredRules: [String]
        /// Text before the first section that is neither title nor header field (an opening
        /// paragraph without a heading), markup stripped.
        public var preamble: String
        /// Markdown after the front matter, for rendering; `bodyLineOffset` maps its lines back.
        public var body: String
        public var bodyLineOffset: Int
        /// File lines of the H1 title and of header fields above the first section: shown as the
        /// page's metadata, so the site leaves them out of the rendered body.
        public var headerLines: [Int]
        /// Problems met while reading the file (unterminated front matter, invalid UTF-8, ...).
        public var parseDiagnostics: [Diagnostic]

        public init(path: String, slug: String) {
            self.path = path
            self.slug = slug
            title = nil
            titleLine = 1
            date = nil
            rawSeverity = nil
            severity = nil
            status = nil
            summary = nil
            services = []
            tags = []
            authors = []
            incidentCommander = nil
            alerts = []
            related = []
            statedDurations = []
            timezoneOffset = 0
            timezoneName = "UTC"
            fields = []
            sections = []
            timeline = []
            actionItems = []
            milestones = Milestones()
            links = []
            ignoredRules = []
            preamble = ""
            body = ""
            bodyLineOffset = 0
            headerLines = []
            parseDiagnostics = []
        }
    }

    @usableFromInline final class Box: @unchecked Sendable {
        // Mutated only through `subscript(dynamicMember:)`, after making the box unique.
        @usableFromInline var facts: Facts
        @usableFromInline init(_ facts: Facts) { self.facts = facts }
    }

    @usableFromInline var box: Box

    public init(path: String, slug: String) {
        box = Box(Facts(path: path, slug: slug))
    }

    @inlinable public subscript<Value>(dynamicMember keyPath: WritableKeyPath<Facts, Value>) -> Value {
        get { box.facts[keyPath: keyPath] }
        _modify {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.facts) }
            yield &box.facts[keyPath: keyPath]
        }
    }

    /// The first section of a kind, if present.
    public func section(_ kind: SectionKind) -> Section? {
        box.facts.sections.first { $0.means(kind) }
    }

    /// The stated duration of a kind, in seconds.
    public func stated(_ kind: StatedDuration.Kind) -> TimeInterval? {
        box.facts.statedDurations.first { $0.kind == kind }?.seconds
    }

    /// The stated length of the incident (`Duration: 43 minutes`), in seconds.
    public var statedDuration: TimeInterval? { stated(.duration) }

    public var isDraft: Bool {
        box.facts.status?.containsText("draft") ?? false
    }

    public static func == (a: Postmortem, b: Postmortem) -> Bool {
        a.box === b.box || a.box.facts == b.box.facts
    }

    public func hash(into hasher: inout Hasher) {
        box.facts.hash(into: &hasher)
    }

    /// Encoded as its facts, with the keys a plain struct had.
    public init(from decoder: any Decoder) throws {
        box = Box(try Facts(from: decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        try box.facts.encode(to: encoder)
    }
}

/// A header fact as written in the file.
public struct Field: Sendable, Hashable, Codable {
    public var key: String
    public var value: String
    public var line: Int

    public init(key: String, value: String, line: Int) {
        self.key = key
        self.value = value
        self.line = line
    }
}

/// A link in the body of a document.
public struct Link: Sendable, Hashable, Codable {
    public var text: String
    public var url: String
    public var line: Int

    public init(text: String, url: String, line: Int) {
        self.text = text
        self.url = url
        self.line = line
    }
}
