import ArgumentParser
import DebriefModel
import Foundation

/// `debrief new postmortem "Title"`.
public struct NewPostmortemCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "postmortem",
        abstract: "Create content/postmortems/<date>-<slug>.md from the postmortem template.",
        discussion: """
        The template has front matter (title, date, severity, status: draft, services, \
        authors, incident_commander, alerts, related) and the sections Summary, Impact, \
        Timeline, Root Cause, Contributing Factors, What Went Well, What Went Wrong, Where \
        We Got Lucky, Action Items and Related Incidents. Without --severity the severity \
        is TBD; without --date the date is today (debrief.yml `today`, else the real date).

        Examples:
          debrief new postmortem "Payments outage after gateway timeout change" --severity SEV1 --service payments
          debrief new postmortem "Search index lag" --severity sev-3 --date 2025-11-02 --root ~/kb
        """
    )

    @Argument(help: "Incident title, e.g. \"Checkout errors after database failover\".")
    public var title: String

    @Option(name: .long, help: "Severity (SEV1..SEV4 or a configured synonym); TBD when omitted.")
    public var severity: String?

    @Option(name: .long, help: "Affected service; repeat for several (TBD when omitted).")
    public var service: [String] = []

    @Option(name: .long, help: ArgumentHelp("Incident date (default: today).", valueName: "yyyy-mm-dd"))
    public var date: Day?

    @OptionGroup public var knowledgeBase: KnowledgeBaseOptions

    public init() {}

    public func validate() throws {
        if title.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("the title must not be empty")
        }
    }

    public func run() throws {
        let root = try knowledgeBase.rootURL()
        let config = try DebriefConfig.load(root: root)
        var level: String?
        if let severity {
            guard let normalized = SeverityNormalizer(levels: config.severities).normalize(severity) else {
                let names = config.severities.map(\.name).joined(separator: ", ")
                throw CLIError("unknown severity \(severity); use one of \(names)")
            }
            level = normalized
        }
        let day = date ?? config.today ?? Day(Date())
        let template = PostmortemTemplate(title: title, date: day, severity: level, services: service)
        let folder = config.postmortemsFolder
        let path = "\(folder)/\(day)-\(Slug.make(title)).md"
        try TemplateWriter.write(template.text, to: path, root: root)
        Terminal.write("created \(path)\nfill in the placeholders, then run: debrief check \(path)")
    }
}
