import ArgumentParser
import DebriefAnalytics
import DebriefModel

/// `debrief actions`: every action item with its incident, owner, due date and days overdue.
public struct ActionsCommand: ParsableCommand {
    public enum Format: String, CaseIterable, ExpressibleByArgument { case table, json, csv, markdown, ics }

    public static let configuration = CommandConfiguration(
        commandName: "actions",
        abstract: "List action items across all postmortems, overdue first.",
        discussion: """
        Owners are merged through debrief.yml `owners` aliases, so `--owner @jane` also finds \
        items owned by `Jane Doe`. An item without a due date is due on its incident's date plus \
        the action SLA days of its severity (debrief.yml `severities[].action_sla_days`), and \
        the output marks it "(SLA)". An item is overdue when it is not done or won't-fix and its \
        due date is before today (--as-of).

        The ics format is an iCalendar file with one to-do per open item that has a due date.

        Exit status: 0, or 1 with --fail-on-overdue when a listed item is overdue (for a \
        scheduled CI job), 2 for a usage or I/O failure.

        Examples:
          debrief actions --overdue
          debrief actions --owner @jane --status open --format markdown
          debrief actions --format ics > actions.ics
          debrief actions --overdue --fail-on-overdue --as-of 2026-01-01
        """
    )

    @Flag(name: .long, help: "Only overdue items.")
    public var overdue = false

    @Option(name: .long, help: ArgumentHelp("Only items of this owner (handle, name or alias).", valueName: "name"))
    public var owner: String?

    @Option(name: .long, help: ArgumentHelp("Only items of incidents that affected this service.", valueName: "service"))
    public var service: String?

    @Option(name: .long, help: ArgumentHelp("Only items with this status: \(ActionFilter.statusNames.joined(separator: ", ")) (closed = done or wont-fix).", valueName: "status"))
    public var status: String?

    @OptionGroup public var asOf: AsOfOption
    @OptionGroup public var knowledgeBase: KnowledgeBaseOptions

    @Option(name: .long, help: ArgumentHelp("Output format: table, json, csv, markdown or ics.", valueName: "format"))
    public var format: Format = .table

    @Flag(name: .long, help: "Exit 1 when any listed item is overdue.")
    public var failOnOverdue = false

    public init() {}

    public func validate() throws {
        if let status, !ActionFilter.statusNames.contains(status.lowercased()) {
            throw ValidationError("--status \(status) is not a status; use one of \(ActionFilter.statusNames.joined(separator: ", "))")
        }
    }

    public func run() throws {
        let kb = try knowledgeBase.load()
        let today = asOf.today(config: kb.config)
        let filter = ActionFilter(overdueOnly: overdue, owner: owner, service: service, status: status)
        let actions = ActionTracker(config: kb.config, today: today).actions(in: kb.postmortems, filter: filter)
        switch format {
        case .table: Terminal.write(ActionListText.table(actions, today: today))
        case .json: Terminal.write(JSONWriter.text(encoding: actions))
        case .csv: Terminal.write(ActionListText.csv(actions))
        case .markdown: Terminal.write(ActionListText.markdown(actions))
        case .ics: Terminal.write(ActionCalendar.render(actions, today: today, calendarName: "\(kb.config.title): action items"))
        }
        if failOnOverdue, actions.contains(where: \.isOverdue) {
            throw ExitCode.failure
        }
    }
}
