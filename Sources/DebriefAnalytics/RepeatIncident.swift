import DebriefModel

/// An incident that looks like an earlier one: it shares an alert, or a service together with a
/// tag, with an incident at most `windowDays` before it.
public struct RepeatIncident: Sendable, Hashable, Codable {
    public var incident: String
    public var date: Day
    public var earlier: String
    public var earlierDate: Day
    public var daysBetween: Int
    /// What they share: `alert HighErrorRate` or `service api + tag database`.
    public var sharedBy: String

    public init(incident: String, date: Day, earlier: String, earlierDate: Day, sharedBy: String) {
        self.incident = incident
        self.date = date
        self.earlier = earlier
        self.earlierDate = earlierDate
        daysBetween = earlierDate.days(until: date)
        self.sharedBy = sharedBy
    }

    /// One entry per repeat incident, naming the most recent earlier match, in date order.
    /// Linear in the number of incidents: each signature remembers the last incident that had it.
    public static func find(in incidents: [AnalysedIncident], windowDays: Int) -> [RepeatIncident] {
        let dated = incidents.compactMap { incident in incident.postmortem.date.map { (day: $0, postmortem: incident.postmortem) } }
            .sorted { ($0.day, $0.postmortem.slug) < ($1.day, $1.postmortem.slug) }
        var lastSeen: [String: (day: Day, slug: String)] = [:]
        var repeats: [RepeatIncident] = []
        for (day, postmortem) in dated {
            let signatures = Self.signatures(of: postmortem)
            var best: (day: Day, slug: String, shared: String)?
            for (signature, description) in signatures {
                guard let previous = lastSeen[signature], previous.day.days(until: day) <= windowDays else { continue }
                if best == nil || previous.day > best!.day { best = (previous.day, previous.slug, description) }
            }
            if let best {
                repeats.append(RepeatIncident(incident: postmortem.slug, date: day, earlier: best.slug, earlierDate: best.day, sharedBy: best.shared))
            }
            for (signature, _) in signatures { lastSeen[signature] = (day, postmortem.slug) }
        }
        return repeats
    }

    /// Lower-cased matching keys with a readable description, sorted so ties resolve the same way every run.
    private static func signatures(of postmortem: Postmortem) -> [(String, String)] {
        var result: [String: String] = [:]
        for alert in postmortem.alerts {
            result["alert\u{0}" + alert.lowercased()] = "alert \(alert)"
        }
        for service in postmortem.services {
            for tag in postmortem.tags {
                result["pair\u{0}" + service.lowercased() + "\u{0}" + tag.lowercased()] = "service \(service) + tag \(tag)"
            }
        }
        return result.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
