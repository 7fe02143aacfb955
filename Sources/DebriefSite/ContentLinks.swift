import Foundation

/// Rewrites links between content files (`[runbook](../runbooks/db.yml)`) in rendered markdown
/// to the pages those files became, so they work on the site. Other links are left alone.
public struct ContentLinks: Sendable {
    /// Source path relative to the knowledge base root -> page path relative to the output root.
    public let pages: [String: String]

    public init(model: SiteModel) {
        var pages: [String: String] = [:]
        for incident in model.incidents { pages[incident.postmortem.path] = SitePaths.postmortem(incident.slug) }
        for runbook in model.runbooks { pages[runbook.runbook.path] = SitePaths.runbook(runbook.slug) }
        self.pages = pages
    }

    private static let href = try! NSRegularExpression(pattern: ##"href="([^"#?:]+\.(?:md|markdown|yml|yaml))(#[^"]*)?""##)

    /// `html` rendered from the file at `source`, on a page whose root prefix is `root`.
    public func rewrite(_ html: String, source: String, root: String) -> String {
        // Most pages link no content file: skip the regular expression (and its NSString copy).
        guard ContentLinks.mentionsContentExtension(html) else { return html }
        let matches = ContentLinks.href.matches(in: html, range: NSRange(html.startIndex..., in: html))
        guard !matches.isEmpty else { return html }
        var result = html
        for match in matches.reversed() {
            guard let linkRange = Range(match.range(at: 1), in: html), let whole = Range(match.range, in: result) else { continue }
            let link = String(html[linkRange]).removingPercentEncoding ?? String(html[linkRange])
            guard let page = pages[ContentLinks.resolve(link, from: source)] else { continue }
            result.replaceSubrange(whole, with: "href=\"\(root)\(page)\"")
        }
        return result
    }

    /// Whether `.md`, `.markdown`, `.yml` or `.yaml` occurs anywhere in `html`; without one, no
    /// link can match `href`.
    static func mentionsContentExtension(_ html: String) -> Bool {
        let extensions = ["md", "markdown", "yml", "yaml"].map { Array($0.utf8) }
        let found = html.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.indices.contains { index in
                bytes[index] == UInt8(ascii: ".") && extensions.contains { bytes[(index + 1)...].starts(with: $0) }
            }
        }
        return found ?? true
    }

    /// `link` relative to the folder of `source`, with `.` and `..` applied.
    static func resolve(_ link: String, from source: String) -> String {
        var parts = link.hasPrefix("/") ? [] : source.split(separator: "/").dropLast().map(String.init)
        for part in link.split(separator: "/") {
            if part == ".." { _ = parts.popLast() } else if part != "." { parts.append(String(part)) }
        }
        return parts.joined(separator: "/")
    }
}
