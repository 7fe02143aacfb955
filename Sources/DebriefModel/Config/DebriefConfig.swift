import Foundation
import Yams

/// Settings from `debrief.yml`. Every key is optional; `DebriefConfig()` holds the defaults
/// documented in docs/configuration.md.
public struct DebriefConfig: Sendable, Hashable, Codable {
    public enum RuleLevel: String, Sendable, Hashable, Codable { case off, warning, error }

    public struct SeverityLevel: Sendable, Hashable, Codable {
        public var name: String
        public var description: String?
        /// Extra spellings that normalise to this level (besides `SEVn`, `Sev n`, `Sn`, `Pn`).
        public var synonyms: [String]
        /// Sections a postmortem of this severity must have; nil takes `required_sections`.
        public var requiredSections: [String]?
        /// Days to complete an action item that has no due date.
        public var actionSLADays: Int?
        /// Whether a postmortem of this severity must have action items.
        public var requiresActionItems: Bool

        public init(name: String, description: String? = nil, synonyms: [String] = [], requiredSections: [String]? = nil,
                    actionSLADays: Int? = nil, requiresActionItems: Bool = false) {
            self.name = name
            self.description = description
            self.synonyms = synonyms
            self.requiredSections = requiredSections
            self.actionSLADays = actionSLADays
            self.requiresActionItems = requiresActionItems
        }

