import Testing
@testable import Markdown

@Suite struct MarkdownTests {
    @Test func parsesHeadingsTablesAndTasksWithLines() {
        let doc = MarkdownParser.parse("# Title\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n- [ ] open\n")
        #expect(doc.blocks.count == 3)
        #expect(doc.blocks[0].kind == .heading(level: 1))
        #expect(doc.blocks[0].plainText == "Title")
        #expect(doc.blocks[1].kind == .table)
        #expect(doc.blocks[1].line == 3)
        let items = doc.blocks[2].children
        #expect(items.map(\.kind) == [.item(task: true), .item(task: false)])
        #expect(items[1].line == 8)
    }

    @Test func deepNestingIsFlattenedNotRecursed() {
        let deep = String(repeating: "> ", count: 5000) + "deep text\n"
        let doc = MarkdownParser.parse(deep)
        #expect(doc.nestingTruncated)
        #expect(doc.root.plainText.contains("deep text"))
    }

    @Test func safeRenderingDropsRawHTMLAndScriptLinks() {
        let html = MarkdownParser.renderHTML("<script>alert(1)</script>\n\n[x](JaVaScRiPt:alert(1)) [y](&#106;avascript:alert(1))")
        #expect(!html.contains("<script>"))
        #expect(!html.lowercased().contains("javascript:"))
    }
}
