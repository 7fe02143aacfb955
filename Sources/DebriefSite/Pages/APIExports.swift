import Foundation
import DebriefModel
import DebriefAnalytics

/// `api/incidents.json`, `api/runbooks.json`, `api/actions.json` (and `api/coverage.json` with
/// `alert_rules:`): the knowledge base as data.
/// URLs are absolute (from the base URL); dates ISO 8601; missing values are `null`.
public struct APIExports: PageGenerator {
    public init() {}

    public var renderWeight: Int { 3 }

    public func pages(_ site: SiteRenderer) throws -> [RenderedPage] {
        let model = site.model
        let coverage = model.alertCoverage.map { [RenderedPage(path: "api/coverage.json", bytes: $0.jsonBytes())] } ?? []
        return coverage + [
            RenderedPage(path: "api/incidents.json", bytes: incidents(model)),
            RenderedPage(path: "api/runbooks.json", bytes: runbooks(model)),
            RenderedPage(path: "api/actions.json", bytes: actions(model)),
        ]
    }

    func incidents(_ model: SiteModel) -> [UInt8] {
        var json = JSONWriter(layout: .pretty, reservingCapacity: 2_000 * model.incidents.count)
        json.beginObject()
        json.member("as_of", model.today.description)
        json.key("incidents")
        json.beginArray()
        for incident in model.incidents { write(incident, model: model, to: &json) }
        json.endArray()
        json.endObject()
        json.endLine()
        return json.bytes
    }

    func write(_ incident: SiteIncident, model: SiteModel, to json: inout JSONWriter) {
        let postmortem = incident.postmortem
        json.beginObject()
        json.key("action_items")
        json.beginArray()
        for action in incident.actions { APIExports.write(action, to: &json) }
        json.endArray()
        json.member("alerts", strings: postmortem.alerts)
        json.member("date", postmortem.date?.description)
        json.key("durations")
        json.beginObject()
        for field in APIExports.durationFields { json.member(field.key, DurationText.seconds(incident.durations, field.metric)) }
        json.endObject()
        json.member("errors", incident.errorCount)
        json.member("id", incident.slug)
        json.key("milestones")
        json.beginObject()
        for kind in APIExports.milestoneKinds {
            json.key(kind.rawValue)
            if let milestone = postmortem.milestones[kind] { json.date(milestone.time) } else { json.null() }
        }
        json.endObject()
        json.member("services", strings: postmortem.services)
        json.member("severity", postmortem.severity)
        json.key("stated_durations")
        json.beginObject()
        for stated in postmortem.statedDurations.map({ (key: DurationText.key($0.kind), seconds: Int($0.seconds)) }).sorted(by: { $0.key < $1.key }) {
            json.member(stated.key, stated.seconds)
        }
        json.endObject()
        json.member("status", postmortem.status)
        json.member("tags", strings: postmortem.tags)
        json.member("title", incident.title)
        json.member("url", model.baseURL + APIExports.prettyURL(SitePaths.postmortem(incident.slug)))
        json.member("valid", incident.isComplete)
        json.member("warnings", incident.warningCount)
        json.endObject()
    }

    func runbooks(_ model: SiteModel) -> [UInt8] {
        var json = JSONWriter(layout: .pretty, reservingCapacity: 500 * model.runbooks.count)
        json.beginObject()
        json.key("runbooks")
        json.beginArray()
        for entry in model.runbooks {
            let runbook = entry.runbook
            json.beginObject()
            json.member("alert_names", strings: runbook.alertNames)
            json.member("format", runbook.format.rawValue)
            json.member("id", entry.slug)
            json.member("incidents", strings: entry.incidentSlugs)
            json.member("last_reviewed", runbook.lastReviewed?.description)
            json.member("owner", runbook.owner)
            json.member("service", runbook.service)
            json.member("severity", runbook.severity)
            json.member("title", entry.title)
            json.member("url", model.baseURL + APIExports.prettyURL(SitePaths.runbook(entry.slug)))
            json.member("valid", !entry.diagnostics.contains { $0.severity == .error })
            json.endObject()
        }
        json.endArray()
        json.endObject()
        json.endLine()
        return json.bytes
    }

    func actions(_ model: SiteModel) -> [UInt8] {
        let actions = model.actions
        var json = JSONWriter(layout: .pretty, reservingCapacity: 600 * actions.count)
        json.beginObject()
        json.key("actions")
        json.beginArray()
        for action in actions { APIExports.write(action, to: &json, listedIn: model) }
        json.endArray()
        json.member("as_of", model.today.description)
        json.endObject()
        json.endLine()
        return json.bytes
    }

    /// An action item: due (written, or from the severity SLA when `due_from_sla`), link,
    /// overdue, owner, status, text; listed in `model`'s `api/actions.json`, also days_overdue,
    /// due_from_sla, id, incident and incident_url.
    static func write(_ action: TrackedAction, to json: inout JSONWriter, listedIn model: SiteModel? = nil) {
        json.beginObject()
        if model != nil { json.member("days_overdue", action.daysOverdue) }
        json.member("due", action.due?.description)
        if let model {
            json.member("due_from_sla", action.dueFromSLA)
            json.member("id", action.stableID)
            json.member("incident", action.incident)
            json.member("incident_url", model.baseURL + APIExports.prettyURL(SitePaths.postmortem(action.incident)))
        }
        json.member("link", SafeURL.filter(action.link))
        json.member("overdue", action.isOverdue)
        json.member("owner", action.canonicalOwner)
        json.member("status", action.status.rawValue)
        json.member("text", action.text)
        json.endObject()
    }

    static let milestoneKinds = MilestoneKind.allCases.sorted { $0.rawValue < $1.rawValue }
    static let durationFields = DurationText.fields.sorted { $0.key < $1.key }

    /// `postmortems/x/index.html` -> `postmortems/x/` (absolute URLs are for web servers).
    static func prettyURL(_ path: String) -> String {
        path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path
    }
}
