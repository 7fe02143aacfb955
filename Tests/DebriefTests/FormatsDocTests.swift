import Foundation
import Testing
@testable import DebriefModel

/// docs/formats.md lists the section synonyms and milestone phrases the code uses, exactly.
@Suite struct FormatsDocTests {
    static let doc = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/formats.md")

    /// Rows `| `name` | a, b, c |` of the table under the header `| first | ...`.
    static func table(after header: String) throws -> [String: [String]] {
        let lines = try String(contentsOf: doc, encoding: .utf8).components(separatedBy: "\n")
        guard let start = lines.firstIndex(where: { $0.hasPrefix("| \(header) |") }) else { return [:] }
        var rows: [String: [String]] = [:]
        for line in lines[(start + 2)...] {
            guard line.hasPrefix("| `") else { break }
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            rows[cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))] = cells[1].components(separatedBy: ", ")
        }
        return rows
    }

    @Test func sectionSynonymTableMatchesTheCode() throws {
        let rows = try Self.table(after: "kind")
        #expect(Set(rows.keys) == Set(SectionKind.allCases.map(\.rawValue)))
        for kind in SectionKind.allCases { #expect(rows[kind.rawValue] == kind.synonyms, "\(kind)") }
    }

    @Test func milestonePhraseTableMatchesTheDefaults() throws {
        let rows = try Self.table(after: "list")
        let defaults = DebriefConfig.MilestoneKeywords()
        let expected: [String: [String]] = [
            "started": defaults.started, "detected": defaults.detected, "acknowledged": defaults.acknowledged,
            "mitigated": defaults.mitigated, "resolved": defaults.resolved, "impact": defaults.impact, "change": defaults.change,
        ]
        #expect(rows == expected)
    }

    @Test func statedDurationTableMatchesTheCode() throws {
        let rows = try Self.table(after: "stated")
        #expect(Set(rows.keys) == Set(StatedDuration.Kind.allCases.map(\.rawValue)))
        for kind in StatedDuration.Kind.allCases { #expect(rows[kind.rawValue] == kind.keys, "\(kind)") }
    }

    @Test func runbookSectionTableMatchesTheCode() throws {
        let rows = try Self.table(after: "runbook section")
        #expect(Set(rows.keys) == Set(RunbookSectionKind.allCases.map(\.rawValue)))
        for kind in RunbookSectionKind.allCases { #expect(rows[kind.rawValue] == kind.synonyms, "\(kind)") }
    }

    @Test func runbookPhraseTableMatchesTheDefaults() throws {
        let defaults = RunbookPhrases()
        let expected = ["escalation": defaults.escalation, "verification": defaults.verification, "moved": defaults.moved,
                        "alternatives": defaults.alternatives, "sample_output": defaults.sampleOutput, "condition": defaults.condition]
        #expect(try Self.table(after: "phrase list") == expected)
    }
}
