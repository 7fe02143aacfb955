import Foundation
import Testing

/// End-to-end tests of the `debrief` binary: exit statuses, path filtering, output formats,
/// `inspect` and `new`, run against the small knowledge bases in Fixtures/cli/.
@Suite struct CLITests {
    // MARK: check: exit statuses

    @Test func cleanKnowledgeBasePassesWithStatusZero() throws {
        let run = try Debrief.run(["check", "--root", Debrief.fixture("clean")])
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.contains("no problems"))
    }

    @Test func aRootWithNoDocumentsIsSaidOnStderr() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("debrief-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("postmortems"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Debrief.run(["check", "--root", folder.path])
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr.contains("no postmortems in content/postmortems/"), "\(run)")
        let clean = try Debrief.run(["check", "--root", Debrief.fixture("clean")])
        #expect(!clean.stderr.contains("no postmortems"), "\(clean)")
    }

    @Test func landingPagesAndTemplatesAreNotDocuments() throws {
        let root = try Debrief.copyOfFixture("clean")
        defer { try? FileManager.default.removeItem(at: root) }
        let postmortems = root.appendingPathComponent("content/postmortems")
        let notIncidents = ["README.md": "# Incident reports\n\nCopy the template.\n", "index.md": "# Incidents\n",
                            "Postmortem-Template.md": "# {{ title }}\n\n**Date:** YYYY-MM-DD\n"]
        for (name, text) in notIncidents {
            try text.write(to: postmortems.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let run = try Debrief.run(["check", "--root", root.path])
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr.contains("sets them aside: content/postmortems/Postmortem-Template.md, content/postmortems/README.md, content/postmortems/index.md"), "\(run)")

        // `ignore_files` replaces the list: a team that writes each incident as a folder's README.md checks them.
        try "today: 2026-01-01\nignore_files: [\"*-template.md\"]\n".write(to: root.appendingPathComponent("debrief.yml"), atomically: true, encoding: .utf8)
        let listed = try Debrief.run(["check", "--root", root.path, "--format", "json"])
        let files = Set(try Debrief.diagnostics(inJSON: listed.stdout).compactMap { $0["file"] as? String })
        #expect(files.isSuperset(of: ["content/postmortems/README.md", "content/postmortems/index.md"]), "\(listed)")
        #expect(!files.contains("content/postmortems/Postmortem-Template.md"), "\(listed)")
    }

    @Test func errorsGiveStatusOne() throws {
        let run = try Debrief.run(["check", "--root", Debrief.fixture("mixed")])
        #expect(run.status == 1, "\(run)")
        #expect(run.stdout.contains("error[required-section]"))
        #expect(run.stdout.contains("error[action-owner]"))
    }

    @Test func warningsFailOnlyWithStrict() throws {
        let root = Debrief.fixture("warnings")
        let lenient = try Debrief.run(["check", "--root", root])
        #expect(lenient.status == 0, "\(lenient)")
        #expect(lenient.stdout.contains("warning[blame-language]"))
        let strict = try Debrief.run(["check", "--strict", "--root", root])
        #expect(strict.status == 1, "\(strict)")
    }

    @Test(arguments: [
        ["check", "--no-such-option"],
        ["check", "--as-of", "2025-13-01"],
        ["check", "--as-of", "yesterday"],
        ["check", "--format", "xml"],
        ["frobnicate"],
    ])
    func usageErrorsGiveStatusTwo(arguments: [String]) throws {
        let run = try Debrief.run(arguments + ["--root", Debrief.fixture("clean")])
        #expect(run.status == 2, "\(run)")
        #expect(!run.stderr.isEmpty)
    }

    @Test func anOverlongSearchIsRefusedAtOnce() throws {
        // 64k query words spent minutes in the argument parser.
        let words = (0..<64_000).map { "w\($0)" }
        let run = try Debrief.run(["search"] + words + ["--root", Debrief.fixture("clean")])
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("at most"))
    }

    @Test func unreadableRootOrConfigGivesStatusTwo() throws {
        let missing = try Debrief.run(["check", "--root", "/nonexistent/debrief-kb"])
        #expect(missing.status == 2, "\(missing)")
        let badConfig = try Debrief.run(["check", "--root", Debrief.fixture("bad-config")])
        #expect(badConfig.status == 2, "\(badConfig)")
        #expect(badConfig.stderr.contains("debrief.yml"))
    }

    @Test func settingsThatWouldOverflowAreRefusedWithTheirName() throws {
        // `duration_tolerance_minutes * 60` overflowed and trapped before any document was read.
        for yaml in ["duration_tolerance_minutes: 153722867280912931\n",
                     "severities:\n  - name: SEV1\n    action_sla_days: -9223372036854775808\n",
                     "a0: &a0 x\n" + (1..<50).map { "a\($0): &a\($0) [*a\($0 - 1), *a\($0 - 1)]\n" }.joined() + "? *a49\n: x\n"] {
            let root = try Debrief.copyOfFixture("clean")
            defer { try? FileManager.default.removeItem(at: root) }
            try yaml.write(to: root.appendingPathComponent("debrief.yml"), atomically: true, encoding: .utf8)
            let run = try Debrief.run(["check", "--root", root.path])
            #expect(run.status == 2, "\(run)")
            #expect(run.stderr.contains("debrief.yml:"), "\(run.stderr)")
        }
    }

    @Test func aMisspeltKeyOrRuleIdIsAnErrorAtItsLine() throws {
        let root = try Debrief.copyOfFixture("clean")
        defer { try? FileManager.default.removeItem(at: root) }
        let config = root.appendingPathComponent("debrief.yml")
        try "title: Example\nrequried_sections: [Summary]\n".write(to: config, atomically: true, encoding: .utf8)
        let key = try Debrief.run(["check", "--root", root.path])
        #expect(key.status == 2, "\(key)")
        #expect(key.stderr.contains("debrief.yml:2: unknown key `requried_sections`"), "\(key.stderr)")
        try "title: Example\nrules:\n  blame-language: error\n  blame-langauge: off\n".write(to: config, atomically: true, encoding: .utf8)
        let rule = try Debrief.run(["check", "--root", root.path])
        #expect(rule.status == 1, "\(rule)")
        #expect(rule.stdout.contains("debrief.yml:4:1: error[config]: `rules:` names no rule `blame-langauge`"), "\(rule.stdout)")
    }

    @Test func unknownPathGivesStatusTwo() throws {
        let run = try Debrief.run(["check", "--root", Debrief.fixture("clean"), "content/postmortems/missing.md"])
        #expect(run.status == 2, "\(run)")
    }

    @Test func helpExitsZero() throws {
        for arguments in [["--help"], ["check", "--help"], ["help", "new", "postmortem"]] {
            let run = try Debrief.run(arguments)
            #expect(run.status == 0, "\(run)")
            #expect(run.stdout.contains("USAGE"), "\(arguments)")
        }
        let check = try Debrief.run(["check", "--help"])
        #expect(check.stdout.contains("Examples:"))
    }

    // MARK: check: paths and formats

    @Test func pathsLimitTheReportButNotTheLoad() throws {
        let root = Debrief.fixture("mixed")
        let good = try Debrief.run(["check", "--root", root, "content/postmortems/2025-06-10-search-lag.md"])
        #expect(good.status == 0, "\(good)")
        #expect(good.stdout.contains("(1 file checked)"), "\(good)")

        // A folder names everything below it; a path relative to the current folder works too.
        let folder = try Debrief.run(["check", "--root", root, "--format", "json", "content/postmortems/pending"])
        #expect(folder.status == 1, "\(folder)")
        let files = try Debrief.diagnostics(inJSON: folder.stdout).map { $0["file"] as? String }
        #expect(!files.isEmpty)
        #expect(files.allSatisfy { $0 == "content/postmortems/pending/2025-11-02-payments-outage.md" })

        let fromInside = try Debrief.run(["check", "--root", root, "pending"], in: URL(fileURLWithPath: root).appendingPathComponent("content/postmortems"))
        #expect(fromInside.status == 1, "\(fromInside)")
    }

    @Test func jsonReportIsParseable() throws {
        let run = try Debrief.run(["check", "--root", Debrief.fixture("mixed"), "--format", "json"])
        #expect(run.status == 1)
        let diagnostics = try Debrief.diagnostics(inJSON: run.stdout)
        #expect(diagnostics.count == 2)
        for diagnostic in diagnostics {
            #expect(diagnostic["rule"] is String)
            #expect(diagnostic["line"] is Int)
            #expect((diagnostic["severity"] as? String) == "error")
        }
    }

    @Test func noEscapeCodesWithoutTerminalOrWithNoColor() throws {
        let root = Debrief.fixture("mixed")
        let piped = try Debrief.run(["check", "--root", root])
        let noColor = try Debrief.run(["check", "--root", root], environment: ["NO_COLOR": "1"])
        for run in [piped, noColor] {
            #expect(run.status == 1)
            #expect(!run.stdout.contains("\u{1B}["), "\(run)")
        }
    }

    @Test func asOfChangesWhatIsReported() throws {
        // The clean runbook was reviewed 2025-11-01; two years on it is past the review limit.
        let run = try Debrief.run(["check", "--root", Debrief.fixture("clean"), "--as-of", "2027-12-01"])
        #expect(run.stdout.contains("runbook-stale") || run.stdout.contains("last_reviewed"), "\(run)")
    }

    // MARK: inspect

    @Test func inspectJSONHasTheParsedFields() throws {
        let run = try Debrief.run(["inspect", "--root", Debrief.fixture("clean"), "content/postmortems/2025-06-10-search-lag.md", "--format", "json"])
        #expect(run.status == 0, "\(run)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["title"] as? String == "Search results lagged behind the catalogue")
        #expect(object["date"] as? String == "2025-06-10")
        #expect(object["severity"] as? String == "SEV3")
        #expect(object["services"] as? [String] == ["search"])
        #expect((object["timeline"] as? [Any])?.count == 5)
        let items = try #require(object["action_items"] as? [[String: Any]])
        #expect(items.first?["owner"] as? String == "@lena")
        #expect(items.first?["due"] as? String == "2025-06-30")
        let milestones = try #require(object["milestones"] as? [String: Any])
        let detected = try #require(milestones["detected"] as? [String: Any])
        #expect(detected["time"] as? String == "2025-06-10T09:10:00Z")
    }

    @Test func inspectReadsYAMLAsRunbook() throws {
        let json = try Debrief.run(["inspect", "--root", Debrief.fixture("clean"), "content/runbooks/search-lag.yml", "--format", "json"])
        #expect(json.status == 0, "\(json)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["alert_names"] as? [String] == ["SearchLagHigh"])
        let text = try Debrief.run(["inspect", "--root", Debrief.fixture("clean"), "content/runbooks/search-lag.yml"])
        #expect(text.stdout.contains("Runbook content/runbooks/search-lag.yml"))
        #expect(text.stdout.contains("owner:         search-team"))
    }

    // MARK: new

    @Test func newPostmortemReportsEveryPlaceholder() throws {
        let root = try Debrief.copyOfFixture("clean")
        defer { try? FileManager.default.removeItem(at: root) }
        let created = try Debrief.run(["new", "postmortem", "Checkout: cart timeouts", "--severity", "sev-2",
                                       "--service", "checkout", "--date", "2025-12-20", "--root", root.path])
        #expect(created.status == 0, "\(created)")
        let path = "content/postmortems/2025-12-20-checkout-cart-timeouts.md"
        let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)

        let check = try Debrief.run(["check", "--root", root.path, "--format", "json", path])
        #expect(check.status == 1, "\(check)")
        let diagnostics = try Debrief.diagnostics(inJSON: check.stdout)
        let reportedLines = Set(diagnostics.compactMap { $0["line"] as? Int })
        // Every template line the author must still fill is reported, and nothing else: a line
        // is to fill when it has a `[Prompt]`, TBD, YYYY-MM-DD or HH:MM (not `[]` or `["checkout"]`).
        let prompt = try Regex(#"\[[A-Z]|TBD|YYYY-MM-DD|HH:MM"#)
        let placeholderLines = Set(text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, line in
            line.contains(prompt) ? index + 1 : nil
        })
        #expect(reportedLines == placeholderLines, "reported \(reportedLines.sorted()), placeholders \(placeholderLines.sorted())")
        #expect(diagnostics.contains { ($0["message"] as? String)?.contains("[Describe the technical root cause]") == true })
    }

    @Test func newRunbookReportsEveryPlaceholder() throws {
        let root = try Debrief.copyOfFixture("clean")
        defer { try? FileManager.default.removeItem(at: root) }
        let created = try Debrief.run(["new", "runbook", "Checkout High Error Rate", "--root", root.path])
        #expect(created.status == 0, "\(created)")
        let path = "content/runbooks/checkout-high-error-rate.yml"
        let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)

        let check = try Debrief.run(["check", "--root", root.path, "--format", "json", path])
        #expect(check.status == 1, "\(check)")
        let reportedLines = Set(try Debrief.diagnostics(inJSON: check.stdout).compactMap { $0["line"] as? Int })
        // Every non-comment line holding a `[Prompt]` or TBD is reported, and no other line.
        let prompt = try Regex(#"\[[A-Z]|TBD"#)
        let placeholderLines = Set(text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, line in
            !line.hasPrefix("#") && line.contains(prompt) ? index + 1 : nil
        })
        #expect(!placeholderLines.isEmpty)
        #expect(reportedLines == placeholderLines, "reported \(reportedLines.sorted()), placeholders \(placeholderLines.sorted())")
    }

    @Test func newRefusesToOverwrite() throws {
        let root = try Debrief.copyOfFixture("clean")
        defer { try? FileManager.default.removeItem(at: root) }
        let arguments = ["new", "runbook", "Search Lag", "--root", root.path]
        let existing = root.appendingPathComponent("content/runbooks/search-lag.yml")
        let before = try Data(contentsOf: existing)
        let run = try Debrief.run(arguments)
        #expect(run.status == 2, "\(run)")
        #expect(run.stderr.contains("already exists"))
        #expect(try Data(contentsOf: existing) == before)

        let markdown = try Debrief.run(["new", "runbook", "Search Lag", "--format", "markdown", "--root", root.path])
        #expect(markdown.status == 0, "\(markdown)")
        let again = try Debrief.run(["new", "runbook", "Search Lag", "--format", "markdown", "--root", root.path])
        #expect(again.status == 2, "\(again)")
    }

    // MARK: build: rebuilds

    @Test func rebuildWithUnchangedInputsRepeatsTheReportAndWritesNothing() throws {
        let root = try Debrief.copyOfFixture("mixed")
        let output = root.appendingPathComponent("public").path
        let arguments = ["build", "--root", root.path, "--output", output, "--as-of", "2026-01-01", "--timings"]
        let first = try Debrief.run(arguments)
        #expect(first.status == 0, "\(first)")
        #expect(first.stderr.contains("load and parse"), "--timings lists the steps: \(first)")
        let second = try Debrief.run(arguments)
        #expect(second.status == 0, "\(second)")
        #expect(second.stderr.contains("check inputs") && !second.stderr.contains("load and parse"), "nothing parsed: \(second)")
        #expect(second.stderr.contains(" 0 of "), "\(second)")
        let report = { (run: Debrief.Run) in run.stderr.split(separator: "\n").filter { $0.contains("[") && $0.contains("]: ") } }
        #expect(!report(first).isEmpty)
        #expect(report(second) == report(first))
        let strict = try Debrief.run(arguments + ["--strict"])
        #expect(strict.status == 1, "cached errors still fail --strict: \(strict)")
        let forced = try Debrief.run(arguments + ["--force"])
        #expect(forced.stderr.contains("load and parse") && forced.stderr.contains(" 0 of "), "\(forced)")
    }
}

