import DebriefModel
import DebriefSearch

/// Values for the `related-incidents` partial of postmortem and runbook pages: each related
/// incident with its link, facts and the reasons it is related ("same alert HighErrorRate;
/// similar root cause (pool, connection)"). Computed once per build, on all cores, for
/// every postmortem and every runbook. Only the results are kept: the scoring tables
/// (`RelatedIncidents`: every incident's term vector and the posting lists) are released once
/// they are computed, instead of being held through the whole render.
public struct RelatedIncidentsSection: Sendable {
    public static let limit = 5
    /// Per site incident (in `model.incidents` order), its related incidents.
    let byIncident: [[RelatedIncident]]
    /// Runbook path -> the incidents that used it.
    let byRunbook: [String: [RelatedIncident]]
    /// Postmortem path -> the slug its page lives at.
    let slugByPath: [String: String]

    public init(model: SiteModel) {
        let related = RelatedIncidents(postmortems: model.incidents.map(\.postmortem))
        byIncident = related.all(limit: RelatedIncidentsSection.limit)
        let runbooks = model.runbooks.map(\.runbook)
        byRunbook = Dictionary(zip(runbooks.map(\.path), related.incidents(for: runbooks, limit: RelatedIncidentsSection.limit * 2)),
                               uniquingKeysWith: { first, _ in first })
        slugByPath = Dictionary(model.incidents.map { ($0.postmortem.path, $0.slug) }, uniquingKeysWith: { first, _ in first })
    }

    /// Values of the incident at `index` of `model.incidents`.
    public func values(forIncidentAt index: Int, root: String) -> [String: TemplateValue] {
        values(byIncident[index], root: root)
    }

    /// Values of a runbook of `model.runbooks` (no related incidents for any other).
    public func values(for runbook: Runbook, root: String) -> [String: TemplateValue] {
        values(byRunbook[runbook.path] ?? [], root: root)
    }

    func values(_ incidents: [RelatedIncident], root: String) -> [String: TemplateValue] {
        let rows = incidents.map { incident -> TemplateValue in
            .object([
                "title": .string(incident.title),
                "url": .string(root + SitePaths.postmortem(slugByPath[incident.path] ?? incident.slug)),
                "date": .string(incident.date?.description ?? ""),
                "severity": .string(incident.severity ?? ""),
                "explanation": .string(incident.explanation),
                "explicit": .bool(incident.isExplicit),
            ])
        }
        return ["related_incidents": .list(rows), "has_related_incidents": .bool(!rows.isEmpty)]
    }
}
