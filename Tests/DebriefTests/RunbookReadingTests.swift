import Foundation
import Testing
@testable import DebriefModel

/// Runbooks as teams write them (SPEC 4): status, escalation and verification sentences,
/// alternatives, sample output, fences after list items; owners and documents from the files
/// around a runbook.
@Suite struct RunbookReadingTests {
    func parse(_ text: String, path: String = "content/runbooks/alert.md") -> Runbook {
        RunbookParser().parse(text: text, path: path)
    }

    @Test func deprecatedTagIsAStatusAndTheAlertStays() {
        let runbook = parse("# KubeletDown [Deprecated]\n\n## Meaning\n\nNo longer fires.\n")
        #expect(runbook.status == .deprecated)
        #expect(runbook.alertNames == ["KubeletDown"])
        #expect(runbook.title == "KubeletDown")
    }

    @Test func movedStubIsARedirect() {
        let runbook = parse("# KubeAPIDown\n\nThis alert has been moved to [the API server runbook](../apiserver/KubeAPIDown.md).\n")
        #expect(runbook.status == .redirect)
        #expect(runbook.redirectTarget == "../apiserver/KubeAPIDown.md")
        #expect(runbook.alertNames == ["KubeAPIDown"])
    }

    @Test func escalationSentenceAnywhere() {
        let runbook = parse("""
        # QueueStuck

        ## Mitigation

        Restart the consumer. If the queue does not drain, open a support case with the storage vendor.
        """)
        #expect(runbook.escalation == "If the queue does not drain, open a support case with the storage vendor.")
    }

    @Test func listOfAlternativesIsSeveralOptions() {
        let runbook = parse("""
        # NodeDrainStuck

        ## Mitigation

        - If a PodDisruptionBudget blocks the drain: scale the deployment up with `kubectl scale deploy/api --replicas 4`.
        - If a pod has no controller, delete it by hand.
        - Otherwise, cordon the node and page the platform team.

        The alert should clear within 10-15 minutes.
        """)
        #expect(runbook.mitigation.count == 3)
        #expect(runbook.mitigation[0].when == "If a PodDisruptionBudget blocks the drain")
        #expect(runbook.mitigation[0].command == "kubectl scale deploy/api --replicas 4")
        let labelled = parse("""
        # VolumeFull

        ## Mitigation

        ### Recommended actions

        - **Expand the volume:** grow the claim to the next size.
        - **Delete unneeded data:** remove old snapshots.
        """)
        #expect(labelled.mitigation.map(\.option) == ["Expand the volume", "Delete unneeded data"])
        let prose = parse("# Full\n\n## Mitigation\n\nDelete old snapshots. The alert should clear within 10-15 minutes.\n")
        #expect(prose.mitigation.count == 1)
        #expect(prose.mitigation[0].verify == "The alert should clear within 10-15 minutes.")
    }

    @Test func sampleOutputIsNotACommand() {
        let runbook = parse("""
        # EtcdSlow

        ## Diagnosis

        1. Check the members:

           ```shell
           $ etcdctl member list
           ```

        2. Read the logs:
        ```
        oc logs -n etcd etcd-0
        ```

        The output looks like this:

        ```
        2024-01-02T10:00:00Z level=warn msg="slow fdatasync"
        ```

        ```yaml
        alertname: EtcdSlow
        severity: warning
        ```
        """)
        #expect(runbook.diagnosis.map(\.command) == ["$ etcdctl member list", "oc logs -n etcd etcd-0"])
        #expect(runbook.diagnosis.map(\.step) == ["Check the members", "Read the logs"])
    }

    @Test func inlineCommandInProseIsAStep() {
        let runbook = parse("# DiskFull\n\n## Diagnosis\n\nList the largest folders with `du -sh /var/lib/*` on the node. Its state is `Ready`.\n")
        #expect(runbook.diagnosis.map(\.command) == ["du -sh /var/lib/*"])
    }

    @Test func diagnosisAndMitigationHeadingIsBoth() {
        let runbook = parse("# CertExpiring\n\n## Diagnosis and mitigation\n\n1. Renew it: `certbot renew --force-renewal`\n")
        #expect(runbook.diagnosis.count == 1)
        #expect(runbook.mitigation.count == 1)
    }

