import Foundation
import Testing
@testable import DebriefModel
import DebriefValidation

/// Inputs of hostile size (one huge line, a huge cell, a huge map) at N and 4N: the time may grow
/// about linearly (4x), never quadratically (16x). A growth ratio, not a time limit: each shape
/// is timed as the best of three runs at each size, and the ratio must stay under 6.
@Suite(.serialized) struct HostileSizeGrowthTests {
    static let allowedGrowth = 6.0

    /// Seconds of the best of three runs.
    static func best(_ work: () throws -> Void) rethrows -> Double {
        let clock = ContinuousClock()
        var best = Double.infinity
        for _ in 0..<3 {
            let elapsed = try clock.measure(work)
            best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
        return best
    }

    static func growth(_ name: String, size: Int, _ run: (Int) throws -> Void) rethrows -> Double {
        let small = try best { try run(size) }, large = try best { try run(size * 4) }
        print("growth \(name): N=\(size) \(String(format: "%.3f", small)) s, 4N \(String(format: "%.3f", large)) s, ratio \(String(format: "%.1f", large / small))")
        return large / small
    }

    static func check(_ text: String) -> [Diagnostic] {
        let postmortem = PostmortemParser().parse(text: text, path: "p.md")
        return Validator().validate(KnowledgeBase(root: URL(fileURLWithPath: "/tmp"), config: DebriefConfig(), postmortems: [postmortem], runbooks: []),
                                    today: Day(year: 2026, month: 1, day: 1))
    }

    @Test func oneLongLineOfPlaceholders() {
        // Each match's column was counted from the start of the line.
        let ratio = Self.growth("placeholder line", size: 2_000) { count in
            let found = Self.check("## Summary\n" + String(repeating: "TBD [Describe it] ", count: count) + "\n")
            #expect(found.count(where: { $0.rule == "placeholder" }) == count * 2)
        }
        #expect(ratio < Self.allowedGrowth)
    }

    @Test func oneHugeActionCellOfLabels() {
        // Every inline label was compared with all the earlier ones.
        let ratio = Self.growth("action cell", size: 5_000) { count in
            let cell = String(repeating: "owner: a due: b ", count: count)
            let p = PostmortemParser().parse(text: "## Action Items\n\n| Action | Owner |\n|---|---|\n| Fix it \(cell) | x |\n", path: "p.md")
            #expect(p.actionItems.count == 1)
        }
        #expect(ratio < Self.allowedGrowth)
    }

    @Test func manyOwnerAliasesInTheConfiguration() throws {
        // Yams looked each decoded key up by scanning the map.
        let ratio = try Self.growth("owner aliases", size: 5_000) { count in
            let yaml = "owners:\n" + (0..<count).map { "  \"@user\($0)\": Person \($0)\n" }.joined()
            let owners = try DebriefConfig.decode(yaml: yaml).owners
            #expect(owners.count == count)
        }
        #expect(ratio < Self.allowedGrowth)
    }

    @Test func manyHeadingsAndTimelineRows() {
        let ratio = Self.growth("headings and rows", size: 2_000) { count in
            let text = "## Timeline\n\n" + (0..<count).map { "- \(String(format: "%02d:%02d", $0 / 60 % 24, $0 % 60)) - step \($0)\n" }.joined()
                + (0..<count).map { "### Notes \($0)\n\ntext\n\n" }.joined()
            #expect(!PostmortemParser().parse(text: text, path: "p.md").timeline.isEmpty)
        }
        #expect(ratio < Self.allowedGrowth)
    }
}
