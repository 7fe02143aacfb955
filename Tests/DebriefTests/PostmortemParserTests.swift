import Foundation
import Testing
@testable import DebriefModel

/// Parses the postmortem fixtures (one per shape SPEC section 3 lists) and checks the
/// extracted model field by field, with real line numbers.
@Suite struct PostmortemParserTests {
    static func fixture(_ name: String) throws -> Postmortem {
        let url = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
            .appendingPathComponent("postmortems").appendingPathComponent(name)
        let text = try String(contentsOf: url, encoding: .utf8)
        return PostmortemParser().parse(text: text, path: "content/postmortems/\(name)")
    }

    static func utc(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        return formatter.date(from: text)!
    }

    static func kinds(_ postmortem: Postmortem) -> [SectionKind?] { postmortem.sections.map(\.kind) }

    // MARK: Shapes

    @Test func plainTextDocument() throws {
        let p = try Self.fixture("plain-text.md")
        #expect(p.title == "Checkout Tax Service Outage")
        #expect(p.titleLine == 1)
        #expect(p.date == Day(year: 2024, month: 3, day: 15))
        #expect(p.rawSeverity == "SEV-2")
        #expect(p.severity == "SEV2")
        #expect(p.statedDuration == TimeInterval(38 * 60))
        #expect(p.incidentCommander == "Priya")
        #expect(p.fields.map(\.key) == ["POSTMORTEM", "Date", "Duration", "Severity", "Author"])
        #expect(p.fields[3].line == 4)
        #expect(Self.kinds(p) == [.summary, .impact, .timeline, .rootCause, .wentWell, .actionItems])
        #expect(p.sections.map(\.line) == [9, 12, 16, 24, 27, 30])
        let summary = try #require(p.section(.summary))
        #expect(summary.endLine == 10)
        #expect(summary.text.hasPrefix("A configuration push to tax-svc"))
        #expect(p.timeline.count == 6)
        #expect(p.timeline.first?.rawTime == "09:10")
        #expect(p.timeline.first?.text == "tax-svc config v88 pushed to production")
        #expect(p.timeline.first?.line == 17)
        #expect(p.timeline.last?.time == Self.utc("2024-03-15T09:50:00Z"))
        #expect(p.timeline.last?.text == "Confirmed resolved, incident closed")
        #expect(p.actionItems.count == 3)
        let first = p.actionItems[0]
        #expect(first.text == "Validate fallback region list in config schema")
        #expect(first.owner == "Marco")
        #expect(first.rawDue == "March 22")
        #expect(first.due == Day(year: 2024, month: 3, day: 22))
        #expect(first.status == .open)
        #expect(first.line == 31)
        #expect(p.actionItems[1].status == .done)
        // No year and before the incident: the next year.
        #expect(p.actionItems[2].owner == "Platform team")
        #expect(p.actionItems[2].due == Day(year: 2025, month: 1, day: 10))
        #expect(p.milestones.detected?.time == Self.utc("2024-03-15T09:12:00Z"))
        #expect(p.milestones.acknowledged?.line == 20)
        #expect(p.milestones.mitigated?.time == Self.utc("2024-03-15T09:30:00Z"))
        #expect(p.milestones.resolved?.source == .timeline)
        #expect(p.milestones.started?.source == .firstTimelineEntry)
    }

    @Test func boldFieldsListTimelineAndEmojiStatusTable() throws {
        let p = try Self.fixture("bold-fields.md")
        #expect(p.title == "Search API Connection Pool Exhaustion")
        #expect(p.date == Day(year: 2025, month: 1, day: 15))
        #expect(p.severity == "SEV2")
        #expect(p.status == "Complete")
        #expect(p.authors == ["Jane Doe (IC)", "John Smith (OL)"])
        // The header has no duration; the Impact section's bullet gives it.
        #expect(p.statedDuration == 6300)
        #expect(p.statedDurations.first?.line == 13)
        #expect(p.timezoneName == "UTC")
        #expect(p.alerts == ["SearchHighErrorRate"])
        #expect(Self.kinds(p) == [.summary, .impact, .timeline, .rootCause, .wentWell, .wentWrong, .actionItems])
        #expect(p.section(.timeline)?.line == 16)
        #expect(p.section(.timeline)?.endLine == 21)
        #expect(p.timeline.count == 5)
        #expect(p.timeline.first?.text == "Alert: \"SearchHighErrorRate\" fires (error rate 12%)")
        #expect(p.timeline.last?.time == Self.utc("2025-01-15T15:45:00Z"))
        let items = p.actionItems
        #expect(items.map(\.status) == [.done, .inProgress, .open])
        #expect(items.map(\.owner) == ["@john", "@alice", "@bob"])
        #expect(items[0].due == Day(year: 2025, month: 1, day: 18))
        #expect(items[0].line == 36)
        // `Jan 10` falls before the January 15 incident: next year.
        #expect(items[2].due == Day(year: 2026, month: 1, day: 10))
        #expect(p.milestones.detected?.line == 17)
        #expect(p.milestones.acknowledged?.time == Self.utc("2025-01-15T14:02:00Z"))
        #expect(p.milestones.mitigated?.time == Self.utc("2025-01-15T14:45:00Z"))
        #expect(p.milestones.resolved?.time == Self.utc("2025-01-15T15:45:00Z"))
    }

    @Test func pipeSeparatedHeaderTablesAndLessonsSubsections() throws {
        let p = try Self.fixture("pipe-header.md")
        #expect(p.fields.filter { $0.line == 2 }.map(\.key) == ["Date", "Duration", "Severity"])
        #expect(p.date == Day(year: 2024, month: 6, day: 3))
        #expect(p.statedDuration == 1800)
        #expect(p.severity == "SEV1")
        #expect(p.incidentCommander == "Dana Kim")
        #expect(p.authors == ["Dana Kim", "Lee Park"])
        #expect(p.isDraft)
        #expect(Self.kinds(p) == [.summary, .impact, .timeline, .rootCause, .lessonsLearned, .wentWell, .wentWrong, .gotLucky, .actionItems])
        let lucky = try #require(p.section(.gotLucky))
        #expect(lucky.level == 3)
        #expect(lucky.line == 30)
        #expect(lucky.text == "Low traffic hour")
        // The last row holds two `| time | event |` pairs.
        #expect(p.timeline.map(\.rawTime) == ["14:25", "14:32", "14:36", "14:47", "14:55"])
        #expect(p.timeline.last?.text == "Fully stable")
        #expect(p.timeline.last?.line == 20)
        #expect(p.alerts == ["PaymentLatencyBudgetBurn_Fast"])
        let first = try #require(p.actionItems.first)
        #expect(first.id == "PAY-101")
        #expect(first.link == "https://jira.example.com/browse/PAY-101")
        #expect(first.priority == "P1")
        #expect(first.owner == "Dana Kim")
        #expect(first.due == Day(year: 2024, month: 6, day: 10))
        #expect(first.status == .open)
        #expect(p.actionItems[1].status == .done)
        #expect(p.milestones.detected?.time == Self.utc("2024-06-03T14:32:00Z"))
        #expect(p.milestones.mitigated?.time == Self.utc("2024-06-03T14:47:00Z"))
    }

