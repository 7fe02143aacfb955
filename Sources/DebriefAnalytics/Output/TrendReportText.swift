/// `debrief stats` as terminal tables and as CSV.
public enum TrendReportText {
    public static func table(_ report: TrendReport) -> String {
        let filter = report.options.filter
        var scope = ["as of \(report.asOf)", "by \(report.options.grouping.rawValue)"]
        if let severity = filter.severity { scope.append("severity \(severity)") }
        if let service = filter.service { scope.append("service \(service)") }
        if let since = filter.since { scope.append("since \(since)") }
        if let until = filter.until { scope.append("until \(until)") }
        var out = "Incidents: \(report.overall.incidents) (\(scope.joined(separator: ", ")))\n"
        if !report.undated.isEmpty {
            out += "Undated (in no period): \(report.undated.joined(separator: ", "))\n"
        }
        out += "Times are mean / median (n = incidents measured of incidents in the group); n/m = not measured.\n"

        out += section("Per \(report.options.grouping.rawValue)", groupTable(report.periods + [report.overall], firstColumn: "Period"))
        out += section("By severity", groupTable(report.bySeverity, firstColumn: "Severity", severities: false))

        var services = TextTable(headers: ["Service", "Incidents", "MTTR", "MTBF mean", "MTBF median", "Gaps", "Overdue"])
        for service in report.byService {
            services.append([service.figures.key, "\(service.figures.incidents)", FigureText.statistic(service.figures.mttr),
                             FigureText.days(service.mtbfDays.mean), FigureText.days(service.mtbfDays.median),
                             "\(service.mtbfDays.measured)", "\(service.figures.actions.overdue)"])
        }
        out += section("By service (MTBF = days between consecutive incidents; needs 2)", services)

        var actions = TextTable(headers: ["Period", "Opened", "Closed", "Overdue", "Completion"])
        for group in report.periods + [report.overall] {
            actions.append([group.key, "\(group.actions.opened)", "\(group.actions.closed)", "\(group.actions.overdue)",
                            FigureText.percent(group.actions.completionRate)])
        }
        out += section("Action items (by incident \(report.options.grouping.rawValue))", actions)

        var causes = TextTable(headers: ["Kind", "Name", "Incidents", "First", "Last"], alignments: [.left, .left, .right, .left, .left])
        for cause in report.recurringCauses {
            causes.append([cause.kind.rawValue, cause.name, "\(cause.incidents.count)", "\(cause.first)", "\(cause.last)"])
        }
        out += section("Recurring causes (within \(report.options.windowDays) days)", causes, empty: "none")

        var repeats = TextTable(headers: ["Incident", "Date", "Repeats", "Days after", "Shared"],
                                alignments: [.left, .left, .left, .right, .left])
        for item in report.repeatIncidents {
            repeats.append([item.incident, "\(item.date)", item.earlier, "\(item.daysBetween)", item.sharedBy])
        }
        out += section("Repeat incidents (within \(report.options.windowDays) days)", repeats, empty: "none")
        return out
    }

    /// One row per group: the overall row, then periods, severities and services.
    public static func csv(_ report: TrendReport, severityLevels: [String]) -> String {
        var headers = ["group", "key", "incidents"] + severityLevels + ["unknown"]
        for metric in ResponseMetric.allCases {
            headers += ["\(metric.rawValue)_mean_minutes", "\(metric.rawValue)_median_minutes", "\(metric.rawValue)_measured", "\(metric.rawValue)_not_measured"]
        }
        headers += ["actions_opened", "actions_closed", "actions_overdue", "completion_rate", "mtbf_mean_days", "mtbf_median_days", "mtbf_gaps"]
        var table = CSVTable(headers: headers)
        func row(_ group: String, _ figures: GroupFigures, mtbf: SummaryStatistic? = nil) -> [String] {
            var cells = [group, figures.key, "\(figures.incidents)"]
            for level in severityLevels + ["unknown"] {
                cells.append("\(figures.bySeverity.first { $0.name == level }?.count ?? 0)")
            }
            for metric in ResponseMetric.allCases {
                let statistic = figures[metric]
                cells += [FigureText.plain(statistic.mean), FigureText.plain(statistic.median), "\(statistic.measured)", "\(statistic.notMeasured)"]
            }
            cells += ["\(figures.actions.opened)", "\(figures.actions.closed)", "\(figures.actions.overdue)", FigureText.plain(figures.actions.completionRate)]
            cells += [FigureText.plain(mtbf?.mean), FigureText.plain(mtbf?.median), mtbf.map { "\($0.measured)" } ?? ""]
            return cells
        }
        table.append(row("all", report.overall))
        for group in report.periods { table.append(row(report.options.grouping.rawValue, group)) }
        for group in report.bySeverity { table.append(row("severity", group)) }
        for service in report.byService { table.append(row("service", service.figures, mtbf: service.mtbfDays)) }
        return table.render()
    }

    private static func groupTable(_ groups: [GroupFigures], firstColumn: String, severities: Bool = true) -> TextTable {
        let levels = groups.first?.bySeverity.map(\.name) ?? []
        let unknownPresent = groups.contains { $0.bySeverity.contains { $0.name == "unknown" } }
        let severityColumns = severities ? levels.filter { $0 != "unknown" } + (unknownPresent ? ["unknown"] : []) : []
        var table = TextTable(headers: [firstColumn, "Count"] + severityColumns + ResponseMetric.allCases.map(\.label))
        for group in groups {
            let counts = severityColumns.map { name in "\(group.bySeverity.first { $0.name == name }?.count ?? 0)" }
            table.append([group.key, "\(group.incidents)"] + counts + ResponseMetric.allCases.map { FigureText.statistic(group[$0]) })
        }
        return table
    }

    private static func section(_ title: String, _ table: TextTable, empty: String? = nil) -> String {
        if table.rows.isEmpty, let empty { return "\n\(title): \(empty)\n" }
        return "\n\(title)\n" + table.render()
    }
}
