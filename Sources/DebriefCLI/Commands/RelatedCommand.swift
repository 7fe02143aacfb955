import ArgumentParser
import DebriefModel
import DebriefSearch
import Foundation

/// `debrief related FILE`: past incidents related to a postmortem, or the incidents in which a
/// runbook's alerts fired.
public struct RelatedCommand: ParsableCommand {
    public enum Format: String, CaseIterable, ExpressibleByArgument, Sendable { case table, json }

    public static let configuration = CommandConfiguration(
        commandName: "related",
        abstract: "Incidents related to a postmortem (or that used a runbook), with the reasons.",
        discussion: """
        Explicit links come first: front matter `related`, links under Related Incidents, and \
        postmortems that link to this one. Then incidents with a similar root cause or text \
        (tf-idf cosine) and shared alerts, services and tags, each weighted by how rare it is; \
        the same root cause outranks a shared alert or service alone. For a runbook: \
        incidents in which its alerts fired, then incidents of its service.

        `--all` lists the related incidents of every postmortem at once (with `--format json`, \
        an array of the single-file objects).

        Examples:
          debrief related content/postmortems/2024-03-15-payments-gateway-timeout.md
          debrief related content/runbooks/high-error-rate.yml --format json
          debrief related --all --format json > related.json
        """
    )

    @Argument(help: ArgumentHelp("A postmortem or runbook file (path from the current folder or the root).", valueName: "file"))
    public var file: String?

    @Flag(name: .long, help: "Every postmortem's related incidents instead of one file's.")
    public var all = false

    @Option(name: .long, help: ArgumentHelp("At most this many incidents (explicit links are always shown).", valueName: "n"))
    public var limit: Int = 5

    @OptionGroup public var knowledgeBase: KnowledgeBaseOptions

    @Option(name: .long, help: ArgumentHelp("Output format: table or json.", valueName: "format"))
    public var format: Format = .table

    public init() {}

    public func validate() throws {
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
        if all == (file != nil) { throw ValidationError("give one file, or --all") }
    }

    public func run() throws {
        let kb = try knowledgeBase.load()
        let related = RelatedIncidents(postmortems: kb.postmortems)
        guard let file else {
            let lists = related.all(limit: limit)
            switch format {
            case .table:
                Terminal.write(zip(kb.postmortems, lists).map { "\($0.path)\n" + Self.table($1).split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") }
                    .joined(separator: "\n\n"))
            case .json:
                Terminal.write(Self.encode(zip(kb.postmortems, lists).map { Self.output(file: $0.path, incidents: $1) }))
            }
            return
        }
        // Root-relative when the file lies below the root; as given otherwise (a slug also works for runbooks).
        let path = PathFilter.relativePath(of: URL(fileURLWithPath: file), under: kb.root) ?? file
        let incidents: [RelatedIncident]
        if let index = related.index(of: path) {
            incidents = related.related(to: index, limit: limit)
        } else if let runbook = kb.runbooks.first(where: { $0.path == path || $0.slug == Slug.make(fromPath: path) }) {
            incidents = related.incidents(for: runbook, limit: limit)
        } else {
            throw CLIError("\(file) is not a postmortem or runbook of the knowledge base at \(kb.root.path); pass a file under content/ (or --root)")
        }
        switch format {
        case .table: Terminal.write(Self.table(incidents))
        case .json: Terminal.write(Self.encode(Self.output(file: path, incidents: incidents)))
        }
    }

    static func table(_ incidents: [RelatedIncident]) -> String {
        guard !incidents.isEmpty else { return "No related incidents." }
        var lines: [String] = []
        for (rank, incident) in incidents.enumerated() {
            let facts = [incident.date?.description, incident.severity].compactMap { $0 }.joined(separator: " · ")
            lines.append("\(rank + 1). \(incident.title)\(facts.isEmpty ? "" : "  [\(facts)]")")
            lines.append("   \(incident.path)")
            lines.append("   \(incident.isExplicit ? "linked: " : "")\(incident.explanation)")
        }
        return lines.joined(separator: "\n")
    }

    struct Item: Encodable {
        var rank: Int, slug: String, path: String, title: String, date: String?, severity: String?
        var score: Double, explicit: Bool, reasons: [String]
    }

    struct Output: Encodable { var file: String; var related: [Item] }

    static func output(file: String, incidents: [RelatedIncident]) -> Output {
        Output(file: file, related: incidents.enumerated().map { rank, i in
            Item(rank: rank + 1, slug: i.slug, path: i.path, title: i.title, date: i.date?.description, severity: i.severity,
                 score: i.score, explicit: i.isExplicit, reasons: i.reasons)
        })
    }

    static func encode(_ value: some Encodable) -> String {
        JSONWriter.text(encoding: value)
    }
}
