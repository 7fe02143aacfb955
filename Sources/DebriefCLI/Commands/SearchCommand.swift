import ArgumentParser
import DebriefModel
import DebriefSearch
import Foundation

/// `debrief search QUERY`: ranked postmortems and runbooks with the matching snippet.
public struct SearchCommand: ParsableCommand {
    public enum Format: String, CaseIterable, ExpressibleByArgument, Sendable { case table, json }

    public static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search postmortems and runbooks: ranked hits with the matching snippet.",
        discussion: """
        Words match their stems (timeouts, timed and timeout meet); the last word also matches \
        as a prefix unless the query ends in a space, and `word*` always does. "Quoted words" \
        must occur as a phrase; a word of five letters or more also matches terms one typo \
        away, ranked below exact matches. Filters may be written in the query (severity:SEV1, \
        service:api, since:2024-01-01, year:2024) or as options; filters without words list \
        every matching document, newest first. Ranking is BM25F over titles, \
        alert names, services, tags, summaries, root causes, contributing factors, timelines \
        and action items; docs/search.md gives the formula and constants. The site's search \
        ranks identically.

        Examples:
          debrief search "connection pool"
          debrief search HighErrorRate --severity SEV1
          debrief search certificate expired --since 2024-01-01 --format json
          debrief search --severity SEV1 --year 2024
        """
    )

    /// Words and options one search takes (see `DebriefCommand.runMain`).
    static let maximumArguments = 512

    @Argument(help: ArgumentHelp("What to look for (several words may be given unquoted).", valueName: "query"))
    public var query: [String] = []

    @Option(name: .long, help: ArgumentHelp("Only documents of this severity (SEV1, sev-1, P1, critical).", valueName: "severity"))
    public var severity: String?

    @Option(name: .long, help: ArgumentHelp("Only documents about this service.", valueName: "service"))
    public var service: String?

    @Option(name: .long, help: ArgumentHelp("Only incidents on or after this date (drops runbooks).", valueName: "yyyy-mm-dd"))
    public var since: Day?

    @Option(name: .long, help: ArgumentHelp("Only incidents of this year.", valueName: "yyyy"))
    public var year: Int?

    @Option(name: .long, help: ArgumentHelp("At most this many hits.", valueName: "n"))
    public var limit: Int = 10

    @OptionGroup public var knowledgeBase: KnowledgeBaseOptions

    @Option(name: .long, help: ArgumentHelp("Output format: table or json.", valueName: "format"))
    public var format: Format = .table

    public init() {}

    public func validate() throws {
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
        let parsed = QueryParser.parse(query.joined(separator: " "))
        if parsed.isEmpty, !parsed.hasFilters, severity == nil, service == nil, since == nil, year == nil {
            throw ValidationError("give words or a filter, e.g. debrief search \"connection pool\" or debrief search --severity SEV1")
        }
    }

    public func run() throws {
        let kb = try knowledgeBase.load()
        var parsed = QueryParser.parse(query.joined(separator: " "))
        if let severity { parsed.severity = try StatsCommand.severityLevel(severity, config: kb.config) }
        if let service { parsed.service = service }
        if let since { parsed.since = since }
        if let year { parsed.year = year }
        let index = SearchIndex(documents: SearchDocument.all(kb))
        let results = index.search(parsed, limit: limit)
        switch format {
        case .table: Terminal.write(Self.table(results))
        case .json: Terminal.write(Self.json(query: query.joined(separator: " "), results: results))
        }
    }

    static func table(_ results: SearchResults) -> String {
        let hits = results.hits
        guard !hits.isEmpty else { return "No matches." }
        var lines: [String] = []
        for (rank, hit) in hits.enumerated() {
            let d = hit.document
            let facts = [d.kind.rawValue, d.severity, d.date?.description, d.services.isEmpty ? nil : d.services.joined(separator: ", ")]
                .compactMap { $0 }.joined(separator: " · ")
            lines.append("\(rank + 1). \(d.title)  [\(facts)]  score \(String(format: "%.3f", hit.score))")
            lines.append("   \(d.path)")
            if !hit.snippet.isEmpty { lines.append("   \(hit.snippet)") }
        }
        if results.total > hits.count { lines.append("\(hits.count) of \(results.total) matches; --limit shows more.") }
        return lines.joined(separator: "\n")
    }

    struct JSONHit: Encodable {
        var rank: Int
        var score: Double
        var kind: String
        var slug: String
        var path: String
        var title: String
        var date: String?
        var severity: String?
        var services: [String]
        var snippet: String
    }

    static func json(query: String, results: SearchResults) -> String {
        struct Output: Encodable { var query: String; var total: Int; var hits: [JSONHit] }
        let output = Output(query: query, total: results.total, hits: results.hits.enumerated().map { rank, hit in
            JSONHit(rank: rank + 1, score: hit.score, kind: hit.document.kind.rawValue, slug: hit.document.slug, path: hit.document.path,
                    title: hit.document.title, date: hit.document.date?.description, severity: hit.document.severity,
                    services: hit.document.services, snippet: hit.snippet)
        })
        return JSONWriter.text(encoding: output)
    }
}