    @Test func teamOwnersAndDeadlineColumn() throws {
        let p = try Self.fixture("team-owners.md")
        #expect(p.title == "API Outage - 2024-01-15")
        #expect(p.date == Day(year: 2024, month: 1, day: 15))
        #expect(p.rawSeverity == "Critical")
        #expect(p.severity == "SEV1")
        #expect(p.statedDuration == TimeInterval(45 * 60))
        #expect(p.timeline.count == 5)
        #expect(p.timeline.first?.text == "Alert fired")
        #expect(p.timeline.last?.rawTime == "15:08")
        #expect(p.actionItems.map(\.owner) == ["DB team", "Platform", "Infra"])
        #expect(p.actionItems.map(\.due) == [Day(year: 2024, month: 1, day: 16), Day(year: 2024, month: 1, day: 22), nil])
        #expect(p.actionItems[2].rawDue == nil)
        #expect(p.milestones.acknowledged?.time == Self.utc("2024-01-15T14:27:00Z"))
        #expect(p.milestones.resolved?.time == Self.utc("2024-01-15T15:08:00Z"))
    }

    @Test func timeEventTableAndHandleOwners() throws {
        let p = try Self.fixture("time-event-table.md")
        // No H1: the `## Incident:` heading is the title.
        #expect(p.title == "Login Failures After Certificate Rotation")
        #expect(p.titleLine == 1)
        #expect(p.severity == "SEV2")
        #expect(p.authors == ["Sam Rivera"])
        #expect(Self.kinds(p) == [.summary, .timeline, .rootCause, .actionItems])
        #expect(p.timeline.count == 4)
        #expect(p.timeline.first?.line == 13)
        #expect(p.timeline.last?.text == "Service restored")
        #expect(p.actionItems.map(\.owner) == ["@sam", "@kai"])
        #expect(p.actionItems[1].due == Day(year: 2024, month: 2, day: 15))
        #expect(p.milestones.acknowledged?.time == Self.utc("2024-02-01T14:03:00Z"))
        #expect(p.milestones.mitigated?.time == Self.utc("2024-02-01T14:25:00Z"))
    }

    @Test func frontMatterWithMilestones() throws {
        let p = try Self.fixture("front-matter.md")
        #expect(p.title == "Queue Backlog in Notification Service")
        #expect(p.titleLine == 2)
        #expect(p.date == Day(year: 2025, month: 3, day: 2))
        #expect(p.severity == "SEV3")
        #expect(p.services == ["notifications", "queue"])
        #expect(p.tags == ["capacity", "kafka"])
        #expect(p.incidentCommander == "Ana Lopez")
        #expect(p.related == ["2024-11-04-queue-lag"])
        #expect(p.ignoredRules == ["blame-language"])
        #expect(p.alerts == ["NotificationQueueLag"]) // named in front matter and timeline, kept once
        #expect(p.bodyLineOffset == 20)
        #expect(p.sections.first?.line == 24)
        #expect(p.timeline.first?.line == 31)
        #expect(p.milestones.detected == Milestone(time: Self.utc("2025-03-02T10:14:00Z"), source: .frontMatter, line: 16))
        #expect(p.milestones.started?.source == .frontMatter)
        #expect(p.milestones.resolved?.time == Self.utc("2025-03-02T11:40:00Z"))
        #expect(p.actionItems.first?.owner == "@ana")
        #expect(p.actionItems.first?.link == "https://github.com/example/notify/issues/42")
        #expect(p.actionItems.map(\.status) == [.open, .done])
        #expect(p.links.map(\.line) == [27, 38])
    }

    @Test func headingTimelineWithTimezoneNote() throws {
        let p = try Self.fixture("heading-timeline.md")
        #expect(p.title == "\"no space left on device\"")
        #expect(p.date == Day(year: 2018, month: 3, day: 26))
        #expect(p.timezoneName == "CEST")
        #expect(p.timezoneOffset == 7200)
        #expect(p.timeline.count == 3)
        #expect(p.timeline.first?.rawTime == "2018-03-26 10:34")
        #expect(p.timeline.first?.time == Self.utc("2018-03-26T08:34:00Z"))
        #expect(p.timeline.first?.text == "Reports of failed launches on the chat channel. Investigation started.")
        #expect(p.timeline.last?.time == Self.utc("2018-03-26T09:20:00Z"))
        #expect(Self.kinds(p) == [.summary, .timeline, .lessonsLearned, .wentWell, .wentWrong, .actionItems])
        #expect(p.actionItems.count == 2)
        #expect(p.actionItems[0].status == .done)
        #expect(p.actionItems[1].link == "https://github.com/example/deploy/issues/365")
    }

    @Test func keyEventBullets() throws {
        let p = try Self.fixture("key-events.md")
        #expect(p.title == "Storage Cluster Degraded Writes")
        #expect(p.severity == "SEV2")
        #expect(p.services == ["object-store", "uploads"])
        #expect(p.milestones.detected == Milestone(time: Self.utc("2024-04-15T12:32:00Z"), source: .keyEvent, line: 7))
        #expect(p.milestones.acknowledged?.time == Self.utc("2024-04-15T12:40:00Z"))
        #expect(p.milestones.mitigated?.time == Self.utc("2024-04-15T13:10:00Z"))
        #expect(p.milestones.resolved?.line == 10)
        #expect(p.milestones.started == nil) // no timeline, nothing to default to
        #expect(p.section(.actionItems)?.heading == "Follow-ups")
        let item = try #require(p.actionItems.first)
        #expect(item.text == "Upgrade controller firmware on all storage nodes")
        #expect(item.owner == "storage team")
        #expect(item.due == Day(year: 2024, month: 5, day: 1))
    }

    // MARK: Calendar rules

