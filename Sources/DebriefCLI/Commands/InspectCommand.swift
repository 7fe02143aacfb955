import ArgumentParser
import DebriefModel
import Foundation

/// `debrief inspect`: shows what the parser understood of one file.
public struct InspectCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Print the typed model of one postmortem or runbook as parsed.",
        discussion: """
        Useful when a check result or a site page surprises you: it shows exactly which \
        title, date, severity, sections, timeline entries, milestones and action items \
        Debrief read from the file, with their source lines.

        A file under the configured runbooks folder, or ending in .yml/.yaml, is read as a \
        runbook; anything else as a postmortem. FILE may be relative to the current folder \
        or to --root. The json format is the full model (snake_case keys, sorted; ISO 8601 times).

        Examples:
          debrief inspect content/postmortems/2025-07-22-payments-duplicate-charges.md
          debrief inspect content/runbooks/payments-high-error-rate.yml --format json
        """
    )

    public enum Format: String, ExpressibleByArgument, CaseIterable, Sendable {
        case text, json
    }

    @Argument(help: ArgumentHelp("The postmortem or runbook to read.", valueName: "file"))
    public var file: String

    @Option(name: .long, help: "Output format: text (a readable summary) or json (the full model).")
    public var format: Format = .text

    @OptionGroup public var knowledgeBase: KnowledgeBaseOptions

    public init() {}

    public func run() throws {
        let root = try knowledgeBase.rootURL()
        let config = try DebriefConfig.load(root: root)
        let url = try locate(file, root: root)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw CLIError("\(file) cannot be read; check its permissions")
        }
        let path = PathFilter.relativePath(of: url, under: root) ?? file
        let decoded = SourceText.decode(data, path: path)
        guard let text = decoded.text else {
            throw CLIError(decoded.diagnostics.map(\.message).joined(separator: "\n"))
        }
        let runbooksFolder = config.runbooksFolder + "/"
        let isRunbook = path.hasPrefix(runbooksFolder) || ["yml", "yaml"].contains(url.pathExtension.lowercased())
        if isRunbook {
            // Owner and status depend on the files around it (OWNERS, links from other documents).
            let loaded = path.hasPrefix(runbooksFolder) ? try KnowledgeBase.load(root: root, config: config).runbooks.first { $0.path == path } : nil
            let runbook = loaded ?? RunbookParser(config: config).parse(text: text, path: path)
            Terminal.write(format == .json ? Self.json(runbook) : RunbookSummary(runbook: runbook).text)
        } else {
            let postmortem = PostmortemParser(config: config).parse(text: text, path: path)
            Terminal.write(format == .json ? Self.json(postmortem) : PostmortemSummary(postmortem: postmortem).text)
        }
    }

    /// `path` relative to the current folder, else to the root.
    private func locate(_ path: String, root: URL) throws -> URL {
        let candidates = path.hasPrefix("/")
            ? [URL(fileURLWithPath: path)]
            : [URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(path), root.appendingPathComponent(path)]
        for url in candidates {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                return url.standardizedFileURL
            }
        }
        throw CLIError("\(path): no such file (paths are relative to the current folder or to the knowledge base root)")
    }

    static func json(_ value: some Encodable) -> String {
        JSONWriter.text(encoding: value)
    }
}
