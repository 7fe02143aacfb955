import Foundation
import Testing
import DebriefModel
import DebriefSite
import DebriefValidation

/// The index resolves each kind of reference once, and the check and the site read it alike.
@Suite struct KnowledgeBaseIndexTests {
    static func postmortem(_ path: String, title: String, alerts: [String] = [], timeline: String = "") -> Postmortem {
        let alertLine = alerts.isEmpty ? "" : "alerts: [\(alerts.joined(separator: ", "))]\n"
        return PostmortemParser().parse(text: "---\ntitle: \(title)\ndate: 2024-05-01\n\(alertLine)---\n## Timeline\n\(timeline)\n", path: path)
    }

    static func runbook(_ path: String, alert: String, status: Runbook.Status = .active) -> Runbook {
        var runbook = RunbookParser().parse(text: "---\nalert_names: [\(alert)]\n---\n# \(alert)\n## Diagnosis\n- look\n## Mitigation\n- fix\n", path: path)
        runbook.status = status
        return runbook
    }

    @Test func repeatedSlugsGetSuffixesAndNamesResolveToTheFirst() {
        let postmortems = [Self.postmortem("content/postmortems/a/outage.md", title: "One"),
                           Self.postmortem("content/postmortems/b/outage.md", title: "Two")]
        let index = KnowledgeBaseIndex(postmortems: postmortems, runbooks: [])
        #expect(index.postmortemSlugs == ["outage", "outage-2"])
        #expect(index.postmortemNames.postmortem(named: "outage") == 0)
        #expect(index.postmortemNames.postmortem(named: "two") == 1)
        #expect(index.documentPaths == ["content/postmortems/a/outage.md", "content/postmortems/b/outage.md"])
    }

    @Test func onlyRunbooksThatAnswerAlertsAreTheirRunbooksForTheCheckAndTheSite() throws {
        let postmortems = [Self.postmortem("content/postmortems/p.md", title: "P", alerts: ["DiskFull", "QueueStuck"],
                                           timeline: "- 10:00 - highlatency fired")]
        let runbooks = [Self.runbook("content/runbooks/disk.md", alert: "diskfull"),
                        Self.runbook("content/runbooks/latency.md", alert: "HighLatency", status: .deprecated),
                        Self.runbook("content/runbooks/queue.md", alert: "QueueStuck", status: .redirect)]
        let knowledgeBase = KnowledgeBase(root: URL(fileURLWithPath: "/tmp"), config: DebriefConfig(), postmortems: postmortems, runbooks: runbooks)
        // Declared alerts in any case, and a name the timeline mentions; a moved runbook answers nothing.
        #expect(knowledgeBase.index.runbooks(for: postmortems[0]) == [0, 1])
        let diagnostics = Validator().validate(knowledgeBase, today: Day(year: 2024, month: 6, day: 1))
        let unknown = diagnostics.filter { $0.rule == "unknown-alert" }.map(\.message)
        #expect(unknown.count == 1 && unknown[0].contains("`QueueStuck`"))
        let site = SiteModel(knowledgeBase: knowledgeBase, diagnostics: diagnostics, today: Day(year: 2024, month: 6, day: 1), baseURL: "/")
        #expect(site.incidents[0].runbookSlugs == ["disk", "latency"])
    }
}
