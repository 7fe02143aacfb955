import Foundation
import Testing

/// `debrief coverage` through the built binary, on the validation fixture's rule file.
@Suite struct CoverageCommandTests {
    static let root = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("rules")

    func coverage(_ arguments: [String]) throws -> Debrief.Run {
        try Debrief.run(["coverage", "--root", Self.root.path] + arguments, in: Self.root)
    }

    @Test func jsonHasTheDocumentedShapeAndABrokenURLFails() throws {
        let run = try coverage(["--format", "json"]) // `alert_rules:` of the fixture's debrief.yml
        #expect(run.status == 1, "a broken runbook URL exits 1")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["summary", "alerts", "orphans"])
        let summary = try #require(object["summary"] as? [String: Int])
        #expect(summary == ["alerts": 3, "covered": 1, "broken_url": 1, "matched_by_name": 0, "no_runbook": 1, "orphans": 1])
        let alerts = try #require(object["alerts"] as? [[String: Any]])
        #expect(Set(alerts[0].keys) == ["alert", "rule_file", "line", "severity", "runbook_url", "runbook", "status"])
        let byName = Dictionary(uniqueKeysWithValues: alerts.map { ($0["alert"] as! String, $0) })
        #expect(byName["CheckoutLatencyHigh"]?["status"] as? String == "broken-url")
        #expect(byName["CheckoutLatencyHigh"]?["line"] as? Int == 10)
        #expect(byName["HighErrorRate"]?["status"] as? String == "covered")
        #expect(byName["HighErrorRate"]?["runbook"] as? String == "content/runbooks/high-api-error-rate.md")
        #expect(byName["DiskFilling"]?["status"] as? String == "no-runbook")
        let orphans = try #require(object["orphans"] as? [[String: Any]])
        #expect(orphans.first?["runbook"] as? String == "content/runbooks/legacy-queue.md")
    }

    @Test func invalidRuleFileExitsTwoWithFileAndLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("debrief-coverage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "groups:\n  - name: x\n    rules: [\n".write(to: folder.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
        let run = try Debrief.run(["coverage", "--root", Self.root.path, "--rules", folder.appendingPathComponent("bad.yaml").path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("bad.yaml:"))
    }

    @Test func withoutRuleFilesItSaysWhatToDo() throws {
        let run = try Debrief.run(["coverage", "--root", FileManager.default.temporaryDirectory.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--rules"))
        let none = try coverage(["--rules", "alerts/*.json"])
        #expect(none.status == 2)
        #expect(none.stderr.contains("no rule file matches `alerts/*.json`"))
    }

    @Test func textAndGithubFormats() throws {
        let text = try coverage(["--rules", "alerts/*.yaml"])
        #expect(text.stdout.contains("3 alerts in 1 rule file"))
        #expect(text.stdout.contains("alerts/prometheus.yaml:10  CheckoutLatencyHigh"))
        let github = try coverage(["--rules", "alerts/*.yaml", "--format", "github"])
        #expect(github.stdout.contains("::error file=alerts/prometheus.yaml,line=10"))
    }
}