        enum CodingKeys: String, CodingKey {
            case name, description, synonyms
            case requiredSections = "required_sections"
            case actionSLADays = "action_sla_days"
            case requiresActionItems = "requires_action_items"
        }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = try c.decode(String.self, forKey: .name)
            description = try c.decodeIfPresent(String.self, forKey: .description)
            synonyms = try c.decodeIfPresent([String].self, forKey: .synonyms) ?? []
            requiredSections = try c.decodeIfPresent([String].self, forKey: .requiredSections)
            actionSLADays = try c.decodeCount(forKey: .actionSLADays)
            requiresActionItems = try c.decodeIfPresent(Bool.self, forKey: .requiresActionItems) ?? false
        }
    }

    /// Keyword lists that turn timeline text into milestones. Each phrase matches whole words,
    /// case-insensitively, also with an `s`/`ed`/`d`/`ing`/`es` ending (`alert` matches
    /// `alerts` and `alerted`), and not in a negated clause (`no alert fired`).
    public struct MilestoneKeywords: Sendable, Hashable, Codable {
        /// Explicit markers of the start of impact.
        public var started: [String]
        public var detected: [String]
        public var acknowledged: [String]
        public var mitigated: [String]
        public var resolved: [String]
        /// Words that describe impact: without a `started` marker, impact starts at the first
        /// entry that uses one (or at the change just before it).
        public var impact: [String]
        /// Words that describe a change to the system: the trigger when impact follows within a day.
        public var change: [String]

        public init(
            started: [String] = ["impact began", "impact started", "impact start", "outage began", "outage started", "incident began", "incident started",
                                 "issue started", "problem started", "started failing", "start of outage", "start of impact", "start of the attack",
                                 "attack started", "fault occurs", "fault occurred", "start of incident", "start of the incident",
                                 "incident start"],
            detected: [String] = ["alert", "alarm", "paged", "detect", "notice", "report", "notify", "notified", "discover",
                                  "observe", "spotted", "complain", "complaint", "reach support", "contacted support", "first sign", "monitoring",
                                  "detection", "discovery", "warning", "informed", "became aware", "becomes aware", "problem identified",
                                  "issue identified", "identified problem", "identified issue", "witness", "sees", "saw",
                                  "fires", "fired", "firing", "opens issue", "opened issue", "files issue", "filed issue", "posts issue", "posted issue"],
            acknowledged: [String] = ["acknowledge", "ack'd", "acks", "acked", "declare", "incident raised", "incident opened", "incident created", "incident ticket",
                                      "investigate", "investigating", "investigation", "verify", "verified", "verification", "joined the call",
                                      "joined call", "sign on", "signs on", "posted in slack", "posted to slack", "posted on slack", "posts in slack", "posts to slack", "posts on slack",
                                      "looking into", "escalate", "escalated", "response team", "war room", "war-room", "triage", "takes ic", "assigned as ic",
                                      "incident response", "confirmed the issue", "confirm the issue", "began working", "started working", "status page",
                                      "troubleshoot", "trouble shooting", "looked into", "debugging", "reproduce", "researching", "initiated work"],
            mitigated: [String] = ["mitigate", "mitigated", "mitigation", "rollback complete", "rollback completed", "rolled back", "reverted",
                                   "restored", "restore", "recovered", "recover", "back to normal", "return to normal", "returned to normal", "returns to normal",
                                   "back to baseline", "returns to baseline", "returned to baseline", "back to 100", "workaround", "fix applied", "applied fix", "fix deployed", "deployed fix", "fix was deployed", "fix deploy", "fix released", "rollback", "re-enable", "reenable", "successfully",
                                   "hotfix deployed", "deployed the hotfix", "deploys the hotfix", "repaired", "working again", "recovery", "available", "back up", "back online", "resume", "stabilized", "stable", "again",
                                   "up and running", "working as intended", "working as expected", "confirmed working", "operational",
                                   "self-heals", "goes away", "end of outage", "end of impact", "impact ended", "error rate back", "service restored",
                                   "working order", "incident ends", "incident ended"],
            resolved: [String] = ["resolved", "resolve", "closed", "all clear", "all-clear", "permanently", "all systems operational",
                                  "long-term fix", "fully operational", "it works", "fix works", "all good", "fully recovered", "outage to an end", "everything is working", "everything is fine",
                                  "solved", "fixed", "end of the incident", "running as expected"],
            impact: [String] = ["error", "errors", "fail", "failed", "failing", "failure", "down", "outage", "unavailable", "unable", "broke",
                                "broken", "breaking", "timeout", "timeouts", "timing out", "degraded", "degradation", "crash", "crashed",
                                "not working", "stopped", "impact", "impacted", "affected", "packet loss", "latency", "slow", "5xx", "500",
                                "502", "503", "504", "disruption", "unhealthy", "lost", "full", "exhausted", "spike",
                                "accidental", "unexpected", "unintended", "expire", "404", "4xx",
                                "unreachable", "unresponsive", "crashloop", "crashlooping", "degrade", "unexpectedly", "no longer", "stops"],
            change: [String] = ["deploy", "deployed", "deployment", "applied", "apply", "upgrade", "upgraded", "update", "updated", "migration",
                                "migrated", "merged", "release", "released", "rolled out", "rollout", "changed", "change", "maintenance",
                                "pushed", "enabled", "disabled", "config", "configuration"]
        ) {
            self.started = started
            self.detected = detected
            self.acknowledged = acknowledged
            self.mitigated = mitigated
            self.resolved = resolved
            self.impact = impact
            self.change = change
        }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let d = MilestoneKeywords()
            started = try c.decodeIfPresent([String].self, forKey: .started) ?? d.started
            detected = try c.decodeIfPresent([String].self, forKey: .detected) ?? d.detected
            acknowledged = try c.decodeIfPresent([String].self, forKey: .acknowledged) ?? d.acknowledged
            mitigated = try c.decodeIfPresent([String].self, forKey: .mitigated) ?? d.mitigated
            resolved = try c.decodeIfPresent([String].self, forKey: .resolved) ?? d.resolved
            impact = try c.decodeIfPresent([String].self, forKey: .impact) ?? d.impact
            change = try c.decodeIfPresent([String].self, forKey: .change) ?? d.change
        }
    }

    public var title: String
    public var baseURL: String
    public var contentDir: String
    public var postmortemsDir: String
    public var runbooksDir: String
    public var layoutsDir: String
    public var outputDir: String
    public var severities: [SeverityLevel]
    public var requiredSections: [String]
    public var rules: [String: RuleLevel]
    /// The line of each `rules:` entry in `debrief.yml`, for reporting an unknown rule id there.
    public internal(set) var ruleLines: [String: Int] = [:]
    public var milestoneKeywords: MilestoneKeywords
    /// More headings per section kind (`root-cause: [Why it broke]`), added to the built-in synonyms.
    public var sectionSynonyms: [SectionKind: [String]]
    /// More runbook headings per kind (`runbook-diagnosis: [Investigate it]` in `section_synonyms`).
    var runbookSectionSynonyms: [RunbookSectionKind: [String]] = [:]
    /// "Today" for every date comparison; nil means the real date (use `--as-of` for reproducible output).
    public var today: Day?
    /// Owner aliases: handle or spelling -> canonical person or team.
    public var owners: OwnerAliases
    public var draftAgeDays: Int
    public var runbookReviewDays: Int
    /// Stated duration may differ from the timeline by this many minutes.
    public var durationToleranceMinutes: Int
    public var unsafeHTML: Bool
    /// Globs (relative to the root) of Prometheus rule files whose alerts `coverage` and `check`
    /// match against runbooks; empty: no coverage findings.
    public var alertRules: [String]
    /// Files below the postmortems and runbooks folders that are not documents (a folder's
    /// landing page, a template to copy), as `.gitignore`-style patterns (see `IgnoredFiles`).
    public var ignoreFiles: [String]
    /// Published runbook URL prefix -> folder under the root holding those runbooks
    /// (`https://runbooks.example.com/`: `content/runbooks`).
    public var runbookURLs: [String: String]
    public var runbookPhrases: RunbookPhrases

    public init() {
        title = "Incident Knowledge Base"
        baseURL = "https://example.com/"
        contentDir = "content"
        postmortemsDir = "postmortems"
        runbooksDir = "runbooks"
        layoutsDir = "layouts"
        outputDir = "public"
        severities = [
            SeverityLevel(name: "SEV1", description: "Critical: major outage affecting all or most users", synonyms: ["critical"], actionSLADays: 15, requiresActionItems: true),
            SeverityLevel(name: "SEV2", description: "High: significant degradation affecting many users", synonyms: ["high", "major"], actionSLADays: 30, requiresActionItems: true),
            SeverityLevel(name: "SEV3", description: "Medium: moderate impact on a subset of users", synonyms: ["medium", "moderate"],
                          requiredSections: ["Summary", "Impact", "Timeline", "Root Cause"], actionSLADays: 60),
            SeverityLevel(name: "SEV4", description: "Low: minor issue, limited user impact", synonyms: ["low", "minor"],
                          requiredSections: ["Summary", "Root Cause"], actionSLADays: 90),
        ]
        requiredSections = ["Summary", "Impact", "Timeline", "Root Cause", "Action Items"]
        rules = [:]
        milestoneKeywords = MilestoneKeywords()
        sectionSynonyms = [:]
        today = nil
        owners = [:]
        draftAgeDays = 14
        runbookReviewDays = 180
        durationToleranceMinutes = 15
        unsafeHTML = false
        alertRules = []
        ignoreFiles = ["README.md", "index.md", "template*.md", "*-template.md", "*_template.md"]
        runbookURLs = [:]
        runbookPhrases = RunbookPhrases()
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case title
        case baseURL = "base_url"
        case contentDir = "content_dir"
        case postmortemsDir = "postmortems_dir"
        case runbooksDir = "runbooks_dir"
        case layoutsDir = "layouts_dir"
        case outputDir = "output_dir"
        case severities
        case requiredSections = "required_sections"
        case rules
        case milestoneKeywords = "milestone_keywords"
        case sectionSynonyms = "section_synonyms"
        case today
        case owners
        case draftAgeDays = "draft_age_days"
        case runbookReviewDays = "runbook_review_days"
        case durationToleranceMinutes = "duration_tolerance_minutes"
        case unsafeHTML = "unsafe_html"
        case alertRules = "alert_rules"
        case ignoreFiles = "ignore_files"
        case runbookURLs = "runbook_urls"
        case runbookPhrases = "runbook_phrases"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = DebriefConfig()
        title = try c.decodeIfPresent(String.self, forKey: .title) ?? d.title
        baseURL = try c.decodeIfPresent(String.self, forKey: .baseURL) ?? d.baseURL
        contentDir = try c.decodeIfPresent(String.self, forKey: .contentDir) ?? d.contentDir
        postmortemsDir = try c.decodeIfPresent(String.self, forKey: .postmortemsDir) ?? d.postmortemsDir
        runbooksDir = try c.decodeIfPresent(String.self, forKey: .runbooksDir) ?? d.runbooksDir
        layoutsDir = try c.decodeIfPresent(String.self, forKey: .layoutsDir) ?? d.layoutsDir
        outputDir = try c.decodeIfPresent(String.self, forKey: .outputDir) ?? d.outputDir
        severities = try c.decodeIfPresent([SeverityLevel].self, forKey: .severities) ?? d.severities
        requiredSections = try c.decodeIfPresent([String].self, forKey: .requiredSections) ?? d.requiredSections
        rules = try c.decodeIfPresent([String: RuleLevel].self, forKey: .rules) ?? d.rules
        milestoneKeywords = try c.decodeIfPresent(MilestoneKeywords.self, forKey: .milestoneKeywords) ?? d.milestoneKeywords
        sectionSynonyms = [:]
        for (name, synonyms) in try c.decodeIfPresent([String: [String]].self, forKey: .sectionSynonyms) ?? [:] {
            if name.hasPrefix("runbook-"), let kind = RunbookSectionKind(rawValue: String(name.dropFirst("runbook-".count))) {
                runbookSectionSynonyms[kind] = synonyms
                continue
            }
            guard let kind = SectionKind(rawValue: name) else {
                let names = SectionKind.allCases.map(\.rawValue) + RunbookSectionKind.allCases.map { "runbook-" + $0.rawValue }
                throw DecodingError.dataCorruptedError(forKey: .sectionSynonyms, in: c, debugDescription:
                    "section_synonyms: unknown section `\(name)`; use one of \(names.joined(separator: ", "))")
            }
            sectionSynonyms[kind] = synonyms
        }
        today = try c.decodeIfPresent(Day.self, forKey: .today)
        owners = try c.decodeIfPresent(OwnerAliases.self, forKey: .owners) ?? d.owners
        draftAgeDays = try c.decodeCount(forKey: .draftAgeDays) ?? d.draftAgeDays
        runbookReviewDays = try c.decodeCount(forKey: .runbookReviewDays) ?? d.runbookReviewDays
        durationToleranceMinutes = try c.decodeCount(forKey: .durationToleranceMinutes) ?? d.durationToleranceMinutes
        unsafeHTML = try c.decodeIfPresent(Bool.self, forKey: .unsafeHTML) ?? d.unsafeHTML
        alertRules = try c.decodeIfPresent([String].self, forKey: .alertRules) ?? d.alertRules
        ignoreFiles = try c.decodeIfPresent([String].self, forKey: .ignoreFiles) ?? d.ignoreFiles
        runbookURLs = try c.decodeIfPresent([String: String].self, forKey: .runbookURLs) ?? d.runbookURLs
        runbookPhrases = try c.decodeIfPresent(RunbookPhrases.self, forKey: .runbookPhrases) ?? d.runbookPhrases
    }

    /// Reads `debrief.yml` from `root`; a missing file gives the defaults.
    public static func load(root: URL) throws -> DebriefConfig {
        let url = root.appendingPathComponent("debrief.yml")
        guard FileManager.default.fileExists(atPath: url.path) else { return DebriefConfig() }
        return try decode(yaml: try String(contentsOf: url, encoding: .utf8))
    }

    /// The configuration written in `text` (the contents of a `debrief.yml`); an empty text gives
    /// the defaults. Throws `ConfigError` naming the line for anything invalid.
    public static func decode(yaml text: String) throws -> DebriefConfig {
        if text.trimmingWhitespaceAndNewlines().isEmpty { return DebriefConfig() }
        if let refusal = YAMLValue.refusal(of: text) { throw ConfigError(message: "debrief.yml: \(refusal)") }
        do {
            guard let root = try Yams.compose(yaml: text), case .mapping(let mapping) = root else {
                return try YAMLDecoder().decode(DebriefConfig.self, from: text)
            }
            // Unknown keys are errors: a misspelt `requried_sections` would otherwise do nothing.
            for key in mapping.keys where CodingKeys(rawValue: key.string ?? "") == nil {
                let known = CodingKeys.allCases.map(\.rawValue).joined(separator: ", ")
                throw ConfigError(message: "debrief.yml:\((key.mark?.line).map { "\($0):" } ?? "") unknown key `\(key.string ?? "?")`; the keys are \(known)")
            }
            // `owners` may hold tens of thousands of aliases: Yams looks each decoded key up by a
            // scan of the mapping, so the map is read pair by pair and the rest decoded as usual.
            let ownersKey = CodingKeys.owners.rawValue
            var config = try YAMLDecoder().decode(DebriefConfig.self, from: Node.mapping(Node.Mapping(mapping.filter { $0.key.string != ownersKey }.map { ($0.key, $0.value) })))
            if let owners = mapping.first(where: { $0.key.string == ownersKey })?.value {
                config.owners = try Self.ownerAliases(owners)
            }
            if case .mapping(let rules)? = mapping.first(where: { $0.key.string == CodingKeys.rules.rawValue })?.value {
                for key in rules.keys { if let id = key.string, let line = key.mark?.line { config.ruleLines[id] = line } }
            }
            return config
        } catch let error as ConfigError {
            throw error
        } catch DecodingError.dataCorrupted(let context) {
            throw ConfigError(message: "debrief.yml: \(context.debugDescription)")
        } catch {
            throw ConfigError(message: "debrief.yml: \(error)")
        }
    }

    /// The postmortems folder relative to the root (`content/postmortems`; `incidents` when
    /// `content_dir` is `.`).
    public var postmortemsFolder: String { Self.folder(contentDir, postmortemsDir) }
    /// The runbooks folder relative to the root.
    public var runbooksFolder: String { Self.folder(contentDir, runbooksDir) }

    private static func folder(_ parent: String, _ child: String) -> String {
        let parts = (parent.split(separator: "/") + child.split(separator: "/")).filter { $0 != "." }
        return parts.joined(separator: "/")
    }

    /// The section synonym table: built-in names plus `section_synonyms`. Built on each call: keep
    /// the result when reading many documents.
    public var sectionNames: SectionNames { SectionNames(extra: sectionSynonyms) }

    /// `owners:`, a mapping of handle or spelling to person or team.
    private static func ownerAliases(_ node: Node) throws -> OwnerAliases {
        if case .scalar = node, node.null != nil { return OwnerAliases([:]) }
        guard case .mapping(let pairs) = node else {
            throw ConfigError(message: "debrief.yml:\((node.mark?.line).map { "\($0):" } ?? "") `owners` must map a handle to a person or team, like `\"@priya\": Priya Raman`")
        }
        var owners: [String: String] = [:]
        owners.reserveCapacity(pairs.count)
        for (key, value) in pairs {
            guard let alias = key.string, let owner = value.string else {
                throw ConfigError(message: "debrief.yml:\((key.mark?.line).map { "\($0):" } ?? "") each `owners` entry maps a handle to a name, like `\"@priya\": Priya Raman`")
            }
            owners[alias] = owner
        }
        return OwnerAliases(owners)
    }

    /// Sections required for a postmortem of `severity` (a configured level name).
    public func requiredSections(for severity: String?) -> [String] {
        severities.first { $0.name == severity }?.requiredSections ?? requiredSections
    }
}

public struct ConfigError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

extension KeyedDecodingContainer {
    /// A count of days or minutes: 0 to 100 years' worth, so that date and time arithmetic with
    /// it cannot overflow.
    func decodeCount(forKey key: Key) throws -> Int? {
        guard let value = try decodeIfPresent(Int.self, forKey: key) else { return nil }
        guard (0...DebriefConfig.maximumCount).contains(value) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription:
                "`\(key.stringValue)` must be a whole number from 0 to \(DebriefConfig.maximumCount), not \(value)")
        }
        return value
    }
}

extension DebriefConfig {
    /// The largest count of days or minutes a setting takes (100 years of minutes).
    static let maximumCount = 100 * 366 * 24 * 60
}
