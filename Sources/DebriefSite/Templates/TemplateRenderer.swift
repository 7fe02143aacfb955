/// Renders parsed templates into UTF-8 bytes: a context stack of `TemplateValue`s, names looked
/// up from the innermost context outwards, `{{x}}` HTML-escaped byte by byte.
struct TemplateRenderer {
    /// Partials nested deeper than this are a template that includes itself.
    static let maximumPartialDepth = 64

    private let templates: [String: Template]
    private(set) var output: [UInt8] = []
    private var stack: [TemplateValue]
    /// Indentation owed before the next byte written (see `render(_:indentation:)`).
    private var pendingIndentation: [UInt8]?
    private var partialDepth = 0

    init(templates: [String: Template], context: TemplateValue, capacity: Int) {
        self.templates = templates
        stack = [context]
        output.reserveCapacity(capacity)
    }

    mutating func render(_ template: Template) throws {
        try render(template.nodes, in: template, indentation: [])
    }

    /// As swift-mustache does for a standalone partial: within one rendering of a node list (a
    /// partial, one pass of a section), a node that writes something right after a line feed
    /// written by that same list is preceded by `indentation`. The indentation is only owed until
    /// the node writes its first byte, so a node that writes nothing gets none.
    private mutating func render(_ nodes: [TemplateNode], in template: Template, indentation: [UInt8]) throws {
        let start = output.count
        for node in nodes {
            let owesIndentation = !indentation.isEmpty && output.count > start && output.last == UInt8(ascii: "\n")
            if owesIndentation { pendingIndentation = indentation }
            try render(node, in: template, indentation: indentation)
            if owesIndentation { pendingIndentation = nil }
        }
    }

    private mutating func render(_ node: TemplateNode, in template: Template, indentation: [UInt8]) throws {
        switch node {
        case .text(let bytes):
            write(bytes)

        case .variable(let name, let escaped, let line):
            switch lookUp(name) {
            case nil, .null?:
                break
            case .text(let text)?:
                if escaped { writeEscaped(text) } else { write(text) }
            case .bool(let flag)?:
                write(flag ? "true" : "false")
            case .list?, .object?:
                throw SiteBuildError("layout \(template.name).mustache line \(line): {{\(name.text)}} is a list or an object; use {{#\(name.text)}}...{{/\(name.text)}} to show its items")
            }

        case .section(let name, let inverted, let children):
            let value = lookUp(name)
            if inverted {
                switch value {
                case nil, .null?, .bool(false)?:
                    try render(children, in: template, indentation: indentation)
                case .list(let items)? where items.isEmpty:
                    try withContext(.list(items)) { try $0.render(children, in: template, indentation: indentation) }
                default:
                    break
                }
                return
            }
            switch value {
            case nil, .null?, .bool(false)?:
                break
            case .bool(true)?:
                try render(children, in: template, indentation: indentation)
            case .list(let items)?:
                for item in items {
                    try withContext(item) { try $0.render(children, in: template, indentation: indentation) }
                }
            case let value?:
                try withContext(value) { try $0.render(children, in: template, indentation: indentation) }
            }

        case .partial(let name, let partialIndentation):
            // A partial naming no layout renders nothing, as in swift-mustache.
            guard let partial = templates[name] else { return }
            guard partialDepth < TemplateRenderer.maximumPartialDepth else {
                throw SiteBuildError("layout \(template.name).mustache: partials nested more than \(TemplateRenderer.maximumPartialDepth) deep at {{> \(name)}} (does a layout include itself?)")
            }
            partialDepth += 1
            defer { partialDepth -= 1 }
            try render(partial.nodes, in: partial, indentation: indentation + (partialIndentation ?? []))
        }
    }

    private mutating func withContext(_ value: TemplateValue, _ body: (inout TemplateRenderer) throws -> Void) throws {
        stack.append(value)
        defer { stack.removeLast() }
        try body(&self)
    }

    /// The first context, innermost first, that has the name's first component decides (even
    /// when its value is null); the other components are looked up in that value only.
    private func lookUp(_ name: TemplateName) -> TemplateValue? {
        guard let first = name.components.first else { return stack.last }
        var value: TemplateValue?
        if name.anchored {
            value = stack.last?.member(first)
        } else {
            for index in stack.indices.reversed() {
                if let found = stack[index].member(first) {
                    value = found
                    break
                }
            }
        }
        for component in name.components.dropFirst() {
            value = value?.member(component)
        }
        return value
    }

    // MARK: - Output

    private mutating func flushIndentation() {
        if let indentation = pendingIndentation {
            output.append(contentsOf: indentation)
            pendingIndentation = nil
        }
    }

    private mutating func write(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        flushIndentation()
        output.append(contentsOf: bytes)
    }

    private mutating func write(_ text: String) {
        guard !text.isEmpty else { return }
        flushIndentation()
        output.append(contentsOf: text.utf8)
    }

    /// `&`, `<`, `>`, `"` and `'` as the entities swift-mustache used (`&amp;`, `&lt;`, `&gt;`,
    /// `&quot;`, `&#39;`); runs without them are copied at once.
    private mutating func writeEscaped(_ text: String) {
        guard !text.isEmpty else { return }
        flushIndentation()
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            for index in bytes.indices {
                let entity: StaticString
                switch bytes[index] {
                case UInt8(ascii: "&"): entity = "&amp;"
                case UInt8(ascii: "<"): entity = "&lt;"
                case UInt8(ascii: ">"): entity = "&gt;"
                case UInt8(ascii: "\""): entity = "&quot;"
                case UInt8(ascii: "'"): entity = "&#39;"
                default: continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                output.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
                runStart = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
    }
}
