import Foundation
import Testing

/// A knowledge base of hostile files, checked and built through the binary: every file gets a
/// diagnostic with its path and line, the run ends with status 1 (errors found), never a crash.
@Suite struct HostileInputTests {
    static func writeHostileKnowledgeBase() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("debrief-hostile-\(UUID().uuidString)")
        let postmortems = root.appendingPathComponent("content/postmortems")
        let runbooks = root.appendingPathComponent("content/runbooks")
        try FileManager.default.createDirectory(at: postmortems, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: runbooks, withIntermediateDirectories: true)
        func write(_ data: Data, _ folder: URL, _ name: String) throws {
            try data.write(to: folder.appendingPathComponent(name))
        }
        try write(Data(), postmortems, "empty.md")
        try write(Data("# Postmortem: Bad bytes\n\nDate: 2025-01-02\n\n## Summary\n\nbroken ".utf8) + Data([0xFF, 0xFE, 0x41]) + Data("\n".utf8),
                  postmortems, "invalid-utf8.md")
        try write(Data([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00, 0x00, 0x00]), postmortems, "binary.md")
        let deepLists = (0..<5000).map { String(repeating: "  ", count: $0) + "- level \($0)" }.joined(separator: "\n")
        try write(Data(("# Deep\n\n" + deepLists + "\n\n" + String(repeating: "> ", count: 5000) + "quote\n").utf8), postmortems, "deep.md")
        var bomb = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for (previous, name) in zip(["a", "b", "c", "d", "e", "f", "g", "h"], ["b", "c", "d", "e", "f", "g", "h", "i"]) {
            bomb += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
        }
        try write(Data(("---\n" + bomb + "---\n# Alias bomb\n").utf8), postmortems, "alias-bomb.md")
        try write(Data("---\ntitle: Never closed\n\n# Open front matter\n".utf8), postmortems, "unclosed.md")
        // cmark gives the paragraph cut short by the table no position (once a crash of every command).
        try write(Data("---\na: 1\n---\n## S\np\n# T\nq\n| a | b |\n|---|---|\n".utf8), postmortems, "unpositioned-block.md")
        // Found by reading the parsers for traps: a lone CR ends a line for cmark only; a
        // prepended mark (U+0600) joins the next letter into one Character; lower-casing Ⱥ
        // lengthens it; Yams hashes complex keys with their aliases expanded.
        try write(Data("- a\r- **Timeline**:".utf8), postmortems, "lone-cr.md")
        try write(Data("## Action Items\n\n- \u{0600}owner: bob\n\n## Summary\n\u{0600}human error\n".utf8), postmortems, "prepended-mark.md")
        try write(Data("---\ntitle: ȺȺȺȺ\n---\n".utf8), postmortems, "lengthening-lowercase.md")
        let doubling = "a0: &a0 x\n" + (1..<50).map { "a\($0): &a\($0) [*a\($0 - 1), *a\($0 - 1)]\n" }.joined()
        try write(Data(("---\n" + doubling + "? *a49\n: x\n---\n# Complex key\n").utf8), postmortems, "complex-key.md")
        try write(Data(("---\n" + doubling + "*a49 : x\n---\n# Alias key\n").utf8), postmortems, "alias-key.md")
        try write(Data("- just\n- a list\n".utf8), runbooks, "list.yml")
        try write(Data(("metadata:\n" + bomb.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n").utf8), runbooks, "bomb.yml")
        return root
    }

    @Test func checkReportsEveryHostileFileWithoutCrashing() throws {
        let root = try HostileInputTests.writeHostileKnowledgeBase()
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try Debrief.run(["check", "--root", root.path, "--format", "json", "--as-of", "2026-01-01"])
        #expect(run.status == 1, "stderr: \(run.stderr)")
        let diagnostics = try Debrief.diagnostics(inJSON: run.stdout)
        func rules(for file: String) -> Set<String> {
            Set(diagnostics.filter { $0["file"] as? String == file }.compactMap { $0["rule"] as? String })
        }
        #expect(rules(for: "content/postmortems/invalid-utf8.md").contains("unreadable"))
        #expect(rules(for: "content/postmortems/binary.md").contains("unreadable"))
        #expect(rules(for: "content/postmortems/deep.md").contains("markdown-nesting"))
        #expect(rules(for: "content/postmortems/alias-bomb.md").contains("front-matter"))
        #expect(rules(for: "content/postmortems/unclosed.md").contains("front-matter"))
        #expect(rules(for: "content/postmortems/empty.md").contains("required-section"))
        #expect(rules(for: "content/postmortems/unpositioned-block.md").contains("required-section"))
        #expect(rules(for: "content/runbooks/list.yml").contains("runbook-format"))
        #expect(rules(for: "content/postmortems/complex-key.md").contains("front-matter"))
        #expect(rules(for: "content/postmortems/alias-key.md").contains("front-matter"))
        for file in ["lone-cr.md", "prepended-mark.md", "lengthening-lowercase.md"] {
            #expect(!rules(for: "content/postmortems/" + file).isEmpty, "\(file) was not checked")
        }
        #expect(rules(for: "content/runbooks/bomb.yml").contains("runbook-format"))
        let invalidUTF8: [String: Any]? = diagnostics.first { ($0["file"] as? String) == "content/postmortems/invalid-utf8.md" && ($0["rule"] as? String) == "unreadable" }
        let invalidLine = invalidUTF8?["line"] as? Int
        #expect(invalidLine == 7)
    }

    @Test func buildOfHostileKnowledgeBaseFinishesAndStaysInsideTheOutput() throws {
        let root = try HostileInputTests.writeHostileKnowledgeBase()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("public")
        let run = try Debrief.run(["build", "--root", root.path, "--output", output.path, "--as-of", "2026-01-01"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))
        let entries = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        #expect(entries == ["content", "public"])
    }
}
