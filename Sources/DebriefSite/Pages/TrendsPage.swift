import DebriefAnalytics
import DebriefModel

/// `trends/index.html` (charts, each followed by the table of its numbers) and `api/metrics.json`
/// (exactly what `debrief stats --format json` prints for the same day). docs/metrics.md has the formulas.
public struct TrendsPage: PageGenerator {
    public static let path = "trends/index.html"
    public static let metricsPath = "api/metrics.json"
    /// Every repeat incident, for the page shows only the most recent (one row each at 10,000 postmortems was 2.6 MB of HTML).
    public static let repeatsPath = "api/repeat-incidents.csv"
    static let repeatRowsShown = 20
    /// Bars shown in the top-services and top-causes charts.
    static let topCount = 10

    public init() {}

    public var renderWeight: Int { 3 }

    public var navItem: NavItem? { NavItem(title: "Trends", path: TrendsPage.path) }

    public func pages(_ site: SiteRenderer) throws -> [RenderedPage] {
        let model = site.model
        // The site model has every incident's durations and tracked actions already (as of the
        // same day); both reports start from them.
        let analysed = model.incidents.map { AnalysedIncident(postmortem: $0.postmortem, durations: $0.durations, actions: $0.actions) }
        let byQuarter = TrendReport(incidents: analysed, config: model.config, today: model.today)
        let months = TrendReport.periods(of: analysed, grouping: .month, severityLevels: model.config.severities.map(\.name))
        let root = SitePaths.root(of: TrendsPage.path)
        var values: [String: TemplateValue] = [
            "as_of": .string(model.today.description),
            "incident_count": .int(byQuarter.overall.incidents),
            "incident_count_text": .string(CountText.of(byQuarter.overall.incidents, "incident")),
            "undated": .strings(byQuarter.undated),
            "undated_count": .int(byQuarter.undated.count),
            "undated_count_text": .string(CountText.of(byQuarter.undated.count, "incident")),
            "has_undated": .bool(!byQuarter.undated.isEmpty),
            "window_days": .int(byQuarter.options.windowDays),
            "metrics_url": .string(root + TrendsPage.metricsPath),
        ]
        values.merge(incidentsPerMonth(months, levels: byQuarter.overall.bySeverity.map(\.name))) { $1 }
        values.merge(responseTimes(byQuarter)) { $1 }
        values.merge(topServicesAndCauses(byQuarter, root: root)) { $1 }
        values.merge(actionCompletion(byQuarter)) { $1 }
        // The most recent repeats, newest first; all of them in the CSV.
        let repeats = byQuarter.repeatIncidents
        values["repeats"] = .list(repeats.suffix(TrendsPage.repeatRowsShown).reversed().map { item in
            .object(["incident": .string(model.incident(slug: item.incident)?.title ?? item.incident),
                     "url": .string(root + SitePaths.postmortem(item.incident)),
                     "earlier": .string(model.incident(slug: item.earlier)?.title ?? item.earlier),
                     "earlier_url": .string(root + SitePaths.postmortem(item.earlier)),
                     "date": .string(item.date.description), "days": .string(CountText.number(item.daysBetween)),
                     "shared": .string(item.sharedBy)])
        })
        values["repeat_count_text"] = .string(CountText.of(repeats.count, "repeat incident"))
        values["repeats_truncated"] = .bool(repeats.count > TrendsPage.repeatRowsShown)
        values["repeats_shown"] = .int(min(repeats.count, TrendsPage.repeatRowsShown))
        values["repeats_url"] = .string(root + TrendsPage.repeatsPath)
        // Sections print their table only when it has rows.
        values["has_services"] = .bool(!byQuarter.byService.isEmpty)
        values["has_causes"] = .bool(!byQuarter.byTag.isEmpty)
        values["has_recurring"] = .bool(!byQuarter.recurringCauses.isEmpty)
        values["has_repeats"] = .bool(!byQuarter.repeatIncidents.isEmpty)
        return [
            try site.html(path: TrendsPage.path, template: "trends", title: "Trends", values: values),
            RenderedPage(path: TrendsPage.metricsPath, text: JSONWriter.text(encoding: byQuarter)),
            RenderedPage(path: TrendsPage.repeatsPath, text: TrendsPage.repeatsCSV(repeats, model: model)),
        ]
    }

