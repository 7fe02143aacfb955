import Foundation
import Testing
@testable import DebriefModel
@testable import DebriefValidation

@Suite struct ValidationTests {
    static let root = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("rules")
    static let today = Day(year: 2024, month: 6, day: 1)

    static let checkout = "content/postmortems/2024-03-15-checkout-outage.md"
    static let search = "content/postmortems/2024-04-02-search-latency.md"
    static let notes = "content/postmortems/untitled-notes.md"
    static let dns = "content/postmortems/2024-05-01-dns.md"
    static let apiRunbook = "content/runbooks/high-api-error-rate.md"
    static let checkoutRunbook = "content/runbooks/checkout.yml"
    static let orphanRunbook = "content/runbooks/orphan.md"
    static let brokenRunbook = "content/runbooks/broken.yml"
    static let legacyRunbook = "content/runbooks/legacy-queue.md"
    static let alertRules = "alerts/prometheus.yaml"

    /// The fixture's debrief.yml: alert rules to match against the runbooks.
    static let config = try! DebriefConfig.load(root: root)

    /// Every finding the fixture knowledge base must produce: (rule, file, line).
    static let expected: [(String, String, Int)] = [
        ("stale-draft", checkout, 5),
        ("unknown-alert", checkout, 7),
        ("broken-reference", checkout, 8),
        ("duration-mismatch", checkout, 9),
        ("placeholder", checkout, 15),
        ("required-section", checkout, 17),
        ("timeline-order", checkout, 23),
        ("blame-language", checkout, 28), // "Alice deployed"
        ("blame-language", checkout, 28), // "human error"
        ("broken-reference", checkout, 29),
        ("action-owner", checkout, 35),
        ("action-due", checkout, 36),
        ("action-due", checkout, 37),

        ("duplicate-id", search, 1),
        ("required-section", search, 2), // Timeline missing: reported at the title
        ("placeholder", search, 6),
        ("milestone-order", search, 8),
        ("placeholder", search, 18),
        ("action-items-required", search, 24),

        ("title", notes, 1),
        ("severity", notes, 1),
        ("date", notes, 1),
        ("required-section", notes, 1), ("required-section", notes, 1), ("required-section", notes, 1),
        ("required-section", notes, 1), ("required-section", notes, 1),

        ("required-section", dns, 2), // Action Items: an unknown severity gets the global list
        ("duplicate-id", dns, 3),
        ("severity", dns, 5),

        ("runbook-format", brokenRunbook, 1),
        ("runbook-owner", brokenRunbook, 1),
        ("runbook-alerts", brokenRunbook, 1),

        ("runbook-owner", checkoutRunbook, 2),
        ("duplicate-alert", checkoutRunbook, 4),
        ("runbook-stale", checkoutRunbook, 5),

        ("duplicate-alert", apiRunbook, 5),
        ("runbook-command", apiRunbook, 14),
        ("runbook-verify", apiRunbook, 25),
        ("broken-reference", apiRunbook, 32),

        ("runbook-alerts", orphanRunbook, 4),

        ("runbook-url-broken", alertRules, 10),
        ("alert-without-runbook", alertRules, 14),
        ("runbook-orphan", legacyRunbook, 5),
    ]

    func validate(_ config: DebriefConfig = ValidationTests.config) throws -> [Diagnostic] {
        let kb = try KnowledgeBase.load(root: Self.root, config: config)
        return Validator().validate(kb, today: Self.today)
    }

    @Test func fixtureKnowledgeBaseTripsEveryRuleAtTheRightLine() throws {
        let diagnostics = try validate()
        let found = diagnostics.map { "\($0.rule) \($0.file):\($0.line)" }.sorted()
        let wanted = Self.expected.map { "\($0.0) \($0.1):\($0.2)" }.sorted()
        let missing = wanted.difference(from: found).compactMap { if case .insert(_, let e, _) = $0 { return e } else { return nil } }
        let unexpected = wanted.difference(from: found).compactMap { if case .remove(_, let e, _) = $0 { return e } else { return nil } }
        #expect(missing.isEmpty, "missing: \(missing)")
        #expect(unexpected.isEmpty, "unexpected: \(unexpected)\n\(diagnostics.filter { d in unexpected.contains("\(d.rule) \(d.file):\(d.line)") }.map(\.message))")
        let rulesSeen = Set(diagnostics.map(\.rule))
        for rule in Validator.allRules {
            #expect(rulesSeen.contains(type(of: rule).id), "rule \(type(of: rule).id) never fired on the fixture")
        }
    }

