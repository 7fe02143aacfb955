import DebriefModel
import Foundation

/// Where links between content files lead on the site: a link to a postmortem or runbook
/// (`[runbook](../runbooks/db.yml)`) leads to its page, a link or image to another file of the
/// knowledge base (`![graph](img/latency.png)`) to its published copy. Other links are left alone.
public struct ContentLinks: Sendable {
    /// Source path relative to the knowledge base root -> page path relative to the output root.
    public let pages: [String: String]
    /// Linked files that are not documents (images, PDFs...) -> their copy under `files/`.
    public let files: [String: String]

    public init(model: SiteModel) {
        var pages: [String: String] = [:]
        for incident in model.incidents { pages[incident.postmortem.path] = SitePaths.postmortem(incident.slug) }
        for runbook in model.runbooks { pages[runbook.runbook.path] = SitePaths.runbook(runbook.slug) }
        self.pages = pages
        files = Dictionary(model.contentFiles.map { ($0, SitePaths.contentFile($0)) }, uniquingKeysWith: { first, _ in first })
    }

    /// The URL to write instead of `url`, found in the file at `source`, on a page whose root
    /// prefix is `root`; nil keeps `url`.
    public func destination(of url: String, source: String, root: String) -> String? {
        guard case .content(let path, let fragment) = ContentReference.resolve(url, from: source),
              let target = pages[path] ?? files[path] else { return nil }
        return root + target + (fragment.map { "#" + $0 } ?? "")
    }
}
