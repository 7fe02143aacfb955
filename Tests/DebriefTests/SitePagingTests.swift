import Foundation
import Testing
import DebriefModel
import DebriefSite

@Suite struct PaginationTests {
    @Test func pagesSitBesideTheFirstAsHugoLaysThemOut() {
        let pagination = Pagination(firstPath: "services/db/index.html", itemCount: 101)
        #expect(pagination.pageCount == 3)
        #expect(pagination.path(ofPage: 1) == "services/db/index.html")
        #expect(pagination.path(ofPage: 3) == "services/db/page/3/index.html")
        #expect(pagination.items(ofPage: 1) == 0..<50)
        #expect(pagination.items(ofPage: 3) == 100..<101)
        #expect(pagination.title("Service: db", page: 1) == "Service: db")
        #expect(pagination.title("Service: db", page: 2) == "Service: db (page 2 of 3)")
    }

    @Test func anEmptyListHasOnePageAndNoPager() {
        let pagination = Pagination(firstPath: "actions/index.html", itemCount: 0)
        #expect(pagination.pageCount == 1)
        #expect(pagination.items(ofPage: 1).isEmpty)
        #expect(pagination.pager(page: 1, root: "../") == .null)
    }

    @Test func thePagerShowsTheEndsAndTwoPagesEitherSide() {
        let pagination = Pagination(firstPath: "postmortems/index.html", itemCount: 200 * 50)
        #expect(pagination.shownNumbers(around: 1) == [1, 2, 3, 200])
        #expect(pagination.shownNumbers(around: 100) == [1, 98, 99, 100, 101, 102, 200])
        guard case .object(let pager) = pagination.pager(page: 100, root: "../../../") else {
            Issue.record("no pager")
            return
        }
        #expect(pager["previous_url"] == .string("../../../postmortems/page/99/index.html"))
        #expect(pager["next_url"] == .string("../../../postmortems/page/101/index.html"))
        #expect(pager["first_item"] == .string("4,951") && pager["total"] == .string("10,000"))
        guard case .list(let links) = pager["pages"] else { Issue.record("no page links"); return }
        // 1, a gap, 98...102, a gap, 200.
        #expect(links.count == 9)
        #expect(links[1] == .object(["gap": .bool(true), "number": .null, "url": .null, "current": .null]))
        #expect(links[2] == .object(["gap": .bool(false), "number": .int(98), "url": .string("../../../postmortems/page/98/index.html"),
                                     "current": .bool(false)]))
    }
}

/// The fixture knowledge base with `count` more postmortems, all of service `bulk`, each with
/// one open action item of Mara's that is past due.
enum LargeFixture {
    /// Every output file by path.
    static func render(postmortems count: Int) throws -> [String: String] {
        let builder = SiteFixture.builder(root: try copy(postmortems: count))
        let pages = try builder.render(try builder.prepare())
        return Dictionary(uniqueKeysWithValues: pages.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) })
    }

    /// The copy's root.
    static func copy(postmortems count: Int) throws -> URL {
        let root = try SiteFixture.copy("kb")
        let folder = root.appendingPathComponent("content/postmortems")
        for number in 1...count {
            let day = String(format: "%02d", number % 28 + 1)
            let text = """
            # Postmortem: Bulk import stalled \(number)

            **Date:** 2024-03-\(day) | **Severity:** SEV3 | **Status:** complete
            **Services:** bulk
            **Alerts:** CheckoutHighErrorRate

            ## Summary

            The bulk importer stalled.

            ## Impact

            Imports were late.

            ## Timeline

            - 10:00 - Impact began
            - 10:05 - Alert fired
            - 10:30 - Resolved

            ## Root Cause

            A lock was held too long.

            ## Action Items

            - [ ] Shorten the lock number \(number) Owner: @mara, Due: 2024-06-01

            """
            try text.write(to: folder.appendingPathComponent("bulk-\(number).md"), atomically: true, encoding: .utf8)
        }
        return root
    }
}

@Suite struct SitePagingTests {
    static let pages = Result { try LargeFixture.render(postmortems: 120) }