    /// A fix is the exact text to write where the rule knows it, and absent where the author decides.
    @Test func diagnosticsCarryTheTextToWriteWhenItIsKnown() throws {
        let diagnostics = try validate()
        func fixes(_ rule: String, _ file: String) -> [String?] { diagnostics.filter { $0.rule == rule && $0.file == file }.map(\.fix) }
        #expect(fixes("stale-draft", Self.checkout) == ["status: published"])
        #expect(fixes("runbook-stale", Self.checkoutRunbook) == ["last_reviewed: 2024-06-01"])
        #expect(fixes("required-section", Self.search) == ["## Timeline"])
        #expect(!fixes("placeholder", Self.checkout).isEmpty && fixes("placeholder", Self.checkout).allSatisfy { $0 == nil })
    }

    @Test func columnsPointAtTheText() throws {
        let diagnostics = try validate()
        let placeholder = diagnostics.first { $0.rule == "placeholder" && $0.file == Self.checkout }
        #expect(placeholder?.column == 21) // `[Number of affected users]`
        let blame = diagnostics.filter { $0.rule == "blame-language" }.map(\.column).sorted()
        #expect(blame == [1, 58]) // "Alice deployed", "human error"
    }

    @Test func everyMessageSaysWhatToWrite() throws {
        for diagnostic in try validate() {
            let lower = diagnostic.message.lowercased()
            let advises = ["add", "write", "replace", "fix", "remove", "correct", "rename", "keep", "put", "set", "describe", "finish", "walk"]
                .contains { lower.contains($0) }
            #expect(advises, "\(diagnostic.rule): \(diagnostic.message)")
        }
    }

    @Test func ruleLevelsFromConfiguration() throws {
        var config = Self.config
        config.rules = ["blame-language": .error, "placeholder": .warning, "runbook-stale": .off]
        let diagnostics = try validate(config)
        let blame = diagnostics.filter { $0.rule == "blame-language" }
        #expect(!blame.isEmpty && blame.allSatisfy { $0.severity == .error })
        let placeholders = diagnostics.filter { $0.rule == "placeholder" }
        #expect(!placeholders.isEmpty && placeholders.allSatisfy { $0.severity == .warning })
        #expect(!diagnostics.contains { $0.rule == "runbook-stale" })
        // Untouched rules keep their defaults.
        #expect(diagnostics.filter { $0.rule == "title" }.allSatisfy { $0.severity == .error })
        #expect(diagnostics.filter { $0.rule == "unknown-alert" }.allSatisfy { $0.severity == .warning })
    }

    @Test func parseProblemsTakeConfiguredLevels() {
        var postmortem = Postmortem(path: "p.md", slug: "p")
        postmortem.parseDiagnostics = [Diagnostic(file: "p.md", line: 1, severity: .error, rule: "front-matter", message: "m")]
        func levels(_ rules: [String: DebriefConfig.RuleLevel]) -> [Diagnostic.Severity] {
            var config = DebriefConfig()
            config.rules = rules
            let kb = KnowledgeBase(root: Self.root, config: config, postmortems: [postmortem], runbooks: [])
            return Validator(rules: []).validate(kb, today: Day(year: 2026, month: 1, day: 1)).map(\.severity)
        }
        #expect(levels([:]) == [.error])
        #expect(levels(["front-matter": .warning]) == [.warning])
        #expect(levels(["front-matter": .off]) == [])
    }

    @Test func debriefIgnoreSuppressesPerFile() throws {
        // The DNS postmortem says "careless" but ignores blame-language in its front matter.
        let diagnostics = try validate()
        #expect(!diagnostics.contains { $0.file == Self.dns && $0.rule == "blame-language" })
        var postmortem = Postmortem(path: "p.md", slug: "p")
        postmortem.body = "# T\n\nIt was human error.\n"
        let kb = KnowledgeBase(root: Self.root, config: DebriefConfig(), postmortems: [postmortem], runbooks: [])
        let rules: [any Rule] = [BlameLanguageRule()]
        #expect(Validator(rules: rules).validate(kb, today: Self.today).count == 1)
        postmortem.ignoredRules = ["blame-language"]
        let ignoring = KnowledgeBase(root: Self.root, config: DebriefConfig(), postmortems: [postmortem], runbooks: [])
        #expect(Validator(rules: rules).validate(ignoring, today: Self.today).isEmpty)
    }

    // MARK: Single rules on hand-built documents

