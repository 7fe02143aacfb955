import DebriefModel

/// Every action item of a knowledge base, with its incident, owner, due date and overdue days.
public struct ActionTracker: Sendable {
    public let config: DebriefConfig
    public let today: Day

    public init(config: DebriefConfig, today: Day) {
        self.config = config
        self.today = today
    }

    /// Items of `postmortems` that pass `filter`: most overdue first, then by due date (undated
    /// last), then by incident and line, so the order is stable.
    public func actions(in postmortems: [Postmortem], filter: ActionFilter = ActionFilter()) -> [TrackedAction] {
        let all = postmortems.flatMap { postmortem in
            postmortem.actionItems.map { TrackedAction(item: $0, of: postmortem, config: config, today: today) }
        }
        return all.filter { filter.matches($0, config: config) }.sorted(by: Self.listOrder)
    }

    static func listOrder(_ a: TrackedAction, _ b: TrackedAction) -> Bool {
        let overdueA = a.daysOverdue ?? -1, overdueB = b.daysOverdue ?? -1
        if overdueA != overdueB { return overdueA > overdueB }
        switch (a.due, b.due) {
        case let (x?, y?) where x != y: return x < y
        case (.some, nil): return true
        case (nil, .some): return false
        default: break
        }
        return (a.incidentPath, a.line) < (b.incidentPath, b.line)
    }
}

/// Opened, closed and overdue counts of a set of action items.
public struct ActionCounts: Sendable, Hashable, Codable {
    public var opened: Int
    public var closed: Int
    public var overdue: Int
    /// closed ÷ opened; nil when no item was opened.
    public var completionRate: Double?

    /// One pass, counting in place (a report counts every incident's items for each group).
    public init(_ actions: some Sequence<TrackedAction>) {
        var opened = 0, closed = 0, overdue = 0
        for action in actions {
            opened += 1
            if action.status.isClosed { closed += 1 }
            if action.isOverdue { overdue += 1 }
        }
        self.opened = opened
        self.closed = closed
        self.overdue = overdue
        completionRate = opened == 0 ? nil : Double(closed) / Double(opened)
    }

    enum CodingKeys: String, CodingKey { case opened, closed, overdue, completionRate = "completion_rate" }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(opened, forKey: .opened)
        try c.encode(closed, forKey: .closed)
        try c.encode(overdue, forKey: .overdue)
        try c.encode(completionRate.map(SummaryStatistic.rounded), forKey: .completionRate)
    }
}
