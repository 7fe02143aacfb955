import ArgumentParser
import DebriefModel
import Foundation

/// `debrief new runbook NAME`.
public struct NewRunbookCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "runbook",
        abstract: "Create content/runbooks/<slug>.yml (or .md) from the runbook template.",
        discussion: """
        The YAML template follows the runbook schema: metadata (title, service, severity, \
        owner, alert_names, impact, last_reviewed), diagnosis steps (step, command, \
        expected), mitigation options (option, when, command, verify) and recovery steps. \
        The markdown template has the sections Meaning, Impact, Diagnosis, Mitigation, \
        Escalation and Related Runbooks, with owner, service and alert_names in front matter.

        Examples:
          debrief new runbook "Checkout High Error Rate" --service checkout --alert CheckoutHighErrorRate
          debrief new runbook PostgresReplicationLag --format markdown --owner @dba-team
        """
    )

    public enum Format: String, ExpressibleByArgument, CaseIterable, Sendable {
        case yaml, markdown
    }

    @Argument(help: "Runbook name or alert name, e.g. \"Payments High Error Rate\".")
    public var name: String

    @Option(name: .long, help: "yaml (default) or markdown.")
    public var format: Format = .yaml

    @Option(name: .long, help: "Service the runbook is for (TBD when omitted).")
    public var service: String?

    @Option(name: .long, help: "Owning person or team (TBD when omitted).")
    public var owner: String?

    @Option(name: .long, help: "Alert that leads here; repeat for several (TBD when omitted).")
    public var alert: [String] = []

    @OptionGroup public var knowledgeBase: KnowledgeBaseOptions

    public init() {}

    public func validate() throws {
        if name.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("the runbook name must not be empty")
        }
    }

    public func run() throws {
        let root = try knowledgeBase.rootURL()
        let config = try DebriefConfig.load(root: root)
        let template = RunbookTemplate(name: name, service: service, owner: owner, alerts: alert,
                                       reviewed: config.today ?? Day(Date()))
        let folder = config.runbooksFolder
        let path = "\(folder)/\(Slug.make(name)).\(format == .yaml ? "yml" : "md")"
        try TemplateWriter.write(format == .yaml ? template.yaml : template.markdown, to: path, root: root)
        Terminal.write("created \(path)\nfill in the placeholders, then run: debrief check \(path)")
    }
}
