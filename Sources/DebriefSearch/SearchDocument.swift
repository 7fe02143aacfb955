import DebriefModel
import Foundation

/// What the index knows about one postmortem or runbook: field texts to rank on, and the
/// metadata that filters and result lists show.
public struct SearchDocument: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable { case postmortem, runbook }

    public var kind: Kind
    public var slug: String
    /// Path relative to the knowledge base root.
    public var path: String
    public var title: String
    public var date: Day?
    /// Normalised severity (`SEV1`), when known.
    public var severity: String?
    public var services: [String]
    public var tags: [String]
    public var alerts: [String]
    /// Text of each field; fields a document lacks are absent.
    public var fields: [SearchField: String]

    public init(kind: Kind, slug: String, path: String, title: String, date: Day? = nil, severity: String? = nil,
                services: [String] = [], tags: [String] = [], alerts: [String] = [], fields: [SearchField: String]) {
        self.kind = kind
        self.slug = slug
        self.path = path
        self.title = title
        self.date = date
        self.severity = severity
        self.services = services
        self.tags = tags
        self.alerts = alerts
        self.fields = fields
    }

    public init(postmortem p: Postmortem) {
        let title = p.title ?? p.slug
        var fields: [SearchField: String] = [.title: title]
        func put(_ field: SearchField, _ text: String) {
            let trimmed = text.trimmingWhitespaceAndNewlines()
            if !trimmed.isEmpty { fields[field, default: ""] += (fields[field] == nil ? "" : "\n") + trimmed }
        }
        put(.alerts, p.alerts.joined(separator: " "))
        put(.services, p.services.joined(separator: " "))
        put(.tags, p.tags.joined(separator: " "))
        // Summary also takes Impact and Resolution: the prose that says what happened.
        put(.summary, p.summary ?? "")
        for kind in [SectionKind.summary, .impact, .resolution] { put(.summary, p.sections.filter { $0.means(kind) }.map(\.text).joined(separator: "\n")) }
        put(.rootCause, p.sections.filter { $0.means(.rootCause) }.map(\.text).joined(separator: "\n"))
        put(.contributingFactors, p.sections.filter { $0.kind == .contributingFactors || $0.kind == .wentWrong || $0.kind == .lessonsLearned }
            .map(\.text).joined(separator: "\n"))
        put(.body, ([p.preamble] + Self.unindexedSections(of: p).map(\.text)).joined(separator: "\n"))
        let timeline = p.timeline.isEmpty ? p.sections.filter { $0.means(.timeline) }.map(\.text) : p.timeline.map(\.text)
        put(.timeline, timeline.joined(separator: "\n"))
        let actions = p.actionItems.isEmpty ? p.sections.filter { $0.means(.actionItems) }.map(\.text) : p.actionItems.map(\.text)
        put(.actionItems, actions.joined(separator: "\n"))
        self.init(kind: .postmortem, slug: p.slug, path: p.path, title: title, date: p.date, severity: p.severity,
                  services: p.services, tags: p.tags, alerts: p.alerts, fields: fields)
    }

    /// The kinds of section whose text one of the structured fields holds.
    static let indexedKinds: [SectionKind] = [.summary, .impact, .resolution, .rootCause, .contributingFactors, .wentWrong,
                                             .lessonsLearned, .timeline, .actionItems]

    /// Outermost sections no structured field holds: unknown headings, What Went Well,
    /// Where We Got Lucky, Related Incidents, Appendix. A section inside one already counted is
    /// in that one's text.
    static func unindexedSections(of p: Postmortem) -> [Section] {
        var sections: [Section] = []
        var coveredUntil = 0
        for section in p.sections where section.line > coveredUntil {
            coveredUntil = section.endLine
            if !indexedKinds.contains(where: section.means) { sections.append(section) }
        }
        return sections
    }

    /// Runbooks map onto the same fields: impact and the markdown sections (Meaning, Symptoms)
    /// are the summary; diagnosis, mitigation, recovery and escalation are the steps to take,
    /// indexed as action items.
    public init(runbook r: Runbook) {
        let title = r.title ?? r.slug
        // A runbook is named by its alerts as much as by its title (a markdown runbook's H1 is
        // the alert), so its alert names join the title field: searching an alert name finds
        // the runbook before the incidents in which that alert fired.
        let missingAlerts = r.alertNames.filter { !title.contains($0) }
        var fields: [SearchField: String] = [.title: ([title] + missingAlerts).joined(separator: " ")]
        func put(_ field: SearchField, _ parts: [String?]) {
            let text = parts.compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "\n")
            if !text.trimmingWhitespaceAndNewlines().isEmpty { fields[field] = text }
        }
        put(.alerts, [r.alertNames.joined(separator: " ")])
        put(.services, [r.service])
        let stepHeadings = ["diagnosis", "investigation steps", "investigation", "mitigation", "common causes", "escalation", "recovery"]
        let proseSections = r.sections.filter { !stepHeadings.contains($0.heading.lowercased()) }.map(\.text)
        let stepSections = r.sections.filter { stepHeadings.contains($0.heading.lowercased()) }.map(\.text)
        put(.summary, [r.impact] + proseSections)
        var steps: [String?] = r.diagnosis.flatMap { [$0.step, $0.command, $0.expected] }
        steps += r.mitigation.flatMap { [$0.option, $0.when, $0.command, $0.verify] }
        steps += r.recovery + [r.escalation] + stepSections
        put(.actionItems, steps)
        self.init(kind: .runbook, slug: r.slug, path: r.path, title: title, severity: r.severity,
                  services: r.service.map { [$0] } ?? [], alerts: r.alertNames, fields: fields)
    }

    /// Every document of a knowledge base: postmortems first, then runbooks, each in path order
    /// (the order is the tie-break of equal scores, so it must be stable).
    public static func all(_ kb: KnowledgeBase) -> [SearchDocument] {
        kb.postmortems.map(SearchDocument.init(postmortem:)) + kb.runbooks.map(SearchDocument.init(runbook:))
    }
}
