/// Parses mustache text (as UTF-8 bytes) into a tree of `TemplateNode`s.
///
/// Whitespace follows swift-mustache, the engine Debrief used before, so that every layout,
/// built-in or a user's override, renders byte for byte as it did: a section, inverted section,
/// closing, comment or partial tag alone on its line (only spaces and tabs around it) removes the
/// whole line; whether a tag is "alone" is decided as swift-mustache decides it, including after a
/// section whose opening and closing tags differ in being alone. Set delimiters, template
/// inheritance, dynamic partials, pragmas and transforms are refused with the line, never
/// rendered as something else.
struct TemplateParser {
    private let bytes: [UInt8]
    private var position = 0
    /// Offsets at which each line starts, for error line numbers.
    private let lineStarts: [Int]

    /// Sections nest at most this deep: parsing and rendering recurse once per level, and a
    /// layout is not a place for deeper logic.
    static let maximumDepth = 100

    static func parse(_ text: String) throws -> [TemplateNode] {
        var parser = TemplateParser(bytes: Array(text.utf8))
        return try parser.parseBlock(closing: nil, startsOnNewLine: true, depth: 0)
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
        lineStarts = [0] + bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }.map { $0 + 1 }
    }

    /// The section being parsed: the name its closing tag must repeat and where it opened.
    private struct OpenSection {
        let name: String
        let line: Int
    }

    /// Nodes up to the closing tag of `section` (or the end of the text at the top level).
    /// `startsOnNewLine`: a tag here may be the first thing on its line.
    private mutating func parseBlock(closing section: OpenSection?, startsOnNewLine: Bool, depth: Int) throws -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        var onNewLine = startsOnNewLine
        // Spaces and tabs opening the current line: dropped if a standalone tag follows them.
        var indentation: ArraySlice<UInt8> = []
        func flushIndentation() {
            if !indentation.isEmpty { nodes.append(.text(Array(indentation))) }
            indentation = []
        }

        while position < bytes.count {
            if onNewLine { indentation = readSpacesAndTabs() }
            let text = readTextUntilTag()
            let newline = newlineLength(at: position)
            if newline > 0 {
                nodes.append(.text(Array(indentation + text + bytes[position..<position + newline])))
                position += newline
                onNewLine = true
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(Array(indentation + text)))
                indentation = []
                onNewLine = false
            }
            guard position < bytes.count else { break }

            let tagLine = line(at: position - 2)
            var standalone = false
            switch bytes[position] {
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                let inverted = bytes[position] == UInt8(ascii: "^")
                position += 1
                let name = try readName(tagLine)
                if isStandalone(onNewLine) {
                    standalone = true
                } else {
                    flushIndentation()
                }
                guard depth < Self.maximumDepth else {
                    throw TemplateSyntaxError(line: tagLine, "sections nest more than \(Self.maximumDepth) deep at {{#\(name)}}; close some sections or move the markup into a partial")
                }
                let children = try parseBlock(closing: OpenSection(name: name, line: tagLine), startsOnNewLine: standalone, depth: depth + 1)
                nodes.append(.section(TemplateName(name), inverted: inverted, line: tagLine, children: children))

            case UInt8(ascii: "/"):
                position += 1
                let name = try readName(tagLine)
                guard let section else {
                    throw TemplateSyntaxError(line: tagLine, "{{/\(name)}} closes no open section")
                }
                guard name == section.name else {
                    throw TemplateSyntaxError(line: tagLine, "{{/\(name)}} does not close {{#\(section.name)}} opened on line \(section.line)")
                }
                if !isStandalone(onNewLine) { flushIndentation() }
                return nodes

            case UInt8(ascii: "!"):
                position += 1
                try skipComment(tagLine)
                // The indentation stays pending: it is text when the comment shares its line.
                standalone = isStandalone(onNewLine)

            case UInt8(ascii: "{"), UInt8(ascii: "&"):
                let tripleMustache = bytes[position] == UInt8(ascii: "{")
                flushIndentation()
                position += 1
                let name = try readName(tagLine)
                if tripleMustache {
                    guard position < bytes.count, bytes[position] == UInt8(ascii: "}") else {
                        throw TemplateSyntaxError(line: tagLine, "{{{\(name)}} is not closed with }}}")
                    }
                    position += 1
                }
                nodes.append(.variable(TemplateName(name), escaped: false, line: tagLine))

            case UInt8(ascii: ">"):
                position += 1
                skipWhitespace()
                if position < bytes.count, bytes[position] == UInt8(ascii: "*") {
                    throw TemplateSyntaxError(line: tagLine, "dynamic partials ({{>*name}}) are not supported")
                }
                let name = try readPartialName(tagLine)
                // swift-mustache keeps the indentation as text and also indents the partial's
                // later lines with it.
                if !indentation.isEmpty { nodes.append(.text(Array(indentation))) }
                if isStandalone(onNewLine) {
                    standalone = true
                    nodes.append(.partial(name, indentation: Array(indentation)))
                } else {
                    nodes.append(.partial(name, indentation: nil))
                }
                indentation = []

            case UInt8(ascii: "="):
                throw TemplateSyntaxError(line: tagLine, "set delimiters ({{=...=}}) are not supported")
            case UInt8(ascii: "<"), UInt8(ascii: "$"):
                throw TemplateSyntaxError(line: tagLine, "template inheritance ({{<...}}, {{$...}}) is not supported")
            case UInt8(ascii: "%"):
                throw TemplateSyntaxError(line: tagLine, "pragmas ({{%...}}) are not supported")

            default:
                flushIndentation()
                let name = try readName(tagLine)
                nodes.append(.variable(TemplateName(name), escaped: true, line: tagLine))
            }
            // After a section this is whether its opening tag was alone, as in swift-mustache.
            onNewLine = standalone
        }
        if let section {
            throw TemplateSyntaxError(line: section.line, "{{#\(section.name)}} is never closed with {{/\(section.name)}}")
        }
        return nodes
    }

    // MARK: - Reading

    /// Text up to the next `{{` (left just after it), a line feed (left on it) or the end.
    private mutating func readTextUntilTag() -> ArraySlice<UInt8> {
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\n") { return bytes[start..<position] }
            if byte == UInt8(ascii: "{"), position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "{") {
                position += 2
                return bytes[start..<position - 2]
            }
            position += 1
        }
        return bytes[start..<position]
    }

    private mutating func readSpacesAndTabs() -> ArraySlice<UInt8> {
        let start = position
        while position < bytes.count, bytes[position] == UInt8(ascii: " ") || bytes[position] == UInt8(ascii: "\t") {
            position += 1
        }
        return bytes[start..<position]
    }

    private mutating func skipWhitespace() {
        while position < bytes.count, bytes[position] == UInt8(ascii: " ") || (0x09...0x0D).contains(bytes[position]) {
            position += 1
        }
    }

    /// A value name and the `}}` that ends its tag.
    private mutating func readName(_ line: Int) throws -> String {
        let name = try readTagContent(line, allowed: TemplateParser.isNameByte)
        if name.contains("(" as Character) || name.contains(")" as Character) {
            throw TemplateSyntaxError(line: line, "transforms ({{name(value)}}) are not supported")
        }
        return name
    }

    private mutating func readPartialName(_ line: Int) throws -> String {
        try readTagContent(line, allowed: { TemplateParser.isNameByte($0) || $0 == UInt8(ascii: "/") })
    }

    private mutating func readTagContent(_ line: Int, allowed: (UInt8) -> Bool) throws -> String {
        skipWhitespace()
        let start = position
        while position < bytes.count, allowed(bytes[position]) { position += 1 }
        let content = String(decoding: bytes[start..<position], as: UTF8.self)
        skipWhitespace()
        guard readClosingBraces() else {
            throw TemplateSyntaxError(line: line, "tag {{\(content)... is not closed with }}, or its name has a character other than letters, digits and . - _ ? *")
        }
        return content
    }

    private mutating func readClosingBraces() -> Bool {
        guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "}"), bytes[position + 1] == UInt8(ascii: "}") else { return false }
        position += 2
        return true
    }

    private mutating func skipComment(_ line: Int) throws {
        while position + 1 < bytes.count {
            if bytes[position] == UInt8(ascii: "}"), bytes[position + 1] == UInt8(ascii: "}") {
                position += 2
                return
            }
            position += 1
        }
        throw TemplateSyntaxError(line: line, "comment {{! is never closed with }}")
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return ".-_?*()".utf8.contains(byte)
        }
    }

    // MARK: - Lines

    /// A tag is standalone when it starts its line and only spaces and tabs follow it up to the
    /// line end, which it then consumes (or when it ends the text).
    private mutating func isStandalone(_ onNewLine: Bool) -> Bool {
        guard onNewLine else { return false }
        guard position < bytes.count else { return true }
        var end = position
        while end < bytes.count, bytes[end] == UInt8(ascii: " ") || bytes[end] == UInt8(ascii: "\t") { end += 1 }
        let newline = newlineLength(at: end)
        guard newline > 0 else { return false }
        position = end + newline
        return true
    }

    /// Bytes of the line break at `offset` (0 if none): the characters Swift counts as newlines,
    /// which is what swift-mustache tests.
    private func newlineLength(at offset: Int) -> Int {
        guard offset < bytes.count else { return 0 }
        switch bytes[offset] {
        case UInt8(ascii: "\r"):
            return offset + 1 < bytes.count && bytes[offset + 1] == UInt8(ascii: "\n") ? 2 : 1
        case 0x0A, 0x0B, 0x0C:
            return 1
        case 0xC2:  // U+0085 NEXT LINE
            return offset + 1 < bytes.count && bytes[offset + 1] == 0x85 ? 2 : 0
        case 0xE2:  // U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR
            guard offset + 2 < bytes.count, bytes[offset + 1] == 0x80, bytes[offset + 2] == 0xA8 || bytes[offset + 2] == 0xA9 else { return 0 }
            return 3
        default:
            return 0
        }
    }

    /// 1-based line of the byte at `offset`.
    private func line(at offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle }
        }
        return low + 1
    }
}
