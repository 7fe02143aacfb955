import DebriefModel

/// `coverage/index.html`: whether every alert of the rule files has a runbook that exists, by
/// rule file and by severity, then the alerts that need work and the orphan runbooks (the full
/// list is `api/coverage.json`). Only with `alert_rules:` in debrief.yml.
public struct CoveragePage: PageGenerator {
    public static let path = "coverage/index.html"

    public init() {}

    public var navItem: NavItem? { NavItem(title: "Coverage", path: CoveragePage.path) }

    public func isIncluded(in model: SiteModel) -> Bool { model.alertCoverage != nil }

    public func pages(_ site: SiteRenderer) throws -> [RenderedPage] {
        guard let coverage = site.model.alertCoverage else { return [] }
        let root = SitePaths.root(of: CoveragePage.path)
        let titles = Dictionary(site.model.runbooks.map { ($0.runbook.path, $0.title) }, uniquingKeysWith: { first, _ in first })
        /// The runbook's title and page (null without a runbook, or when it has no page).
        func runbookLink(_ path: String?) -> [String: TemplateValue] {
            guard let path else { return ["runbook": .null, "runbook_url": .null] }
            return ["runbook": .string(titles[path] ?? path), "runbook_url": .string(site.contentLinks.pages[path].map { root + $0 } ?? "")]
        }
        /// `alerts` and the count of each status, as text with separators.
        func figures(_ alerts: [AlertCoverage.Alert]) -> [String: TemplateValue] {
            var row: [String: TemplateValue] = ["alerts": .string(alerts.count.formatted())]
            for status in AlertCoverage.Status.allCases {
                row[status.rawValue.replacingOccurrences(of: "-", with: "_")] = .string(alerts.filter { $0.status == status }.count.formatted())
            }
            return row
        }
        let byFile = Dictionary(grouping: coverage.alerts, by: \.rule.file).sorted { $0.key < $1.key }.map { file, alerts in
            TemplateObject(figures(alerts).merging(["name": .string(file)]) { $1 })
        }
        let bySeverity = Dictionary(grouping: coverage.alerts) { $0.rule.severity ?? "none" }.sorted { $0.key < $1.key }.map { severity, alerts in
            TemplateObject(figures(alerts).merging(["name": .string(severity)]) { $1 })
        }
        let attention = coverage.alerts.filter { $0.status != .covered }.map { alert in
            TemplateObject(runbookLink(alert.runbook).merging([
                "alert": .string(alert.rule.name), "location": .string("\(alert.rule.file):\(alert.rule.line)"),
                "severity": .string(alert.rule.severity ?? ""), "status": .string(alert.status.rawValue),
                "label": .string(Self.label(alert.status)), "url": .string(alert.runbookURL ?? ""),
            ]) { $1 })
        }
        let orphans = coverage.orphans.map { orphan in
            TemplateObject(runbookLink(orphan.runbook).merging(["alerts": .strings(orphan.alerts)]) { $1 })
        }
        let values: [String: TemplateValue] = [
            "total": .object(TemplateObject(figures(coverage.alerts))), "rule_file_count": .string(byFile.count.formatted()),
            "by_file": .list(byFile.map(TemplateValue.object)), "by_severity": .list(bySeverity.map(TemplateValue.object)),
            "attention": .list(attention.map(TemplateValue.object)), "orphans": .list(orphans.map(TemplateValue.object)),
            "orphan_count": .string(orphans.count.formatted()),
            "alerts_plural": .bool(coverage.alerts.count != 1), "files_plural": .bool(byFile.count != 1), "orphans_plural": .bool(orphans.count != 1),
            "has_attention": .bool(!attention.isEmpty), "has_orphans": .bool(!orphans.isEmpty),
        ]
        return [try site.html(path: CoveragePage.path, template: "coverage", title: "Alert coverage", values: values)]
    }

    static func label(_ status: AlertCoverage.Status) -> String {
        switch status {
        case .covered: return "Covered"
        case .brokenURL: return "Broken URL"
        case .matchedByName: return "Matched by name"
        case .noRunbook: return "No runbook"
        }
    }
}