extension CLITests {
    // MARK: build: layout overrides

    @Test func layoutOverrideNamingAValueThePageLacksFailsTheBuildWithItsFileAndLineAndWritesNothing() throws {
        let root = try Debrief.copyOfFixture("clean")
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("public")
        let build = ["build", "--root", root.path, "--output", output.path, "--as-of", "2026-01-01"]
        let first = try Debrief.run(build)
        #expect(first.status == 0, "\(first)")
        let before = SiteFixture.tree(output)

        let layouts = root.appendingPathComponent("layouts")
        try FileManager.default.createDirectory(at: layouts, withIntermediateDirectories: true)
        let footer = layouts.appendingPathComponent("footer.mustache")
        try "<footer>\n  <p>{{site_titel}}</p>\n</footer>\n".write(to: footer, atomically: true, encoding: .utf8)
        let failed = try Debrief.run(build)
        #expect(failed.status == 2, "\(failed)")
        #expect(failed.stderr.contains("\(footer.path):2: {{site_titel}}: no value named site_titel"), "\(failed.stderr)")
        #expect(SiteFixture.tree(output) == before, "the previous site is left as it was")

        let fresh = root.appendingPathComponent("fresh")
        let failedFresh = try Debrief.run(["build", "--root", root.path, "--output", fresh.path, "--as-of", "2026-01-01"])
        #expect(failedFresh.status == 2, "\(failedFresh)")
        #expect(!FileManager.default.fileExists(atPath: fresh.path), "no output folder is made")
    }
}

