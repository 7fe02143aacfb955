import Foundation

extension KnowledgeBase {
    /// Extensions of the documents Debrief reads; a link to one leads to its page.
    public static let documentExtensions: Set<String> = ["md", "markdown", "yml", "yaml"]

    /// Files of the knowledge base that postmortems and runbooks link to and that are not
    /// documents (images, PDFs, dashboards exported as JSON...): published with the site.
    /// Only regular files count: a symbolic link could lead out of the knowledge base.
    public var linkedFiles: [String] {
        Self.linkTargets(postmortems: postmortems, runbooks: runbooks).filter { path in
            guard let ext = path.split(separator: "/").last?.split(separator: ".").last.map({ $0.lowercased() }),
                  !Self.documentExtensions.contains(ext) else { return false }
            var status = stat()
            return lstat(root.appendingPathComponent(path).path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
        }.sorted()
    }

    /// Every file of the knowledge base (root-relative) that a postmortem or runbook links to,
    /// other than itself, whether it exists or not.
    static func linkTargets(postmortems: [Postmortem], runbooks: [Runbook]) -> Set<String> {
        var targets = Set<String>()
        for (source, links) in postmortems.map({ ($0.path, $0.links) }) + runbooks.map({ ($0.path, $0.links) }) {
            for link in links {
                if case .content(let path, _) = ContentReference.resolve(link.url, from: source), path != source { targets.insert(path) }
            }
        }
        return targets
    }
}