    func page(_ path: String) throws -> String {
        try #require(try Self.pages.get()[path], "\(path) was not written")
    }

    func rows(_ html: String) -> Int {
        html.components(separatedBy: "<tr").count - 2 // minus the header row and the text before the first
    }

    @Test func theAllPostmortemsListIsPagedFiftyToAPage() throws {
        // 123 postmortems: the fixture's three and the 120 added.
        #expect(rows(try page("postmortems/index.html")) == 50)
        #expect(rows(try page("postmortems/page/2/index.html")) == 50)
        let last = try page("postmortems/page/3/index.html")
        #expect(rows(last) == 23)
        #expect(last.contains("101–123 of 123"))
        #expect(last.contains(#"<a rel="prev" href="../../../postmortems/page/2/index.html">"#))
        #expect(!last.contains(#"rel="next""#))
        #expect(try Self.pages.get()["postmortems/page/4/index.html"] == nil)
        #expect(try page("postmortems/index.html").contains(#"<a rel="next" href="../postmortems/page/2/index.html">"#))
    }

    @Test func termPagesPageTheirIncidentsAndShowTheSummaryOnPageOneOnly() throws {
        let first = try page("services/bulk/index.html")
        #expect(first.contains("Response times") && first.contains("120 incidents"))
        #expect(first.contains("Open action items"))
        let third = try page("services/bulk/page/3/index.html")
        #expect(!third.contains("Response times") && third.contains("101–120 of 120"))
        #expect(third.contains("Service: bulk (page 3 of 3)"))
    }

    @Test func ownerPagesPageTheirActionItems() throws {
        // Mara owns the 120 added items and one of the fixture's.
        let pages = try Self.pages.get()
        let ownerPages = pages.keys.filter { $0.hasPrefix("owners/mara-lindqvist/") }
        #expect(ownerPages.count == 3)
        let items = ownerPages.map { path in pages[path]!.components(separatedBy: "Shorten the lock number").count - 1 }
        #expect(items.reduce(0, +) == 120)
        #expect(items.allSatisfy { $0 <= 50 })
    }

    @Test func actionListsArePagedByListAndTheFilterFilesHoldEveryItem() throws {
        let overdue = try page("actions/index.html")
        #expect(overdue.contains(#"<h2 id="list-heading">Overdue</h2>"#))
        #expect(overdue.components(separatedBy: "<tr id=").count - 1 == 50)
        #expect(try page("actions/page/3/index.html").contains(#"aria-current="page">3</a>"#))
        #expect(try page("actions/closed/index.html").contains(#"<h2 id="list-heading">Closed</h2>"#))
        let file = try page("actions/filter/service-bulk.json")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(file.utf8)) as? [[String: Any]])
        #expect(rows.count == 120)
        #expect(rows.allSatisfy { $0["list"] as? String == "overdue" && $0["owner_slug"] as? String == "mara-lindqvist" })
        #expect(rows.allSatisfy { ($0["incident_url"] as? String)?.hasPrefix("postmortems/bulk-") == true && $0["days_overdue"] is Int })
        #expect(overdue.contains(#"<option value="bulk" data-count="120">bulk</option>"#))
    }

    @Test func aRunbookListsTheFiftyNewestIncidentsItsAlertsFiredIn() throws {
        let runbook = try page("runbooks/checkout-high-error-rate/index.html")
        #expect(runbook.components(separatedBy: "<tr data-severity").count - 1 == 50)
        #expect(runbook.contains("The 50 newest of 121 incidents."))
        #expect(runbook.contains("../../search/index.html?q=CheckoutHighErrorRate"))
    }

    @Test func noHTMLPageListsMoreThanFiftyRowsPerTable() throws {
        for (path, html) in try Self.pages.get() where path.hasSuffix(".html") {
            for table in html.components(separatedBy: "<tbody>").dropFirst() {
                let body = table.components(separatedBy: "</tbody>")[0]
                #expect(body.components(separatedBy: "<tr").count - 1 <= 50, "\(path)")
            }
        }
    }
}
