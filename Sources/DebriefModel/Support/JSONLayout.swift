/// Where `JSONWriter` puts white space. Only white space differs between layouts.
public struct JSONLayout: Sendable, Equatable {
    /// A line per value, indented two spaces per level.
    public var indents: Bool
    /// Between a key and its value.
    public var keySeparator: String
    /// `[` and `]` of an empty container on lines of their own, with an empty line between.
    public var breaksEmptyContainers: Bool

    /// No white space: files only scripts read.
    public static let compact = JSONLayout(indents: false, keySeparator: ":", breaksEmptyContainers: false)
    /// `"key": value`: the site's `api/` exports of documents.
    public static let pretty = JSONLayout(indents: true, keySeparator: ": ", breaksEmptyContainers: false)
    /// `"key" : value` and empty containers over three lines, as Foundation's pretty-printed
    /// `JSONEncoder` writes: `--format json` of the commands (but `coverage`, which writes
    /// `api/coverage.json`), SARIF, `api/metrics.json`.
    public static let spacedPretty = JSONLayout(indents: true, keySeparator: " : ", breaksEmptyContainers: true)
}
