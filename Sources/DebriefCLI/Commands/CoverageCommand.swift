import ArgumentParser
import DebriefModel
import DebriefSite
import DebriefValidation
import Foundation

/// `debrief coverage`: does every alert have a runbook that exists?
public struct CoverageCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "Match the alerts of Prometheus rule files to runbooks and report the gaps.",
        discussion: """
        Reads Prometheus rule files (top-level `groups:`) and Kubernetes PrometheusRule \
        objects (`spec.groups`), several YAML documents per file allowed, from --rules or \
        `alert_rules:` in debrief.yml. Each alert name counts once (its first rule's file \
        and line). An alert's `annotations.runbook_url` is mapped to a file through \
        `runbook_urls:` (URL prefix -> folder under the root), ignoring case, `.md` and \
        `#anchors`, and through redirect stubs; a relative URL is a path from the root. \
        Alerts without a usable URL are matched by name to the runbook that lists them.

        Status of each alert: covered, broken-url (the URL leads to no runbook), \
        matched-by-name, no-runbook. Orphans are runbooks whose alerts no rule defines.

        Exit status: 0, or 1 when a runbook URL is broken (with --strict also when an alert \
        has no runbook), 2 when no rule file matches, or one cannot be read or is not valid YAML.

        Examples:
          debrief coverage --rules 'monitoring/rules/*.yaml'
          debrief coverage --rules 'deploy/**/prometheus-rule*.yaml' --format json
          debrief coverage --strict --format github
        """
    )

    @Option(name: .customLong("rules"), parsing: .singleValue,
            help: ArgumentHelp("A rule file or glob (`*`, `**`), relative to the current folder; repeatable. Default: `alert_rules:` in debrief.yml.", valueName: "glob"))
    public var rules: [String] = []

    @OptionGroup public var knowledgeBase: KnowledgeBaseOptions

    @Option(name: .long, help: ArgumentHelp("Output format: text, json, github (workflow annotations) or sarif (2.1.0).", valueName: "format"))
    public var format: Format = .text

    @Flag(name: .long, help: "Fail (exit 1) when an alert has no runbook, as well as on broken runbook URLs.")
    public var strict = false

    public enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, github, sarif }

    public init() {}

    public func run() throws {
        let root = try knowledgeBase.rootURL()
        var kb = try KnowledgeBase.load(root: root)
        defer { ProcessLifetime.keepUntilExit(kb) }
        if !rules.isEmpty {
            kb.matchAlerts(AlertRuleFiles.load(globs: rules, base: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)))
        }
        guard let coverage = kb.alertCoverage else {
            throw CLIError("no rule files: pass --rules 'path/to/rules/*.yaml' or set `alert_rules:` in debrief.yml")
        }
        guard !kb.alertRules.files.isEmpty else {
            throw CLIError("no rule file matches \((rules.isEmpty ? kb.config.alertRules : rules).map { "`\($0)`" }.joined(separator: ", ")); check the glob (quote it so the shell leaves `**` alone)")
        }
        let unreadable = kb.alertRules.diagnostics.filter { $0.severity == .error }
        guard unreadable.isEmpty else {
            throw CLIError(unreadable.map { "\($0.file):\($0.line): \($0.message)" }.joined(separator: "\n"))
        }
        switch format {
        case .json:
            Terminal.write(String(decoding: coverage.jsonBytes(), as: UTF8.self))
        case .text:
            Terminal.write(CoverageText(coverage: coverage, ruleFiles: kb.alertRules.files.count).text)
        case .github, .sarif:
            let rules: [any Rule] = [RunbookURLBrokenRule(), AlertWithoutRunbookRule(), RunbookOrphanRule()]
            let ids = Set(rules.map { type(of: $0).id })
            let diagnostics = Validator(rules: rules).validate(kb, today: kb.config.today ?? Day(Date())).filter { ids.contains($0.rule) }
            let report = DiagnosticReport(diagnostics: diagnostics, files: kb.alertRules.files)
            Terminal.write(report.render(format == .github ? .github : .sarif))
        }
        if coverage.count(.brokenURL) > 0 || (strict && coverage.count(.noRunbook) > 0) {
            throw ExitCode.failure
        }
    }
}

/// The text report: the figures, then each alert that needs work and each orphan.
struct CoverageText {
    let coverage: AlertCoverage
    let ruleFiles: Int

    var text: String {
        var lines = ["\(coverage.alerts.count.counted("alert")) in \(ruleFiles.counted("rule file"))"]
        for status in AlertCoverage.Status.allCases {
            lines.append(Self.figure(status.rawValue, coverage.count(status)))
        }
        lines.append(Self.figure("orphan runbooks", coverage.orphans.count))
        for (status, heading) in [(AlertCoverage.Status.brokenURL, "Broken runbook URLs"), (.noRunbook, "Alerts without a runbook"),
                                  (.matchedByName, "Matched by name only (add a runbook_url)")] {
            let alerts = coverage.alerts.filter { $0.status == status }
            guard !alerts.isEmpty else { continue }
            lines.append("")
            lines.append("\(heading):")
            for alert in alerts {
                let detail = status == .matchedByName ? alert.runbook.map { "-> \($0)" } : alert.note ?? alert.runbookURL
                lines.append("  \(alert.rule.file):\(alert.rule.line)  \(alert.rule.name)\(detail.map { "  \($0)" } ?? "")")
            }
        }
        if !coverage.deprecatedInUse.isEmpty {
            lines.append("")
            lines.append("Deprecated runbooks whose alert still fires:")
            for alert in coverage.deprecatedInUse { lines.append("  \(alert.runbook ?? "")  \(alert.rule.name)") }
        }
        if !coverage.orphans.isEmpty {
            lines.append("")
            lines.append("Runbooks whose alerts no rule defines:")
            for orphan in coverage.orphans { lines.append("  \(orphan.runbook)  \(orphan.alerts.joined(separator: ", "))") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func figure(_ label: String, _ count: Int) -> String {
        let number = count.formatted()
        return "  " + label.padding(toLength: 16, withPad: " ", startingAt: 0) + String(repeating: " ", count: max(0, 6 - number.count)) + number
    }
}

private extension Int {
    func counted(_ noun: String) -> String {
        "\(formatted()) \(noun)\(self == 1 ? "" : "s")"
    }
}