/// Runs the `debrief` executable built next to the test bundle.
enum Debrief {
    struct Run: CustomStringConvertible {
        var status: Int32
        var stdout: String
        var stderr: String

        var description: String { "status \(status)\nstdout:\n\(stdout)\nstderr:\n\(stderr)" }
    }

    /// The products folder holds both the resource bundle and the executable, whatever the
    /// scratch path (`swift test --scratch-path X`).
    static var executable: URL {
        Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("debrief")
    }

    static func fixture(_ name: String) -> String {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("cli/\(name)").path
    }

    /// A writable copy of a fixture knowledge base in a fresh temporary folder.
    static func copyOfFixture(_ name: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("debrief-cli-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: fixture(name)), to: folder)
        return folder
    }

    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Run {
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw CLITestError("debrief executable not found at \(executable.path); build it with `swift build` first")
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? FileManager.default.temporaryDirectory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes before waiting so a large report cannot fill a pipe and block the child.
        let stderrData = ReadAll(err.fileHandleForReading)
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
                   stderr: String(decoding: stderrData.wait(), as: UTF8.self))
    }

    static func diagnostics(inJSON text: String) throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        guard let diagnostics = object?["diagnostics"] as? [[String: Any]] else {
            throw CLITestError("no `diagnostics` array in JSON output:\n\(text)")
        }
        return diagnostics
    }
}

/// Reads a pipe to its end on a background thread.
final class ReadAll: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}

struct CLITestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
