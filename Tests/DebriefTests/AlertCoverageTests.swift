import Foundation
import Testing
@testable import DebriefModel

/// Rule files and the matching of their alerts to runbooks (`debrief coverage`, SPEC 4).
@Suite struct AlertCoverageTests {
    static let rules = """
    apiVersion: monitoring.coreos.com/v1
    kind: PrometheusRule
    spec:
      groups:
        - name: api
          rules:
            - alert: ApiDown
              labels: {severity: critical}
              annotations:
                runbook_url: https://runbooks.example.com/Alerts/API/ApiDown#diagnosis
            - record: api:requests:rate5m
              expr: sum(rate(requests_total[5m]))
            - alert: ApiDown
              labels: {severity: warning}
    ---
    apiVersion: v1
    kind: ConfigMap
    data: {}
    ---
    groups:
      - name: disk
        rules:
          - alert: DiskFull
            annotations:
              runbook_url: https://runbooks.example.com/alerts/disk/DiskFull.md
          - alert: DiskSlow
          - alert: Moved
            annotations:
              runbook_url: https://runbooks.example.com/alerts/old/Moved
          - alert: Elsewhere
            annotations:
              runbook_url: https://wiki.example.com/Elsewhere
    """

    func runbook(_ path: String, alerts: [String], status: Runbook.Status = .active, redirect: String? = nil) -> Runbook {
        var runbook = Runbook(path: path, slug: Slug.make(fromPath: path), format: .markdown)
        runbook.alertNames = alerts
        runbook.status = status
        runbook.redirectTarget = redirect
        return runbook
    }

    @Test func readsPrometheusRuleObjectsAndPlainRuleFiles() throws {
        let rules = try AlertRuleFile.read(Self.rules, path: "rules.yaml").get()
        #expect(rules.map(\.name) == ["ApiDown", "ApiDown", "DiskFull", "DiskSlow", "Moved", "Elsewhere"])
        #expect(rules[0].line == 7)
        #expect(rules[0].severity == "critical")
        #expect(rules[2].runbookURL == "https://runbooks.example.com/alerts/disk/DiskFull.md")
    }

    @Test func invalidYAMLNamesItsLine() {
        guard case .failure(let failure) = AlertRuleFile.read("groups:\n  - name: x\n    rules: [\n", path: "bad.yaml") else {
            Issue.record("invalid YAML was read")
            return
        }
        #expect(failure.line >= 3)
    }

    @Test func everyStatus() throws {
        let rules = try AlertRuleFile.read(Self.rules, path: "rules.yaml").get()
        let runbooks = [
            runbook("content/runbooks/alerts/api/apidown.md", alerts: ["ApiDown"]),
            runbook("content/runbooks/alerts/old/Moved.md", alerts: ["Moved"], status: .redirect, redirect: "../new/Moved.md"),
            runbook("content/runbooks/alerts/new/Moved.md", alerts: ["Moved"]),
            runbook("content/runbooks/Elsewhere.md", alerts: ["Elsewhere"]),
            runbook("content/runbooks/retired.md", alerts: ["GoneAlert"]),
        ]
        let coverage = AlertCoverage(rules: rules, runbooks: runbooks, urlFolders: ["https://runbooks.example.com/": "content/runbooks"])
        let status = Dictionary(uniqueKeysWithValues: coverage.alerts.map { ($0.rule.name, $0.status) })
        #expect(coverage.alerts.count == 5) // ApiDown once
        #expect(status["ApiDown"] == .covered) // case, anchor and missing `.md` ignored
        #expect(coverage.alerts.first { $0.rule.name == "ApiDown" }?.rule.severity == "critical")
        #expect(status["DiskFull"] == .brokenURL)
        #expect(status["DiskSlow"] == .noRunbook)
        #expect(status["Moved"] == .covered)
        #expect(coverage.alerts.first { $0.rule.name == "Moved" }?.runbook == "content/runbooks/alerts/new/Moved.md") // through the redirect
        #expect(status["Elsewhere"] == .matchedByName) // URL under no prefix
        #expect(coverage.orphans.map(\.runbook) == ["content/runbooks/retired.md"])
    }

    @Test func globsMatchFoldersAtAnyDepth() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("debrief-glob-\(UUID().uuidString)")
        for path in ["a/x.rules.yaml", "a/b/c/y.rules.yaml", "a/b/z.txt", "a/.hidden/h.rules.yaml"] {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try "groups: []\n".write(to: url, atomically: true, encoding: .utf8)
        }
        #expect(PathGlob.files(matching: "a/**/*.rules.yaml", in: root.path) == ["a/b/c/y.rules.yaml", "a/x.rules.yaml"])
        #expect(PathGlob.files(matching: "a/*.rules.yaml", in: root.path) == ["a/x.rules.yaml"])
        #expect(PathGlob.files(matching: "a/missing.yaml", in: root.path) == ["a/missing.yaml"])
    }
}
