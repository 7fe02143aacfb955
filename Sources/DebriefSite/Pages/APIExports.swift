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
        let incidents = JSONValue.serializedObject(["as_of": .string(model.today.description)], arrayKey: "incidents",
                                                   count: model.incidents.count) { incident(for: model.incidents[$0], model: model) }
        let runbooks = JSONValue.object([
            "runbooks": .array(model.runbooks.map { entry in
                let runbook = entry.runbook
                return .object([
                    "id": .string(entry.slug),
                    "title": .string(entry.title),
                    "url": .string(model.baseURL + APIExports.prettyURL(SitePaths.runbook(entry.slug))),
                    "format": .string(runbook.format.rawValue),
                    "service": .optional(runbook.service),
                    "severity": .optional(runbook.severity),
                    "owner": .optional(runbook.owner),
                    "alert_names": .strings(runbook.alertNames),
                    "last_reviewed": .optional(runbook.lastReviewed?.description),
                    "incidents": .strings(entry.incidentSlugs),
                    "valid": .bool(!entry.diagnostics.contains { $0.severity == .error }),
                ])
            }),
        ])
        let allActions = model.actions
        let actions = JSONValue.serializedObject(["as_of": .string(model.today.description)], arrayKey: "actions",
                                                 count: allActions.count) { position in
            let action = allActions[position]
            var members = APIExports.actionMembers(action)
            members["id"] = .string(action.stableID)
            members["incident"] = .string(action.incident)
            members["incident_url"] = .string(model.baseURL + APIExports.prettyURL(SitePaths.postmortem(action.incident)))
            members["due_from_sla"] = .bool(action.dueFromSLA)
            members["days_overdue"] = .optional(action.daysOverdue)
            return .object(members)
        }
        let coverage = model.alertCoverage.map { [RenderedPage(path: "api/coverage.json", bytes: $0.json.serializedBytes())] } ?? []
        return coverage + [
            RenderedPage(path: "api/incidents.json", bytes: incidents),
            RenderedPage(path: "api/runbooks.json", bytes: runbooks.serializedBytes()),
            RenderedPage(path: "api/actions.json", bytes: actions),
        ]
    }

    func incident(for incident: SiteIncident, model: SiteModel) -> JSONValue {
        let postmortem = incident.postmortem
        var milestones: [String: JSONValue] = [:]
        for kind in MilestoneKind.allCases {
            milestones[kind.rawValue] = .optional(postmortem.milestones[kind].map { APIExports.iso8601($0.time) })
        }
        var durations: [String: JSONValue] = [:]
        for field in DurationText.fields { durations[field.key] = .optional(DurationText.seconds(incident.durations, field.metric)) }
        return .object([
            "id": .string(incident.slug),
            "title": .string(incident.title),
            "url": .string(model.baseURL + APIExports.prettyURL(SitePaths.postmortem(incident.slug))),
            "date": .optional(postmortem.date?.description),
            "severity": .optional(postmortem.severity),
            "status": .optional(postmortem.status),
            "services": .strings(postmortem.services),
            "tags": .strings(postmortem.tags),
            "alerts": .strings(postmortem.alerts),
            "milestones": .object(milestones),
            "durations": .object(durations),
            "stated_durations": .object(Dictionary(uniqueKeysWithValues: postmortem.statedDurations.map { (DurationText.key($0.kind), JSONValue.int(Int($0.seconds))) })),
            "action_items": .array(incident.actions.map { .object(APIExports.actionMembers($0)) }),
            "valid": .bool(incident.isComplete),
            "errors": .int(incident.errorCount),
            "warnings": .int(incident.warningCount),
        ])
    }

    /// text, owner, due (written, or from the severity SLA when `due_from_sla`), status, overdue, link.
    static func actionMembers(_ action: TrackedAction) -> [String: JSONValue] {
        [
            "text": .string(action.text),
            "owner": .optional(action.siteOwner),
            "due": .optional(action.due?.description),
            "status": .string(action.status.rawValue),
            "overdue": .bool(action.isOverdue),
            "link": .optional(SafeURL.filter(action.link)),
        ]
    }

    /// `postmortems/x/index.html` -> `postmortems/x/` (absolute URLs are for web servers).
    static func prettyURL(_ path: String) -> String {
        path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path
    }

    /// `2025-03-04T05:06:07Z` (UTC, whole seconds), as ISO8601DateFormatter's internet date-time
    /// writes it, without creating a formatter per date (that was a tenth of the build).
    static func iso8601(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let year = String(parts.tm_year + 1900)
        return String(repeating: "0", count: max(0, 4 - year.count)) + year + "-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))"
            + "T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }
}
