import DebriefModel

/// Everything `debrief stats` reports, computed from the typed model (docs/metrics.md gives every
/// formula in words).
public struct TrendReport: Sendable, Hashable, Codable {
    public struct Options: Sendable, Hashable, Codable {
        public var grouping: PeriodGrouping
        public var filter: IncidentFilter
        /// Two incidents this many days apart or fewer count as recurring / repeating.
        public var windowDays: Int

        public init(grouping: PeriodGrouping = .quarter, filter: IncidentFilter = IncidentFilter(), windowDays: Int = 90) {
            self.grouping = grouping
            self.filter = filter
            self.windowDays = windowDays
        }
    }

    public var asOf: Day
    public var options: Options
    /// All incidents that pass the filter.
    public var overall: GroupFigures
    /// Slugs of incidents without a date: counted in `overall`, by severity and by service, but in no period.
    public var undated: [String]
    /// One entry per period from the first dated incident to the last, empty periods included.
    public var periods: [GroupFigures]
    /// Configured levels in order, then `unknown`, leaving out levels without incidents.
    public var bySeverity: [GroupFigures]
    /// Most incidents first, then by name.
    public var byService: [ServiceFigures]
    /// Incidents per tag, most first: the "top causes".
    public var byTag: [NameCount]
    public var recurringCauses: [RecurringCause]
    public var repeatIncidents: [RepeatIncident]

    public init(postmortems: [Postmortem], config: DebriefConfig, today: Day, options: Options = Options()) {
        let incidents = postmortems.filter(options.filter.matches).map { AnalysedIncident(postmortem: $0, config: config, today: today) }
        self.init(incidents: incidents, config: config, today: today, options: options)
    }

    /// From incidents already analysed as of `today` (the site has their durations and tracked
    /// actions), so that several reports do not analyse them again; the filter still applies.
    public init(incidents analysed: [AnalysedIncident], config: DebriefConfig, today: Day, options: Options = Options()) {
        asOf = today
        self.options = options
        let levels = config.severities.map(\.name)
        let incidents = analysed.filter { options.filter.matches($0.postmortem) }
        overall = GroupFigures(key: "all", incidents: incidents, severityLevels: levels)
        undated = incidents.filter { $0.postmortem.date == nil }.map(\.postmortem.slug)

        periods = Self.periods(of: incidents, grouping: options.grouping, severityLevels: levels)

        let bySeverityName = Dictionary(grouping: incidents) { incident in
            incident.postmortem.severity.flatMap { levels.contains($0) ? $0 : nil } ?? "unknown"
        }
        bySeverity = (levels + ["unknown"]).compactMap { name in
            bySeverityName[name].map { GroupFigures(key: name, incidents: $0, severityLevels: levels) }
        }

        byService = Self.groupedByName(incidents, names: \.services).map { name, members in
            ServiceFigures(service: name, incidents: members, severityLevels: levels)
        }
        byTag = Self.groupedByName(incidents, names: \.tags).map { NameCount(name: $0.0, count: $0.1.count) }
        recurringCauses = RecurringCause.find(in: incidents, windowDays: options.windowDays)
        repeatIncidents = RepeatIncident.find(in: incidents, windowDays: options.windowDays)
    }

    /// `periods` of a report over `incidents` grouped by `grouping`, without the rest of the
    /// report (the site shows months beside a report by quarter).
    public static func periods(of incidents: [AnalysedIncident], grouping: PeriodGrouping, severityLevels levels: [String]) -> [GroupFigures] {
        let byPeriod = Dictionary(grouping: incidents.filter { $0.postmortem.date != nil }) { grouping.period(of: $0.postmortem.date!) }
        let days = incidents.compactMap(\.postmortem.date)
        guard let first = days.min(), let last = days.max() else { return [] }
        return grouping.periods(from: first, through: last).map { period in
            GroupFigures(key: period.label, incidents: byPeriod[period] ?? [], severityLevels: levels)
        }
    }

    /// Incidents per service or tag (case-insensitive, first spelling kept), most first, then by name.
    static func groupedByName(_ incidents: [AnalysedIncident], names: KeyPath<Postmortem, [String]>) -> [(String, [AnalysedIncident])] {
        var spelling: [String: String] = [:]
        var members: [String: [AnalysedIncident]] = [:]
        for incident in incidents {
            for name in Set(incident.postmortem[keyPath: names].map { $0.lowercased() }) {
                if spelling[name] == nil {
                    spelling[name] = incident.postmortem[keyPath: names].first { $0.lowercased() == name }
                }
                members[name, default: []].append(incident)
            }
        }
        return members.map { (spelling[$0.key]!, $0.value) }
            .sorted { ($1.1.count, $0.0) < ($0.1.count, $1.0) }
    }
}
