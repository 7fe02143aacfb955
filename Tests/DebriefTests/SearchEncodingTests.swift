import DebriefModel
@testable import DebriefSearch
import Testing

/// The pieces of the site's index format that search.js decodes (see docs/search.md).
@Suite struct SearchEncodingTests {
    @Test func compactNumbersRoundTrip() {
        let values = [0, 1, 31, 32, 1000, 1023, 1024, 32_767, 32_768, Int(Int32.max)]
        #expect(CompactNumbers.decode(CompactNumbers.encode(values)) == values)
        #expect(CompactNumbers.encode([0, 31, 32, 1000]) == "0vx0_8")
        #expect(CompactNumbers.decode("x") == nil) // a number cut off after a "more follows" digit
    }

    @Test func snippetSourcesEndAtAWordWithAnEllipsis() {
        let long = String(repeating: "pool saturated ", count: 40)
        let source = SearchShards.snippetSource(long)
        #expect(source.hasSuffix("saturated…") || source.hasSuffix("pool…"))
        #expect(source.unicodeScalars.count <= SearchShards.snippetSourceLength + 1)
        #expect(SearchShards.snippetSource("short text") == "short text")
    }

    @Test func filterFileNamesKeepOnlySafeCharacters() {
        #expect(SearchShards.fileName("api-gateway") == "api-gateway")
        #expect(SearchShards.fileName("api gateway") == "api_20gateway")
        #expect(SearchShards.fileName("a_b/ü") == "a_5fb_2f_c3_bc")
    }

    @Test func filterFilesHoldEachYearsAndServicesDocuments() throws {
        let documents = SearchDocument.all(try KnowledgeBase.load(root: SearchTests.fixtureRoot()))
        let files = SearchShards.filterFiles(documents)
        for year in Set(documents.compactMap { $0.date?.year }) {
            let file = try #require(files.first { $0.path == "filters/year-\(year).js" })
            var numbers = try #require(CompactNumbers.decode(Self.payload(file.text)))
            var previous = 0
            for i in stride(from: 0, to: numbers.count, by: 2) { numbers[i] += previous; previous = numbers[i] }
            let expected = documents.enumerated().filter { $0.element.date?.year == year }.map(\.offset)
            #expect(stride(from: 0, to: numbers.count, by: 2).map { numbers[$0] } == expected)
        }
        let payments = try #require(files.first { $0.path == "filters/service-payments.js" })
        let deltas = try #require(CompactNumbers.decode(Self.payload(payments.text)))
        let docs = deltas.reduce(into: [Int]()) { $0.append(($0.last ?? 0) + $1) }
        #expect(docs == documents.enumerated().filter { $0.element.services.contains("payments") }.map(\.offset))
    }

    /// The quoted number string of `debriefSearch.addFilter("name","numbers");`.
    static func payload(_ script: String) -> String {
        let parts = script.split(separator: "\"")
        return String(parts[parts.count - 2])
    }
}
