import DebriefModel
@testable import DebriefSearch
import Foundation
import Testing

/// Related incidents on Fixtures/search: explicit links first, then shared features, explained.
@Suite struct SearchRelatedTests {
    static func related() throws -> (RelatedIncidents, KnowledgeBase) {
        let kb = try KnowledgeBase.load(root: SearchTests.fixtureRoot())
        return (RelatedIncidents(postmortems: kb.postmortems), kb)
    }

    @Test func explicitLinkComesFirstBothWays() throws {
        let (related, _) = try Self.related()
        let later = try #require(related.index(of: "content/postmortems/2025-01-15-payments-pool-saturation.md"))
        let result = related.related(to: later)
        #expect(result.first?.slug == "2024-03-10-payments-connection-pool")
        #expect(result.first?.isExplicit == true)
        #expect(result.first?.reasons == ["listed under Related Incidents"])

        let earlier = try #require(related.index(of: "2024-03-10-payments-connection-pool"))
        #expect(related.related(to: earlier).first?.slug == "2025-01-15-payments-pool-saturation")
        #expect(related.related(to: earlier).first?.reasons == ["its postmortem links to this one"])
    }

    @Test func sharedFeaturesAreScoredAndExplained() throws {
        let (related, _) = try Self.related()
        let refunds = try #require(related.index(of: "2024-08-08-payments-refund-timeouts"))
        let result = related.related(to: refunds)
        #expect(result.allSatisfy { !$0.isExplicit })
        let slugs = result.map(\.slug)
        #expect(Set(slugs.prefix(2)) == ["2024-03-10-payments-connection-pool", "2025-01-15-payments-pool-saturation"])
        let first = try #require(result.first)
        #expect(first.explanation.contains("both fired HighErrorRate"))
        #expect(first.explanation.contains("same service payments"))
        #expect(first.explanation.contains("similar root cause: “"))
        #expect(result.map(\.score) == result.map(\.score).sorted(by: >))
        #expect(result.allSatisfy { !$0.reasons.isEmpty && $0.score >= RelatedIncidents.minimumScore })
    }

    @Test func unrelatedIncidentHasNoRelatedIncidents() throws {
        let (related, _) = try Self.related()
        let dns = try #require(related.index(of: "2022-05-01-dns-resolver-outage"))
        // Its root cause shares one word ("instances") with the pool saturation: not a similar
        // cause; and six postmortems are too few to compare whole texts.
        #expect(related.related(to: dns).isEmpty)
    }

