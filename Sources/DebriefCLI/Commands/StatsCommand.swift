import ArgumentParser
import DebriefAnalytics
import DebriefModel

/// `debrief stats`: incident counts, response times, MTBF, action items, recurring causes.
public struct StatsCommand: ParsableCommand {
    public enum Format: String, CaseIterable, ExpressibleByArgument { case table, json, csv }

    public static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Incident trends: counts by severity, MTTD/MTTA/MTTM/MTTR, MTBF, action items, recurring causes.",
        discussion: """
        Per period (month, quarter or year): incidents by severity, mean and median of the time \
        to detect, acknowledge, mitigate and resolve with how many incidents each was measured \
        over, and action items opened, closed and overdue. Then the same by severity and by \
        service (with MTBF), recurring causes and repeat incidents. An incident lacking a \
        milestone is "not measured" for the figures that need it, never zero. docs/metrics.md \
        gives every formula.

        The csv format has one row per group (overall, periods, severities, services); \
        recurring causes and repeat incidents are in the table and json formats.

        Examples:
          debrief stats --by quarter
          debrief stats --service api --since 2025-01-01 --format json
          debrief stats --as-of 2026-01-01 --format csv > stats.csv
        """
    )

    @Option(name: .customLong("by"), help: ArgumentHelp("Group incidents by month, quarter or year.", valueName: "period"))
    public var grouping: PeriodGrouping = .quarter

    @Option(name: .long, help: ArgumentHelp("Only incidents of this severity (any spelling: SEV1, sev-1, P1, critical).", valueName: "severity"))
    public var severity: String?

    @Option(name: .long, help: ArgumentHelp("Only incidents that affected this service.", valueName: "service"))
    public var service: String?

    @Option(name: .long, help: ArgumentHelp("Only incidents on or after this date.", valueName: "yyyy-mm-dd"))
    public var since: Day?

    @Option(name: .long, help: ArgumentHelp("Only incidents on or before this date.", valueName: "yyyy-mm-dd"))
    public var until: Day?

    @Option(name: .long, help: ArgumentHelp("Days within which incidents sharing a tag, service or alert count as recurring.", valueName: "days"))
    public var window: Int = 90

    @OptionGroup public var asOf: AsOfOption
    @OptionGroup public var knowledgeBase: KnowledgeBaseOptions

    @Option(name: .long, help: ArgumentHelp("Output format: table, json or csv.", valueName: "format"))
    public var format: Format = .table

    public init() {}

    public func validate() throws {
        if let since, let until, since > until {
            throw ValidationError("--since \(since) is after --until \(until); swap them")
        }
        if window < 0 { throw ValidationError("--window must be zero or more days") }
    }

    public func run() throws {
        let kb = try knowledgeBase.load()
        let filter = IncidentFilter(severity: try severity.map { try Self.severityLevel($0, config: kb.config) },
                                    service: service, since: since, until: until)
        let options = TrendReport.Options(grouping: grouping, filter: filter, windowDays: window)
        let report = TrendReport(postmortems: kb.postmortems, config: kb.config, today: asOf.today(config: kb.config), options: options)
        switch format {
        case .table: Terminal.write(TrendReportText.table(report))
        case .json: Terminal.write(JSONWriter.text(encoding: report))
        case .csv: Terminal.write(TrendReportText.csv(report, severityLevels: kb.config.severities.map(\.name)))
        }
    }

    /// The configured level a typed severity names; a usage error when it names none.
    static func severityLevel(_ text: String, config: DebriefConfig) throws -> String {
        guard let level = SeverityNormalizer(levels: config.severities).normalize(text) else {
            let names = config.severities.map(\.name).joined(separator: ", ")
            throw CLIError("--severity \(text) is not a configured severity; use one of \(names)")
        }
        return level
    }
}

extension PeriodGrouping: ExpressibleByArgument {}
