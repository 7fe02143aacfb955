import DebriefModel
@testable import DebriefSearch
import Foundation
import Testing

/// The site's `assets/search.js`, run by node over the shards `SearchShards` writes, must rank
/// exactly like `SearchIndex` (same documents, same order, same scores). Skipped without node.
@Suite struct SearchParityTests {
    static let queries = [
        "connection pool", "HighErrorRate", "\"traffic spike\"", "pool severity:SEV2", "certif", "restarts ",
        "payments timeout year:2024", "kafk*", "disk filling", "pool since:2024-06-01", "service:payments error",
        "\"spike in traffic\"", "the", "database saturat", "payment gateway timeout", "certificate expired",
        "pool since:2024-08-08", "service:nosuch pool", "pool year:2025 sev:SEV2",
        // One typo (a transposition, a missing letter, a substitution), and filters without words.
        "conenction pool", "certficate", "saturetion ", "severity:SEV1", "service:payments year:2024", "since:2024-06-01",
    ]

    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static func nodePath() -> String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/usr/local/bin").split(separator: ":")
        return paths.map { "\($0)/node" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs the JavaScript search over `index`'s shards; one array of [doc, score] per query.
    static func javascriptResults(_ index: SearchIndex, queries: [String], node: String) throws -> [[[Double]]] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("debrief-parity-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for file in SearchShards.files(for: index, url: { $0.slug }) {
            let url = folder.appendingPathComponent("search/" + file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.text.write(to: url, atomically: true, encoding: .utf8)
        }
        let script = """
        const fs = require("fs");
        global.window = {};
        require(\(SearchShards.jsString(packageRoot.appendingPathComponent("Sources/DebriefSite/Layouts/search.js").path)));
        const api = window.debriefSearch;
        global.debriefSearch = api;
        api.load = (base, path) => {
          try { eval(fs.readFileSync(base + path, "utf8")); return Promise.resolve(true); } catch (e) { return Promise.resolve(false); }
        };
        const base = \(SearchShards.jsString(folder.path + "/search/"));
        eval(fs.readFileSync(base + "manifest.js", "utf8"));
        const queries = JSON.parse(fs.readFileSync(0, "utf8"));
        (async () => {
          const out = [];
          for (const q of queries) { const r = await api.search(base, q, { limit: 10 }); out.push(r.hits.map(h => [h.doc, h.score])); }
          process.stdout.write(JSON.stringify(out));
        })();
        """
        return try JSONDecoder().decode([[[Double]]].self, from: runNode(node, script: script, input: JSONEncoder().encode(queries)))
    }

    /// Runs `script` in node with `input` on its standard input; returns its standard output.
    static func runNode(_ node: String, script: String, input: Data) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: node)
        process.arguments = ["-e", script]
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return data
    }

    func expectParity(_ documents: [SearchDocument]) throws {
        guard let node = Self.nodePath() else { return }
        let index = SearchIndex(documents: documents)
        let js = try Self.javascriptResults(index, queries: Self.queries, node: node)
        var nonEmpty = 0
        for (query, jsHits) in zip(Self.queries, js) {
            let swiftHits = index.search(QueryParser.parse(query), limit: 10).hits.map { [Double($0.documentIndex), $0.score] }
            #expect(jsHits == swiftHits, "query \(query)")
            if !swiftHits.isEmpty { nonEmpty += 1 }
        }
        #expect(nonEmpty >= 3) // the comparison is not vacuous
    }

    /// The byte-level Swift tokenizer and the JavaScript one agree on words outside ASCII too:
    /// letters and numbers of other scripts, characters outside the BMP (two UTF-16 units), and
    /// compounds mixing both.
    @Test func javascriptTokenizesLikeSwift() throws {
        guard let node = Self.nodePath() else { return }
        let texts = [
            "Ünïcode Straße café—naïve DéjàVu ÀBC", "東京 サーバー障害 2024年", "x𝟘y 😀emoji2Factor 𝒜lert",
            "HTTPServerDown KubePodCrashLooping p99Latency IPv6Route", "İstanbul ǅemal Ⅻ ½ ٣٤", "stopped queries status analyses",
        ]
        let script = """
        global.window = {};
        require(\(SearchShards.jsString(Self.packageRoot.appendingPathComponent("Sources/DebriefSite/Layouts/search.js").path)));
        const texts = JSON.parse(require("fs").readFileSync(0, "utf8"));
        process.stdout.write(JSON.stringify(texts.map(t => window.debriefSearch.tokenize(t, true)
          .map(k => [k.term, k.word, String(k.position), String(k.start), String(k.end)]))));
        """
        let javascript = try JSONDecoder().decode([[[String]]].self, from: Self.runNode(node, script: script, input: JSONEncoder().encode(texts)))
        for (text, jsTokens) in zip(texts, javascript) {
            let swiftTokens = Tokenizer.tokenize(text).map { [$0.term, $0.word, String($0.position), String($0.start), String($0.end)] }
            #expect(swiftTokens == jsTokens, "text \(text)")
        }
    }

    @Test func javascriptRanksLikeSwiftOnFixtures() throws {
        try expectParity(SearchDocument.all(try KnowledgeBase.load(root: SearchTests.fixtureRoot())))
    }

    @Test func javascriptRanksLikeSwiftOnExampleContent() throws {
        let root = Self.packageRoot
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent("content/postmortems").path) else { return }
        try expectParity(SearchDocument.all(try KnowledgeBase.load(root: root)))
    }

    static var sharedCorpus: URL { packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus") }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: sharedCorpus.path), "../shared/corpus is not present"))
    func javascriptRanksLikeSwiftOnSharedCorpus() throws {
        let root = Self.sharedCorpus
        // The real corpus is laid out by source, not as content/: read its markdown directly.
        let parser = PostmortemParser()
        let folder = root.appendingPathComponent("mybinder-incident-reports")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let documents = names.filter { $0.hasSuffix(".md") }.sorted().compactMap { name -> SearchDocument? in
            guard let text = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) else { return nil }
            return SearchDocument(postmortem: parser.parse(text: text, path: name))
        }
        try expectParity(documents)
    }
}