    /// One row per repeat incident, oldest first: the incident, the earlier one it repeats, and what they share.
    static func repeatsCSV(_ repeats: [RepeatIncident], model: SiteModel) -> String {
        var table = CSVTable(headers: ["incident", "title", "date", "earlier", "earlier_title", "earlier_date", "days_after", "shared"])
        for item in repeats {
            table.append([item.incident, model.incident(slug: item.incident)?.title ?? "", item.date.description,
                          item.earlier, model.incident(slug: item.earlier)?.title ?? "", item.earlierDate.description,
                          String(item.daysBetween), item.sharedBy])
        }
        return table.render()
    }

    /// Stacked columns by severity (`levels`: those of the overall figures), one per month from
    /// the first incident to the last.
    func incidentsPerMonth(_ months: [GroupFigures], levels: [String]) -> [String: TemplateValue] {
        let series = levels.map { level in
            SVGChart.Series(name: level, color: TrendsPage.severityColor(level, levels: levels),
                            values: months.map { period in Double(period.bySeverity.first { $0.name == level }?.count ?? 0) })
        }
        let chart = SVGChart.columns(id: "chart-incidents", title: "Incidents per month by severity",
                                     description: "Stacked columns: the number of incidents each month, split by severity. The table below lists the numbers.",
                                     categories: months.map(\.key), series: series, layout: .stacked, unit: "incidents",
                                     wholeNumbers: true)
        let rows = months.map { period -> TemplateValue in
            .object(["period": .string(period.key), "total": .string(CountText.number(period.incidents)),
                     "counts": .list(levels.map { level in
                         .object(["count": .string(CountText.number(period.bySeverity.first { $0.name == level }?.count ?? 0))])
                     })])
        }
        return ["incidents_chart": .string(chart), "severity_levels": .list(levels.map { .object(["name": .string($0)]) }),
                "month_rows": .list(rows)]
    }

    /// Grouped columns: mean MTTD, MTTA, MTTM and MTTR per quarter (hours when any mean passes 4 hours).
    func responseTimes(_ report: TrendReport) -> [String: TemplateValue] {
        let colors = ["var(--link)", "var(--sev-3-bg)", "var(--ok-fg)", "var(--sev-1-bg)"]
        let longest = report.periods.flatMap { period in ResponseMetric.allCases.compactMap { period[$0].mean } }.max() ?? 0
        let divisor = longest > 240 ? 60.0 : 1
        let series = ResponseMetric.allCases.enumerated().map { index, metric in
            SVGChart.Series(name: metric.label, color: colors[index], values: report.periods.map { $0[metric].mean.map { $0 / divisor } })
        }
        let chart = SVGChart.columns(id: "chart-response", title: "Mean time to detect, acknowledge, mitigate and resolve per quarter",
                                     description: "Grouped columns per quarter: MTTD, MTTA, MTTM and MTTR means. Quarters where a figure was not measured have no column. The table below gives mean, median and how many incidents each was measured on.",
                                     categories: report.periods.map(\.key), series: series, layout: .grouped,
                                     unit: divisor == 60 ? "hours" : "minutes")
        let rows = (report.periods + [report.overall]).map { period -> TemplateValue in
            .object(["period": .string(period.key == "all" ? "All quarters" : period.key),
                     "incidents": .string(CountText.number(period.incidents)),
                     "figures": .list(ResponseMetric.allCases.map { metric in
                         let parts = FigureText.statisticParts(period[metric], count: CountText.number)
                         return .object(["means": .string(parts.figures), "sample": .string(parts.sample)])
                     })])
        }
        return ["response_chart": .string(chart), "response_rows": .list(rows),
                "metrics": .list(ResponseMetric.allCases.map { .object(["label": .string($0.label), "meaning": .string($0.meaning)]) })]
    }

