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

        The site is rendered in memory and swapped into place: a failed or interrupted build \
        leaves the previous output as it was, and a rebuild with nothing changed writes no \
        file. Internal links are relative, so the site works from file:// and under any URL \
        path; --base-url is only used for absolute URLs in feed.xml, actions.ics and api/*.json.

        Exit status: 0 built, 1 errors with --strict, 2 usage or I/O failure.

        Examples:
          debrief build
          debrief build --output /srv/www/incidents --base-url https://wiki.example.com/incidents/
          debrief build --as-of 2026-01-01 --strict
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

        let prepared: SiteBuilder.Prepared
        let result: SiteBuilder.Result
        do {
            prepared = try builder.prepare()
            progress.clear()
            if !prepared.diagnostics.isEmpty {
                let report = DiagnosticReport(diagnostics: prepared.diagnostics,
                                              files: prepared.knowledgeBase.postmortems.map(\.path) + prepared.knowledgeBase.runbooks.map(\.path))
                Terminal.writeError(report.render(.text, color: BuildProgress.stderrWantsColor))
            }
            if strict && prepared.errorCount > 0 {
                Terminal.writeError("build failed: \(prepared.errorCount) error(s) with --strict; the output folder was not touched")
                throw ExitCode.failure
            }
            result = try builder.build(prepared)
            progress.clear()
        } catch let error as SiteBuildError {
            progress.clear()
            throw CLIError(error.message)
        }
        let written: Int
        switch result.outcome {
        case .unchanged: written = 0
        case .replaced(let count): written = count
        }
        let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
        Terminal.writeError("built \(result.output.path): \(written) of \(result.pageCount) files written, "
            + "\(prepared.knowledgeBase.postmortems.count) postmortems, \(prepared.knowledgeBase.runbooks.count) runbooks, "
            + "\(prepared.errorCount) errors, \(prepared.warningCount) warnings, \(seconds)s")
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
