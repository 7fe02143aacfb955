import CCmarkGFM
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses GitHub-flavoured markdown with cmark-gfm into `MarkdownNode` values and renders
/// it to HTML. This file, `ParseArena.swift` and `MarkdownNode.swift` are the only places that
/// see C pointers.
public enum MarkdownParser {
    /// Deeper block nesting than this is flattened into text (hostile input guard).
    public static let maximumDepth = 40

    /// cmark-gfm's extension registration is not thread-safe; a Swift global is
    /// initialised exactly once, so every entry point goes through it.
    private static let extensionsRegistered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        pinExtensionCharacters()
        return true
    }()

    /// cmark-gfm 0.29.0.gfm.6 keeps the characters that start extension syntax (autolink's `:`
    /// and `w`, strikethrough's `~`) in one process-wide table: `cmark_parser_finish` sets its
    /// parser's extensions' characters, parses the inlines, then clears them, so documents
    /// finishing at the same time on other threads lost their autolinks and strikethrough.
    /// So the characters are set once, for good, and every extension but strikethrough forgets
    /// its list: their finishing then clears nothing. Strikethrough needs its list to close its
    /// delimiters, so it is attached only to documents that contain a `~`, and those finish one
    /// at a time (`strikethroughPhase`); what clearing `~` does to other documents is nothing,
    /// since they have none.
    private static func pinExtensionCharacters() {
        let parser = cmark_parser_new(CMARK_OPT_DEFAULT)!
        defer { cmark_parser_free(parser) }
        extensionNames.compactMap { cmark_find_syntax_extension($0) }.forEach { cmark_parser_attach_syntax_extension(parser, $0) }
        cmark_manage_extensions_special_characters(parser, 1)
        for name in extensionNames where name != "strikethrough" {
            cmark_find_syntax_extension(name).map { cmark_syntax_extension_set_special_inline_chars($0, nil) }
        }
    }

    private static let strikethroughPhase = NSLock()

    /// Strikethrough is attached only to documents with a `~` (`pinExtensionCharacters`).
    private static let extensionNames = ["table", "tasklist", "strikethrough", "autolink"]

    /// The type numbers the extensions registered, read once after registration: comparing
    /// numbers, not type names, for every table cell.
    private struct ExtensionTypes: Sendable {
        let table, tableRow, tableCell, strikethrough: cmark_node_type
    }

    private static let extensionTypes: ExtensionTypes = {
        _ = extensionsRegistered
        return ExtensionTypes(table: debrief_node_type_table(), tableRow: debrief_node_type_table_row(),
                              tableCell: debrief_node_type_table_cell(), strikethrough: debrief_node_type_strikethrough())
    }()

    /// A parser whose allocations live in this thread's `ParseArena`: call it inside
    /// `ParseArena.releasingAllocations`, which frees the parser and its tree together.
    private static func makeParser(options: Int32, strikethrough: Bool) -> OpaquePointer {
        _ = extensionsRegistered
        let parser = cmark_parser_new_with_mem(options, ParseArena.allocator)!
        for name in extensionNames where strikethrough || name != "strikethrough" {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        return parser
    }

    /// Parses `text` into a C tree with the extensions it needs.
    private static func parseTree(_ text: String, options: Int32) -> (parser: OpaquePointer, root: OpaquePointer?) {
        var source = text
        return source.withUTF8 { buffer in
            let strikethrough = buffer.baseAddress.map { memchr($0, Int32(UInt8(ascii: "~")), buffer.count) != nil } ?? false
            let parser = makeParser(options: options, strikethrough: strikethrough)
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
            let root = strikethrough ? strikethroughPhase.withLock { cmark_parser_finish(parser) } : cmark_parser_finish(parser)
            return (parser, root)
        }
    }

    /// Parses `text`; `lineOffset` is added to every line number (for front matter that was
    /// cut off before parsing).
    public static func parse(_ text: String, lineOffset: Int = 0) -> MarkdownDocument {
        ParseArena.releasingAllocations {
            guard let root = parseTree(text, options: CMARK_OPT_DEFAULT | CMARK_OPT_SOURCEPOS).root else { return .empty }
            return convert(root, lineOffset: lineOffset, sourceLength: text.utf8.count)
        }
    }

    /// Renders markdown to HTML. Unless `unsafe`, raw HTML is omitted and
    /// `javascript:`, `vbscript:`, `file:` and `data:` link targets are emptied by cmark-gfm.
    /// `rewritingURL` sees the destination of every link and image and may replace it (nil
    /// keeps it): links between content files become links between pages on the tree, before
    /// rendering, so no HTML is rescanned.
    public static func renderHTML(_ text: String, unsafe: Bool = false, rewritingURL: ((String) -> String?)? = nil) -> String {
        let options = CMARK_OPT_DEFAULT | (unsafe ? CMARK_OPT_UNSAFE : 0) | CMARK_OPT_GITHUB_PRE_LANG
        return ParseArena.releasingAllocations {
            let (parser, root) = parseTree(text, options: options)
            guard let root else { return "" }
            if let rewritingURL { rewriteURLs(below: root, rewritingURL) }
            guard let html = cmark_render_html(root, options, cmark_parser_get_syntax_extensions(parser)) else { return "" }
            return String(cString: html)
        }
    }

    private static func rewriteURLs(below root: OpaquePointer, _ rewrite: (String) -> String?) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE, let url = cmark_node_get_url(node),
                  let replacement = rewrite(String(cString: url)) else { continue }
            cmark_node_set_url(node, replacement)
        }
    }

    /// Walks the C tree with cmark's iterator (no recursion) and records its nodes in order.
    private static func convert(_ root: OpaquePointer, lineOffset: Int, sourceLength: Int) -> MarkdownDocument {
        guard let iterator = cmark_iter_new(root) else { return .empty }
        // About one node per 16 bytes of postmortem markdown: most documents need one allocation.
        var records: [MarkdownTree.Record] = []
        records.reserveCapacity(sourceLength / 16 + 16)
        var parents: [Int] = []
        parents.reserveCapacity(sourceLength / 16 + 16)
        var open: [Int] = [] // records of the containers entered and not yet exited
        var truncated = false
        var skippingDepth = 0 // > 0 while inside a subtree deeper than maximumDepth
        var flattened = ""

        func append(_ record: MarkdownTree.Record) {
            parents.append(open.last ?? -1)
            records.append(record)
        }

        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            // cmark reports leaves with ENTER only, containers (even empty ones) with ENTER and EXIT.
            let isLeaf = isLeafType(node)

            if skippingDepth > 0 {
                if event == CMARK_EVENT_ENTER {
                    if let literal = cmark_node_get_literal(node) { flattened += String(cString: literal) }
                    if !isLeaf { skippingDepth += 1 } else if isBlockLeaf(node) { flattened += "\n" }
                } else {
                    skippingDepth -= 1
                    if skippingDepth == 0 {
                        let parent = records[open[open.count - 1]]
                        append(.init(kind: .text, literal: flattened, line: parent.line, column: 0, endLine: parent.endLine,
                                     subtreeEnd: records.count + 1))
                        flattened = ""
                    }
                }
                continue
            }

            if event == CMARK_EVENT_ENTER {
                if !isLeaf, open.count >= maximumDepth {
                    truncated = true
                    skippingDepth = 1
                    continue
                }
                var record = makeRecord(node, lineOffset: lineOffset, subtreeEnd: records.count + 1)
                if cmark_node_get_start_line(node) == 0 {
                    // cmark gives some blocks no position (a paragraph cut short by a table): such a
                    // block takes its neighbour's, so line numbers never go backwards.
                    let neighbour = records.last.map { max($0.line, $0.endLine) } ?? lineOffset + 1
                    record.line = neighbour
                    record.endLine = max(record.endLine, neighbour)
                }
                append(record)
                if !isLeaf { open.append(records.count - 1) }
            } else if event == CMARK_EVENT_EXIT, let done = open.popLast() {
                records[done].subtreeEnd = records.count
            }
        }
        guard !records.isEmpty else { return .empty }
        return MarkdownDocument(root: MarkdownNode(tree: MarkdownTree(records: records, parents: parents), index: 0), nestingTruncated: truncated)
    }

    private static func isLeafType(_ node: OpaquePointer) -> Bool {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK, CMARK_NODE_CODE_BLOCK, CMARK_NODE_TEXT,
             CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE:
            return true
        default:
            return false
        }
    }

    private static func isBlockLeaf(_ node: OpaquePointer) -> Bool {
        let type = cmark_node_get_type(node)
        return type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_CODE_BLOCK || type == CMARK_NODE_HEADING
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    private static func makeRecord(_ node: OpaquePointer, lineOffset: Int, subtreeEnd: Int) -> MarkdownTree.Record {
        MarkdownTree.Record(
            kind: coreKind(node) ?? extensionKind(node),
            literal: string(cmark_node_get_literal(node)),
            line: Int(cmark_node_get_start_line(node)) + lineOffset,
            column: Int(cmark_node_get_start_column(node)),
            endLine: Int(cmark_node_get_end_line(node)) + lineOffset,
            subtreeEnd: subtreeEnd)
    }

    /// The kind of a node from its type number (no string made per node); nil for task list
    /// items and the types of other extensions.
    private static func coreKind(_ node: OpaquePointer) -> MarkdownNode.Kind? {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_LIST: return .list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST)
        case CMARK_NODE_ITEM:
            // The tasklist extension keeps the item type and renames it "tasklist".
            guard let name = cmark_node_get_type_string(node), strcmp(name, "item") == 0 else { return nil }
            return .item(task: nil)
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_CODE_BLOCK: return .codeBlock(info: string(cmark_node_get_fence_info(node)))
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_TEXT: return .text
        case CMARK_NODE_CODE: return .code
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK: return .link(url: string(cmark_node_get_url(node)))
        case CMARK_NODE_IMAGE: return .image(url: string(cmark_node_get_url(node)))
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_HTML_INLINE: return .inlineHTML
        case let type:
            let types = extensionTypes
            if type == types.tableCell { return .tableCell }
            if type == types.tableRow { return .tableRow(isHeader: cmark_gfm_extensions_get_table_row_is_header(node) != 0) }
            if type == types.table { return .table }
            if type == types.strikethrough { return .strikethrough }
            return nil
        }
    }

    /// The kind of a node `coreKind` does not know, by its type name: a task list item, or a
    /// node of an extension Debrief does not read.
    private static func extensionKind(_ node: OpaquePointer) -> MarkdownNode.Kind {
        let typeName = string(cmark_node_get_type_string(node))
        return typeName == "tasklist" ? .item(task: cmark_gfm_extensions_get_tasklist_item_checked(node)) : .other(typeName)
    }
}
