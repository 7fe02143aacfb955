/// A mustache layout parsed once (TemplateParser) and flattened into `ops`, rendered many times
/// (TemplateRenderer). docs/layouts.md lists the syntax supported.
public struct Template: Sendable {
    /// The layout's name (file name without `.mustache`), for error messages.
    public let name: String
    /// The nodes in document order, each section's children right after it.
    let ops: [TemplateOp]
    /// What the ops refer to by number: the renderer copies ops without retaining anything.
    let texts: [[UInt8]]
    let names: [TemplateName]
    let partials: [(name: String, indentation: [UInt8]?)]

    /// Parses `text`; throws `TemplateSyntaxError` (with a line) for invalid or unsupported syntax.
    public init(name: String, text: String) throws {
        self.name = name
        var program = Program()
        program.add(try TemplateParser.parse(text))
        (ops, texts, names, partials) = (program.ops, program.texts, program.names, program.partials)
    }

    private struct Program {
        var ops: [TemplateOp] = []
        var texts: [[UInt8]] = []
        var names: [TemplateName] = []
        var partials: [(name: String, indentation: [UInt8]?)] = []

        mutating func add(_ nodes: [TemplateNode]) {
            for node in nodes {
                switch node {
                case .text(let bytes):
                    texts.append(bytes)
                    ops.append(.text(texts.count - 1))
                case .variable(let name, let escaped, let line):
                    names.append(name)
                    ops.append(.variable(name: names.count - 1, escaped: escaped, line: line))
                case .section(let name, let inverted, let line, let children):
                    names.append(name)
                    let (nameIndex, position) = (names.count - 1, ops.count)
                    ops.append(.section(name: nameIndex, inverted: inverted, line: line, end: position + 1))
                    add(children)
                    ops[position] = .section(name: nameIndex, inverted: inverted, line: line, end: ops.count)
                case .partial(let name, let indentation):
                    partials.append((name, indentation))
                    ops.append(.partial(partials.count - 1))
                }
            }
        }
    }
}

/// One step of a flattened template; the numbers index the template's tables.
enum TemplateOp: Sendable {
    case text(Int)
    case variable(name: Int, escaped: Bool, line: Int)
    /// Its children are the ops after it, up to `end` (exclusive).
    case section(name: Int, inverted: Bool, line: Int, end: Int)
    case partial(Int)
}

/// One piece of a parsed template.
enum TemplateNode: Sendable {
    /// Literal bytes, copied as they are.
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}`/`{{&name}}` (unescaped); `line` for render errors.
    case variable(TemplateName, escaped: Bool, line: Int)
    /// `{{#name}}...{{/name}}`, or `{{^name}}...{{/name}}` when inverted; `line`: the opening tag's.
    case section(TemplateName, inverted: Bool, line: Int, children: [TemplateNode])
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
