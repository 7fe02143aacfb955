import DebriefModel
import Foundation
import Testing

/// `debrief init` and `debrief --version`, through the built binary.
@Suite struct InitCommandTests {
    static func emptyFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("debrief-init-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func aNewKnowledgeBasePassesCheckAndItsConfigurationIsTheDefaults() throws {
        let root = try Self.emptyFolder()
        let run = try Debrief.run(["init", root.path, "--as-of", "2026-03-10"])
        #expect(run.status == 0, "\(run)")
        for path in ["debrief.yml", "content/postmortems/2026-03-07-checkout-errors-after-cache-change.md",
                     "content/runbooks/checkout-high-error-rate.yml", ".github/workflows/debrief.yml", ".gitlab-ci.yml"] {
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path), "\(path) missing")
            #expect(run.stdout.contains("created  \(path)"))
        }
        let check = try Debrief.run(["check", "--strict", "--root", root.path, "--as-of", "2026-03-10"])
        #expect(check.status == 0, "\(check)")
        #expect(check.stdout.contains("no problems (2 files checked)"))

        let yaml = try String(contentsOf: root.appendingPathComponent("debrief.yml"), encoding: .utf8)
        #expect(try DebriefConfig.decode(yaml: yaml) == DebriefConfig())
        // The commented-out milestone keywords (the end of the file) are the built-in lists:
        // uncommented, nothing changes.
        let block = try #require(yaml.range(of: "# milestone_keywords:"), "the keyword block closes the file")
        let uncommented = yaml[..<block.lowerBound] + yaml[block.lowerBound...].split(separator: "\n").map { $0.dropFirst(2) }.joined(separator: "\n")
        #expect(uncommented.contains("\nmilestone_keywords:\n  started: ["))
        #expect(try DebriefConfig.decode(yaml: String(uncommented)) == DebriefConfig())
    }

    @Test func initNeverReplacesAFile() throws {
        let root = try Self.emptyFolder()
        let config = root.appendingPathComponent("debrief.yml")
        try "title: Our incidents\n".write(to: config, atomically: true, encoding: .utf8)
        let run = try Debrief.run(["init", root.path])
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.contains("kept     debrief.yml (exists)"))
        #expect(try String(contentsOf: config, encoding: .utf8) == "title: Our incidents\n")
        let again = try Debrief.run(["init", root.path])
        #expect(again.stdout.components(separatedBy: "kept ").count - 1 == 5, "\(again)")
        #expect(!again.stdout.contains("created"))
    }

    @Test func initFromAnExistingFolderPointsAtItAndReportsWhatCheckFinds() throws {
        let root = try Self.emptyFolder()
        let existing = root.appendingPathComponent("docs/incidents")
        try FileManager.default.createDirectory(at: existing.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: URL(fileURLWithPath: Debrief.fixture("mixed")).appendingPathComponent("content/postmortems"), to: existing)
        let run = try Debrief.run(["init", "--from", "docs/incidents"], in: root)
        #expect(run.status == 0, "\(run)")
        #expect(!run.stdout.contains("checkout-errors-after-cache-change"), "no example next to a team's own postmortems")
        #expect(run.stdout.contains("required-section"), "\(run)")
        let config = try DebriefConfig.load(root: root)
        #expect(config.postmortemsFolder == "docs/incidents")
        let count = try #require(FileManager.default.subpaths(atPath: existing.path)).filter { $0.hasSuffix(".md") }.count
        #expect(run.stdout.contains("Read \(count) postmortem(s)"), "\(run)")
        let check = try Debrief.run(["check", "--root", root.path])
        #expect(check.status == 1 && check.stdout.contains("docs/incidents/"), "\(check)")

        let outside = try Debrief.run(["init", root.path, "--from", FileManager.default.temporaryDirectory.path])
        #expect(outside.status == 2 && outside.stderr.contains("must be a folder inside"), "\(outside)")
    }

    @Test func versionNamesTheReleaseAndCommit() throws {
        let run = try Debrief.run(["--version"])
        #expect(run.status == 0, "\(run)")
        let version = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../VERSION"), encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(run.stdout.hasPrefix("debrief \(version) (commit "), "\(run)")
    }
}
