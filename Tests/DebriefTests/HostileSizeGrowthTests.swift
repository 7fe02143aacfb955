import Foundation
import Testing
@testable import DebriefModel
import DebriefValidation

/// Inputs of hostile size (one huge line, a huge cell, a huge map) at N and 4N: the time may grow
/// about linearly (4x), never quadratically (16x). A growth ratio, not a time limit: each shape
/// is timed as the best of four runs at each size, and the ratio must stay under 6.
@Suite(.serialized) struct HostileSizeGrowthTests {
    static let allowedGrowth = 6.0

    /// Seconds of one run.
    static func seconds(_ work: () throws -> Void) rethrows -> Double {
        let elapsed = try ContinuousClock().measure(work)
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// The best of four runs at each size, the sizes taken in turn: other test suites load the
    /// machine unevenly, and alternating keeps a busy stretch from landing on one size only. A
    /// ratio over the limit is measured again, up to three times in all, and the lowest counts:
    /// a quadratic shape grows 16x every time, a busy machine only now and then.
    static func growth(_ name: String, size: Int, _ run: (Int) throws -> Void) rethrows -> Double {
        var lowest = Double.infinity
        for _ in 0..<3 where lowest >= allowedGrowth {
            var small = Double.infinity, large = Double.infinity
            for _ in 0..<4 {
                small = min(small, try seconds { try run(size) })
                large = min(large, try seconds { try run(size * 4) })
            }
            print("growth \(name): N=\(size) \(String(format: "%.3f", small)) s, 4N \(String(format: "%.3f", large)) s, ratio \(String(format: "%.1f", large / small))")
            lowest = min(lowest, large / small)
        }
        return lowest
    }

    static func check(_ text: String) -> [Diagnostic] {
        let postmortem = PostmortemParser().parse(text: text, path: "p.md")
        return Validator().validate(KnowledgeBase(root: URL(fileURLWithPath: "/tmp"), config: DebriefConfig(), postmortems: [postmortem], runbooks: []),
                                    today: Day(year: 2026, month: 1, day: 1))
    }

    @Test func oneLongLineOfPlaceholders() {
        // Each match's column was counted from the start of the line.
        let ratio = Self.growth("placeholder line", size: 5_000) { count in
            let found = Self.check("## Summary\n" + String(repeating: "TBD [Describe it] ", count: count) + "\n")
            #expect(found.count(where: { $0.rule == "placeholder" }) == count * 2)
        }
        #expect(ratio < Self.allowedGrowth)
    }

    @Test func oneHugeActionCellOfLabels() {
        // Every inline label was compared with all the earlier ones.
        let ratio = Self.growth("action cell", size: 20_000) { count in
            let cell = String(repeating: "owner: a due: b ", count: count)
            let p = PostmortemParser().parse(text: "## Action Items\n\n| Action | Owner |\n|---|---|\n| Fix it \(cell) | x |\n", path: "p.md")
            #expect(p.actionItems.count == 1)
        }
        #expect(ratio < Self.allowedGrowth)
    }

    @Test func manyOwnerAliasesInTheConfiguration() throws {
        // Yams looked each decoded key up by scanning the map.
        let ratio = try Self.growth("owner aliases", size: 20_000) { count in
            let yaml = "owners:\n" + (0..<count).map { "  \"@user\($0)\": Person \($0)\n" }.joined()
            let owners = try DebriefConfig.decode(yaml: yaml).owners
            #expect(owners.count == count)
        }
        #expect(ratio < Self.allowedGrowth)
    }

    @Test func manyHeadingsAndTimelineRows() {
        let ratio = Self.growth("headings and rows", size: 4_000) { count in
            let text = "## Timeline\n\n" + (0..<count).map { "- \(String(format: "%02d:%02d", $0 / 60 % 24, $0 % 60)) - step \($0)\n" }.joined()
                + (0..<count).map { "### Notes \($0)\n\ntext\n\n" }.joined()
            #expect(!PostmortemParser().parse(text: text, path: "p.md").timeline.isEmpty)
        }
        #expect(ratio < Self.allowedGrowth)
    }

    @Test func oneHugeTableOfActions() {
        let ratio = Self.growth("action table", size: 4_000) { count in
            let rows = (0..<count).map { "| Fix thing \($0) | @owner\($0 % 7) | 2026-0\($0 % 9 + 1)-01 | open |\n" }.joined()
            let found = Self.check("## Action Items\n\n| Action | Owner | Due | Status |\n|---|---|---|---|\n" + rows)
            #expect(found.allSatisfy { $0.rule != "action-owner" })
        }
        #expect(ratio < Self.allowedGrowth)
    }

    @Test func deeplyNestedListsAndQuotes() {
        // Nesting past the cap is reported once; what is below it is read flat.
        let ratio = Self.growth("deep nesting", size: 60_000) { depth in
            // One line each, so the input grows linearly with the depth.
            let found = Self.check("## Summary\n\n" + String(repeating: "- ", count: depth) + "item\n\n" + String(repeating: "> ", count: depth) + "quote\n")
            #expect(found.contains { $0.rule == "markdown-nesting" })
        }
        #expect(ratio < Self.allowedGrowth)
    }

    @Test func bigFrontMatter() {
        let ratio = Self.growth("front matter", size: 8_000) { count in
            let keys = (0..<count).map { "key\($0): value \($0)\n" }.joined()
            let p = PostmortemParser().parse(text: "---\ntitle: Big\n" + keys + "---\n# Big\n", path: "p.md")
            #expect(p.title == "Big")
        }
        #expect(ratio < Self.allowedGrowth)
    }
}
