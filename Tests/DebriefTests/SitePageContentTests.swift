import Foundation
import Testing
import DebriefModel
@testable import DebriefSite

/// What the postmortem and Trends pages show (issue 19): one action-item table, the draft
/// banner, the timeline strip, round axis ticks, real plurals.
@Suite struct SitePageContentTests {
    static func page(_ pages: [RenderedPage], _ path: String) throws -> String {
        let page = try #require(pages.first { $0.path == path }, "no \(path)")
        return String(decoding: page.bytes, as: UTF8.self)
    }

    static func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    @Test func postmortemPageHasOneActionTableInPlaceOfTheSourceSection() throws {
        let html = try Self.page(SiteFixture.render("kb"), "postmortems/2025-02-10-checkout-db-failover/index.html")
        #expect(Self.count("<table", in: html) == 1, "the source table and the tracked table are one")
        #expect(Self.count("<table class=\"actions actions-own\">", in: html) == 1)
        // The tracked items, with owner, due and status, once each; no column linking the page to itself.
        for text in ["Check replication lag before failover", "Alert on replica lag above 60 seconds", "Document the bulk import schedule"] {
            #expect(Self.count(text, in: html) == 1, "\(text)")
        }
        #expect(!html.contains("<th scope=\"col\">Postmortem</th>"))
        #expect(!html.contains("Action item tracking"))
        #expect(html.contains("flag-overdue"))
        #expect(html.contains(">In progress</span>"))
        // In the body, under the source's own heading.
        let body = try #require(html.range(of: "class=\"body markdown\""))
        let heading = try #require(html.range(of: ">Action Items</h2>"))
        let table = try #require(html.range(of: "<table class=\"actions"))
        #expect(body.lowerBound < heading.lowerBound && heading.lowerBound < table.lowerBound)
    }

    @Test func itemsOfASectionThatCannotBeReplacedStayInTheTrackingTableAtTheEnd() throws {
        let root = try SiteFixture.copy("kb")
        try """
        ---
        title: Cache stampede
        date: 2025-03-03
        severity: SEV3
        status: resolved
        ---

        # Cache stampede

        ## Summary

        The cache expired at once.

        ## Lessons learned and future improvements

        We learned that expiry needs jitter.

        - [ ] Add jitter to cache expiry (Owner: @mara, Due: 2025-04-01)

        """.write(to: root.appendingPathComponent("content/postmortems/2025-03-03-cache-stampede.md"), atomically: true, encoding: .utf8)
        let builder = SiteFixture.builder(root: root)
        let html = try Self.page(try builder.render(try builder.prepare()), "postmortems/2025-03-03-cache-stampede/index.html")
        #expect(html.contains("We learned that expiry needs jitter."), "a section that also means lessons keeps its text")
        #expect(html.contains("Action item tracking"))
        #expect(Self.count("<table class=\"actions actions-own\">", in: html) == 1)
        let tracking = try #require(html.range(of: "Action item tracking"))
        let item = try #require(html.range(of: "Add jitter to cache expiry", options: .backwards))
        #expect(tracking.lowerBound < item.lowerBound)
    }

    @Test func draftPostmortemShowsABanner() throws {
        let pages = try SiteFixture.render("kb")
        let draft = try Self.page(pages, "postmortems/2025-06-21-notifications-draft/index.html")
        #expect(draft.contains("<div class=\"draft-banner\" role=\"note\"><strong>Draft:</strong> this postmortem is not final."))
        #expect(draft.contains("<span class=\"status\">Draft</span>"))
        let final = try Self.page(pages, "postmortems/2025-02-10-checkout-db-failover/index.html")
        #expect(!final.contains("draft-banner"))
    }

    @Test func timelineStripMarksEveryKnownMilestone() throws {
        let html = try Self.page(SiteFixture.render("kb"), "postmortems/2025-02-10-checkout-db-failover/index.html")
        let svg = try #require(html.range(of: "<svg class=\"timeline-strip\"").map { String(html[$0.lowerBound...]) })
        let strip = String(svg[..<(svg.range(of: "</svg>")?.upperBound ?? svg.endIndex)])
        #expect(strip.contains("role=\"img\""))
        #expect(strip.contains("aria-label=\"Incident timeline: started 2025-02-10 09:58 UTC, detected 10:01"))
        for kind in MilestoneKind.allCases {
            #expect(strip.contains("data-milestone=\"\(kind.rawValue)\""), "\(kind)")
        }
        for span in ["TTD", "TTA", "TTM", "TTR"] {
            #expect(strip.contains("data-span=\"\(span)\""), "\(span)")
        }
        #expect(strip.contains(">TTR 32m</text>"))
    }

    @Test func timelineStripShowsOnlyKnownMilestonesAndStatedTimes() {
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        let points = [TimelineStrip.Point(kind: .started, time: start), TimelineStrip.Point(kind: .resolved, time: start + 3600)]
        let spans = [TimelineStrip.Span(label: "TTD", name: "Time to detect", from: .started, to: .detected, measured: nil, stated: 600),
                     TimelineStrip.Span(label: "TTR", name: "Time to resolve", from: .started, to: .resolved, measured: 3600, stated: 3300)]
        let svg = TimelineStrip.svg(points: points, spans: spans, timezoneOffset: 0, timezoneName: "UTC")
        #expect(svg.contains("data-milestone=\"started\"") && svg.contains("data-milestone=\"resolved\""))
        #expect(!svg.contains("data-milestone=\"detected\""))
        #expect(svg.contains(">TTR 1h (stated 55m)</text>"))
        #expect(svg.contains(">TTD not measured (stated 10m)</text>"))
        #expect(!svg.contains("data-span=\"TTD\""))
        #expect(TimelineStrip.svg(points: [], spans: spans, timezoneOffset: 0, timezoneName: "UTC") == "")
    }

