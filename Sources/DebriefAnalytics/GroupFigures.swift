import DebriefModel

/// The figures of one group of incidents (a period, a severity, a service, or all of them).
public struct GroupFigures: Sendable, Hashable, Codable {
    /// The period label, severity name, service name, or `all`.
    public var key: String
    public var incidents: Int
    /// Incidents per configured severity level, in level order, then `unknown` when any lack one.
    public var bySeverity: [NameCount]
    /// Response-time figures in minutes.
    public var mttd: SummaryStatistic
    public var mtta: SummaryStatistic
    public var mttm: SummaryStatistic
    public var mttr: SummaryStatistic
    public var actions: ActionCounts

    public init(key: String, incidents: [AnalysedIncident], severityLevels: [String]) {
        self.key = key
        self.incidents = incidents.count
        // Counted in place: filtering would copy every matching incident just to count it.
        var counts = severityLevels.map { level in NameCount(name: level, count: incidents.count(where: { $0.postmortem.severity == level })) }
        let unknown = incidents.count(where: { $0.postmortem.severity.map { !severityLevels.contains($0) } ?? true })
        if unknown > 0 { counts.append(NameCount(name: "unknown", count: unknown)) }
        bySeverity = counts
        func minutes(_ metric: ResponseMetric) -> SummaryStatistic {
            SummaryStatistic(incidents.map { $0.durations[metric].map { $0 / 60 } })
        }
        mttd = minutes(.mttd)
        mtta = minutes(.mtta)
        mttm = minutes(.mttm)
        mttr = minutes(.mttr)
        actions = ActionCounts(incidents.lazy.flatMap(\.actions))
    }

    public subscript(metric: ResponseMetric) -> SummaryStatistic {
        switch metric {
        case .mttd: return mttd
        case .mtta: return mtta
        case .mttm: return mttm
        case .mttr: return mttr
        }
    }
}

/// A name with a count (severity level, tag, service).
public struct NameCount: Sendable, Hashable, Codable {
    public var name: String
    public var count: Int

    public init(name: String, count: Int) {
        self.name = name
        self.count = count
    }
}

/// One incident with everything the report derives from it.
public struct AnalysedIncident: Sendable, Hashable {
    public var postmortem: Postmortem
    public var durations: IncidentDurations
    public var actions: [TrackedAction]

    public init(postmortem: Postmortem, config: DebriefConfig, today: Day) {
        self.postmortem = postmortem
        durations = IncidentDurations(postmortem)
        actions = postmortem.actionItems.map { TrackedAction(item: $0, of: postmortem, config: config, today: today) }
    }

    /// From figures computed already; `actions` must be the postmortem's items tracked as of the report's day.
    public init(postmortem: Postmortem, durations: IncidentDurations, actions: [TrackedAction]) {
        self.postmortem = postmortem
        self.durations = durations
        self.actions = actions
    }
}
