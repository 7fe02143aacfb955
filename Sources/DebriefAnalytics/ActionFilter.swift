import DebriefModel

/// Which action items `debrief actions` lists.
public struct ActionFilter: Sendable, Hashable {
    /// Status names a user may type: the item statuses plus `closed` (done or won't fix).
    public static let statusNames = ["open", "in-progress", "done", "wont-fix", "closed"]

    public var overdueOnly: Bool
    /// Matched through owner aliases: `@jane`, `jane` and `Jane Doe` are one person when debrief.yml says so.
    public var owner: String?
    public var service: String?
    /// One of `statusNames`.
    public var status: String?

    public init(overdueOnly: Bool = false, owner: String? = nil, service: String? = nil, status: String? = nil) {
        self.overdueOnly = overdueOnly
        self.owner = owner
        self.service = service
        self.status = status
    }

    public func matches(_ action: TrackedAction, config: DebriefConfig) -> Bool {
        if overdueOnly, !action.isOverdue { return false }
        if let owner {
            guard let actual = action.canonicalOwner, config.owners.samePerson(owner, actual) else { return false }
        }
        if let service, !action.services.contains(where: { $0.caseInsensitiveCompare(service) == .orderedSame }) { return false }
        if let status {
            let wanted = status.lowercased()
            if wanted == "closed" { return action.status.isClosed }
            return action.status.rawValue == wanted
        }
        return true
    }
}
