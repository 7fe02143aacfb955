import DebriefModel
import Testing
@testable import DebriefAnalytics

@Suite struct AnalyticsActionTests {
    typealias F = AnalyticsFixture

    static var config: DebriefConfig {
        var config = DebriefConfig()
        config.owners = ["@jane": "Jane Doe", "jdoe": "Jane Doe"]
        return config
    }

    static let today = F.day("2024-04-01")

    static let postmortems: [Postmortem] = [
        F.incident("payments", date: "2024-03-15", severity: "SEV1", services: ["payments"], actions: [
            ActionItem(text: "Integration tests for legacy orders", owner: "Bob", rawDue: "March 22", line: 10), // no year
            ActionItem(text: "Raise canary to 10%", owner: "@jane", line: 11),                                   // no due: SLA
            ActionItem(text: "Schema validation", owner: "jdoe", due: F.day("2024-04-01"), line: 12),            // due today
            ActionItem(text: "Alert delay", owner: "Jane Doe", due: F.day("2024-03-20"), status: .done, line: 13),
        ]),
        F.incident("year-end", date: "2024-12-20", severity: "SEV3", services: ["search"], actions: [
            ActionItem(text: "Reindex", owner: "Carol", rawDue: "Jan 10", line: 5),
        ]),
        F.incident("unrated", date: "2024-02-01", severity: nil, actions: [
            ActionItem(text: "Decide severity", owner: "Dan", line: 7),
        ]),
    ]

    func all(_ filter: ActionFilter = ActionFilter()) -> [TrackedAction] {
        ActionTracker(config: Self.config, today: Self.today).actions(in: Self.postmortems, filter: filter)
    }

    func item(_ text: String) throws -> TrackedAction {
        try #require(all().first { $0.text == text })
    }

    @Test func dueDateWithoutAYearTakesTheIncidentsYearOrTheNext() throws {
        let march = try item("Integration tests for legacy orders")
        #expect(march.due == F.day("2024-03-22"))               // incident 2024-03-15, "March 22" -> same year
        #expect(march.dueSource == .writtenWithoutYear && !march.dueFromSLA)
        let january = try item("Reindex")
        #expect(january.due == F.day("2025-01-10"))             // incident 2024-12-20: Jan 10 2024 would be before it
    }

    @Test func missingDueDateTakesTheSeveritySLA() throws {
        let canary = try item("Raise canary to 10%")
        #expect(canary.due == F.day("2024-03-30"))               // 2024-03-15 + 15 days (SEV1 SLA) = 2024-03-30
        #expect(canary.dueFromSLA)
        #expect(canary.daysOverdue == 2)                         // Mar 30 -> Apr 1 = 2 days
        let unrated = try item("Decide severity")
        #expect(unrated.due == nil && !unrated.isOverdue)        // no severity, so no SLA applies
    }

    @Test func overdueCountsWholeDaysAndSkipsClosedAndDueToday() throws {
        #expect(try item("Integration tests for legacy orders").daysOverdue == 10) // Mar 22 -> Apr 1 = 9 + 1 = 10
        #expect(try item("Schema validation").isOverdue == false)                  // due today is not late yet
        #expect(try item("Alert delay").isOverdue == false)                        // done, although past due
        let overdue = all(ActionFilter(overdueOnly: true))
        #expect(overdue.map(\.text) == ["Integration tests for legacy orders", "Raise canary to 10%"]) // most overdue first
    }

    @Test func ownerAliasesResolveOneNameTheSameWayForEveryConsumer() {
        let owners: OwnerAliases = ["@Priya": "Priya Raman", "team-payments": "Payments team"]
        #expect(owners.canonical("  priya ") == "Priya Raman")      // case, `@` and blanks ignored
        #expect(owners.canonical("@team-payments") == "Payments team")
        #expect(owners.canonical(" @bob ") == "@bob")                // no alias: itself, trimmed
        #expect(owners.canonical("   ") == nil)
        #expect(owners.samePerson("@bob", "BOB") && owners.samePerson("priya", "Priya Raman"))
        #expect(!owners.samePerson("priya", "Payments team"))
        // Two aliases that fold to one key: the first in sorted order wins, on every run.
        let clashing = OwnerAliases(["@Priya": "Priya Raman", "@PRIYA": "Someone else"])
        #expect(clashing.canonical("priya") == "Someone else")
    }

    @Test func ownerFilterMatchesThroughAliases() {
        let jane = all(ActionFilter(owner: "@jane")).map(\.text).sorted()
        #expect(jane == ["Alert delay", "Raise canary to 10%", "Schema validation"])
        #expect(all(ActionFilter(owner: "jane doe")).count == 3)
        #expect(all(ActionFilter(owner: "JDOE")).count == 3)
        #expect(all(ActionFilter(owner: "@bob")).map(\.text) == ["Integration tests for legacy orders"])
        #expect(all().first { $0.owner == "@jane" }?.canonicalOwner == "Jane Doe")
    }

    @Test func statusAndServiceFilters() {
        #expect(all(ActionFilter(status: "closed")).map(\.text) == ["Alert delay"])
        #expect(all(ActionFilter(status: "open")).count == 5)
        #expect(all(ActionFilter(service: "search")).map(\.text) == ["Reindex"])
    }

    @Test func textOutputsSayWhenADueDateComesFromTheSLA() {
        let actions = all()
        let table = ActionListText.table(actions, today: Self.today)
        #expect(table.contains("2024-03-30 (SLA)"))
        #expect(table.contains("6 action items, 2 overdue as of 2024-04-01."))
        let markdown = ActionListText.markdown([actions[0]])
        #expect(markdown.hasPrefix("| Incident | Owner | Due | Status | Days overdue | Action |\n|---|---|---|---|---|---|\n"))
        let csv = ActionListText.csv(actions)
        #expect(csv.contains("payments,content/postmortems/payments.md,11,,@jane,Jane Doe,2024-03-30,severity-sla,open,2,SEV1,payments,Raise canary to 10%\r\n"))
    }
}
