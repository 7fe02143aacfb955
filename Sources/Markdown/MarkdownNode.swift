/// One node of a parsed markdown document, as a plain Swift value.
public struct MarkdownNode: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case document
        case heading(level: Int)
        case paragraph
        case list(ordered: Bool)
        /// A list item; `task` is nil for a plain item, true/false for `[x]` / `[ ]`.
        case item(task: Bool?)
        case blockQuote
        case codeBlock(info: String)
        case htmlBlock
        case thematicBreak
        case table
        case tableRow(isHeader: Bool)
        case tableCell
        case text
        case code
        case emphasis
        case strong
        case strikethrough
        case link(url: String)
        case image(url: String)
        case softBreak
        case lineBreak
        case inlineHTML
        case other(String)
    }

    public var kind: Kind
    /// Text content of leaf nodes (text, code, code blocks, html).
    public var literal: String
    public var children: [MarkdownNode]
    /// 1-based source position of the node's first character.
    public var line: Int
    public var column: Int
    public var endLine: Int

    public init(kind: Kind, literal: String = "", children: [MarkdownNode] = [], line: Int = 0, column: Int = 0, endLine: Int = 0) {
        self.kind = kind
        self.literal = literal
        self.children = children
        self.line = line
        self.column = column
        self.endLine = endLine
    }

    public var isBlock: Bool {
        switch kind {
        case .document, .heading, .paragraph, .list, .item, .blockQuote, .codeBlock, .htmlBlock,
             .thematicBreak, .table, .tableRow, .tableCell:
            return true
        default:
            return false
        }
    }

    /// The node's text with markup removed; soft breaks become spaces, block children are
    /// separated by newlines.
    public var plainText: String {
        // Collected as bytes: appending many short pieces to a String cost more than the walk.
        var out: [UInt8] = []
        appendPlainText(to: &out)
        while Self.endsWithNewline(out) { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }

    /// Recursive, reading children in place (a walk with a stack copied every node it passed):
    /// the parser keeps trees at most `MarkdownParser.maximumDepth` deep, so the depth is bounded.
    private func appendPlainText(to out: inout [UInt8]) {
        switch kind {
        case .text, .code, .codeBlock, .inlineHTML, .htmlBlock: out.append(contentsOf: literal.utf8)
        case .softBreak: out.append(UInt8(ascii: " "))
        case .lineBreak: out.append(UInt8(ascii: "\n"))
        case .tableCell: if !out.isEmpty, !Self.endsWithNewline(out) { out.append(contentsOf: " | ".utf8) }
        default: break
        }
        for index in children.indices { children[index].appendPlainText(to: &out) }
        if isBlock, !out.isEmpty, !Self.endsWithNewline(out) { out.append(UInt8(ascii: "\n")) }
    }

    /// `text.last == "\n"` of the text these bytes spell: a line feed is a character of its
    /// own unless a carriage return comes before it (`"\r\n"` is one character).
    private static func endsWithNewline(_ bytes: [UInt8]) -> Bool {
        bytes.last == UInt8(ascii: "\n") && (bytes.count < 2 || bytes[bytes.count - 2] != UInt8(ascii: "\r"))
    }

    /// Every node below this one, depth first, in document order.
    public var descendants: [MarkdownNode] {
        var result: [MarkdownNode] = []
        forEachDescendant { result.append($0) }
        return result
    }

    /// Calls `body` with every node below this one, depth first, in document order, without
    /// collecting them first. Recursive over children in place, like `plainText`: parsed trees
    /// are at most `MarkdownParser.maximumDepth` deep.
    public func forEachDescendant(_ body: (MarkdownNode) -> Void) {
        for index in children.indices {
            body(children[index])
            children[index].forEachDescendant(body)
        }
    }
}

/// A parsed document: its top-level blocks and whether nesting had to be cut short.
public struct MarkdownDocument: Sendable {
    public var root: MarkdownNode
    /// True when the source nested deeper than the parser keeps; deeper content was
    /// flattened into text so that nothing is lost and no recursion can overflow.
    public var nestingTruncated: Bool

    public var blocks: [MarkdownNode] { root.children }
}
