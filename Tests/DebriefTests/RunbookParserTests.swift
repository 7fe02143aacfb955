import Foundation
import Testing
@testable import DebriefModel

@Suite struct RunbookParserTests {
    static let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("runbooks")

    func parse(_ name: String) throws -> Runbook {
        let text = try String(contentsOf: Self.fixtures.appendingPathComponent(name), encoding: .utf8)
        return RunbookParser().parse(text: text, path: "content/runbooks/\(name)")
    }

    @Test func yamlSeedSchemaFieldByField() throws {
        let runbook = try parse("order-service-high-error-rate.yml")
        #expect(runbook.parseDiagnostics.isEmpty)
        #expect(runbook.format == .yaml)
        #expect(runbook.slug == "order-service-high-error-rate")
        #expect(runbook.title == "Order Service High Error Rate")
        #expect(runbook.titleLine == 3)
        #expect(runbook.service == "order-service")
        #expect(runbook.severity == "SEV1/SEV2")
        #expect(runbook.owner == "platform-team")
        #expect(runbook.alertNames == ["HighErrorBudgetBurnRate_Fast", "HighErrorBudgetBurnRate_Slow"])
        #expect(runbook.alertNamesLine == 7)
        #expect(runbook.impact == "Users cannot checkout. Revenue impact ~$2,400/min at peak.")
        #expect(runbook.lastReviewed == Day(year: 2024, month: 11, day: 2))
        #expect(runbook.lastReviewedLine == 9)
        #expect(runbook.diagnosis.map(\.step) == ["Check recent deployments", "Check error logs", "Ask the payment team whether they changed anything"])
        #expect(runbook.diagnosis.map(\.line) == [12, 15, 18])
        #expect(runbook.diagnosis[1].command == #"{service="order-service"} |= "error" | json | level="error""#)
        #expect(runbook.diagnosis[0].expected == "If deploy correlates with error onset, proceed to rollback")
        #expect(runbook.diagnosis[2].command == nil)
        #expect(runbook.mitigation.map(\.option) == ["Rollback last deployment", "Scale up"])
        #expect(runbook.mitigation.map(\.line) == [22, 26])
        #expect(runbook.mitigation[0].when == "Error onset correlates with a deployment")
        #expect(runbook.mitigation[0].command == "kubectl -n production rollout undo deployment/order-service")
        #expect(runbook.mitigation[0].verify == "Error rate returns to baseline within 5 minutes")
        #expect(runbook.mitigation[1].verify == nil)
        #expect(runbook.recovery == ["Confirm baseline error rate for 15 minutes", "Update status page to resolved"])
    }

