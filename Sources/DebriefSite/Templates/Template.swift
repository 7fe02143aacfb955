/// A mustache layout parsed once into a tree of nodes (TemplateParser), rendered many times
/// (TemplateRenderer). docs/layouts.md lists the syntax supported.
public struct Template: Sendable {
    /// The layout's name (file name without `.mustache`), for error messages.
    public let name: String
    let nodes: [TemplateNode]

    /// Parses `text`; throws `TemplateSyntaxError` (with a line) for invalid or unsupported syntax.
    public init(name: String, text: String) throws {
        self.name = name
        nodes = try TemplateParser.parse(text)
    }
}

/// One piece of a parsed template.
enum TemplateNode: Sendable {
    /// Literal bytes, copied as they are.
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}`/`{{&name}}` (unescaped); `line` for render errors.
    case variable(TemplateName, escaped: Bool, line: Int)
    /// `{{#name}}...{{/name}}`, or `{{^name}}...{{/name}}` when inverted.
    case section(TemplateName, inverted: Bool, children: [TemplateNode])
    /// `{{> name}}`; `indentation` is the whitespace before a partial alone on its line, which
    /// every line of the partial receives (nil when the partial shares its line with other text).
    case partial(String, indentation: [UInt8]?)
}

/// A value name as written (`title`, `incident.url`, `.`), split once on its dots.
struct TemplateName: Sendable, Equatable {
    let text: String
    /// Empty for `.`: the current context itself.
    let components: [String]
    /// `.name`: look only in the current context, not in the ones around it.
    let anchored: Bool

    init(_ text: String) {
        self.text = text
        components = text.split(separator: ".").map(String.init)
        anchored = text.hasPrefix(".")
    }
}
