import DebriefModel
import DebriefSearch

/// Values for the `related-incidents` partial of postmortem and runbook pages: each related
/// incident with its link, facts and the reasons it is related ("same alert HighErrorRate;
/// similar root cause (pool, connection)"). Computed once per build, on all cores, for
/// every postmortem and every runbook. Only the results are kept, as incident numbers and
/// reasons: the scoring tables (`RelatedIncidents`: every incident's term vector and the
/// posting lists) are released once they are computed, instead of being held through the
/// whole render.
public struct RelatedIncidentsSection: Sendable {
    public static let limit = 5

    /// A related incident as the page needs it: which one (its place in `model.incidents`,
    /// whose title, slug, date and severity the row shows) and why. Held for every incident
    /// through the render, so no copies of those strings.
    struct Entry: Sendable {
        var incident: Int32
        var isExplicit: Bool
        var explanation: String

        init(_ related: RelatedIncident) {
            (incident, isExplicit, explanation) = (Int32(related.index), related.isExplicit, related.explanation)
        }
    }

    let incidents: [SiteIncident]
    /// Per site incident (in `model.incidents` order), its related incidents.
    let byIncident: [[Entry]]
    /// Runbook path -> the incidents that used it.
    let byRunbook: [String: [Entry]]

    public init(model: SiteModel) {
        incidents = model.incidents
        let related = RelatedIncidents(postmortems: model.incidents.map(\.postmortem))
        byIncident = related.all(limit: RelatedIncidentsSection.limit).map { $0.map(Entry.init) }
        let runbooks = model.runbooks.map(\.runbook)
        byRunbook = Dictionary(zip(runbooks.map(\.path), related.incidents(for: runbooks, limit: RelatedIncidentsSection.limit * 2).map { $0.map(Entry.init) }),
                               uniquingKeysWith: { first, _ in first })
    }

    /// Values of the incident at `index` of `model.incidents`.
    public func values(forIncidentAt index: Int, root: String) -> [String: TemplateValue] {
        values(byIncident[index], root: root)
    }

    /// Values of a runbook of `model.runbooks` (no related incidents for any other).
    public func values(for runbook: Runbook, root: String) -> [String: TemplateValue] {
        values(byRunbook[runbook.path] ?? [], root: root)
    }

    func values(_ entries: [Entry], root: String) -> [String: TemplateValue] {
        let rows = entries.map { entry -> TemplateValue in
            let incident = incidents[Int(entry.incident)], postmortem = incident.postmortem
            return .object([
                "title": .string(postmortem.title ?? postmortem.slug),
                "url": .string(root + SitePaths.postmortem(incident.slug)),
                "date": .string(postmortem.date?.description ?? ""),
                "severity": .string(postmortem.severity ?? ""),
                "explanation": .string(entry.explanation),
                "explicit": .bool(entry.isExplicit),
            ])
        }
        return ["related_incidents": .list(rows), "has_related_incidents": .bool(!rows.isEmpty)]
    }
}
