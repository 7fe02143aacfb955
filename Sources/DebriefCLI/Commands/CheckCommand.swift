import ArgumentParser
import DebriefModel
import DebriefValidation
import Foundation

/// `debrief check`: the CI gate.
public struct CheckCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate postmortems and runbooks and report what to fix.",
        discussion: """
        Loads the whole knowledge base (cross-file rules such as related incidents, alert \
        runbooks and duplicate slugs need every file) and reports the diagnostics of the \
        named PATHS, or of every file when none are named. A path may be relative to the \
        current folder or to --root; a folder names every file below it, so a pull-request \
        gate can pass only the files it changed.

        Exit status: 0 when there are no errors, 1 when there are errors (or warnings too \
        with --strict), 2 for a usage or I/O failure (unreadable root, malformed \
        debrief.yml, bad --as-of date, unknown format or option).

        The text format is coloured only when stdout is a terminal and NO_COLOR is not set.

        Examples:
          debrief check
          debrief check content/postmortems/2025-07-22-payments-duplicate-charges.md
          debrief check --format github $(git diff --name-only --diff-filter=d origin/main -- content)
          debrief check --strict --as-of 2026-01-01 --format sarif > debrief.sarif
        """
    )

    @Argument(help: ArgumentHelp("Files or folders to report on (default: the whole knowledge base).", valueName: "paths"))
    public var paths: [String] = []

    @OptionGroup public var knowledgeBase: KnowledgeBaseOptions
    @OptionGroup public var output: ReportFormatOption
    @OptionGroup public var asOf: AsOfOption

    @Flag(name: .long, help: "Fail (exit 1) on warnings as well as errors.")
    public var strict = false

    public init() {}

    public func run() throws {
        let root = try knowledgeBase.rootURL()
        let filter = try PathFilter(paths: paths, root: root)
        let kb = try KnowledgeBase.load(root: root)
        defer { ProcessLifetime.keepUntilExit(kb) }
        let today = asOf.today(config: kb.config)
        let diagnostics = Validator().validate(kb, today: today).filter { filter.contains($0.file) }
        let checkedFiles = (kb.postmortems.map(\.path) + kb.runbooks.map(\.path)).filter(filter.contains)
        // A gate that checks nothing passes: say so, since it is usually a wrong root or folder.
        if kb.postmortems.isEmpty && kb.runbooks.isEmpty {
            Terminal.writeError("warning: no postmortems in \(kb.config.postmortemsFolder)/ and no runbooks in \(kb.config.runbooksFolder)/ under \(root.path); check --root, or content_dir, postmortems_dir and runbooks_dir in debrief.yml")
        }
        // Files set aside as not documents are named, so that an incident written as a folder's
        // README.md or index.md is not skipped unnoticed.
        let ignored = kb.ignoredFiles.filter(filter.contains)
        if !ignored.isEmpty, output.format == .text {
            let shown = ignored.prefix(3).joined(separator: ", ") + (ignored.count > 3 ? " and \(ignored.count - 3) more" : "")
            Terminal.writeError("note: not checked, as `ignore_files` in debrief.yml sets them aside: \(shown)")
        }
        let report = DiagnosticReport(diagnostics: diagnostics, files: checkedFiles)
        let color = output.format == .text && Terminal.stdoutWantsColor
        Terminal.write(report.render(output.format, color: color))
        if report.errorCount > 0 || (strict && report.warningCount > 0) {
            throw ExitCode.failure
        }
    }
}
