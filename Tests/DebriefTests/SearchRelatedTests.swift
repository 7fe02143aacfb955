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
        #expect(related.related(to: earlier).first?.reasons == ["links to this incident"])
    }

    @Test func sharedFeaturesAreScoredAndExplained() throws {
        let (related, _) = try Self.related()
        let refunds = try #require(related.index(of: "2024-08-08-payments-refund-timeouts"))
        let result = related.related(to: refunds)
        #expect(result.allSatisfy { !$0.isExplicit })
        let slugs = result.map(\.slug)
        #expect(Set(slugs.prefix(2)) == ["2024-03-10-payments-connection-pool", "2025-01-15-payments-pool-saturation"])
        let first = try #require(result.first)
        #expect(first.explanation.contains("same alert HighErrorRate"))
        #expect(first.explanation.contains("same service payments"))
        #expect(first.explanation.contains("similar root cause ("))
        // Nothing in common, nothing listed.
        #expect(!slugs.contains("2024-06-02-checkout-certificate-expiry"))
        #expect(result.map(\.score) == result.map(\.score).sorted(by: >))
    }

    @Test func unrelatedIncidentHasNoRelatedIncidents() throws {
        let (related, _) = try Self.related()
        let dns = try #require(related.index(of: "2022-05-01-dns-resolver-outage"))
        #expect(related.related(to: dns).isEmpty)
    }

    @Test func runbookListsIncidentsWhereItsAlertFired() throws {
        let (related, kb) = try Self.related()
        let runbook = try #require(kb.runbooks.first { $0.slug == "high-error-rate" })
        let incidents = related.incidents(for: runbook)
        #expect(Set(incidents.map(\.slug)) == ["2024-03-10-payments-connection-pool", "2025-01-15-payments-pool-saturation", "2024-08-08-payments-refund-timeouts"])
        #expect(incidents.allSatisfy { $0.explanation.contains("alert HighErrorRate fired") })
    }

    @Test func commonFeatureCostIsCapped() {
        // 1,000 incidents sharing one service: each looks at no more than the cap of neighbours.
        let postmortems = (0..<1_000).map { i -> Postmortem in
            var p = Postmortem(path: "content/postmortems/\(i).md", slug: "p\(i)")
            p.title = "Incident \(i)"
            p.date = Day(year: 2020, month: 1, day: 1).adding(days: i)
            p.services = ["api"]
            return p
        }
        let related = RelatedIncidents(postmortems: postmortems)
        let result = related.related(to: 500, limit: 1_000)
        #expect(result.count == RelatedIncidents.neighboursPerFeature - 1)
        // The neighbours are the incidents closest in time.
        #expect(result.first.map { abs(Int($0.slug.dropFirst())! - 500) } == 1)
    }
}
