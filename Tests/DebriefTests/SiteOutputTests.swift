import Foundation
import Testing
import DebriefModel
import DebriefSite

/// Output discipline: determinism, no-op rebuilds, staging + swap, path safety, layout overrides.
@Suite struct SiteOutputTests {
    struct InjectedFailure: Error {}

    /// A page generator writing wherever it is told (to prove the writer refuses).
    struct FixedPage: PageGenerator {
        var path: String
        func pages(_ site: SiteRenderer) throws -> [RenderedPage] { [RenderedPage(path: path, text: "x")] }
    }

    /// Counts writes from concurrent page kinds.
    final class WriteCounter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func next() -> Int { lock.withLock { count += 1; return count } }
    }

    func build(_ root: URL, into output: URL, generators: [any PageGenerator] = SiteBuilder.standardGenerators,
               writeFile: (@Sendable (URL, [UInt8]) throws -> Void)? = nil) throws -> SiteBuilder.Result {
        var builder = SiteFixture.builder(root: root, output: output, generators: generators)
        builder.writeFile = writeFile
        return try builder.build(try builder.prepare())
    }

    @Test func twoBuildsProduceIdenticalTrees() throws {
        let root = try SiteFixture.copy("kb")
        let first = root.appendingPathComponent("out-1"), second = root.appendingPathComponent("out-2")
        _ = try build(root, into: first)
        _ = try build(root, into: second)
        let a = SiteFixture.tree(first), b = SiteFixture.tree(second)
        #expect(a.count > 20)
        #expect(a == b)
    }

    @Test func rebuildWithNothingChangedWritesNoFile() throws {
        let root = try SiteFixture.copy("kb")
        let output = root.appendingPathComponent("public")
        #expect(try build(root, into: output).outcome != .unchanged)
        let home = output.appendingPathComponent("index.html")
        let before = try FileManager.default.attributesOfItem(atPath: home.path)[.modificationDate] as? Date
        let result = try build(root, into: output) { _, _ in Issue.record("a file was written") }
        #expect(result.outcome == .unchanged)
        #expect(try FileManager.default.attributesOfItem(atPath: home.path)[.modificationDate] as? Date == before)
    }

    @Test func failedBuildLeavesThePreviousOutputUntouched() throws {
        let root = try SiteFixture.copy("kb")
        let output = root.appendingPathComponent("public")
        _ = try build(root, into: output)
        let before = SiteFixture.tree(output)
        // Change the content so the next build has to replace the site, then fail mid-write.
        let file = root.appendingPathComponent("content/postmortems/2025-02-10-checkout-db-failover.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "Checkout errors during database failover", with: "Renamed incident")
            .write(to: file, atomically: true, encoding: .utf8)
        let counter = WriteCounter()
        #expect(throws: InjectedFailure.self) {
            _ = try build(root, into: output) { url, data in
                if counter.next() == 2 { throw InjectedFailure() }
                try Data(data).write(to: url)
            }
        }
        #expect(SiteFixture.tree(output) == before)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: root.path)
        #expect(!siblings.contains { $0.hasPrefix(".public.") }, "staging folder left behind: \(siblings)")
    }

    /// (inode, modification time) of every file: a file rewritten or replaced changes one of them.
    func stamps(_ folder: URL) throws -> [String: [Int]] {
        var stamps: [String: [Int]] = [:]
        for path in SiteFixture.tree(folder).keys {
            let attributes = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(path).path)
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            stamps[path] = [(attributes[.systemFileNumber] as? NSNumber)?.intValue ?? 0, Int(modified * 1e6)]
        }
        return stamps
    }

    @Test func changingOnePostmortemRewritesOnlyTheFilesThatShowIt() throws {
        let root = try SiteFixture.copy("kb")
        let output = root.appendingPathComponent("public")
        _ = try build(root, into: output)
        let before = try stamps(output)
        let file = root.appendingPathComponent("content/postmortems/2024-08-03-search-slow-queries.md")
        try (String(contentsOf: file, encoding: .utf8) + "\nOne more paragraph about slow queries.\n").write(to: file, atomically: true, encoding: .utf8)
        let result = try build(root, into: output)
        let after = try stamps(output)
        let changed = Set(after.keys.filter { before[$0] != after[$0] })
        #expect(result.outcome == .replaced(filesWritten: changed.count - 1)) // the manifest is not a page
        #expect(changed.contains("postmortems/2024-08-03-search-slow-queries/index.html"))
        #expect(changed.contains(SiteWriter.manifestName))
        #expect(!changed.contains("index.html") && !changed.contains("runbooks/index.html") && !changed.contains("assets/style.css"))
        #expect(changed.count < before.count / 2, "rewrote \(changed.count) of \(before.count) files: \(changed.sorted())")
        #expect(SiteFixture.tree(output) == SiteFixture.tree(try { let fresh = root.appendingPathComponent("fresh"); _ = try build(root, into: fresh); return fresh }()))
    }

    /// The manifest is written by hand, not by `JSONEncoder`: what `read` decodes must be exactly
    /// what the build recorded (every file's hash and size, the inputs, the diagnostics).
    @Test func manifestReadsBackAsWritten() throws {
        let root = try SiteFixture.copy("kb")
        let output = root.appendingPathComponent("public")
        let builder = SiteFixture.builder(root: root, output: output)
        let prepared = try builder.prepare()
        _ = try builder.build(prepared)
        let manifest = try #require(BuildManifest.read(from: output))
        #expect(manifest.inputs == prepared.inputs)
        #expect(manifest.diagnostics == prepared.diagnostics && !manifest.diagnostics.isEmpty)
        #expect(manifest.diagnostics.contains { $0.message.contains("`") && $0.file.contains("/") })
        #expect(manifest.postmortems == prepared.knowledgeBase.postmortems.count && manifest.runbooks == prepared.knowledgeBase.runbooks.count)
        let enumerator = try #require(FileManager.default.enumerator(atPath: output.path))
        let files = Set(enumerator.compactMap { $0 as? String }.filter { path in
            var isFolder: ObjCBool = false
            return !path.hasPrefix(".") && FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path, isDirectory: &isFolder) && !isFolder.boolValue
        })
        #expect(Set(manifest.files.keys) == files && files.count > 20)
        for path in files {
            let bytes = try [UInt8](Data(contentsOf: output.appendingPathComponent(path)))
            let record = try #require(manifest.files[path])
            #expect(record.hash == ContentHash(bytes).hex && record.size == bytes.count, "\(path)")
        }
    }

    @Test func unchangedInputsAreRecognisedBeforeParsing() throws {
        let root = try SiteFixture.copy("kb")
        let output = root.appendingPathComponent("public")
        var builder = SiteFixture.builder(root: root, output: output)
        #expect(try builder.upToDateManifest() == nil) // nothing built yet
        _ = try builder.build(try builder.prepare())
        let manifest = try #require(try builder.upToDateManifest())
        #expect(manifest.postmortems > 0 && manifest.files.count > 20 && !manifest.diagnostics.isEmpty)
        #expect(try SiteFixture.builder(root: root, output: output, generators: [HomePage()]).upToDateManifest() == nil) // another site

        builder.options.asOf = Day(year: 2025, month: 9, day: 2) // overdue items depend on today
        #expect(try builder.upToDateManifest() == nil)
        builder.options.asOf = SiteFixture.asOf
        let file = root.appendingPathComponent("content/runbooks/" + (try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("content/runbooks").path).sorted()[0]))
        try (String(contentsOf: file, encoding: .utf8) + "\n").write(to: file, atomically: true, encoding: .utf8)
        #expect(try builder.upToDateManifest() == nil)
        _ = try builder.build(try builder.prepare())
        #expect(try builder.upToDateManifest() != nil)
        try FileManager.default.removeItem(at: output.appendingPathComponent("index.html")) // output damaged by hand
        #expect(try builder.upToDateManifest() == nil)
    }

    @Test func successfulBuildRemovesStalePagesAndKeepsHiddenFiles() throws {
        let root = try SiteFixture.copy("kb")
        let output = root.appendingPathComponent("public")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("".utf8).write(to: output.appendingPathComponent(".gitkeep"))
        _ = try build(root, into: output)
        let page = output.appendingPathComponent("postmortems/2024-08-03-search-slow-queries/index.html")
        #expect(FileManager.default.fileExists(atPath: page.path))
        try FileManager.default.removeItem(at: root.appendingPathComponent("content/postmortems/2024-08-03-search-slow-queries.md"))
        _ = try build(root, into: output)
        #expect(!FileManager.default.fileExists(atPath: page.path))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(".gitkeep").path))
    }

    @Test func refusesToReplaceAFolderItDidNotWrite() throws {
        let root = try SiteFixture.copy("kb")
        let output = root.appendingPathComponent("content")
        #expect(throws: SiteBuildError.self) { _ = try build(root, into: output) }
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("postmortems/2025-06-21-notifications-draft.md").path))
    }

    @Test(arguments: ["../escape.html", "/tmp/escape.html", "a/../../escape.html", "a//b.html", "./a.html", "a\\..\\b", ".debrief-manifest"])
    func refusesUnsafeOutputPaths(path: String) throws {
        let root = try SiteFixture.copy("kb")
        let output = root.appendingPathComponent("nested/public")
        #expect(throws: SiteBuildError.self) { _ = try build(root, into: output, generators: [FixedPage(path: path)]) }
        #expect(!FileManager.default.fileExists(atPath: output.path))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("nested/escape.html").path))
    }

    @Test func slugsCannotNameParentFolders() {
        #expect(Slug.make("../../etc/passwd") == "etc-passwd")
        #expect(SitePaths.isSafe(SitePaths.postmortem(Slug.make("../.."))))
    }

    @Test func layoutFileInTheKnowledgeBaseReplacesTheBuiltIn() throws {
        let root = try SiteFixture.copy("kb")
        let layouts = root.appendingPathComponent("layouts")
        try FileManager.default.createDirectory(at: layouts, withIntermediateDirectories: true)
        try "<footer>Team footer {{site_title}}</footer>\n".write(to: layouts.appendingPathComponent("footer.mustache"), atomically: true, encoding: .utf8)
        let builder = SiteFixture.builder(root: root)
        let home = try #require(try builder.render(try builder.prepare()).first { $0.path == "index.html" })
        let html = String(decoding: home.bytes, as: UTF8.self)
        #expect(html.contains("<footer>Team footer Fixture Incident Library</footer>"))
        #expect(!html.contains("Built with Debrief"))

        try "{{#broken}}".write(to: layouts.appendingPathComponent("footer.mustache"), atomically: true, encoding: .utf8)
        #expect(throws: SiteBuildError.self) { _ = try builder.render(try builder.prepare()) }
    }

    @Test func navigationListsOnlyTheGeneratorsPresent() throws {
        let root = try SiteFixture.copy("kb")
        let builder = SiteFixture.builder(root: root, generators: [HomePage(), RunbookPages()])
        let home = try #require(try builder.render(try builder.prepare()).first { $0.path == "index.html" })
        let html = String(decoding: home.bytes, as: UTF8.self)
        #expect(html.contains(">Runbooks</a>"))
        #expect(!html.contains(">Actions</a>"))
        #expect(!html.contains(">Trends</a>"))
    }

    @Test func calendarFollowsRFC5545() throws {
        let pages = try SiteFixture.render("kb")
        let ics = try #require(pages.first { $0.path == "actions.ics" })
        let text = String(decoding: ics.bytes, as: UTF8.self)
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        let lines = text.components(separatedBy: "\r\n").dropLast()
        #expect(lines.allSatisfy { $0.utf8.count <= 75 && !$0.contains("\n") })
        #expect(text.contains("DTSTAMP:20250901T000000Z"))
        #expect(text.components(separatedBy: "BEGIN:VTODO").count - 1 == 3) // open items with a due date (one from the SLA)
    }

    @Test func taxonomyPagesShowTheOpenActionItemsOfTheirIncidentsAndServicePagesTheirRunbooks() throws {
        // Service, tag, severity and year pages once said "0 overdue" whatever the incidents held.
        let pages = try SiteFixture.render("kb")
        func text(_ path: String) throws -> String {
            String(decoding: try #require(pages.first { $0.path == path }, "\(path)").bytes, as: UTF8.self)
        }
        // The checkout failover (SEV1, 2025) has one open action item past its due date.
        for path in ["services/checkout/index.html", "services/postgres/index.html", "tags/database/index.html",
                     "severities/sev1/index.html", "years/2025/index.html"] {
            #expect(try text(path).contains("1 overdue action item"), "\(path)")
            #expect(try text(path).contains("Check replication lag before failover"), "\(path)")
        }
        // A service's page lists its runbooks; a done item is not an open one.
        #expect(try text("services/checkout/index.html").contains("runbooks/checkout-high-error-rate/index.html"))
        #expect(try !text("services/checkout/index.html").contains("Document the bulk import schedule"))
        #expect(try text("owners/mara-lindqvist/index.html").contains("Document the bulk import schedule"))
    }
}
