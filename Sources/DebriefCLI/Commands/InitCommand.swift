import ArgumentParser
import DebriefModel
import DebriefValidation
import Foundation

/// `debrief init`: a new knowledge base, or Debrief pointed at a folder of existing postmortems.
public struct InitCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Set up a knowledge base: debrief.yml, an example postmortem and runbook, CI recipes.",
        discussion: """
        Writes into DIR (default: the current folder), never replacing a file that exists:
          debrief.yml                          every setting with its default, commented
          content/postmortems/<date>-....md    an example postmortem that passes `check`
          content/runbooks/....yml             an example runbook for its alert
          .github/workflows/debrief.yml        check on pull requests, weekly overdue actions
          .gitlab-ci.yml                       check on merge requests

        With --from, debrief.yml points at an existing folder of postmortems (inside DIR) \
        instead, no example is written, and init prints what `debrief check` finds there: \
        how your own shape reads, on day one.

        Exit status: 0 written (existing files kept), 2 usage or I/O failure.

        Examples:
          debrief init
          debrief init incident-kb
          debrief init --from docs/postmortems
        """
    )

    @Argument(help: ArgumentHelp("Folder to set up (created when missing).", valueName: "dir"))
    public var directory: String = "."

    @Option(name: .long, help: ArgumentHelp("An existing folder of postmortems, relative to DIR or absolute (inside DIR).", valueName: "folder"))
    public var from: String?

    @OptionGroup public var asOf: AsOfOption

    public init() {}

    public func run() throws {
        let root = URL(fileURLWithPath: directory).standardizedFileURL
        do {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        } catch {
            throw CLIError("cannot create \(directory): \(error.localizedDescription)")
        }
        let defaults = DebriefConfig()
        var config = StarterConfig()
        if let from {
            let folder = (from.hasPrefix("/") ? URL(fileURLWithPath: from) : root.appendingPathComponent(from)).standardizedFileURL
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw CLIError("--from \(from): no such folder")
            }
            guard let relative = PathFilter.relativePath(of: folder, under: root), !relative.isEmpty else {
                throw CLIError("--from \(from) must be a folder inside \(root.path), the knowledge base root")
            }
            let parts = relative.split(separator: "/")
            config = StarterConfig(contentDir: parts.count > 1 ? parts.dropLast().joined(separator: "/") : ".",
                                   postmortemsDir: String(parts[parts.count - 1]))
        }
        let starter = StarterFiles(today: asOf.today(config: defaults),
                                   postmortemsFolder: defaults.postmortemsFolder,
                                   runbooksFolder: defaults.runbooksFolder,
                                   contentFolder: config.contentDir == "." ? config.postmortemsDir : config.contentDir)
        var files: [(path: String, text: String)] = [("debrief.yml", config.text)]
        if from == nil {
            files += [(starter.examplePostmortemPath, starter.examplePostmortem), (starter.exampleRunbookPath, starter.exampleRunbook)]
        }
        files += [(".github/workflows/debrief.yml", starter.githubWorkflow), (".gitlab-ci.yml", starter.gitlabJob)]

        for file in files {
            if FileManager.default.fileExists(atPath: root.appendingPathComponent(file.path).path) {
                Terminal.write("kept     \(file.path) (exists)")
            } else {
                try TemplateWriter.write(file.text, to: file.path, root: root)
                Terminal.write("created  \(file.path)")
            }
        }
        if from != nil { try reportCheck(root: root) }
        Terminal.write("\nNext: `debrief check` validates, `debrief build` writes the site into public/, `debrief serve` previews it.")
    }

    /// What `check` finds in the existing postmortems: counts by rule, then where to look.
    private func reportCheck(root: URL) throws {
        let knowledgeBase = try KnowledgeBase.load(root: root)
        defer { ProcessLifetime.keepUntilExit(knowledgeBase) }
        let diagnostics = Validator().validate(knowledgeBase, today: asOf.today(config: knowledgeBase.config))
        let report = DiagnosticReport(diagnostics: diagnostics, files: knowledgeBase.postmortems.map(\.path) + knowledgeBase.runbooks.map(\.path))
        Terminal.write("\nRead \(knowledgeBase.postmortems.count) postmortem(s) and \(knowledgeBase.runbooks.count) runbook(s): " +
                       "\(report.errorCount) error(s), \(report.warningCount) warning(s).")
        let byRule = Dictionary(grouping: diagnostics, by: \.rule).sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }
        for (rule, found) in byRule.prefix(10) {
            Terminal.write(String(format: "  %5d  ", found.count) + rule)
        }
        if !diagnostics.isEmpty {
            Terminal.write("`debrief check` lists each with its file and line; `debrief inspect FILE` shows what was read from a file. " +
                           "Rule levels and section synonyms are set in debrief.yml.")
        }
    }
}