    /// The rule's findings at its default level, through the validator (which runs it on every document).
    func check(_ rule: some Rule, _ postmortems: [Postmortem], runbooks: [Runbook] = [], config: DebriefConfig = DebriefConfig()) -> [Diagnostic] {
        Validator(rules: [rule]).validate(KnowledgeBase(root: Self.root, config: config, postmortems: postmortems, runbooks: runbooks),
                                          today: Self.today)
    }

    func postmortem(body: String) -> Postmortem {
        var postmortem = Postmortem(path: "p.md", slug: "p")
        postmortem.body = body
        return postmortem
    }

    @Test func placeholdersIgnoreLinksCheckboxesAndCode() {
        let body = """
        See [the dashboard](https://grafana) and [ref][1].
        - [ ] open item
        - [x] done item
        Status: [RESOLVED] after `{{ .Values.image }}` changed
        ```
        cost: $X {{ template }} TBD
        ```
        Lost $X in revenue; owner TBD; severity SEVN; at HH:MM on YYYY-MM-DD, [Name] said {{ who }}.
        """
        let found = check(PlaceholderRule(), [postmortem(body: body)])
        #expect(found.map(\.line) == [8, 8, 8, 8, 8, 8, 8])
        #expect(found.map(\.column) == [6, 27, 41, 50, 59, 71, 83])
    }

    @Test func placeholdersAreFoundAfterFencesAndInCRLFLines() {
        let body = "## Impact\r\n~~~\r\n[Describe the impact]\r\n~~~\r\n[Describe the impact] for SEV-N\r\nSee [Runbook](r.md), [Docs]: x\r\n"
        let found = check(PlaceholderRule(), [postmortem(body: body)])
        #expect(found.map(\.line) == [5, 5])
        #expect(found.map(\.column) == [1, 27])
    }

    @Test func labelsOfAStatusLogAreNoPlaceholders() {
        let body = """
        [Final message]
        Outage finished, cleanup was done with no impact.

        [Update - 2023-03-29 15h50 UTC]
        Build queue cleaned up.

        [Describe the impact]

        [Summary of the incident]
        Text under a prompt is still a prompt.
        """
        let found = check(PlaceholderRule(), [postmortem(body: body)])
        #expect(found.map(\.line) == [7, 9])
    }

    @Test func bracketedTextIsAPlaceholderOnlyWhenItReadsLikeAPrompt() {
        let body = """
        The setting changed from [Require approval for first-time contributors] to [Require approval for all contributors].
        - [A condition that made the incident worse]
        | [Action that prevents a recurrence] | TBD |
        Checkout failed for [Number of affected users] customers.
        The alert [No Data] fired; see [Deprecated] notes.
        """
        let found = check(PlaceholderRule(), [postmortem(body: body)])
        #expect(found.map(\.line) == [2, 3, 3, 4])
    }

    @Test func linksAndShortcodesAreNotPlaceholders() {
        let body = """
        Dashboards:
        - [Staging]
        - [Operator Conditions Documentation]
        (https://example.com/docs)
        See {{< ref "./other.md" >}}.

        [Staging]: https://grafana.example.com/staging
        """
        #expect(check(PlaceholderRule(), [postmortem(body: body)]).isEmpty)
    }

    @Test func linksToPublishedPagesResolveToTheirSources() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("debrief-links-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("docs"), withIntermediateDirectories: true)
        try "# Kibana\n".write(to: root.appendingPathComponent("docs/kibana.html.md"), atomically: true, encoding: .utf8)
        #expect(BrokenReferenceRule.problem(with: "kibana.html", from: "docs/a.md", paths: [], root: root) == nil)
        #expect(BrokenReferenceRule.problem(with: "img/graph.png", from: "docs/a.md", paths: [], root: root) != nil)
        #expect(BrokenReferenceRule.problem(with: "../../x.png", from: "docs/a.md", paths: [], root: root) != nil)
        #expect(BrokenReferenceRule.problem(with: "[https://sentry.io/x]", from: "docs/a.md", paths: [], root: root) == nil)
    }

    @Test func blamePhrasesStartAWord() {
        let body = "Revert to the default of 300 seconds.\nIt was the fault of the deploy tool.\nThe key was carelessly copied.\n"
        let found = check(BlameLanguageRule(), [postmortem(body: body)])
        #expect(found.map(\.line) == [2, 3])
    }

    @Test func blameNeedsAPersonAsSubjectInTheRootCause() {
        var p = postmortem(body: "## Summary\nBob deployed the fix.\n## Root Cause\nThe deploy script let Bob skip review. Bob pushed v2.\n")
        p.authors = ["Bob Jones"]
        p.sections = [Section(heading: "Summary", kind: .summary, level: 2, line: 1, endLine: 2, text: ""),
                      Section(heading: "Root Cause", kind: .rootCause, level: 2, line: 3, endLine: 4, text: "")]
        let found = check(BlameLanguageRule(), [p])
        #expect(found.map(\.line) == [4])
        #expect(found.first?.column == 40)
    }

