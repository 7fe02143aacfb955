/// Why a layout could not be rendered with a page's values: the template holding the tag (a
/// partial's own name when the tag is in a partial) and its line (1-based). SiteLayouts adds
/// the file, as for a `TemplateSyntaxError`.
public struct TemplateRenderError: Error, CustomStringConvertible, Sendable, Equatable {
    public var template: String
    public var line: Int
    public var message: String

    public init(template: String, line: Int, _ message: String) {
        self.template = template
        self.line = line
        self.message = message
    }

    public var description: String { "\(template).mustache:\(line): \(message)" }
}
