import DebriefModel

/// Which incidents a report covers. Empty fields match everything; dates are inclusive and
/// compare with the incident's date, so an undated incident is left out once a date bound is set.
public struct IncidentFilter: Sendable, Hashable, Codable {
    /// A configured severity level name (`SEV1`), already normalised.
    public var severity: String?
    /// A service name, matched case-insensitively.
    public var service: String?
    public var since: Day?
    public var until: Day?

    public init(severity: String? = nil, service: String? = nil, since: Day? = nil, until: Day? = nil) {
        self.severity = severity
        self.service = service
        self.since = since
        self.until = until
    }

    public func matches(_ postmortem: Postmortem) -> Bool {
        if let severity, postmortem.severity != severity { return false }
        if let service, !postmortem.services.contains(where: { $0.caseInsensitiveCompare(service) == .orderedSame }) { return false }
        if since != nil || until != nil {
            guard let date = postmortem.date else { return false }
            if let since, date < since { return false }
            if let until, date > until { return false }
        }
        return true
    }
}
