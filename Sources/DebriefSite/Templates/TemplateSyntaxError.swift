/// Why a layout could not be parsed, and on which line (1-based). SiteLayouts adds the file.
public struct TemplateSyntaxError: Error, CustomStringConvertible, Sendable, Equatable {
    public var line: Int
    public var message: String

    public init(line: Int, _ message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { "line \(line): \(message)" }
}
