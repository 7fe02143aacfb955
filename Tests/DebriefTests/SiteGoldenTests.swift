import Foundation
import Testing
import DebriefSite

/// Every page kind of the fixture knowledge base (Fixtures/site/kb) against the golden files in
/// Fixtures/site/golden. Re-record after an intended change with
/// `DEBRIEF_RECORD_GOLDEN=1 swift test --filter SiteGoldenTests` and review the diff.
@Suite struct SiteGoldenTests {
    static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/site/golden")

    /// One example of each page kind; the test fails if the build stops producing any of them.
    static let pageKinds = [
        "index.html", "postmortems/index.html", "postmortems/2025-02-10-checkout-db-failover/index.html",
        "runbooks/index.html", "runbooks/checkout-high-error-rate/index.html", "runbooks/notification-queue-backlog/index.html",
        "actions/index.html", "services/index.html", "services/checkout/index.html", "tags/index.html", "tags/database/index.html",
        "severities/index.html", "severities/sev1/index.html", "years/index.html", "years/2025/index.html",
        "owners/index.html", "owners/mara-lindqvist/index.html",
        "api/incidents.json", "api/runbooks.json", "api/actions.json", "feed.xml", "actions.ics",
        "coverage/index.html", "api/coverage.json",
    ]

    @Test func everyPageMatchesItsGoldenFile() throws {
        // Assets are copies of Layouts/; the search index data has its own parity and ranking tests.
        let pages = try SiteFixture.render("kb").filter { page in
            !page.path.hasPrefix("assets/") && !(page.path.hasPrefix("search/") && page.path != "search/index.html")
        }
        let paths = Set(pages.map(\.path))
        for kind in SiteGoldenTests.pageKinds {
            #expect(paths.contains(kind), "the build no longer writes \(kind)")
        }
        if ProcessInfo.processInfo.environment["DEBRIEF_RECORD_GOLDEN"] == "1" {
            try? FileManager.default.removeItem(at: SiteGoldenTests.goldenFolder)
            for page in pages {
                let url = SiteGoldenTests.goldenFolder.appendingPathComponent(page.path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(page.bytes).write(to: url)
            }
            return
        }
        let golden = SiteFixture.tree(SiteGoldenTests.goldenFolder)
        #expect(Set(golden.keys) == paths, "pages added or removed; re-record with DEBRIEF_RECORD_GOLDEN=1 if intended")
        for page in pages {
            guard let expected = golden[page.path] else { continue }
            #expect(expected == Data(page.bytes), "\(page.path) differs from its golden file; re-record with DEBRIEF_RECORD_GOLDEN=1 if intended")
        }
    }
}
