/// One alerting rule from a Prometheus rule file: what `debrief coverage` checks has a runbook.
public struct AlertRule: Sendable, Hashable, Codable {
    /// The `alert:` name.
    public var name: String
    /// The rule file, as given (relative to the knowledge base root when under it).
    public var file: String
    /// Line of the `alert:` key.
    public var line: Int
    /// `labels.severity`, when set.
    public var severity: String?
    /// `annotations.runbook_url`, when set.
    public var runbookURL: String?

    public init(name: String, file: String, line: Int, severity: String? = nil, runbookURL: String? = nil) {
        self.name = name
        self.file = file
        self.line = line
        self.severity = severity
        self.runbookURL = runbookURL
    }
}
