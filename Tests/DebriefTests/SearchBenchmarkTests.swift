import DebriefModel
import DebriefSearch
import Foundation
import Testing

/// Index size and build time on a large knowledge base. Runs only when DEBRIEF_SEARCH_BENCH names
/// one (e.g. `bench/gen_corpus.py --count 10000 --out /tmp/kb`); writes the shards to
/// `$DEBRIEF_SEARCH_BENCH_OUT` (default: a temporary folder) for `tests-browser/search_bytes.js`.
@Suite struct SearchBenchmarkTests {
    @Test func indexBuildTimeAndSize() throws {
        guard let corpus = ProcessInfo.processInfo.environment["DEBRIEF_SEARCH_BENCH"] else { return }
        let kb = try KnowledgeBase.load(root: URL(fileURLWithPath: corpus))
        let clock = ContinuousClock()
        var index: SearchIndex!
        var files: [SearchShards.File] = []
        let indexTime = clock.measure { index = SearchIndex(documents: SearchDocument.all(kb)) }
        let shardTime = clock.measure { files = SearchShards.files(for: index, url: { "postmortems/\($0.slug)/index.html" }) }
        let relatedTime = clock.measure { _ = RelatedIncidents(postmortems: kb.postmortems).all() }
        let out = URL(fileURLWithPath: ProcessInfo.processInfo.environment["DEBRIEF_SEARCH_BENCH_OUT"]
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("debrief-search-bench").path)
        try? FileManager.default.removeItem(at: out)
        var bytes = 0, largestShard = 0
        for file in files {
            let url = out.appendingPathComponent("search/" + file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.text.write(to: url, atomically: false, encoding: .utf8)
            bytes += file.text.utf8.count
            if file.path.hasPrefix("shards/") { largestShard = max(largestShard, file.text.utf8.count) }
        }
        print("search bench: \(kb.postmortems.count) postmortems, \(kb.runbooks.count) runbooks, \(index.terms.count) terms")
        print("search bench: index \(indexTime), shards \(shardTime), related for all \(relatedTime)")
        print("search bench: \(files.count) files, \(bytes) bytes, largest postings shard \(largestShard) bytes, written to \(out.path)")
        #expect(largestShard < 300_000)
        #expect(indexTime + shardTime < .seconds(1.78)) // a tenth of Pagefind's 17.8 s
    }
}
