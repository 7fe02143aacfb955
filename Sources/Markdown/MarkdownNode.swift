/// One node of a parsed markdown document: a position in the document's `MarkdownTree`.
/// Copying a node copies one reference; its fields are read from the tree.
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

    let tree: MarkdownTree
    let index: Int

    public var kind: Kind { tree.records[index].kind }
    /// Text content of leaf nodes (text, code, code blocks, html).
    public var literal: String { tree.records[index].literal }
    /// 1-based source position of the node's first character.
    public var line: Int { tree.records[index].line }
    public var column: Int { tree.records[index].column }
    public var endLine: Int { tree.records[index].endLine }

    /// The node's children, in document order.
    public var children: Children {
        let record = tree.records[index]
        return Children(tree: tree, offsets: record.firstChild ..< record.firstChild + record.childCount)
    }

    public struct Children: RandomAccessCollection, Sendable {
        let tree: MarkdownTree
        /// Positions in `tree.childIndices`.
        let offsets: Range<Int>

        public var startIndex: Int { 0 }
        public var endIndex: Int { offsets.count }
        public subscript(position: Int) -> MarkdownNode {
            precondition(position >= 0 && position < offsets.count, "child index out of range")
            return MarkdownNode(tree: tree, index: tree.childIndices[offsets.lowerBound + position])
        }
    }

    public static func == (a: MarkdownNode, b: MarkdownNode) -> Bool {
        a.tree === b.tree && a.index == b.index
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(tree))
        hasher.combine(index)
    }

    public var isBlock: Bool { kind.isBlock }

    /// The node's text with markup removed; soft breaks become spaces, block children are
    /// separated by newlines.
    public var plainText: String {
        // Collected as bytes: appending many short pieces to a String cost more than the walk.
        var out: [UInt8] = []
        out.reserveCapacity(128)
        tree.appendPlainText(of: index, to: &out)
        while MarkdownTree.endsWithNewline(out) { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }

    /// Every node below this one, depth first, in document order.
    public var descendants: [MarkdownNode] {
        (index + 1 ..< tree.records[index].subtreeEnd).map { MarkdownNode(tree: tree, index: $0) }
    }

    /// Calls `body` with every node below this one, depth first, in document order: the nodes
    /// that follow this one in the tree, up to the end of its subtree.
    public func forEachDescendant(_ body: (MarkdownNode) -> Void) {
        for position in index + 1 ..< tree.records[index].subtreeEnd { body(MarkdownNode(tree: tree, index: position)) }
    }
}

extension MarkdownNode.Kind {
    var isBlock: Bool {
        switch self {
        case .document, .heading, .paragraph, .list, .item, .blockQuote, .codeBlock, .htmlBlock,
             .thematicBreak, .table, .tableRow, .tableCell:
            return true
        default:
            return false
        }
    }
}

/// The nodes of one document in document order (every node before its descendants), in one
/// array: a tree of nested values allocated a children array per node and copied and
/// destroyed node by node, which cost more than cmark-gfm's own parsing.
final class MarkdownTree: Sendable {
    struct Record: Sendable {
        var kind: MarkdownNode.Kind
        var literal: String
        var line: Int
        var column: Int
        var endLine: Int
        /// One past the last node of this node's subtree.
        var subtreeEnd: Int
        /// This node's children are `childIndices[firstChild ..< firstChild + childCount]`.
        var firstChild = 0
        var childCount = 0
    }

    let records: [Record]
    let childIndices: [Int]

    /// `records` with each node's parent (-1 for the root); children are listed in record order.
    init(records: [Record], parents: [Int]) {
        var records = records
        for parent in parents where parent >= 0 { records[parent].childCount += 1 }
        var next = 0
        for index in records.indices {
            records[index].firstChild = next
            next += records[index].childCount
        }
        var filled = [Int](repeating: 0, count: records.count)
        var childIndices = [Int](repeating: 0, count: next)
        for (child, parent) in parents.enumerated() where parent >= 0 {
            childIndices[records[parent].firstChild + filled[parent]] = child
            filled[parent] += 1
        }
        self.records = records
        self.childIndices = childIndices
    }

    /// Recursive over children: the parser keeps trees at most `MarkdownParser.maximumDepth`
    /// deep, so the depth is bounded.
    func appendPlainText(of index: Int, to out: inout [UInt8]) {
        let record = records[index]
        switch record.kind {
        case .text, .code, .codeBlock, .inlineHTML, .htmlBlock: out.append(contentsOf: record.literal.utf8)
        case .softBreak: out.append(UInt8(ascii: " "))
        case .lineBreak: out.append(UInt8(ascii: "\n"))
        case .tableCell: if !out.isEmpty, !Self.endsWithNewline(out) { out.append(contentsOf: " | ".utf8) }
        default: break
        }
        for offset in record.firstChild ..< record.firstChild + record.childCount {
            appendPlainText(of: childIndices[offset], to: &out)
        }
        if record.kind.isBlock, !out.isEmpty, !Self.endsWithNewline(out) { out.append(UInt8(ascii: "\n")) }
    }

    /// `text.last == "\n"` of the text these bytes spell: a line feed is a character of its
    /// own unless a carriage return comes before it (`"\r\n"` is one character).
    static func endsWithNewline(_ bytes: [UInt8]) -> Bool {
        bytes.last == UInt8(ascii: "\n") && (bytes.count < 2 || bytes[bytes.count - 2] != UInt8(ascii: "\r"))
    }
}

/// A parsed document: its top-level blocks and whether nesting had to be cut short.
public struct MarkdownDocument: Sendable {
    public var root: MarkdownNode
    /// True when the source nested deeper than the parser keeps; deeper content was
    /// flattened into text so that nothing is lost and no recursion can overflow.
    public var nestingTruncated: Bool

    public var blocks: [MarkdownNode] { Array(root.children) }

    /// A document with no content.
    static var empty: MarkdownDocument {
        let tree = MarkdownTree(records: [.init(kind: .document, literal: "", line: 0, column: 0, endLine: 0, subtreeEnd: 1)], parents: [-1])
        return MarkdownDocument(root: MarkdownNode(tree: tree, index: 0), nestingTruncated: false)
    }
}
