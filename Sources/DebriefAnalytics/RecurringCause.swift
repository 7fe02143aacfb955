import DebriefModel

/// A tag or service seen in two or more incidents that happened within `windowDays` of each other.
public struct RecurringCause: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable { case tag, service }

    public var kind: Kind
    public var name: String
    /// Slugs of the incidents that have a neighbour with the same tag/service inside the window, by date.
    public var incidents: [String]
    public var first: Day
    public var last: Day

    public init(kind: Kind, name: String, incidents: [String], first: Day, last: Day) {
        self.kind = kind
        self.name = name
        self.incidents = incidents
        self.first = first
        self.last = last
    }

    /// Causes found among dated incidents, most incidents first, then by kind and name.
    public static func find(in incidents: [AnalysedIncident], windowDays: Int) -> [RecurringCause] {
        var groups: [Key: [(day: Day, slug: String)]] = [:]
        for incident in incidents {
            guard let day = incident.postmortem.date else { continue }
            // Compare case-insensitively but report the first spelling met.
            for tag in Set(incident.postmortem.tags.map { $0.lowercased() }) {
                groups[Key(kind: .tag, name: tag), default: []].append((day, incident.postmortem.slug))
            }
            for service in Set(incident.postmortem.services.map { $0.lowercased() }) {
                groups[Key(kind: .service, name: service), default: []].append((day, incident.postmortem.slug))
            }
        }
        var causes: [RecurringCause] = []
        for (key, members) in groups where members.count >= 2 {
            let sorted = members.sorted { ($0.day, $0.slug) < ($1.day, $1.slug) }
            // In date order, an incident recurs when its previous or next neighbour is inside the window.
            let recurring = sorted.indices.filter { index in
                let closeToPrevious = index > 0 && sorted[index - 1].day.days(until: sorted[index].day) <= windowDays
                let closeToNext = index + 1 < sorted.count && sorted[index].day.days(until: sorted[index + 1].day) <= windowDays
                return closeToPrevious || closeToNext
            }.map { sorted[$0] }
            guard let first = recurring.first, let last = recurring.last else { continue }
            causes.append(RecurringCause(kind: key.kind, name: displayName(key, in: incidents), incidents: recurring.map(\.slug),
                                         first: first.day, last: last.day))
        }
        return causes.sorted { ($1.incidents.count, $0.kind.rawValue, $0.name) < ($0.incidents.count, $1.kind.rawValue, $1.name) }
    }

    private struct Key: Hashable {
        var kind: Kind
        var name: String
    }

    private static func displayName(_ key: Key, in incidents: [AnalysedIncident]) -> String {
        for incident in incidents {
            let names = key.kind == .tag ? incident.postmortem.tags : incident.postmortem.services
            if let match = names.first(where: { $0.lowercased() == key.name }) { return match }
        }
        return key.name
    }
}
