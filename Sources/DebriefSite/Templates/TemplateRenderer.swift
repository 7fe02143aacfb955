/// Renders parsed templates into UTF-8 bytes: a context stack of `TemplateValue`s, names looked
/// up from the innermost context outwards (one that no context has is a `TemplateRenderError`),
/// `{{x}}` HTML-escaped byte by byte.
struct TemplateRenderer {
    /// Partials nested deeper than this are a template that includes itself.
    static let maximumPartialDepth = 64

    private let library: TemplateLibrary
    private(set) var output: [UInt8] = []
    private var stack: [TemplateValue]
    /// Indentation owed before the next byte written (see `render(_:of:indentation:)`).
    private var pendingIndentation: [UInt8]?
    private var partialDepth = 0

    init(library: TemplateLibrary, context: TemplateValue, capacity: Int) {
        self.library = library
        stack = [context]
        output.reserveCapacity(capacity)
    }

    /// Renders the library's template number `template`.
    mutating func render(_ template: Int) throws {
        try render(library.numbered[template].ops.indices, of: template, indentation: [])
    }

    /// As swift-mustache does for a standalone partial: within one rendering of a node list (a
    /// partial, one pass of a section), a node that writes something right after a line feed
    /// written by that same list is preceded by `indentation`. The indentation is only owed until
    /// the node writes its first byte, so a node that writes nothing gets none.
    private mutating func render(_ ops: Range<Int>, of template: Int, indentation: [UInt8]) throws {
        let start = output.count
        var index = ops.lowerBound
        while index < ops.upperBound {
            let owesIndentation = !indentation.isEmpty && output.count > start && output.last == UInt8(ascii: "\n")
            if owesIndentation { pendingIndentation = indentation }
            let op = library.numbered[template].ops[index]
            try render(op, at: index, of: template, indentation: indentation)
            if owesIndentation { pendingIndentation = nil }
            if case .section(_, _, _, let end) = op { index = end } else { index += 1 }
        }
    }

    private mutating func render(_ op: TemplateOp, at index: Int, of template: Int, indentation: [UInt8]) throws {
        switch op {
        case .text(let text):
            write(library.numbered[template].texts[text])

        case .variable(let name, let escaped, let line):
            switch try lookUp(name, of: template, line: line, tag: escaped ? "" : "&") {
            case .null:
                break
            case .text(let text):
                if escaped { writeEscaped(text) } else { write(text) }
            case .bool(let flag):
                write(flag ? "true" : "false")
            case .list, .object:
                let text = library.numbered[template].names[name].text
                throw TemplateRenderError(template: library.numbered[template].name, line: line,
                                          "{{\(text)}} is a list or an object; use {{#\(text)}}...{{/\(text)}} to show its items")
            }

        case .section(let name, let inverted, let line, let end):
            let children = index + 1 ..< end
            let value = try lookUp(name, of: template, line: line, tag: inverted ? "^" : "#")
            if inverted {
                switch value {
                case .null, .bool(false):
                    try render(children, of: template, indentation: indentation)
                case .list(let items) where items.isEmpty:
                    try withContext(.list(items)) { try $0.render(children, of: template, indentation: indentation) }
                default:
                    break
                }
                return
            }
            switch value {
            case .null, .bool(false):
                break
            case .bool(true):
                try render(children, of: template, indentation: indentation)
            case .list(let items):
                for item in items {
                    try withContext(item) { try $0.render(children, of: template, indentation: indentation) }
                }
            default:
                try withContext(value) { try $0.render(children, of: template, indentation: indentation) }
            }

        case .partial(let partial):
            // A partial naming no layout renders nothing, as in swift-mustache.
            guard let target = library.partialTargets[template][partial] else { return }
            guard partialDepth < TemplateRenderer.maximumPartialDepth else {
                let (layout, name) = (library.numbered[template].name, library.numbered[template].partials[partial].name)
                throw SiteBuildError("layout \(layout).mustache: partials nested more than \(TemplateRenderer.maximumPartialDepth) deep at {{> \(name)}} (does a layout include itself?)")
            }
            partialDepth += 1
            defer { partialDepth -= 1 }
            let own = library.numbered[template].partials[partial].indentation ?? []
            try render(library.numbered[target].ops.indices, of: target, indentation: indentation + own)
        }
    }

    private mutating func withContext(_ value: TemplateValue, _ body: (inout TemplateRenderer) throws -> Void) throws {
        stack.append(value)
        defer { stack.removeLast() }
        try body(&self)
    }

    /// The value of the template's name number `name`, for the tag at `line` (`tag`: the sigil
    /// after `{{`, for the message). A name no context has is an error: a misspelt name would
    /// otherwise render as nothing. Pages give every name their layouts use, null when empty.
    private func lookUp(_ name: Int, of template: Int, line: Int, tag: String) throws -> TemplateValue {
        let name = library.numbered[template].names[name]
        guard let value = lookUp(name) else {
            throw TemplateRenderError(template: library.numbered[template].name, line: line,
                                      "{{\(tag)\(name.text)}}: no value named \(name.components.first ?? name.text) on this page (docs/layouts.md lists the values of each page)")
        }
        return value
    }

    /// The first context, innermost first, that has the name's first component decides (even
    /// when its value is null); the other components are looked up in that value only, and one
    /// it lacks is null. Nil when no context has the first component.
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
        guard var value else { return nil }
        for component in name.components.dropFirst() {
            value = value.member(component) ?? .null
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
