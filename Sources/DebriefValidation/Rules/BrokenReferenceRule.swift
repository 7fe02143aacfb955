import DebriefModel
import Foundation

/// References must resolve: front matter `related` names a postmortem (slug, file or title), and
/// relative links to markdown/YAML documents point at files that exist.
public struct BrokenReferenceRule: Rule {
    public static let id = "broken-reference"
    public static let defaultSeverity = Diagnostic.Severity.error
    public static let summary = "Related incident or document link that does not resolve"

    static let documentExtensions: Set<String> = ["md", "markdown", "yml", "yaml"]

    public init() {}

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        let kb = context.knowledgeBase
        let slugs = Set(kb.postmortems.map(\.slug))
        let titles = Set(kb.postmortems.compactMap { $0.title?.lowercased() })
        let paths = Set(kb.postmortems.map(\.path) + kb.runbooks.map(\.path))
        var diagnostics: [Diagnostic] = []
        for postmortem in context.postmortems {
            for name in postmortem.related {
                let candidates = [name, Slug.make(name), Slug.make(fromPath: name)]
                guard !candidates.contains(where: slugs.contains), !titles.contains(name.lowercased()) else { continue }
                diagnostics.append(diagnostic(postmortem.path, line: postmortem.fieldLine("related") ?? postmortem.titleLine,
                                              "related incident `\(name)` is not a postmortem in this knowledge base; write the slug of an existing postmortem (its file name without `.md`) or remove it"))
            }
            for link in postmortem.links {
                if let problem = Self.problem(with: link.url, from: postmortem.path, paths: paths, root: kb.root) {
                    diagnostics.append(diagnostic(postmortem.path, line: link.line, problem))
                }
            }
        }
        for runbook in context.runbooks {
            for url in runbook.relatedRunbooks {
                guard let problem = Self.problem(with: url, from: runbook.path, paths: paths, root: kb.root) else { continue }
                let lines = ProseLines.of(body: runbook.body, lineOffset: runbook.bodyLineOffset)
                let line = lines.first { $0.text.contains(url) }?.number ?? runbook.titleLine
                diagnostics.append(diagnostic(runbook.path, line: line, problem))
            }
        }
        return diagnostics
    }

    /// Why a relative document link does not resolve, or nil when it does (or is not checked:
    /// absolute URLs, anchors, root-relative site paths, non-document files).
    static func problem(with url: String, from document: String, paths: Set<String>, root: URL) -> String? {
        let target = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first
            .map { String($0.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? "") } ?? ""
        guard !target.isEmpty, !target.hasPrefix("/"), !target.contains(":"),
              let ext = target.split(separator: ".").last.map({ $0.lowercased() }), documentExtensions.contains(ext) else { return nil }
        let decoded = target.removingPercentEncoding ?? target
        var components = document.split(separator: "/").dropLast().map(String.init)
        for part in decoded.split(separator: "/") {
            switch part {
            case ".": continue
            case "..":
                if components.isEmpty { return "link `\(url)` points outside the knowledge base; link to a document under content/" }
                components.removeLast()
            default: components.append(String(part))
            }
        }
        let resolved = components.joined(separator: "/")
        if paths.contains(resolved) || FileManager.default.fileExists(atPath: root.appendingPathComponent(resolved).path) { return nil }
        return "link `\(url)` points at `\(resolved)`, which does not exist; fix the path (relative to this file) or remove the link"
    }
}
