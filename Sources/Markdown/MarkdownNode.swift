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
    /// separated by newlines. Iterative, so deep trees cannot exhaust the stack.
    public var plainText: String {
        var out = ""
        var stack: [(node: MarkdownNode, closing: Bool)] = [(self, false)]
        while let (node, closing) = stack.popLast() {
            if closing {
                if node.isBlock, !out.isEmpty, out.last != "\n" { out += "\n" }
                continue
            }
            switch node.kind {
            case .text, .code, .codeBlock, .inlineHTML, .htmlBlock: out += node.literal
            case .softBreak: out += " "
            case .lineBreak: out += "\n"
            case .tableCell: if out.last != nil, out.last != "\n" { out += " | " }
            default: break
            }
            stack.append((node, true))
            for child in node.children.reversed() { stack.append((child, false)) }
        }
        while out.last == "\n" { out.removeLast() }
        return out
    }

    /// Every node below this one, depth first, in document order (iterative).
    public var descendants: [MarkdownNode] {
        var result: [MarkdownNode] = []
        var stack = children.reversed() as [MarkdownNode]
        while let node = stack.popLast() {
            result.append(node)
            stack.append(contentsOf: node.children.reversed())
        }
        return result
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
