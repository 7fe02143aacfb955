import Foundation

/// A follow-up action from a postmortem.
public struct ActionItem: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Hashable, Codable {
        case open, inProgress = "in-progress", done, wontFix = "wont-fix"

        public var isClosed: Bool { self == .done || self == .wontFix }
    }

    public var id: String?
    public var text: String
    /// `@handle`, a name or a team, as written.
    public var owner: String?
    public var due: Day?
    /// The due date as written (kept even when it cannot be read).
    public var rawDue: String?
    public var status: Status
    public var priority: String?
    /// Tracking link (an issue URL) when the item has one.
    public var link: String?
    public var line: Int

    public init(id: String? = nil, text: String, owner: String? = nil, due: Day? = nil, rawDue: String? = nil,
                status: Status = .open, priority: String? = nil, link: String? = nil, line: Int) {
        self.id = id
        self.text = text
        self.owner = owner
        self.due = due
        self.rawDue = rawDue
        self.status = status
        self.priority = priority
        self.link = link
        self.line = line
    }
}
