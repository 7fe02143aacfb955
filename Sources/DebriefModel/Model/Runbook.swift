/// A runbook, from YAML (seed schema) or markdown; both forms fill the same model.
public struct Runbook: Sendable, Hashable, Codable {
    public enum Format: String, Sendable, Hashable, Codable { case yaml, markdown }

    /// What the file is: a runbook in use, one kept for an alert being retired (`# Alert
    /// [Deprecated]`, `status: deprecated`), a stub that says the runbook moved, or a document
    /// without an alert that runbooks link to (a shared how-to). Only `active` and `deprecated`
    /// runbooks are held to the runbook rules.
    public enum Status: String, Sendable, Hashable, Codable { case active, deprecated, redirect, document }

    public struct DiagnosisStep: Sendable, Hashable, Codable {
        public var step: String
        public var command: String?
        public var expected: String?
        public var line: Int

        public init(step: String, command: String? = nil, expected: String? = nil, line: Int) {
            self.step = step
            self.command = command
            self.expected = expected
            self.line = line
        }
    }

    public struct MitigationOption: Sendable, Hashable, Codable {
        public var option: String
        public var when: String?
        public var command: String?
        public var verify: String?
        public var line: Int

        public init(option: String, when: String? = nil, command: String? = nil, verify: String? = nil, line: Int) {
            self.option = option
            self.when = when
            self.command = command
            self.verify = verify
            self.line = line
        }
    }

    public var path: String
    public var slug: String
    public var format: Format
    public var title: String?
    public var titleLine: Int
    public var service: String?
    public var severity: String?
    public var owner: String?
    /// Where `owner` was found: this file (front matter), or an `OWNERS` or `CODEOWNERS` file.
    public var ownerSource: String?
    public var status: Status
    /// Whether the runbook rules apply: an active runbook (not deprecated, moved or a document).
    public var isInUse: Bool { status == .active }
    /// Whether the runbook answers its alerts: active or deprecated (not moved, not a document).
    public var answersAlerts: Bool { status == .active || status == .deprecated }
    /// A redirect's target, as linked.
    public var redirectTarget: String?
    public var alertNames: [String]
    /// Line of the alert names (for duplicate-alert diagnostics).
    public var alertNamesLine: Int
    public var impact: String?
    public var lastReviewed: Day?
    public var lastReviewedLine: Int
    public var diagnosis: [DiagnosisStep]
    public var mitigation: [MitigationOption]
    public var recovery: [String]
    public var escalation: String?
    public var relatedRunbooks: [String]
    /// Every link and image in a markdown runbook, with its line.
    public var links: [Link]
    /// Markdown runbooks: every section as written (Meaning, Symptoms, ...), kept for rendering.
    public var sections: [Section]
    public var ignoredRules: [String]
    /// The source after any front matter: markdown (rendered on the site) or the YAML text.
    public var body: String
    public var bodyLineOffset: Int
    public var parseDiagnostics: [Diagnostic]

    public init(path: String, slug: String, format: Format) {
        self.path = path
        self.slug = slug
        self.format = format
        title = nil
        titleLine = 1
        service = nil
        severity = nil
        owner = nil
        ownerSource = nil
        status = .active
        redirectTarget = nil
        alertNames = []
        alertNamesLine = 1
        impact = nil
        lastReviewed = nil
        lastReviewedLine = 1
        diagnosis = []
        mitigation = []
        recovery = []
        escalation = nil
        relatedRunbooks = []
        links = []
        sections = []
        ignoredRules = []
        body = ""
        bodyLineOffset = 0
        parseDiagnostics = []
    }
}