    @Test func prometheusStyleMarkdown() throws {
        let runbook = try parse("KubeJobStuck.md")
        #expect(runbook.parseDiagnostics.isEmpty)
        #expect(runbook.format == .markdown)
        #expect(runbook.title == "Kube Job Stuck")
        #expect(runbook.titleLine == 2)
        #expect(runbook.alertNames == ["KubeJobStuck"])
        #expect(runbook.alertNamesLine == 6)
        #expect(runbook.impact == "Work that depends on the job's output is delayed.")
        #expect(runbook.sections.map(\.heading) == ["Meaning", "Impact", "Diagnosis", "Mitigation"])
        #expect(runbook.sections.map(\.line) == [8, 12, 16, 28])
        // Two list items carry commands, the third does not; the code block is a step named by its paragraph.
        #expect(runbook.diagnosis.map(\.command) == [
            "kubectl -n $NAMESPACE describe job $JOB",
            "kubectl -n $NAMESPACE logs -l job-name=$JOB",
            "kubectl -n $NAMESPACE get events --sort-by=.lastTimestamp",
        ])
        #expect(runbook.diagnosis.map(\.line) == [18, 19, 22])
        #expect(runbook.diagnosis[2].step == "To see recent events in the namespace run")
        #expect(runbook.mitigation.count == 1)
        #expect(runbook.mitigation[0].option == "Delete the stuck pod so that the job controller starts a new one.")
        #expect(runbook.mitigation[0].line == 28)
        #expect(runbook.mitigation[0].verify == nil)
        #expect(runbook.owner == nil)
    }

    @Test func seedStyleMarkdownWithSubsections() throws {
        let runbook = try parse("high-api-error-rate.md")
        #expect(runbook.parseDiagnostics.isEmpty)
        #expect(runbook.title == "High API Error Rate")
        #expect(runbook.titleLine == 6)
        #expect(runbook.owner == "backend-team")
        #expect(runbook.service == "api")
        #expect(runbook.lastReviewed == Day(year: 2025, month: 1, day: 10))
        #expect(runbook.lastReviewedLine == 4)
        #expect(runbook.alertNames == ["HighErrorRate"])
        #expect(runbook.diagnosis.map(\.step) == ["Check Service Health", "Check Dependencies", "Ask in #incidents whether anyone is deploying"])
        #expect(runbook.diagnosis.map(\.line) == [14, 19, 24])
        #expect(runbook.diagnosis[0].command == "kubectl get pods -n production -l app=api")
        #expect(runbook.diagnosis[2].command == nil)
        #expect(runbook.mitigation.map(\.option) == ["Rollback to previous version", "Scale up pods"])
        #expect(runbook.mitigation.map(\.when) == ["Recent Deployment", "High Traffic Spike"])
        #expect(runbook.mitigation.map(\.line) == [28, 35])
        #expect(runbook.mitigation[0].command == "kubectl rollout undo deployment/api -n production")
        #expect(runbook.mitigation[0].verify == "Error rate below 1% within 10 minutes")
        #expect(runbook.mitigation[1].verify == nil)
        #expect(runbook.escalation == "If error rate doesn't improve within 30 minutes, escalate to @backend-team.")
        #expect(runbook.relatedRunbooks == ["database-connection-issues.md", "high-latency.md"])
    }

    @Test func optionsAndVerificationSection() throws {
        let runbook = try parse("api-error-rate-options.md")
        #expect(runbook.title == "API Error Rate")
        // `api_error_rate > 0.05` is an expression, not an alert name.
        #expect(runbook.alertNames.isEmpty)
        #expect(runbook.alertNamesLine == 1)
        #expect(runbook.diagnosis.map(\.step) == ["Check dashboard for affected endpoints", "Check recent deployments"])
        #expect(runbook.diagnosis.map(\.command) == [nil, "kubectl rollout history deployment/api"])
        #expect(runbook.mitigation.map(\.option) == ["Rollback", "Scale Up"])
        #expect(runbook.mitigation.map(\.line) == [10, 14])
        #expect(runbook.mitigation.allSatisfy { $0.verify == "Error rate <1%\nHealth checks passing" })
    }

    @Test(arguments: [
        ("- step: one\n- step: two\n", "a YAML list"),
        ("metadata: [unclosed\n  title: x\n", "not valid YAML"),
        ("just a sentence\n", "not a YAML mapping"),
        ("   \n\n", "empty"),
        ("metadata:\n  title: x\ndiagnosis: not-a-list\n", "must be a list"),
        ("metadata:\n  last_reviewed: last spring\n", "not a date"),
    ])
    func hostileYAMLGivesRunbookFormatDiagnostics(text: String, expected: String) {
        let runbook = RunbookParser().parse(text: text, path: "content/runbooks/bad.yml")
        #expect(runbook.parseDiagnostics.count == 1)
        #expect(runbook.parseDiagnostics.first?.rule == "runbook-format")
        #expect(runbook.parseDiagnostics.first?.message.contains(expected) == true)
    }

    @Test func aliasBombIsRefusedNotExpanded() {
        var text = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for level in 1...9 {
            let previous = Character(UnicodeScalar(UInt8(96 + level)))
            let name = Character(UnicodeScalar(UInt8(97 + level)))
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
        }
        let runbook = RunbookParser().parse(text: text, path: "content/runbooks/bomb.yml")
        #expect(runbook.parseDiagnostics.map(\.rule) == ["runbook-format"])
    }

    @Test func hostileMarkdownGivesDiagnostics() {
        let empty = RunbookParser().parse(text: "", path: "content/runbooks/empty.md")
        #expect(empty.parseDiagnostics.map(\.rule) == ["runbook-format"])
        let unterminated = RunbookParser().parse(text: "---\nowner: x\n# Alert\n", path: "content/runbooks/open.md")
        #expect(unterminated.parseDiagnostics.map(\.rule) == ["front-matter"])
        let list = RunbookParser().parse(text: "---\n- a\n- b\n---\n# HighErrorRate\n", path: "content/runbooks/list.md")
        #expect(list.parseDiagnostics.map(\.rule) == ["front-matter"])
        #expect(list.alertNames == ["HighErrorRate"])
    }

    @Test func debriefIgnoreIsRead() {
        let yaml = RunbookParser().parse(text: "debrief-ignore: [runbook-stale]\nmetadata:\n  title: x\n", path: "a.yml")
        #expect(yaml.ignoredRules == ["runbook-stale"])
        let markdown = RunbookParser().parse(text: "---\ndebrief-ignore: [runbook-owner, runbook-verify]\n---\n# X\n", path: "a.md")
        #expect(markdown.ignoredRules == ["runbook-owner", "runbook-verify"])
    }

    static let runbookCorpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/corpus/prometheus-operator-runbooks").standardizedFileURL

    /// Parses the prometheus-operator runbooks when the shared corpus is present (on Linux the
    /// enumerator of a missing folder is not nil, it is empty: existence is checked first).
    @Test(.enabled(if: FileManager.default.fileExists(atPath: runbookCorpus.path), "../shared/corpus is not present"))
    func corpusRunbooksParse() throws {
        let corpus = Self.runbookCorpus
        let enumerator = try #require(FileManager.default.enumerator(at: corpus, includingPropertiesForKeys: nil))
        var total = 0, titled = 0, alerted = 0, diagnosed = 0, mitigated = 0, withDiagnostics = 0
        for case let url as URL in enumerator where url.pathExtension == "md" && !url.lastPathComponent.hasPrefix("_") {
            let text = try String(contentsOf: url, encoding: .utf8)
            let runbook = RunbookParser().parse(text: text, path: url.lastPathComponent)
            total += 1
            if runbook.title != nil { titled += 1 }
            if !runbook.alertNames.isEmpty { alerted += 1 }
            if !runbook.diagnosis.isEmpty { diagnosed += 1 }
            if !runbook.mitigation.isEmpty { mitigated += 1 }
            if !runbook.parseDiagnostics.isEmpty { withDiagnostics += 1 }
        }
        print("prometheus-operator-runbooks: \(total) runbooks, title \(titled), alert names \(alerted), diagnosis steps \(diagnosed), mitigation \(mitigated), parse diagnostics \(withDiagnostics)")
        #expect(total > 0)
        #expect(titled == total)
        #expect(alerted * 10 >= total * 9)
        #expect(withDiagnostics == 0)
    }
}
