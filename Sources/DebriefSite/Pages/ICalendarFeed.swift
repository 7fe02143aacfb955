import DebriefAnalytics

/// `actions.ics`: open action items with a due date as RFC 5545 VTODOs, rendered by
/// `DebriefAnalytics.ActionCalendar` (the same file `debrief actions --format ics` writes).
/// Items due by their severity's SLA are included and say so in their description.
public struct ICalendarFeed: PageGenerator {
    public init() {}

    public func pages(_ site: SiteRenderer) throws -> [RenderedPage] {
        let model = site.model
        let text = ActionCalendar.render(model.actions, today: model.today, calendarName: model.config.title + " action items")
        return [RenderedPage(path: "actions.ics", text: text)]
    }
}
