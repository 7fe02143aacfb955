import DebriefModel

/// A service's figures plus its mean time between failures.
public struct ServiceFigures: Sendable, Hashable, Codable {
    public var figures: GroupFigures
    /// Days between consecutive incident dates of this service, in date order: mean and median
    /// over the gaps. Needs two dated incidents (one gap); otherwise nothing is measured.
    public var mtbfDays: SummaryStatistic

    public init(service: String, incidents: [AnalysedIncident], severityLevels: [String]) {
        figures = GroupFigures(key: service, incidents: incidents, severityLevels: severityLevels)
        let days = incidents.compactMap(\.postmortem.date).sorted()
        let gaps = zip(days, days.dropFirst()).map { Double($0.days(until: $1)) }
        mtbfDays = SummaryStatistic(gaps)
    }
}