    /// A knowledge base on disk with OWNERS files, aliases, CODEOWNERS and a shared how-to.
    func knowledgeBase() throws -> KnowledgeBase {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("debrief-runbooks-\(UUID().uuidString)")
        let files = [
            "OWNERS_ALIASES": "aliases:\n  storage-approvers:\n    - ana\n    - bo\n",
            "content/runbooks/OWNERS": "reviewers:\n  - rita\n",
            "content/runbooks/storage/OWNERS": "reviewers:\n  - zed\napprovers:\n  - storage-approvers\n",
            "content/runbooks/storage/CephDown.md": "# CephDown\n\n## Diagnosis\n\nSee [the shared steps](helpers/toolbox.md).\n",
            "content/runbooks/storage/helpers/toolbox.md": "# Using the toolbox\n\n## Steps\n\nRun `oc rsh toolbox`.\n",
            "content/runbooks/net/DNSDown.md": "---\nowner: dns-team\n---\n# DNSDown\n\n## Diagnosis\n\nRun `dig example.com`.\n",
            "content/runbooks/net/NTPDrift.md": "# NTPDrift\n\n## Diagnosis\n\nRun `chronyc tracking`.\n",
            "other/runbooks/Orphan.md": "# Orphan\n",
            ".github/CODEOWNERS": "*.md @docs-team\n/other/ @other-team\n",
        ]
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return try KnowledgeBase.load(root: root)
    }

    @Test func ownersFromTheNearestOwnersFileWithAliases() throws {
        let runbooks = Dictionary(uniqueKeysWithValues: try knowledgeBase().runbooks.map { ($0.path, $0) })
        let ceph = runbooks["content/runbooks/storage/CephDown.md"]
        #expect(ceph?.owner == "ana, bo")
        #expect(ceph?.ownerSource == "content/runbooks/storage/OWNERS")
        #expect(runbooks["content/runbooks/net/NTPDrift.md"]?.owner == "rita") // reviewers when no approvers
        #expect(runbooks["content/runbooks/net/DNSDown.md"]?.ownerSource == "content/runbooks/net/DNSDown.md") // front matter first
    }

    @Test func codeOwnersPatterns() {
        #expect(OwnershipFiles.codeOwnersPattern("*.md", matches: "content/runbooks/a.md"))
        #expect(OwnershipFiles.codeOwnersPattern("/content/", matches: "content/runbooks/a.md"))
        #expect(!OwnershipFiles.codeOwnersPattern("/other/", matches: "content/runbooks/a.md"))
        #expect(OwnershipFiles.codeOwnersPattern("runbooks/", matches: "content/runbooks/a.md"))
        #expect(OwnershipFiles.codeOwnersPattern("content/runbooks/*.md", matches: "content/runbooks/a.md"))
        #expect(!OwnershipFiles.codeOwnersPattern("content/runbooks/*.md", matches: "content/runbooks/x/a.md"))
    }

    @Test func linkedHowToIsADocument() throws {
        let toolbox = try knowledgeBase().runbooks.first { $0.path.hasSuffix("helpers/toolbox.md") }
        #expect(toolbox?.status == .document)
        #expect(toolbox?.isInUse == false)
    }

    @Test func headingThatSpellsOutTheFileNameGivesTheAlert() {
        #expect(parse("# CPU Throttling High\n\n## Meaning\n\nThrottled.\n", path: "content/runbooks/CPUThrottlingHigh.md").alertNames == ["CPUThrottlingHigh"])
        #expect(parse("# Watchdog\n\n## Meaning\n\nAlways firing.\n", path: "content/runbooks/Watchdog.md").alertNames == ["Watchdog"])
        #expect(parse("# Pingdom\n\nHow we use it.\n", path: "content/runbooks/pingdom.md").alertNames.isEmpty)
    }

    @Test func ownerFromOtherFrontMatterKeys() {
        #expect(parse("---\nowner_slack: \"#storage\"\n---\n# DiskFull\n").owner == "#storage")
        #expect(parse("---\nowners: [ana, bo]\n---\n# DiskFull\n").owner == "ana, bo")
    }

    @Test func runbookSectionSynonymsFromTheConfiguration() throws {
        let config = try DebriefConfig.decode(yaml: "section_synonyms:\n  runbook-diagnosis: [Poke around]\n")
        let text = "# DiskFull\n\n## Poke around\n\nRun `df -h /var`.\n"
        #expect(RunbookParser(config: config).parse(text: text, path: "content/runbooks/a.md").diagnosis.map(\.command) == ["df -h /var"])
        #expect(RunbookParser().parse(text: text, path: "content/runbooks/a.md").diagnosis.isEmpty)
        #expect(throws: ConfigError.self) { try DebriefConfig.decode(yaml: "section_synonyms:\n  runbook-nonsense: [X]\n") }
    }
}