    @Test func blameReadsRootCauseLinesOutsideCodeAndKnowsNamesOfEveryShape() {
        let body = "## Root Cause\n```\nbob deployed it\n```\n`Ana deployed` quoted, but Ana deployed v2.\nThen @zoë pushed.\n"
        var p = postmortem(body: body)
        p.authors = ["@ana", "SRE", "platform-team", "@zoë "]
        p.sections = [Section(heading: "Root Cause", kind: .rootCause, level: 2, line: 1, endLine: 6, text: "")]
        let found = check(BlameLanguageRule(), [p])
        #expect(found.map(\.line) == [5, 6])
        #expect(found.map(\.column) == [28, 7])
    }

    @Test func closedActionItemsNeedNoOwnerOrDue() {
        var p = postmortem(body: "")
        p.actionItems = [ActionItem(text: "done", status: .done, line: 3),
                         ActionItem(text: "open", owner: "TBD", rawDue: "next sprint", line: 4)]
        #expect(check(ActionOwnerRule(), [p]).map(\.line) == [4])
        let due = check(ActionDueRule(), [p])
        #expect(due.map(\.line) == [4])
        #expect(due.first?.message.contains("`next sprint`") == true)
    }

    @Test func durationWithinToleranceOfMitigationOrResolutionPasses() {
        var p = postmortem(body: "")
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        p.milestones.started = Milestone(time: start, source: .frontMatter, line: 2)
        p.milestones.mitigated = Milestone(time: start.addingTimeInterval(45 * 60), source: .frontMatter, line: 3)
        p.milestones.resolved = Milestone(time: start.addingTimeInterval(120 * 60), source: .frontMatter, line: 4)
        p.statedDurations = [StatedDuration(kind: .duration, seconds: 50 * 60, text: "50 minutes", line: 1)]
        #expect(check(DurationMismatchRule(), [p]).isEmpty)
        p.statedDurations = [StatedDuration(kind: .duration, seconds: 80 * 60, text: "80 minutes", line: 1)]
        #expect(check(DurationMismatchRule(), [p]).count == 1)
    }

    @Test func staleDraftAndStaleRunbookUseConfiguredAges() {
        var p = postmortem(body: "")
        p.status = "Draft"
        p.date = Self.today.adding(days: -10)
        var config = DebriefConfig()
        #expect(check(StaleDraftRule(), [p], config: config).isEmpty)
        config.draftAgeDays = 5
        #expect(check(StaleDraftRule(), [p], config: config).count == 1)
        var runbook = Runbook(path: "r.yml", slug: "r", format: .yaml)
        runbook.lastReviewed = Self.today.adding(days: -100)
        #expect(check(RunbookStaleRule(), [], runbooks: [runbook], config: config).isEmpty)
        config.runbookReviewDays = 90
        #expect(check(RunbookStaleRule(), [], runbooks: [runbook], config: config).count == 1)
    }

    @Test func relatedResolvesBySlugTitleOrFileName() {
        var a = postmortem(body: "")
        a.related = ["b-incident", "The B Incident", "b-incident.md", "nope"]
        var b = Postmortem(path: "content/postmortems/b-incident.md", slug: "b-incident")
        b.title = "The B incident"
        let found = check(BrokenReferenceRule(), [a, b])
        #expect(found.count == 1)
        #expect(found.first?.message.contains("`nope`") == true)
    }

    /// `broken-reference` and related incidents read names through one table: every name the
    /// check accepts is one the related incidents link.
    @Test func relatedNamesResolveTheSameForTheCheckAndTheLinks() {
        var a = postmortem(body: "")
        a.related = [" b-incident#timeline", "../2024/b-incident.md", "/postmortems/b-incident/", "THE B INCIDENT", "c"]
        var b = Postmortem(path: "content/postmortems/2024/b-incident.md", slug: "b-incident")
        b.title = "The B incident"
        let names = PostmortemNames([a, b])
        #expect(a.related.map { names.postmortem(named: $0) } == [1, 1, 1, 1, nil])
        #expect(check(BrokenReferenceRule(), [a, b]).map(\.message) == ["related incident `c` is not a postmortem in this knowledge base; write the slug of an existing postmortem (its file name without `.md`) or remove it"])
    }
}
