import ArgumentParser
import DebriefModel
import DebriefSite
import DebriefValidation
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `debrief build`: validate, then publish the knowledge base as a static site.
public struct BuildCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the static HTML knowledge base (default: public/).",
        discussion: """
        Validates first and prints the diagnostics as `debrief check` does (text, on stderr). \
        The site is built even when there are errors: each incomplete postmortem is marked on \
        its page and in lists. With --strict, errors fail the build (exit 1) and the output \
        folder is not touched.

        Changed files are written to a staging folder (unchanged ones are hard-linked) that is \
        swapped into place: a failed or interrupted build leaves the previous output as it was. \
        When no input changed since the last build (content, debrief.yml, layouts, the date, \
        debrief itself), the last report is printed again and nothing is parsed or written; \
        --force renders anyway. Internal links are relative, so the site works from file:// and under any URL \
        path; --base-url is only used for absolute URLs in feed.xml, actions.ics and api/*.json.

        Exit status: 0 built, 1 errors with --strict, 2 usage or I/O failure.

        Examples:
          debrief build
          debrief build --output /srv/www/incidents --base-url https://wiki.example.com/incidents/
          debrief build --as-of 2026-01-01 --strict
          debrief build --force --timings
        """
    )

    @OptionGroup public var knowledgeBase: KnowledgeBaseOptions
    @OptionGroup public var asOf: AsOfOption

    @Option(name: .long, help: ArgumentHelp("Output folder (default: debrief.yml `output_dir`, public).", valueName: "dir"))
    public var output: String?

    @Option(name: .customLong("base-url"), help: ArgumentHelp("Absolute URL the site is published at, for feeds (default: debrief.yml `base_url`).", valueName: "url"))
    public var baseURL: String?

    @Flag(name: .long, help: "Fail (exit 1) without writing when validation finds errors.")
    public var strict = false

    @Flag(name: .long, help: "Print how long each step and page kind took (on stderr).")
    public var timings = false

    @Flag(name: .long, help: "Parse and render everything even when the inputs are unchanged since the last build.")
    public var force = false

    public init() {}

    public func run() throws {
        let started = Date()
        let root = try knowledgeBase.rootURL()
        if let baseURL, !(baseURL.lowercased().hasPrefix("https://") || baseURL.lowercased().hasPrefix("http://")) {
            throw CLIError("--base-url must be an absolute http(s) URL, got \(baseURL)")
        }
        let options = SiteBuilder.Options(root: root, output: output.map { URL(fileURLWithPath: $0).standardizedFileURL },
                                          baseURL: baseURL, asOf: asOf.asOf)
        var builder = SiteBuilder(options: options)
        let progress = BuildProgress()
        builder.progress = progress.show

        defer { if timings { Terminal.writeError(builder.timings.table) } }
        do {
            if !force, let manifest = try builder.upToDateManifest() {
                // Same inputs as the build that wrote the output: repeat its report, write nothing.
                let config = try DebriefConfig.load(root: root)
                let diagnostics = DiagnosticReport(diagnostics: manifest.diagnostics, files: KnowledgeBase.contentFiles(root: root, config: config))
                try show(diagnostics)
                summary(output: builder.outputURL(config), written: 0, total: manifest.files.count,
                        postmortems: manifest.postmortems, runbooks: manifest.runbooks, diagnostics: diagnostics, started: started)
                return
            }
            let prepared = try builder.prepare()
            defer { ProcessLifetime.keepUntilExit(prepared) }
            progress.clear()
            let diagnostics = DiagnosticReport(diagnostics: prepared.diagnostics,
                                               files: prepared.knowledgeBase.postmortems.map(\.path) + prepared.knowledgeBase.runbooks.map(\.path))
            try show(diagnostics)
            let result = try builder.build(prepared)
            progress.clear()
            let written: Int
            switch result.outcome {
            case .unchanged: written = 0
            case .replaced(let count): written = count
            }
            summary(output: result.output, written: written, total: result.pageCount, postmortems: prepared.knowledgeBase.postmortems.count,
                    runbooks: prepared.knowledgeBase.runbooks.count, diagnostics: diagnostics, started: started)
        } catch let error as SiteBuildError {
            progress.clear()
            throw CLIError(error.message)
        }
    }

    /// Prints the diagnostics as `check` does; with --strict, errors stop the build here.
    func show(_ report: DiagnosticReport) throws {
        if !report.diagnostics.isEmpty {
            Terminal.writeError(report.render(.text, color: BuildProgress.stderrWantsColor))
        }
        if strict && report.errorCount > 0 {
            Terminal.writeError("build failed: \(report.errorCount) error(s) with --strict; the output folder was not touched")
            throw ExitCode.failure
        }
    }

    func summary(output: URL, written: Int, total: Int, postmortems: Int, runbooks: Int, diagnostics: DiagnosticReport, started: Date) {
        let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
        Terminal.writeError("built \(output.path): \(written) of \(total) files written, \(postmortems) postmortems, \(runbooks) runbooks, "
            + "\(diagnostics.errorCount) errors, \(diagnostics.warningCount) warnings, \(seconds)s")
    }
}

/// One self-overwriting status line on stderr, only when stderr is a terminal.
final class BuildProgress: @unchecked Sendable {
    private let enabled = isatty(STDERR_FILENO) == 1
    private var shown = false

    static var stderrWantsColor: Bool {
        (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty && isatty(STDERR_FILENO) == 1
    }

    func show(_ message: String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K\(message)…".utf8))
        shown = true
    }

    func clear() {
        guard enabled, shown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        shown = false
    }
}
