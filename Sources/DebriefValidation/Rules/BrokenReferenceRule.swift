import DebriefModel
import Foundation

/// References must resolve: front matter `related` names a postmortem (slug, file or title), and
/// relative links and images point at files of the knowledge base that exist.
public struct BrokenReferenceRule: PostmortemRule, RunbookRule {
    public static let id = "broken-reference"
    public static let defaultSeverity = Diagnostic.Severity.error
    public static let summary = "Related incident or document link that does not resolve"

    public init() {}

    public func check(_ postmortem: Postmortem, in context: PostmortemContext) -> [Diagnostic] {
        let targets = context.references
        var diagnostics: [Diagnostic] = []
        for name in postmortem.related where targets.postmortemNames.postmortem(named: name) == nil {
            diagnostics.append(diagnostic(postmortem.path, line: postmortem.fieldLine("related") ?? postmortem.titleLine,
                                          "related incident `\(name)` is not a postmortem in this knowledge base; write the slug of an existing postmortem (its file name without `.md`) or remove it"))
        }
        for link in postmortem.links {
            if let problem = Self.problem(with: link.url, from: postmortem.path, paths: targets.documentPaths, root: context.knowledgeBase.root) {
                diagnostics.append(diagnostic(postmortem.path, line: link.line, problem))
            }
        }
        return diagnostics
    }

    public func check(_ runbook: Runbook, in context: ValidationContext) -> [Diagnostic] {
        // A markdown runbook's links carry their lines; a YAML runbook lists related runbooks.
        let links = runbook.format == .markdown ? runbook.links.map { ($0.url, $0.line) } : runbook.relatedRunbooks.map { url in
            (url, runbook.body.sourceLines.firstIndex { $0.contains(url) }.map { $0 + 1 } ?? runbook.titleLine)
        }
        return links.compactMap { url, line in
            Self.problem(with: url, from: runbook.path, paths: context.references.documentPaths, root: context.knowledgeBase.root)
                .map { diagnostic(runbook.path, line: line, $0) }
        }
    }

    /// Why a relative link does not resolve, or nil when it does (or is not checked: absolute
    /// URLs, anchors, root-relative site paths).
    static func problem(with url: String, from document: String, paths: Set<String>, root: URL) -> String? {
        switch ContentReference.resolve(url, from: document) {
        case .external, .anchor, .sitePath:
            return nil
        case .outside:
            return "link `\(url)` points outside the knowledge base; link to a file under the root or use a full URL"
        case .content(let resolved, _):
            if resolved.isEmpty || paths.contains(resolved) || PublishedSource.find(resolved, under: root) != nil { return nil }
            return "link `\(url)` points at `\(resolved)`, which does not exist; fix the path (relative to this file) or remove the link"
        }
    }
}