    func topServicesAndCauses(_ report: TrendReport, root: String) -> [String: TemplateValue] {
        let services = Array(report.byService.prefix(TrendsPage.topCount))
        let tags = Array(report.byTag.prefix(TrendsPage.topCount))
        let servicesChart = SVGChart.rows(id: "chart-services", title: "Services with the most incidents",
                                          description: "Bars: incidents per service, most first (top \(TrendsPage.topCount)).",
                                          items: services.map { ($0.figures.key, Double($0.figures.incidents)) }, color: "var(--accent)")
        let causesChart = SVGChart.rows(id: "chart-causes", title: "Most frequent causes (tags)",
                                        description: "Bars: incidents per tag, most first (top \(TrendsPage.topCount)).",
                                        items: tags.map { ($0.name, Double($0.count)) }, color: "var(--sev-2-bg)")
        return [
            "services_chart": .string(servicesChart),
            "service_rows": .list(services.map { service in
                let mtbf = service.mtbfDays.measured > 0
                    ? "\(FigureText.days(service.mtbfDays.mean)) (\(CountText.of(service.mtbfDays.measured, "gap")))" : FigureText.notMeasured
                return .object(["name": .string(service.figures.key), "url": .string(root + SitePaths.term(.services, Slug.make(service.figures.key))),
                                "incidents": .string(CountText.number(service.figures.incidents)),
                                "mttr": .string(FigureText.statistic(service.figures.mttr, count: CountText.number)),
                                "mtbf": .string(mtbf), "overdue": .string(CountText.number(service.figures.actions.overdue))])
            }),
            "causes_chart": .string(causesChart),
            "cause_rows": .list(tags.map { tag in
                .object(["name": .string(tag.name), "url": .string(root + SitePaths.term(.tags, Slug.make(tag.name))),
                         "incidents": .string(CountText.number(tag.count))])
            }),
            "recurring": .list(report.recurringCauses.map { cause in
                .object(["kind": .string(cause.kind.rawValue), "name": .string(cause.name), "incidents": .string(CountText.number(cause.incidents.count)),
                         "first": .string(cause.first.description), "last": .string(cause.last.description)])
            }),
        ]
    }

    /// Completion rate of the action items of each quarter's incidents.
    func actionCompletion(_ report: TrendReport) -> [String: TemplateValue] {
        let chart = SVGChart.columns(id: "chart-actions", title: "Action-item completion by incident quarter",
                                     description: "Columns: the share of each quarter's action items that are closed (done or won't fix). Quarters without action items have no column.",
                                     categories: report.periods.map(\.key),
                                     series: [SVGChart.Series(name: "Closed %", color: "var(--ok-fg)",
                                                              values: report.periods.map { $0.actions.completionRate.map { $0 * 100 } })],
                                     layout: .stacked, unit: "% closed")
        let rows = (report.periods + [report.overall]).map { period -> TemplateValue in
            .object(["period": .string(period.key == "all" ? "All quarters" : period.key), "opened": .string(CountText.number(period.actions.opened)),
                     "closed": .string(CountText.number(period.actions.closed)), "overdue": .string(CountText.number(period.actions.overdue)),
                     "rate": .string(FigureText.percent(period.actions.completionRate))])
        }
        return ["actions_chart": .string(chart), "action_rows": .list(rows)]
    }

    /// The theme's badge colour of a level: first four levels `--sev-1-bg`…`--sev-4-bg`, others unknown.
    static func severityColor(_ level: String, levels: [String]) -> String {
        guard level != "unknown", let index = levels.firstIndex(of: level), index < 4 else { return "var(--sev-unknown-bg)" }
        return "var(--sev-\(index + 1)-bg)"
    }
}