    @Test func datelessTimesRollOverMidnight() {
        let text = """
        # Postmortem: Overnight batch failure
        **Date:** 2024-05-31

        ## Timeline
        - 23:40 - Batch job starts failing
        - 23:58 - Alert fires: BatchJobFailed
        - 00:20 - Job restarted
        - 00:15 - Earlier note written late
        - 01:05 - Resolved
        """
        let p = PostmortemParser().parse(text: text, path: "overnight.md")
        #expect(p.timeline.map(\.time) == [
            Self.utc("2024-05-31T23:40:00Z"), Self.utc("2024-05-31T23:58:00Z"), Self.utc("2024-06-01T00:20:00Z"),
            // A few minutes backwards is out of order, not another day.
            Self.utc("2024-06-01T00:15:00Z"), Self.utc("2024-06-01T01:05:00Z"),
        ])
        #expect(p.alerts == ["BatchJobFailed"])
        #expect(p.date == Day(year: 2024, month: 5, day: 31))
    }

    @Test func oneLineTimelineAndChecklistAfterLabels() {
        let text = """
        POSTMORTEM: Payment Processing Outage Date: 2024-03-15 Duration: 43 minutes (14:32 - 15:15 UTC) Severity: SEV-1
        TIMELINE: 14:30 - deploy 14:32 - First failures detected 15:15 - Confirmed resolved
        ACTION ITEMS: [ ] Add integration tests Owner: Bob, Due: March 22 [ ] Raise canary share Owner: Alice, Due: April 1
        """
        let p = PostmortemParser().parse(text: text, path: "one-line.md")
        #expect(p.title == "Payment Processing Outage")
        #expect(p.date == Day(year: 2024, month: 3, day: 15))
        #expect(p.severity == "SEV1")
        #expect(p.statedDuration == TimeInterval(43 * 60))
        #expect(p.timeline.map(\.text) == ["deploy", "First failures detected", "Confirmed resolved"])
        #expect(p.actionItems.map(\.owner) == ["Bob", "Alice"])
        #expect(p.actionItems.map(\.due) == [Day(year: 2024, month: 3, day: 22), Day(year: 2024, month: 4, day: 1)])
    }

    @Test func readsDatesTimesAndDurations() {
        #expect(DateReader.day(in: "January 15, 2024") == Day(year: 2024, month: 1, day: 15))
        #expect(DateReader.day(in: "15 March 2024") == Day(year: 2024, month: 3, day: 15))
        #expect(DateReader.day(in: "Jan 18", reference: Day(year: 2025, month: 1, day: 15)) == Day(year: 2025, month: 1, day: 18))
        #expect(DateReader.day(in: "YYYY-MM-DD") == nil)
        #expect(DateReader.day(in: "2024-02-30") == nil)
        #expect(DateReader.duration(in: "1 hour 45 minutes") == 6300)
        #expect(DateReader.duration(in: "1h50m") == 6600)
        #expect(DateReader.duration(in: "(14:23 - 15:08 UTC)") == TimeInterval(45 * 60))
        #expect(DateReader.duration(in: "X hours Y min") == nil)
        let iso = DateReader.firstDateTime(in: "2025-03-02T10:14:00+02:00")
        #expect(iso?.time?.hour == 10)
        #expect(iso?.zoneOffset == 7200)
        #expect(DateReader.leadingDateTime("4:23PM PST, proxy down")?.match.time?.hour == 16)
        #expect(DateReader.leadingDateTime("13:30-13:45 launches fail")?.remainder == "launches fail")
        #expect(TimezoneNote.find(in: "All times in PST (UTC-7)")?.offset == -25_200)
        #expect(TimezoneNote.find(in: "All times in Central European Time (CET)")?.name == "CET")
    }

    @Test func everyStatedDurationKeyPassesTheLineFilter() {
        for kind in StatedDuration.Kind.allCases {
            for key in kind.keys { #expect(StatedDurationReader.keyFragments.occurring(in: key) != 0, "\(key)") }
        }
    }

    // MARK: Robustness

    @Test func emptyAndWhitespaceFiles() {
        for text in ["", "\n", "   \n\n\t", "---\n---\n"] {
            let p = PostmortemParser().parse(text: text, path: "2024-07-01-empty.md")
            #expect(p.title == "empty") // the file name without its date
            #expect(p.date == Day(year: 2024, month: 7, day: 1))
            #expect(p.timeline.isEmpty)
            #expect(p.sections.isEmpty)
        }
    }

    @Test func deepNestingDoesNotCrash() {
        let lists = "## Timeline\n" + (0..<5000).map { String(repeating: "  ", count: $0) + "- 10:\(String(format: "%02d", $0 % 60)) - step" }.joined(separator: "\n")
        let quotes = "## Action Items\n" + String(repeating: "> ", count: 5000) + "- [ ] deep item Owner: Bob\n"
        for text in [lists, quotes] {
            let p = PostmortemParser().parse(text: text, path: "deep.md")
            #expect(p.parseDiagnostics.contains { $0.rule == "markdown-nesting" })
            #expect(p.sections.count == 1)
        }
    }

    @Test func unterminatedFrontMatterIsReported() {
        let p = PostmortemParser().parse(text: "---\ntitle: Never closed\n\n# Real title\n\n## Summary\nText\n", path: "open.md")
        #expect(p.parseDiagnostics.contains { $0.rule == "front-matter" && $0.line == 1 })
        #expect(p.title == "Real title")
        #expect(p.titleLine == 4)
        #expect(p.section(.summary)?.line == 6)
    }

    @Test func yamlAliasBombIsRefused() {
        var yaml = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
            previous = name
        }
        let p = PostmortemParser().parse(text: "---\n\(yaml)title: Bomb\n---\n# Fallback title\n", path: "bomb.md")
        #expect(p.parseDiagnostics.contains { $0.rule == "front-matter" })
        #expect(p.title == "Fallback title")
    }

    static func structuredPostmortem(bytes: Int) -> String {
        let entry = """
        ## Timeline
        - 14:00 - Alert fires: HighErrorRate on the checkout service, error rate 12%
        - 14:05 - On-call acknowledged and started the investigation of the checkout service

        ## Action Items
        - [ ] Add a saturation alert for the connection pool Owner: @alice, Due: March 22


        """
        return "# Postmortem: Big\n**Date:** 2024-03-15\n\n" + String(repeating: entry, count: bytes / entry.utf8.count)
    }

    @Test func twentyMegabyteFileParses() {
        let paragraph = "The checkout service returned errors while the pool was exhausted; see the dashboard for details.\n\n"
        let timeline = (0..<10_000).map { "- \(10 + $0 / 600 % 12):\(String(format: "%02d", $0 % 60)) - step \($0)" }.joined(separator: "\n")
        let text = "# Postmortem: Huge\n**Date:** 2024-03-15\n\n## Summary\n"
            + String(repeating: paragraph, count: 20_000_000 / paragraph.utf8.count)
            + "## Timeline\n" + timeline + "\n\n## Action Items\n"
            + String(repeating: "- [ ] Add an alert Owner: @alice, Due: March 22\n", count: 5000)
        #expect(text.utf8.count > 20_000_000)
        let p = PostmortemParser().parse(text: text, path: "huge.md")
        #expect(p.timeline.count == 10_000)
        #expect(p.actionItems.count == 5000)
        #expect(p.sections.map(\.kind) == [.summary, .timeline, .actionItems])
    }

    @Test func parsingTimeGrowsLinearly() {
        let clock = ContinuousClock()
        let small = Self.structuredPostmortem(bytes: 250_000), large = Self.structuredPostmortem(bytes: 1_000_000)
        _ = PostmortemParser().parse(text: small, path: "warm-up.md")
        let smallTime = clock.measure { _ = PostmortemParser().parse(text: small, path: "small.md") }
        var p: Postmortem?
        let largeTime = clock.measure { p = PostmortemParser().parse(text: large, path: "large.md") }
        #expect(p?.actionItems.count ?? 0 > 3000)
        // Four times the input: linear is 4x; quadratic (one section scan per section) was 16x.
        #expect(largeTime < smallTime * 8)
    }

    @Test func thousandTypicalPostmortemsParseQuickly() throws {
        let texts = try ["plain-text.md", "bold-fields.md", "pipe-header.md", "team-owners.md", "time-event-table.md",
                         "front-matter.md", "heading-timeline.md", "key-events.md"].map { name in
            let url = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
                .appendingPathComponent("postmortems").appendingPathComponent(name)
            return try String(contentsOf: url, encoding: .utf8)
        }
        let parser = PostmortemParser()
        let clock = ContinuousClock()
        var titles = 0
        let elapsed = clock.measure {
            for index in 0..<1000 where parser.parse(text: texts[index % texts.count], path: "p\(index).md").title != nil { titles += 1 }
        }
        #expect(titles == 1000)
        print("parsed 1000 postmortems in \(elapsed)")
        #expect(elapsed < .seconds(30)) // release builds take well under a second; see the report
    }

    @Test func summarySentenceDatesAnUndatedTimelineBeforeTheFileName() {
        let text = """
            # Partial unavailability
            ## Summary
            On Wednesday, 4th October, a resolver failure left two load balancers without routers for a period of 50 minutes.
            ## Timeline
            | **11:27** | Load balancers stop routing |
            | **12:19** | Traffic back to its baseline |
            """
        let p = PostmortemParser().parse(text: text, path: "content/postmortems/2023-10-20-partial.md")
        #expect(p.date == Day(year: 2023, month: 10, day: 4)) // not the publication date in the file name
        #expect(p.timeline.first?.time.map(Day.init) == Day(year: 2023, month: 10, day: 4))
        #expect(p.stated(.duration) == TimeInterval(50 * 60))
        #expect(p.statedDurations.first?.line == 3)
    }

    @Test func aSummaryDurationNeverOverridesAStatedField() {
        let text = """
            # Outage
            **Date:** 2024-07-24 | **Duration:** 45 minutes
            ## Summary
            Half of DNS traffic failed for 40 minutes; retries took 10 minutes more.
            """
        let p = PostmortemParser().parse(text: text, path: "x.md")
        #expect(p.stated(.duration) == TimeInterval(45 * 60))
        let prose = PostmortemParser().parse(text: "# Outage\n## Summary\nWe waited for 3 people before deciding.\n", path: "y.md")
        #expect(prose.stated(.duration) == nil) // `for 3 people` is no duration
    }

    @Test func questionHeadingsAndLeadSentencesNameTheOwners() {
        let text = """
            # Network outage
            **Date:** 2025-04-07
            ## What is our infrastructure provider doing to prevent recurrence?
            Our provider is taking the following actions:

            - Traffic storm limits are enforced at the router level.
            - Multicast will be limited on virtual switches.

            ## What is Acme doing to improve resilience?
            - Spread the platform over several availability zones.
            """
        let p = PostmortemParser().parse(text: text, path: "x.md")
        #expect(p.sections.map(\.kind) == [.actionItems, .actionItems])
        #expect(p.actionItems.map(\.owner) == ["Our provider", "Our provider", "Acme"])
        // `We are ...` names nobody.
        #expect(ActionItemReader.groupOwner("We are taking the following actions:") == nil)
        #expect(ActionItemReader.headingOwner("What are we doing to prevent this?") == nil)
    }

    @Test func aWindowStatedInTheSummaryIsTheImpact() {
        let text = """
            # DNS disruption
            **Date:** 2024-01-18
            All times are in CET.
            ## Summary
            The platform was impacted from **11:40 to 15:38**, then a second wave of errors from 16:00 to 16:10.
            ## Timeline
            - 10:30 - Maintenance window opens
            - 11:45 - Alert fired for the API
            - 15:38 - Error rates back to normal
            """
        let p = PostmortemParser().parse(text: text, path: "x.md")
        #expect(p.milestones.started?.time == Self.utc("2024-01-18T10:40:00Z")) // 11:40 CET, not the maintenance
        #expect(p.milestones.started?.source == .impactWindow)
        #expect(p.milestones.mitigated?.time == Self.utc("2024-01-18T14:38:00Z"))
        #expect(p.milestones.detected?.time == Self.utc("2024-01-18T10:45:00Z"))
        // One phase of the incident is not its window.
        let phase = PostmortemParser().parse(text: "# X\n**Date:** 2024-01-18\n## Summary\nA second wave of unavailability from 11:40 to 11:53.\n", path: "y.md")
        #expect(phase.milestones.started == nil)
    }

    @Test func impactSaidToBeginStartsTheIncidentAndTheLastEndResolvesIt() {
        let text = """
            # Nodes unhealthy
            **Date:** 2020-10-06
            ## Timeline
            - 07:00 - Regular maintenance of the node pool
            - 08:00 - Pods on three nodes started crashlooping
            - 09:00 - Alert fired: nodes unhealthy
            - 09:20 - Root cause discovered: a full disk
            - 09:40 - Disk cleaned, which solved the issue
            - 10:10 - Confirmed all workloads were scheduled again and the cluster was checked. Everything is running as expected.
            """
        let p = PostmortemParser().parse(text: text, path: "x.md")
        #expect(p.milestones.started?.time == Self.utc("2020-10-06T08:00:00Z"))
        #expect(p.milestones.detected?.time == Self.utc("2020-10-06T09:00:00Z"))
        #expect(p.milestones.mitigated?.time == Self.utc("2020-10-06T09:40:00Z"))
        #expect(p.milestones.resolved?.time == Self.utc("2020-10-06T10:10:00Z"))
    }

    @Test func aNegationNegatesOnlyTheImpactJustAfterItAndAnEntryWithoutImpactIsBackground() {
        let text = """
            # Checkout stalls
            **Date:** 2024-05-02
            ## Timeline
            - 08:10 - Alerts raised on the nightly batch jobs. They concern internal mechanisms only, with no user impact.
            - 09:40 - Checkout pages are no longer served for a third of shoppers
            - 09:52 - The on-call discovers the payment workers are not running and all card checks are failing
            - 10:30 - Card traffic returned to its usual baseline
            """
        let p = PostmortemParser().parse(text: text, path: "x.md")
        // The 08:10 alerts say there was no impact: background, not the detection.
        #expect(p.milestones.started?.time == Self.utc("2024-05-02T09:40:00Z"))
        // What was discovered is negative; the discovery is not negated.
        #expect(p.milestones.detected?.time == Self.utc("2024-05-02T09:52:00Z"))
        #expect(p.milestones.mitigated?.time == Self.utc("2024-05-02T10:30:00Z"))
        // A far negation does not hide the impact after it.
        let far = PostmortemParser().parse(text: "# X\n**Date:** 2024-05-02\n## Timeline\n- 09:00 - Backups not copied and the restore jobs failing\n- 09:30 - Alert fired\n", path: "y.md")
        #expect(far.milestones.started?.time == Self.utc("2024-05-02T09:00:00Z"))
    }

    @Test func aBracketedTagIsAClauseOfItsOwnAndAWitnessDetects() {
        let text = """
            # Exporter gap
            **Date:** 2024-05-02
            ## Timeline
            - 09:00 - Config change merged
            - 09:05 - [No Data] queue depth alert triggered
            - 09:20 - Exporter restarted, metrics available again
            """
        let p = PostmortemParser().parse(text: text, path: "x.md")
        #expect(p.milestones.detected?.time == Self.utc("2024-05-02T09:05:00Z"))
        let witnessed = PostmortemParser().parse(text: "# X\n**Date:** 2024-05-02\n## Timeline\n- 09:00 - Release 4.2 rolled out\n- 09:03 - 503 responses witnessed on the storefront\n", path: "y.md")
        #expect(witnessed.milestones.detected?.time == Self.utc("2024-05-02T09:03:00Z"))
    }

    @Test func aStatedWindowAloneEndsAndResolvesTheIncident() {
        let text = "# X\n**Date:** 2025-02-03\n## Summary\nThe API was unavailable from 14:05 to 16:50 UTC after a switch failed.\n"
        let p = PostmortemParser().parse(text: text, path: "x.md")
        #expect(p.milestones.mitigated?.time == Self.utc("2025-02-03T16:50:00Z"))
        #expect(p.milestones.resolved?.time == Self.utc("2025-02-03T16:50:00Z"))
    }

    @Test func aNameResolutionIsNotTheIncidentsResolution() {
        let text = """
            # Resolver errors
            **Date:** 2024-05-02
            ## Timeline
            - 09:00 - Alert fired for the API
            - 09:10 - DNS resolution problems grow, half the lookups time out
            - 09:40 - Resolver switched, service restored
            """
        let p = PostmortemParser().parse(text: text, path: "x.md")
        #expect(p.milestones.mitigated?.time == Self.utc("2024-05-02T09:40:00Z"))
    }

    @Test func aStatusPageFrontMatterGivesTheWindowAndAFlagIsNotATime() {
        let text = """
            ---
            title: Build agents offline
            date: 2022-03-01T09:15:00-00:00
            resolved: true
            resolvedWhen: 2022-03-01T11:40:00-00:00
            severity: down
            ---
            We are looking at it.
            """
        let p = PostmortemParser().parse(text: text, path: "x.md")
        #expect(p.milestones.started?.time == Self.utc("2022-03-01T09:15:00Z"))
        #expect(p.milestones.resolved?.time == Self.utc("2022-03-01T11:40:00Z"))
        #expect(p.milestones.mitigated?.time == Self.utc("2022-03-01T11:40:00Z"))
        // A publication date with no resolution is not a start.
        let post = PostmortemParser().parse(text: "---\ntitle: X\ndate: 2022-03-04T10:00:00Z\n---\n## Timeline\n- 09:00 - Alert fired\n", path: "y.md")
        #expect(post.milestones.started?.source != .frontMatter)
    }

    @Test func anIncidentIndexStartAndEndTimeDateTheIncidentAndBoundIt() {
        let text = """
            ---
            title: Grid blackout
            start_time: 2012-07-30T02:33:00Z
            end_time: 2012-07-31T16:00:00Z
            source_published_at: 2012-08-08T00:00:00Z
            ---
            The grid collapsed twice.
            """
        let p = PostmortemParser().parse(text: text, path: "0b9c79f2.md")
        #expect(p.date?.description == "2012-07-30")
        #expect(p.milestones.started?.time == Self.utc("2012-07-30T02:33:00Z"))
        #expect(p.milestones.resolved?.time == Self.utc("2012-07-31T16:00:00Z"))
        let tool = PostmortemParser().parse(text: "---\ntitle: X\nimpact_started_at: 2024-01-02T10:00:00Z\nstartTime: 2024-01-02T09:00:00Z\n---\n", path: "y.md")
        #expect(tool.date?.description == "2024-01-02")
        // Impact began at the impact start, not when the tool opened the incident.
        #expect(tool.milestones.started?.time == Self.utc("2024-01-02T10:00:00Z"))
    }

    @Test func aHeaderWrittenAsTheFirstSectionIsTheHeader() {
        let text = """
            # Postmortem: Checkout latency spike

            ## Metadata
            - Incident ID: INC-1042
            - Date: 2025-03-04
            - Severity: SEV2
            - Systems/Services: checkout, payments
            - Start time (UTC): 2025-03-04 14:05
            - Impact end: 2025-03-04 15:10
            - End time (UTC): 2025-03-04 15:20

            ## Summary
            - **Impact**: slow checkouts
            - **Severity**: SEV4
            """
        let p = PostmortemParser().parse(text: text, path: "x.md")
        #expect(p.date?.description == "2025-03-04")
        #expect(p.severity == "SEV2")
        #expect(p.services == ["checkout", "payments"])
        #expect(p.milestones.started?.time == Self.utc("2025-03-04T14:05:00Z"))
        #expect(p.milestones.mitigated?.time == Self.utc("2025-03-04T15:10:00Z"))
        #expect(p.milestones.resolved?.time == Self.utc("2025-03-04T15:20:00Z"))
        // A first section whose list has one header key is prose, not a header.
        let prose = PostmortemParser().parse(text: "# Outage\n## Summary\n- **Impact**: slow\n- **Severity**: SEV4\n", path: "y.md")
        #expect(prose.severity == nil)
        #expect(HeaderFields.milestone(ofLabel: "Time detected") == .detected)
        #expect(HeaderFields.milestone(ofLabel: "Time to detect") == nil)
    }

    @Test func fieldsOfAnActionItemEndAtADashAndADueDateNeedsNoColon() {
        let text = """
            ---
            title: Invoices emailed twice
            date: 2025-10-02
            services_affected: [billing, email]
            ---
            ## Action Items
            - [ ] Make sends idempotent — owner: @lee — due 2025-10-20
            - [ ] Retry budget per tenant - owner: Kai | due by Oct 30
            - [ ] Fix the overdue check, due to the outage on 2025-10-02 (owner: Ana)
            """
        let p = PostmortemParser().parse(text: text, path: "x.md")
        #expect(p.services == ["billing", "email"])
        let items = p.actionItems.map { ($0.text, $0.owner ?? "", $0.due?.description ?? "") }
        #expect(items.map(\.0) == ["Make sends idempotent", "Retry budget per tenant", "Fix the overdue check, due to the outage on 2025-10-02"])
        #expect(items.map(\.1) == ["@lee", "Kai", "Ana"])
        #expect(items.map(\.2) == ["2025-10-20", "2025-10-30", ""])
        let planned = PostmortemParser().parse(text: "# X\n**Date:** 2025-04-07\n## Action items\n- With the new version (planned for June 2025), multicast will be limited\n- Retry the job that has failed since March 2024\n", path: "y.md")
        #expect(planned.actionItems.map { $0.due?.description } == ["2025-06-30", nil])
    }

    @Test func theSummarysWindowZoneIsTheDocumentsAndAClosingNameAndDateAreOwnerAndDue() {
        let text = """
            # Payment webhook delays
            ## Summary
            On March 3, 2025 from 16:40 to 18:05 PST, payment webhooks were delayed.
            ## Timeline
            - 4:58 PM — WebhookLagHigh alert triggers, Ben paged
            - 6:05 PM — Backlog drained, lag back to normal
            ## Follow-up tasks
            * [ ] Validate replica counts in CI (Ben Cole, 2025-03-20)
            * [ ] Page at a lower threshold (PostgreSQL)
            """
        let p = PostmortemParser().parse(text: text, path: "x.md")
        #expect(p.milestones.started?.time == Self.utc("2025-03-04T00:40:00Z"))
        #expect(p.milestones.detected?.time == Self.utc("2025-03-04T00:58:00Z"))
        #expect(p.actionItems.map(\.text) == ["Validate replica counts in CI", "Page at a lower threshold (PostgreSQL)"])
        #expect(p.actionItems.map(\.owner) == ["Ben Cole", nil])
        #expect(p.actionItems.first?.due?.description == "2025-03-20")
    }

    @Test func addressesUnderAnActionAreItsLinksAndACompletedNoteMarksTheItemsDone() {
        let text = """
            # Replay SDK broke uploads
            **Date:** 2026-01-17
            ## Remediation
            ### Immediate actions (completed)
            - Pinned the extension version
            ### Planned actions (planned or in-progress)
            - Add integration tests for the fetch wrapper
                - https://github.com/example/sdk/pull/2935
                - https://github.com/example/sdk/pull/2936
            """
        let p = PostmortemParser().parse(text: text, path: "x.md")
        #expect(p.actionItems.map(\.text) == ["Pinned the extension version", "Add integration tests for the fetch wrapper"])
        #expect(p.actionItems.map(\.status) == [.done, .open])
        #expect(p.actionItems.last?.link == "https://github.com/example/sdk/pull/2935")
    }

    @Test func withNoNamesWhatIsMissingAndAnInvestigationMeansTheIncidentWasNoticed() {
        let text = """
            # Gateway drops traffic
            **Date:** 2024-05-02
            ## Timeline
            - 09:00 - Gateway config applied
            - 09:04 - Outage with no inbound traffic detected and verified by the on-call
            - 09:30 - Gateway config reverted
            """
        let p = PostmortemParser().parse(text: text, path: "x.md")
        #expect(p.milestones.detected?.time == Self.utc("2024-05-02T09:04:00Z"))
        #expect(p.milestones.acknowledged?.time == Self.utc("2024-05-02T09:04:00Z"))
        let investigated = """
            # Pods pending
            **Date:** 2024-05-02
            ## Timeline
            - 08:00 - Pods started crashlooping
            - 08:20 - Investigation into the scheduler begins
            - 09:10 - All workloads healthy and issue resolved
            """
        let q = PostmortemParser().parse(text: investigated, path: "y.md")
        #expect(q.milestones.detected?.time == Self.utc("2024-05-02T08:20:00Z"))
        let seen = PostmortemParser().parse(text: "# X\n**Date:** 2024-05-02\n## Timeline\n- 10:00 - Dana sees the export jobs stuck since Monday\n", path: "z.md")
        #expect(seen.milestones.detected?.time == Self.utc("2024-05-02T10:00:00Z"))
    }

    @Test func aWindowStartsAtTheOnsetNamedBeforeItAndRunsOnThroughAWindowThatFollowsIt() {
        let onset = PostmortemParser().parse(text: """
            # Slow builds
            **Date:** 2025-06-11
            ## Summary
            Builds slowed down starting around 09:10 UTC, then failed outright from 10:00 to 11:30 UTC while the cache was rebuilt.
            """, path: "x.md")
        #expect(onset.milestones.started?.time == Self.utc("2025-06-11T09:10:00Z"))
        #expect(onset.milestones.mitigated?.time == Self.utc("2025-06-11T11:30:00Z"))
        let following = PostmortemParser().parse(text: """
            # Resolver outage
            **Date:** 2025-06-11
            ## Summary
            Lookups were degraded from 08:20 to 09:00 AM, followed by a full outage of the second resolver from 09:00 to 09:05 AM.
            """, path: "y.md")
        #expect(following.milestones.started?.time == Self.utc("2025-06-11T08:20:00Z"))
        #expect(following.milestones.mitigated?.time == Self.utc("2025-06-11T09:05:00Z"))
    }

    @Test func confirmingTheImpactAcknowledgesButConfirmingAFindingDoesNot() {
        let text = """
            # Thumbnail errors
            **Date:** 2024-05-02
            ## Timeline
            - 09:00 - Alert fired for the thumbnail service
            - 09:06 - Sam confirms thumbnails are broken for every remote image
            - 09:40 - Cache purged, thumbnails restored
            """
        let p = PostmortemParser().parse(text: text, path: "x.md")
        #expect(p.milestones.acknowledged?.time == Self.utc("2024-05-02T09:06:00Z"))
        let finding = PostmortemParser().parse(text: text.replacingOccurrences(of: "thumbnails are broken for every remote image", with: "the proxy host is an old one"), path: "y.md")
        #expect(finding.milestones.acknowledged == nil)
    }

    @Test func anIncidentThatHealedBeforeItWasNoticedEndedBeforeItsDetection() {
        let text = """
            # Launch failures
            **Date:** 2024-05-02
            ## Timeline
            - 08:30 - Launch success rate falls to 0%
            - 08:50 - Pods rescheduled by themselves, launch success back to 100%
            - 13:00 - Dip in the launch graph noticed, investigation started
            """
        let p = PostmortemParser().parse(text: text, path: "x.md")
        #expect(p.milestones.detected?.time == Self.utc("2024-05-02T13:00:00Z"))
        #expect(p.milestones.acknowledged?.time == Self.utc("2024-05-02T13:00:00Z"))
        #expect(p.milestones.mitigated?.time == Self.utc("2024-05-02T08:50:00Z"))
        #expect(p.milestones.resolved?.time == Self.utc("2024-05-02T08:50:00Z"))
    }

    @Test func aPostToSlackAcknowledgesUnlessTheAlertPostedIt() {
        let text = """
            # Disk full
            **Date:** 2024-05-02
            ## Timeline
            - 09:00 - The disk alarm posts to Slack about free space below 5%
            - 09:12 - Dana posts to Slack about the issue and asks for help
            - 09:40 - Volume grown, writes restored
            """
        let p = PostmortemParser().parse(text: text, path: "x.md")
        #expect(p.milestones.detected?.time == Self.utc("2024-05-02T09:00:00Z"))
        #expect(p.milestones.acknowledged?.time == Self.utc("2024-05-02T09:12:00Z"))
    }

    @Test func aFinalEGivesWayToIngExceptWhereTheEndIsStillUnderWay() {
        let text = """
            # Proxy out of memory
            **Date:** 2024-05-02
            ## Timeline
            - 08:20 - Proxy node runs out of memory, service starts degrading
            - 08:55 - Investigation begins after noticing the launch graph dip
            - 09:10 - Team resolving the memory pressure by moving pods
            - 09:30 - Proxy restarted, launches working again
            """
        let p = PostmortemParser().parse(text: text, path: "x.md")
        #expect(p.milestones.started?.time == Self.utc("2024-05-02T08:20:00Z"))
        #expect(p.milestones.detected?.time == Self.utc("2024-05-02T08:55:00Z"))
        #expect(p.milestones.acknowledged?.time == Self.utc("2024-05-02T08:55:00Z"))
        #expect(p.milestones.mitigated?.time == Self.utc("2024-05-02T09:30:00Z"))
    }

    @Test func anApproximateTimeAfterADateIsRead() {
        let text = "# X\n## Timeline\n### 2019-01-18 ~ 22:00\nThe scraper fails.\n\n| **April 30, ~14:30** | load rises |\n"
        let p = PostmortemParser().parse(text: text, path: "x.md")
        #expect(p.timeline.first?.time == Day(year: 2019, month: 1, day: 18).date.addingTimeInterval(22 * 3600))
    }

    @Test func aMomentSpreadOverColumnsWithTheYearInTheHeaderAndAGenericZone() {
        let text = """
            # Proxy abuse
            ## Timeline (all times PT)
            | Day | Date (2022) | Time (PT) | Event |
            |-----|-------------|-----------|-------|
            | Tues | Jun 28 | 20:36 | Abuse report received |
            | Wed | Jan 5 | 7:05 | Investigation resumes |
            """
        let p = PostmortemParser().parse(text: text, path: "x.md")
        #expect(p.timeline.map(\.text) == ["Abuse report received", "Investigation resumes"])
        // PT follows daylight saving: PDT in June, PST in January.
        #expect(p.timeline.first?.time == Day(year: 2022, month: 6, day: 29).date.addingTimeInterval(3 * 3600 + 36 * 60))
        #expect(p.timeline.last?.time == Day(year: 2022, month: 1, day: 5).date.addingTimeInterval(15 * 3600 + 5 * 60))
    }

    @Test func aClosingParentheticalHandsTheItemToAName() {
        #expect(ActionItemReader.parentheticalOwner("Discuss GitOps for cluster workloads (Rasmus call for meeting)") == "Rasmus")
        #expect(ActionItemReader.parentheticalOwner("Fix the image build (Yuvi to fill in the details)") == "Yuvi")
        #expect(ActionItemReader.parentheticalOwner("Scan the artifacts (Docker images etc)") == nil)
        #expect(ActionItemReader.parentheticalOwner("Share findings (Maybe a monthly demo)") == nil)
        #expect(ActionItemReader.parentheticalOwner("Post in the right channel (He was under the impression)") == nil)
    }

    @Test func entriesDaysBeforeDetectionAreBackgroundWhenNothingDescribesImpact() {
        let text = """
            # Malicious package
            ## Timeline
            | Time | Event |
            |---|---|
            | 2022-03-07 00:00 | Vulnerability committed into a package we use |
            | 2022-03-18 08:37 | Emil notified by social media |
            | 2022-03-18 09:00 | Four repositories found using the package |
            """
        let p = PostmortemParser().parse(text: text, path: "x.md")
        #expect(p.milestones.started?.time == Day(year: 2022, month: 3, day: 18).date.addingTimeInterval(8 * 3600 + 37 * 60))
        #expect(p.date == Day(year: 2022, month: 3, day: 18))
    }

    @Test func aSentenceSayingHowLongAPhaseTookStatesIt() {
        let text = """
            # External ids
            **Date:** 2022-04-15
            ## What went wrong
            - With a skeleton crew, it took us 9 hours to resolve a problem that could have been solved in 4.5 hours.
            - It took about 20 minutes to notice the alert.
            - Someone took 3 days off.
            """
        let p = PostmortemParser().parse(text: text, path: "x.md")
        #expect(p.stated(.timeToResolve) == TimeInterval(9 * 3600))
        #expect(p.stated(.timeToDetect) == TimeInterval(20 * 60))
        #expect(p.statedDurations.count == 2)
    }

    @Test func itemsUnderASubheadingForWorkDoneAreDone() {
        let text = """
            # Comms outage
            **Date:** 2022-09-08
            ## Action Items
            ### Patches done for comms
            - Type correction added in the client
            ### Next
            - Move the relay to a new cluster
            """
        let p = PostmortemParser().parse(text: text, path: "x.md")
        #expect(p.actionItems.map(\.status) == [.done, .open])
    }

    @Test func phraseWordsMayHaveWordsBetweenThemButStartMarkersMatchAsWritten() {
        let text = """
            # Labels wrong
            **Date:** 2024-06-06
            ## Timeline
            - 15:00 - Dashboards show errors
            - 15:10 - Alert fired on the metrics
            - 16:07 - Incident is created and the team evaluates its impact and starts remediation
            - 17:00 - The fix was deployed
            """
        let p = PostmortemParser().parse(text: text, path: "x.md")
        #expect(p.milestones.acknowledged?.time == Self.utc("2024-06-06T16:07:00Z"))
        #expect(p.milestones.mitigated?.time == Self.utc("2024-06-06T17:00:00Z"))
        #expect(p.milestones.started?.time == Self.utc("2024-06-06T15:00:00Z")) // `impact and starts` is no start marker
    }

    @Test func aSummaryDaysBeforeTheTitlesDateDatesTheIncident() {
        func date(_ text: String) -> Day? { PostmortemParser().parse(text: text, path: "x.md").date }
        #expect(date("# 2017-02-24 - Proxy death\n## Summary\nOn the evening of Feb 23, students saw 500 errors.\n") == Day(year: 2017, month: 2, day: 23))
        // A title's date stays when the summary names a later day or one long before.
        #expect(date("# 2017-02-24 - Proxy death\n## Summary\nOn Feb 25 we wrote this up.\n") == Day(year: 2017, month: 2, day: 24))
        #expect(date("# 2017-02-24 - Proxy death\n## Summary\nOn Jan 3 the proxy was upgraded.\n") == Day(year: 2017, month: 2, day: 24))
        // An explicit date field is never overridden.
        #expect(date("# Proxy death\n**Date:** 2017-02-24\n## Summary\nOn the evening of Feb 23, students saw errors.\n") == Day(year: 2017, month: 2, day: 24))
    }

    @Test func timeHeadingsAtAnyLevelAndInTemplateBracesAreEntries() {
        let text = """
            # API server down
            **Date:** 2019-02-25
            ## Timeline
            ### 2019-02-25 11:21a
            The API server became unavailable.
            ### {{ 12:28p }}
            An email is sent to the provider.
            ## 13:20
            The pool is imported into the new server.
            ## Conclusion
            The provider restarted the API server.
            """
        let p = PostmortemParser().parse(text: text, path: "x.md")
        #expect(p.timeline.map(\.time) == [Self.utc("2019-02-25T11:21:00Z"), Self.utc("2019-02-25T12:28:00Z"), Self.utc("2019-02-25T13:20:00Z")])
        #expect(p.timeline.map(\.text) == ["The API server became unavailable.", "An email is sent to the provider.", "The pool is imported into the new server."])
        #expect(p.sections.map(\.heading) == ["Timeline", "Conclusion"])
    }

    @Test func anEndAimedAtOrOnlyBegunIsNotReached() {
        let text = """
            # Checkout errors
            **Date:** 2024-06-06
            ## Timeline
            - 15:00 - Alert fired: checkout errors
            - 15:05 - Rollback initiated
            - 15:10 - Team working to restore service
            - 15:12 - Pipeline triggered for rollback
            - 15:20 - Release rolled back successfully
            - 16:00 - Deploys a patch to restore the discount codes
            """
        let p = PostmortemParser().parse(text: text, path: "x.md")
        #expect(p.milestones.mitigated?.time == Self.utc("2024-06-06T15:20:00Z"))
        // A change that restores something reached its aim: the last end.
        #expect(p.milestones.resolved?.time == Self.utc("2024-06-06T16:00:00Z"))
    }

    @Test func aMomentClosingAnItemOrOnALineOfItsOwnStartsAnEntry() {
        let text = """
            # Report
            **Date:** 2025-08-13
            ## Response Timeline
            1. **Report received** (13 August, ~15:00 UTC)
            2. **Fix deployed to production** (24 August ~18:30 UTC)
            3. **Bounty paid** (see the transaction)

            ## Timeline of the login
            February 15, 2024: 7:56am UTC
            The employee received an email about a new device.
            """
        let p = PostmortemParser().parse(text: text, path: "x.md")
        #expect(p.timeline.map(\.text) == ["Report received", "Fix deployed to production", "The employee received an email about a new device."])
        #expect(p.timeline.map(\.time) == [Self.utc("2025-08-13T15:00:00Z"), Self.utc("2025-08-24T18:30:00Z"), Self.utc("2024-02-15T07:56:00Z")])
    }

    @Test func aProseFollowUpSectionHasOneItemPerParagraphThatPlansWork() {
        let text = """
            # Proxy abuse
            **Date:** 2022-06-28
            ## Corrective and Preventative Measure

            A new decommissioning process will be created that removes addresses from the proxy.

            These test instances are planned for replacement later this year.

            The proxy was shut down the same evening.

            ## Do I need to upgrade my harvesters?

            No.
            """
        let p = PostmortemParser().parse(text: text, path: "x.md")
        #expect(p.actionItems.map(\.text) == ["A new decommissioning process will be created that removes addresses from the proxy.",
                                              "These test instances are planned for replacement later this year."])
        #expect(p.sections.last?.kind == nil) // `Do ...` is no `to do` list
    }

    @Test func anActionWordedAsDoneIsDone() {
        let text = """
            # X
            **Date:** 2024-01-02
            ## Next Steps
            - Funds from all strategies with similar code have been withdrawn.
            - Tweaked the retry limit on the gateway.
            - Checked arithmetic: Replace unsafe math with checked operations.
            - Targeted fuzzing: Explore extreme deposit patterns.
            - Document the rollover process, especially what can be done when it goes bad.
            - Implement priority classes: has been scheduled for next quarter.
            - Add a canary stage (done)
            """
        let p = PostmortemParser().parse(text: text, path: "x.md")
        #expect(p.actionItems.map(\.status) == [.done, .done, .open, .open, .open, .open, .done])
    }

    @Test func phaseLengthsWrittenInASentence() {
        func stated(_ body: String) -> [StatedDuration.Kind: TimeInterval] {
            let p = PostmortemParser().parse(text: "# X\n**Date:** 2024-01-02\n" + body, path: "x.md")
            return Dictionary(p.statedDurations.map { ($0.kind, $0.seconds) }, uniquingKeysWith: { first, _ in first })
        }
        #expect(stated("## Summary\nThe vulnerability was mitigated by the security team within 25 minutes of its receipt.\n") == [.timeToMitigate: 25 * 60])
        #expect(stated("## Summary\nIt was mitigated ~1.5 hours after being reported.\n") == [.timeToMitigate: 90 * 60])
        // The verb nearest the amount names the phase.
        #expect(stated("## Summary\nA weakness was discovered and patched within 24 minutes.\n") == [.timeToMitigate: 24 * 60])
        #expect(stated("## Resolution\nWe published a fix. - Total time to resolution approximately 49 minutes.\n") == [.timeToResolve: 49 * 60])
        // A version is no length, and a key needs its amount right after it.
        #expect(stated("## Summary\nThe bug was fixed in 2.3.1 and deployed in the morning.\n").isEmpty)
        #expect(stated("## Summary\nThe time to resolve depended on 3 teams.\n").isEmpty)
    }

    @Test func lengthsOfImpactWrittenInProse() {
        func duration(_ body: String) -> StatedDuration? {
            PostmortemParser().parse(text: "# X\n**Date:** 2024-01-02\n" + body, path: "x.md").statedDurations.first
        }
        #expect(duration("## Summary\nLogs were not shipped for ninety minutes.\n")?.seconds == TimeInterval(90 * 60))
        #expect(duration("## Summary\nThis resulted in a period of 30 minutes where jobs could not run.\n")?.seconds == TimeInterval(30 * 60))
        #expect(duration("## Summary\nThe site was down for an hour.\n")?.seconds == 3600)
        #expect(duration("## Summary\nThe renewal job had been failing for three weeks.\n") == nil)
        let caught = duration("## Summary\nThe problem persisted for a week before it was caught.\n")
        #expect(caught?.kind == .timeToDetect)
        #expect(caught?.seconds == TimeInterval(7 * 86_400))
        #expect(duration("## Compensation\nThis caused up to 3 hours and 28 minutes of network degradation.\n")?.seconds == TimeInterval(208 * 60))
        #expect(duration("## Details\nThe pods were cordoned and caused 40min of total outage.\n")?.seconds == TimeInterval(40 * 60))
        // A budget is no length of impact, and a timeline row states no length of the incident.
        #expect(duration("## SLA\nThat is a maximum of 43 minutes of downtime per month.\n") == nil)
        #expect(duration("## Timeline\n- 10:00 - 5 minutes of errors on checkout\n") == nil)
    }

    @Test func headingsNamedByTheirLastWordOrTheirParenthetical() {
        #expect(SectionKind.matching(heading: "Yearn Response Timeline") == .timeline)
        #expect(SectionKind.matching(heading: "A Short, Confusing Timeline") == .timeline)
        #expect(SectionKind.matching(heading: "Potential Impact") == .impact)
        #expect(SectionKind.matching(heading: "Resulting Action") == .actionItems)
        #expect(SectionKind.matching(heading: "Working Theory (root cause)") == .rootCause)
        #expect(SectionKind.matching(heading: "Details of Fix") == .resolution)
        #expect(SectionKind.matching(heading: "Database migration") == nil)
        // What was affected heads the impact; a bold label saying so states a fact.
        #expect(SectionKind.matching(heading: "Strategies impacted") == .impact)
        #expect(SectionNames.builtIn.kind(of: "Services affected") == .impact)
        #expect(SectionNames.builtIn.kind(of: "Versions confirmed affected", isLabel: true) == nil)
        let labelled = PostmortemParser().parse(text: "# Outage\n\n## Summary\n\n**Versions confirmed affected**: 1.7\n", path: "a.md")
        #expect(labelled.sections.map(\.kind) == [.summary])
    }

    @Test func aSectionHeadingAfterAFrontMatterTitleOpensTheSection() {
        let text = "---\ntitle: Media outage\ndate: 2023-01-03\n---\n# Timeline\n- 12:30 - Media uploads fail\n- 13:10 - Uploads work again\n"
        let p = PostmortemParser().parse(text: text, path: "x.md")
        #expect(p.title == "Media outage")
        #expect(p.sections.first?.kind == .timeline)
        #expect(p.timeline.count == 2)
    }

    @Test func aSpelledOutRegionFollowsDaylightSavingAndLinksNameNoZone() {
        let summer = PostmortemParser().parse(text: "# X\n**Date:** 2020-07-09\n## Timeline\nAll times in Pacific\n- 10:00 - alert fires\n", path: "x.md")
        #expect(summer.timezoneOffset == -7 * 3600)
        let linked = PostmortemParser().parse(
            text: "# X\n**Date:** 2017-11-30\n## Timeline\nTimes from [the logs](https://console.example.com/logs?zone=us-central1-a)\n- 10:00 - alert fires\n",
            path: "x.md")
        #expect(linked.timezoneOffset == 0)
        // Quoted output names no zone either.
        let quoted = PostmortemParser().parse(
            text: "# X\n**Date:** 2017-05-09\n## Timeline\n### 16:51\nThe hub is down.\n\n```ERROR: Instance in zone [us-central1-a] has no address```\n",
            path: "x.md")
        #expect(quoted.timezoneOffset == 0)
    }

    @Test func anApproximateTimeWrittenCaIsRead() {
        let p = PostmortemParser().parse(text: "# X\n## Timeline\n### 2018-07-08 ca. 18:30\nPods are evicted.\n", path: "x.md")
        #expect(p.timeline.first?.time == Day(year: 2018, month: 7, day: 8).date.addingTimeInterval(18 * 3600 + 30 * 60))
    }

    @Test func impactEndsWhereTheServiceWorksAgainSoonAfterAFix() {
        let text = """
            # KIAM
            **Date:** 2020-11-23
            ## Timeline
            - 13:05 - Alert fires: KIAM errors
            - 13:11 - Fix applied, KIAM service fully down
            - 13:41 - Helm chart rollback, KIAM service restored
            - 15:00 - Incident closed
            """
        let p = PostmortemParser().parse(text: text, path: "x.md")
        #expect(p.milestones.mitigated?.line == 6)
        #expect(p.milestones.resolved?.line == 7)
    }

    @Test func aChangeTheDayBeforeIsBackgroundAndImpactBeforeANegationCounts() {
        let text = """
            # IP starvation
            ## Timeline
            | Time | Event |
            |---|---|
            | 2019-11-29 12:00 | Scaling up the cluster to ensure capacity for team migrations |
            | 2019-11-30 08:24 | Warning from AWS: the load balancer was unable to scale up because there are not enough free addresses |
            | 2019-11-30 09:00 | Started working on a solution |
            """
        let p = PostmortemParser().parse(text: text, path: "x.md")
        #expect(p.milestones.started?.line == 6)
        #expect(p.date == Day(year: 2019, month: 11, day: 30))
    }
}
