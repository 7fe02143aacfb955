import Foundation
import Testing
@testable import DebriefModel

/// Parses the real postmortems in `../shared/corpus/` (next to the package, read-only, absent
/// from a user's clone) and prints what the parser extracted from them.
@Suite struct CorpusTests {
    static let corpusFolder: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent() // package root
        .deletingLastPathComponent().appendingPathComponent("shared/corpus/mybinder-incident-reports")

    static var corpusPresent: Bool {
        FileManager.default.fileExists(atPath: corpusFolder.path)
    }

    /// Incident reports only: the folder's index page and template are not postmortems.
    static func reportFiles() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: corpusFolder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "md" && $0.lastPathComponent.first?.isNumber == true }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    @Test(.enabled(if: corpusPresent, "../shared/corpus is not present")) func mybinderReports() throws {
        let files = try Self.reportFiles()
        let parser = PostmortemParser()
        let reports = try files.map { url in
            parser.parse(text: try String(contentsOf: url, encoding: .utf8), path: url.lastPathComponent)
        }
        #expect(reports.count >= 20)
        func count(_ predicate: (Postmortem) -> Bool) -> Int { reports.filter(predicate).count }
        var rows: [(String, Int)] = [
            ("documents", reports.count),
            ("title", count { $0.title != nil && $0.titleLine > 0 }),
            ("date", count { $0.date != nil }),
            ("severity", count { $0.severity != nil }),
            ("timeline entries (>= 1)", count { !$0.timeline.isEmpty }),
            ("timeline entries with a time", count { $0.timeline.contains { $0.time != nil } }),
            ("timezone note read", count { $0.timezoneName != "UTC" }),
        ]
        for kind in MilestoneKind.allCases {
            rows.append(("milestone \(kind.rawValue)", count { $0.milestones[kind] != nil }))
        }
        rows += [
            ("action items (>= 1)", count { !$0.actionItems.isEmpty }),
            ("action items with owners", count { $0.actionItems.contains { $0.owner != nil } }),
            ("action items with links", count { $0.actionItems.contains { $0.link != nil } }),
            ("sections (>= 3 known)", count { $0.sections.filter { $0.kind != nil }.count >= 3 }),
        ]
        print("mybinder-incident-reports: \(reports.count) reports, \(reports.map(\.timeline.count).reduce(0, +)) timeline entries, "
              + "\(reports.map(\.actionItems.count).reduce(0, +)) action items")
        for (name, value) in rows {
            print("  \(name.padding(toLength: 30, withPad: " ", startingAt: 0)) \(value)/\(reports.count)")
        }
        let most = reports.count * 8 / 10
        #expect(rows[1].1 == reports.count)
        #expect(rows[2].1 >= most)
        #expect(rows[4].1 >= most)
        #expect(rows.first { $0.0 == "sections (>= 3 known)" }!.1 >= most)
        for report in reports {
            // Every entry's line is a real line of its file, inside the timeline section.
            let timeline = report.sections.filter { $0.kind == .timeline }
            for entry in report.timeline {
                #expect(timeline.contains { ($0.line...$0.endLine).contains(entry.line) }, "\(report.path):\(entry.line)")
            }
        }
    }
}