    @Test(arguments: [(37.0, true), (111, true), (4, true), (0, true), (1, true), (9_991, true), (100, false), (0.37, false), (233.5, false)])
    func axisTicksAreRoundNumbers(maximum: Double, wholeNumbers: Bool) {
        let ticks = SVGChart.axisTicks(maximum: maximum, wholeNumbers: wholeNumbers)
        let step = ticks[1] - ticks[0]
        #expect(ticks.first == 0)
        #expect(ticks.last! >= maximum)
        #expect(ticks.count >= 2 && ticks.count <= 7, "\(ticks)")
        let power = pow(10, floor(log10(step)))
        #expect([1.0, 2, 5].contains { abs(step - $0 * power) < power * 1e-6 }, "step \(step) of \(ticks)")
        if wholeNumbers { #expect(step >= 1 && step == step.rounded()) }
        for (index, tick) in ticks.enumerated() { #expect(abs(tick - Double(index) * step) < 1e-9) }
    }

    @Test func axisTicksForThirtySevenAreTensNotQuarters() {
        #expect(SVGChart.axisTicks(maximum: 37, wholeNumbers: true) == [0, 10, 20, 30, 40])
        #expect(SVGChart.axisTicks(maximum: 100, wholeNumbers: false) == [0, 20, 40, 60, 80, 100])
        #expect(SVGChart.axisTicks(maximum: 3, wholeNumbers: true) == [0, 1, 2, 3])
    }

    @Test func countTextUsesTheSingularForOneAndSeparatesThousands() {
        #expect(CountText.of(1, "incident") == "1 incident")
        #expect(CountText.of(2, "incident") == "2 incidents")
        #expect(CountText.of(0, "postmortem") == "0 postmortems")
        #expect(CountText.of(10_000, "postmortem") == "10,000 postmortems")
        #expect(CountText.of(1_234_567, "action item") == "1,234,567 action items")
        #expect(CountText.of(3, "child", plural: "children") == "3 children")
        #expect(CountText.number(999) == "999")
        #expect(CountText.number(-1000) == "-1,000")
    }

    @Test func statusesReadInOneCasing() {
        #expect(StatusText.display("resolved") == "Resolved")
        #expect(StatusText.display("RESOLVED") == "Resolved")
        #expect(StatusText.display("in-progress") == "In progress")
        #expect(StatusText.display("wont-fix") == "Won't fix")
        #expect(StatusText.display("") == "")
    }

    @Test func noTemplateWritesPluralsInParentheses() throws {
        let layouts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/DebriefSite/Layouts")
        for name in try FileManager.default.contentsOfDirectory(atPath: layouts.path) where name.hasSuffix(".mustache") {
            let text = try String(contentsOf: layouts.appendingPathComponent(name), encoding: .utf8)
            #expect(!text.contains("(s)"), "\(name)")
        }
        let pages = try SiteFixture.render("kb")
        for page in pages where page.path.hasSuffix(".html") {
            #expect(!String(decoding: page.bytes, as: UTF8.self).contains("(s)"), "\(page.path)")
        }
    }

    @Test func trendsPageListsTwentyRepeatsAndLinksTheCSV() throws {
        let root = try SiteFixture.copy("kb")
        // 23 incidents a day apart naming one alert: 22 repeat an earlier one.
        for day in 1...23 {
            let date = String(format: "2025-01-%02d", day)
            try """
            ---
            title: Disk full \(day)
            date: \(date)
            severity: SEV4
            status: resolved
            alerts: [DiskFull]
            ---

            # Disk full \(day)

            ## Summary

            The disk filled up again.

            """.write(to: root.appendingPathComponent("content/postmortems/\(date)-disk-full.md"), atomically: true, encoding: .utf8)
        }
        let builder = SiteFixture.builder(root: root)
        let pages = try builder.render(try builder.prepare())
        let trends = try Self.page(pages, "trends/index.html")
        #expect(trends.contains("22 repeat incidents within 90 days of an earlier one; the 20 most recent are listed here, newest first."))
        #expect(trends.contains("<a href=\"../api/repeat-incidents.csv\">api/repeat-incidents.csv</a>"))
        let table = try #require(trends.range(of: "<h3>Repeat incidents</h3>").map { String(trends[$0.upperBound...]) })
        let rows = String(table[..<(table.range(of: "</table>")?.lowerBound ?? table.endIndex)])
        #expect(Self.count("<tr><th scope=\"row\">", in: rows) == 20)
        #expect(rows.contains(">Disk full 23</a></th>") && rows.contains(">Disk full 4</a></th>") && !rows.contains(">Disk full 3</a></th>"), "the most recent, newest first")
        #expect(rows.range(of: ">Disk full 23</a></th>")!.lowerBound < rows.range(of: ">Disk full 22</a></th>")!.lowerBound)
        let csv = try Self.page(pages, "api/repeat-incidents.csv")
        #expect(csv.hasPrefix("incident,title,date,earlier,earlier_title,earlier_date,days_after,shared\r\n"))
        #expect(Self.count("\r\n", in: csv) == 23)
        #expect(!trends.contains("max-width: 720px"))
        #expect(trends.contains("class=\"chart chart-wide\"") && trends.contains("class=\"chart chart-narrow\""))
    }
}
