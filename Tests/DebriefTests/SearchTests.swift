import DebriefModel
@testable import DebriefSearch
import Foundation
import Testing

/// Ranking on Fixtures/search, where the right answer of each query is known.
@Suite struct SearchTests {
    static func fixtureRoot() throws -> URL {
        try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil)).appendingPathComponent("search")
    }

    static func index() throws -> SearchIndex {
        SearchIndex(documents: SearchDocument.all(try KnowledgeBase.load(root: fixtureRoot())))
    }

    func top(_ query: String, limit: Int = 10) throws -> [String] {
        try Self.index().search(QueryParser.parse(query), limit: limit).hits.map(\.document.slug)
    }

    @Test func exactTitleComesFirst() throws {
        #expect(try top("Expired TLS certificate on checkout edge").first == "2024-06-02-checkout-certificate-expiry")
        #expect(try top("search index lag").first == "2023-11-20-search-index-lag")
    }

    @Test func stemmedWordsMeet() throws {
        // "restarts" and "restarting" share the stem "restart"; only the search incident has it.
        #expect(try top("restarts ") == ["2023-11-20-search-index-lag"])
        #expect(Stemmer.stem("restarting") == Stemmer.stem("restarts"))
        #expect(Stemmer.stem("timeouts") == "timeout")
        #expect(Stemmer.stem("caused") == Stemmer.stem("causes"))
        #expect(Stemmer.stem("stopped") == "stop")
        #expect(Stemmer.stem("queries") == "query")
        #expect(Stemmer.stem("status") == "status")
    }

    @Test func phraseRequiresAdjacentWords() throws {
        // The DNS incident has "spike in traffic", not the phrase "traffic spike".
        let words = try top("traffic spike ")
        #expect(words.contains("2022-05-01-dns-resolver-outage"))
        #expect(try top("\"traffic spike\"") == ["2024-03-10-payments-connection-pool"])
        // Stop words leave gaps: "spike in traffic" matches with "in" skipped.
        #expect(try top("\"spike in traffic\"") == ["2022-05-01-dns-resolver-outage"])
    }

    @Test func filtersNarrowResults() throws {
        let all = try top("pool ")
        #expect(all.contains("2024-03-10-payments-connection-pool"))
        #expect(try top("pool severity:SEV2") == ["2025-01-15-payments-pool-saturation"])
        #expect(try top("pool sev:sev-1").first == "2024-03-10-payments-connection-pool")
        #expect(try top("pool year:2024").allSatisfy { $0.hasPrefix("2024-") })
        let since = try top("pool since:2024-06-01")
        #expect(Set(since) == ["2024-08-08-payments-refund-timeouts", "2025-01-15-payments-pool-saturation"])
        #expect(try top("certificate service:payments").isEmpty)
    }

    @Test func runbookFoundByAlertName() throws {
        #expect(try top("DiskFillingUp").first == "disk-filling-up")
        #expect(try top("HighErrorRate").first == "high-error-rate")
        // The postmortems in which the alert fired follow the runbook.
        #expect(try Set(top("HighErrorRate").dropFirst().prefix(3)) == ["2024-03-10-payments-connection-pool", "2025-01-15-payments-pool-saturation", "2024-08-08-payments-refund-timeouts"])
        // Compound parts are indexed too, so prose words find the alert name.
        #expect(try top("disk filling").first == "disk-filling-up")
    }

    @Test func lastWordMatchesAsPrefix() throws {
        #expect(try top("certif").first == "2024-06-02-checkout-certificate-expiry")
        #expect(try top("certif ").isEmpty) // a trailing space ends the word
        #expect(try top("kafk*").first == "2023-11-20-search-index-lag")
    }

    @Test func snippetShowsTheMatch() throws {
        let hit = try #require(try Self.index().search(QueryParser.parse("gateway deadline"), limit: 1).hits.first)
        #expect(hit.document.slug == "2024-03-10-payments-connection-pool")
        #expect(hit.snippet.contains("gateway deadline"))
    }

    @Test func queryParserReadsFiltersPhrasesAndPrefixes() {
        let query = QueryParser.parse("\"connection pool\" HighErrorRate severity:SEV1 service:payments year:2024 time")
        #expect(query.phrases.map(\.terms) == [["connection", "pool"]])
        #expect(query.terms.map(\.term) == ["connection", "pool", "higherrorrat", "tim"])
        #expect(query.terms.map(\.isPrefix) == [false, false, false, true])
        #expect(query.severity == "SEV1" && query.service == "payments" && query.year == 2024)
        // An unreadable filter stays a term instead of vanishing.
        #expect(QueryParser.parse("since:yesterday ").terms.map(\.word) == ["since", "yesterday"])
    }

    @Test func tokenizerSplitsCompoundsAndKeepsPositions() {
        let tokens = Tokenizer.tokenize("Alert HTTPServerDown fired")
        #expect(tokens.map(\.term) == ["alert", "httpserverdown", "http", "server", "down", "fir"])
        #expect(tokens.map(\.position) == [0, 1, 1, 2, 3, 4])
        #expect(Tokenizer.tokenize("the <img src=x onerror=alert(1)>").map(\.word) == ["img", "src", "x", "onerror", "alert", "1"])
    }

    @Test func aWordOneTypoAwayMatchesBelowTheExactWord() throws {
        let index = try Self.index()
        let exact = index.search(QueryParser.parse("certificate "), limit: 3).hits
        let misspelt = index.search(QueryParser.parse("certficate "), limit: 3).hits
        #expect(exact.first?.document.slug == "2024-06-02-checkout-certificate-expiry")
        #expect(misspelt.map(\.document.slug) == exact.map(\.document.slug))
        #expect(misspelt.first.map(\.score) ?? 0 < exact.first.map(\.score) ?? 0)
        // A transposition, and an edit in the first three letters (not tolerated).
        #expect(try top("saturatoin ").first == "2025-01-15-payments-pool-saturation")
        #expect(try top("csrtificate ").isEmpty)
        // Words under five letters are taken as typed.
        #expect(try top("pol ").isEmpty)
    }

    @Test func filtersWithoutWordsListNewestFirst() throws {
        let index = try Self.index()
        let results = index.search(QueryParser.parse("severity:SEV1"), limit: 1)
        #expect(results.total == 2)
        #expect(results.hits.map(\.document.slug) == ["2024-03-10-payments-connection-pool"])
        #expect(index.search(QueryParser.parse("service:payments"), limit: 5).hits.map(\.document.slug)
            == ["2025-01-15-payments-pool-saturation", "2024-08-08-payments-refund-timeouts", "2024-03-10-payments-connection-pool"]
            + index.search(QueryParser.parse("service:payments"), limit: 5).hits.filter { $0.document.kind == .runbook }.map(\.document.slug))
        // No words and no filter lists nothing.
        #expect(index.search(QueryParser.parse(""), limit: 5).total == 0)
    }

    @Test func emptyAndHostileQueriesAreHarmless() throws {
        #expect(try top("").isEmpty)
        #expect(try top("\"\"\"").isEmpty)
        #expect(try top(String(repeating: "a", count: 10_000)).isEmpty)
    }

    @Test func everyWordOfAPreambleAnUnknownSectionAndFrontMatterIsFound() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("debrief-body-\(UUID().uuidString)")
        let folder = root.appendingPathComponent("content/postmortems")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try """
            ---
            title: Metadata service outage
            date: 2024-02-01
            keywords: [storage, quorum]
            product: object-store
            description: Writes stalled while metadata nodes were de-registered.
            ---
            An opening paragraph about the zookeeper ensemble, before any heading.

            ## Mitigation notes

            The operators drained the rack by hand with the cordon playbook.
            """.write(to: folder.appendingPathComponent("2024-02-01-metadata.md"), atomically: true, encoding: .utf8)
        try "# Unrelated\n**Date:** 2024-03-01\n## Summary\nA deploy went wrong.\n"
            .write(to: folder.appendingPathComponent("2024-03-01-other.md"), atomically: true, encoding: .utf8)
        let index = SearchIndex(documents: SearchDocument.all(try KnowledgeBase.load(root: root)))
        for query in ["zookeeper ensemble", "cordon playbook", "de-registered", "metadata nodes", "quorum", "object-store"] {
            #expect(index.search(QueryParser.parse(query + " "), limit: 5).hits.map(\.document.slug) == ["2024-02-01-metadata"], "\(query)")
        }
        let document = try #require(SearchDocument.all(try KnowledgeBase.load(root: root)).first)
        #expect(document.tags == ["storage", "quorum"])
        #expect(document.services == ["object-store"])
    }
}