    @Test func incidentsWhoseTextsShareRareWordsAreRelated() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("debrief-related-text-\(UUID().uuidString)")
        let folder = root.appendingPathComponent("content/postmortems")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let topics = ["zookeeper ensemble lost quorum", "kafka consumer lag grew", "redis eviction storm", "ingress controller reload",
                      "certificate renewal failed", "terraform plan drifted", "autoscaler stopped adding nodes", "dns resolver timed out",
                      "postgres vacuum stalled", "cdn purge backlog", "mobile release crashed", "ledger export duplicated",
                      "scheduler cron skipped", "billing invoices delayed", "search reindex stalled", "auth tokens expired early",
                      "inventory sync conflicted", "webhook retries piled", "image resizer leaked memory", "gateway rate limiter misfired"]
        for (n, topic) in topics.enumerated() {
            try "# Incident \(n)\n\n**Date:** 2024-02-\(10 + n)\n\n## Summary\n\nCustomers saw errors because the \(topic).\n"
                .write(to: folder.appendingPathComponent("incident-\(n).md"), atomically: true, encoding: .utf8)
        }
        try "# Incident twenty\n\n**Date:** 2024-03-20\n\n## What happened\n\nThe zookeeper ensemble lost quorum again after a rolling restart.\n"
            .write(to: folder.appendingPathComponent("incident-20.md"), atomically: true, encoding: .utf8)
        let related = RelatedIncidents(postmortems: try KnowledgeBase.load(root: root).postmortems)
        let result = related.related(to: try #require(related.index(of: "incident-20")))
        #expect(result.map(\.slug) == ["incident-0"])
        #expect(result.first?.explanation.hasPrefix("both mention ") == true)
        #expect(Set(result.first?.explanation.dropFirst("both mention ".count).split(separator: ", ").map(String.init) ?? [])
            == ["zookeeper", "ensemble", "quorum", "lost"])
    }

    /// A knowledge base where one incident shares its root cause with a second, its alert with
    /// a third and its service with a fourth.
    static func sharedCauseKnowledgeBase() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("debrief-related-\(UUID().uuidString)")
        let folder = root.appendingPathComponent("content/postmortems")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let incidents: [(name: String, service: String, alert: String, cause: String)] = [
            ("a-pool", "payments", "HighErrorRate", "The connection pool was sized statically and saturated under a traffic spike."),
            ("b-same-cause", "ledger", "DiskFillingUp", "A traffic spike saturated the connection pool, whose size was static."),
            ("c-same-alert", "search", "HighErrorRate", "An expired intermediate certificate broke TLS handshakes with the upstream."),
            ("d-same-service", "payments", "NodeNotReady", "A schema migration took an exclusive lock on the orders table."),
            ("e-other", "cdn", "CertificateExpiring", "The DNS resolver cache served stale records after a failover."),
            ("f-other", "auth", "PodCrashLooping", "A memory leak in the image resizer exhausted node memory."),
            ("g-other", "kafka", "ConsumerLagHigh", "A retry storm from mobile clients overloaded the gateway."),
            ("h-other", "redis", "QueueBacklog", "A missing index turned a hot query into a full table scan."),
        ]
        for (day, incident) in incidents.enumerated() {
            try """
                ---
                title: Incident \(incident.name)
                date: 2024-01-0\(day + 1)
                services: [\(incident.service)]
                alerts: [\(incident.alert)]
                ---
                ## Summary

                Customers saw errors for twenty minutes.

                ## Root Cause

                \(incident.cause)
                """.write(to: folder.appendingPathComponent("\(incident.name).md"), atomically: true, encoding: .utf8)
        }
        return root
    }

    @Test func theSameRootCauseOutranksASharedAlertOrServiceAlone() throws {
        let root = try Self.sharedCauseKnowledgeBase()
        defer { try? FileManager.default.removeItem(at: root) }
        let kb = try KnowledgeBase.load(root: root)
        let related = RelatedIncidents(postmortems: kb.postmortems)
        let result = related.related(to: try #require(related.index(of: "a-pool")))
        #expect(result.first?.slug == "b-same-cause")
        #expect(result.first?.explanation == "similar root cause: “A traffic spike saturated the connection pool, whose size was static.”")
        let alertRank = try #require(result.firstIndex { $0.slug == "c-same-alert" })
        let serviceRank = try #require(result.firstIndex { $0.slug == "d-same-service" })
        #expect(alertRank > 0 && serviceRank > 0)
        #expect(result[alertRank].explanation == "both fired HighErrorRate")
        #expect(result[serviceRank].explanation == "same service payments")
    }

    @Test func runbookListsIncidentsWhereItsAlertFired() throws {
        let (related, kb) = try Self.related()
        let runbook = try #require(kb.runbooks.first { $0.slug == "high-error-rate" })
        let incidents = related.incidents(for: runbook)
        #expect(Set(incidents.map(\.slug)) == ["2024-03-10-payments-connection-pool", "2025-01-15-payments-pool-saturation", "2024-08-08-payments-refund-timeouts"])
        #expect(incidents.allSatisfy { $0.explanation.contains("alert HighErrorRate fired") })
    }

    @Test func commonFeatureCostIsCapped() {
        // 500 of 1,000 incidents share an alert, a service and a tag: each looks at no more than
        // the cap of neighbours.
        let postmortems = (0..<1_000).map { i -> Postmortem in
            var p = Postmortem(path: "content/postmortems/\(i).md", slug: "p\(i)")
            p.title = "Incident \(i)"
            p.date = Day(year: 2020, month: 1, day: 1).adding(days: i)
            if i % 2 == 0 { (p.alerts, p.services, p.tags) = (["HighErrorRate"], ["api"], ["deploy"]) }
            return p
        }
        let related = RelatedIncidents(postmortems: postmortems)
        let result = related.related(to: 500, limit: 1_000)
        #expect(result.count == RelatedIncidents.neighboursPerFeature - 1)
        // The neighbours are the incidents closest in time.
        #expect(result.first.map { abs(Int($0.slug.dropFirst())! - 500) } == 2)
    }

    @Test func aFeatureEveryIncidentHasRelatesNothing() {
        let postmortems = (0..<10).map { i -> Postmortem in
            var p = Postmortem(path: "content/postmortems/\(i).md", slug: "p\(i)")
            p.services = ["api"]
            return p
        }
        #expect(RelatedIncidents(postmortems: postmortems).related(to: 3).isEmpty)
    }

    @Test func aQuotedRootCauseIsItsFirstSentenceOnOneLineWithoutMarkup() {
        #expect(RelatedIncidents.firstSentence("- **Cause:** the pool\r\nwas  static. Then more.") == "Cause:** the pool was static")
        #expect(RelatedIncidents.firstSentence("> | Caf\u{E9} e\u{301}. x |") == "Caf\u{E9} e\u{301}")
        #expect(RelatedIncidents.firstSentence("v1.2 failed.\rAgain") == "v1.2 failed.\rAgain")
        #expect(RelatedIncidents.firstSentence("- * # > | :") == nil)
        let long = String(repeating: "word ", count: 30)
        #expect(RelatedIncidents.firstSentence(long) == String(repeating: "word ", count: 17) + "word…")
    }
}
