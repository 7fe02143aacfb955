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
        func runbookLink(_ path: String?) -> [String: Any] {
            guard let path else { return [:] }
            return ["runbook": titles[path] ?? path, "runbook_url": site.contentLinks.pages[path].map { root + $0 } ?? ""]
        }
        func figures(_ alerts: [AlertCoverage.Alert]) -> [String: Any] {
            var row: [String: Any] = ["alerts": alerts.count.formatted()]
            for status in AlertCoverage.Status.allCases {
                row[status.rawValue.replacingOccurrences(of: "-", with: "_")] = alerts.filter { $0.status == status }.count.formatted()
            }
            return row
        }
        let byFile = Dictionary(grouping: coverage.alerts, by: \.rule.file).sorted { $0.key < $1.key }.map { file, alerts in
            figures(alerts).merging(["name": file]) { $1 }
        }
        let bySeverity = Dictionary(grouping: coverage.alerts) { $0.rule.severity ?? "none" }.sorted { $0.key < $1.key }.map { severity, alerts in
            figures(alerts).merging(["name": severity]) { $1 }
        }
        let attention = coverage.alerts.filter { $0.status != .covered }.map { alert -> [String: Any] in
            runbookLink(alert.runbook).merging([
                "alert": alert.rule.name, "location": "\(alert.rule.file):\(alert.rule.line)", "severity": alert.rule.severity ?? "",
                "status": alert.status.rawValue, "label": Self.label(alert.status), "url": alert.runbookURL ?? "",
            ]) { $1 }
        }
        let orphans = coverage.orphans.map { orphan in runbookLink(orphan.runbook).merging(["alerts": orphan.alerts]) { $1 } }
        let total = figures(coverage.alerts)
        let values: [String: Any] = [
            "total": total, "rule_file_count": byFile.count.formatted(), "by_file": byFile, "by_severity": bySeverity,
            "attention": attention, "orphans": orphans, "orphan_count": orphans.count.formatted(),
            "alerts_plural": coverage.alerts.count != 1, "files_plural": byFile.count != 1, "orphans_plural": orphans.count != 1,
            "has_attention": !attention.isEmpty, "has_orphans": !orphans.isEmpty,
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
