import DebriefModel

/// An action item together with the incident it came from and its standing as of "today".
public struct TrackedAction: Sendable, Hashable, Codable {
    public var incident: String
    public var incidentTitle: String?
    public var incidentPath: String
    public var incidentDate: Day?
    public var severity: String?
    public var services: [String]
    public var id: String?
    public var text: String
    /// The owner as written.
    public var owner: String?
    /// The owner after debrief.yml `owners` aliases (`@jane` -> `Jane Doe`); nil when none is written.
    public var canonicalOwner: String?
    public var due: Day?
    public var dueSource: ActionDueDate.Source?
    /// The due date was not written: it is the incident date + the severity's action SLA.
    public var dueFromSLA: Bool
    public var status: ActionItem.Status
    /// Whole days past the due date for an open item; nil when not overdue.
    public var daysOverdue: Int?
    public var link: String?
    public var line: Int

    public var isOverdue: Bool { daysOverdue != nil }

    public init(item: ActionItem, of postmortem: Postmortem, config: DebriefConfig, today: Day) {
        let due = ActionDueDate.resolve(item, of: postmortem, config: config)
        incident = postmortem.slug
        incidentTitle = postmortem.title
        incidentPath = postmortem.path
        incidentDate = postmortem.date
        severity = postmortem.severity
        services = postmortem.services
        id = item.id
        text = item.text
        owner = item.owner
        canonicalOwner = item.owner.flatMap(config.owners.canonical)
        self.due = due?.day
        dueSource = due?.source
        dueFromSLA = due?.source == .severitySLA
        status = item.status
        link = item.link
        line = item.line
        // Due today is not yet overdue; a closed item is never overdue.
        if let day = due?.day, !item.status.isClosed, day < today {
            daysOverdue = day.days(until: today)
        } else {
            daysOverdue = nil
        }
    }
}
