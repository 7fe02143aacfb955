import Foundation

/// An answer of `debrief serve`.
struct SiteResponse {
    var status: Int
    var contentType: String
    var body: [UInt8]
}

/// Answers a request with a file of the built site (or an edited page's preview), or with the
/// site's generation for the reload script. Paths are resolved inside the output folder only:
/// `..`, encoded or not, never leaves it.
struct SiteResponder {
    let site: LiveSite

    static let generationPath = "/__debrief/generation"

    /// Polls the site's generation and reloads the page when it differs from the one the page
    /// was served at. Injected into HTML by serve only.
    static func reloadScript(generation: Int) -> String {
        """
        <script>(function(){var seen="\(generation)";function poll(){fetch("\(generationPath)",{cache:"no-store"}).then(function(r){return r.text()}).then(function(g){if(g!==seen){location.reload();return}setTimeout(poll,300)}).catch(function(){setTimeout(poll,1000)})}poll()})();</script>
        """
    }

    func response(for requestPath: String) -> SiteResponse {
        if requestPath == Self.generationPath {
            return SiteResponse(status: 200, contentType: "text/plain", body: Array(String(site.generation).utf8))
        }
        guard let path = Self.sitePath(requestPath) else { return Self.notFound }
        // Read before the page: a change after this makes the page reload, never go unnoticed.
        let generation = site.generation
        let bytes: [UInt8]
        if let preview = site.preview(path) {
            bytes = preview
        } else if let data = FileManager.default.contents(atPath: site.output.appendingPathComponent(path).path) {
            bytes = Array(data)
        } else {
            return Self.notFound
        }
        let type = Self.contentType(of: path)
        guard type.hasPrefix("text/html") else { return SiteResponse(status: 200, contentType: type, body: bytes) }
        let page = String(decoding: bytes, as: UTF8.self)
        let script = Self.reloadScript(generation: generation)
        let withScript = page.range(of: "</body>", options: .backwards).map { page.replacingCharacters(in: $0, with: script + "</body>") }
        return SiteResponse(status: 200, contentType: type, body: Array((withScript ?? page + script).utf8))
    }

    /// The output-relative file for a URL path: percent-decoded, `index.html` for a folder; nil
    /// for anything that would leave the output folder.
    static func sitePath(_ requestPath: String) -> String? {
        guard let decoded = requestPath.removingPercentEncoding else { return nil }
        var parts: [Substring] = []
        for part in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." || part.contains("\0") || part.contains("\\") { return nil }
            parts.append(part)
        }
        if decoded.hasSuffix("/") || parts.isEmpty || !(parts.last ?? "").contains("." as Character) { parts.append("index.html") }
        return parts.joined(separator: "/")
    }

    static func contentType(of path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "xml": "application/atom+xml"
        case "ics": "text/calendar; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "csv": "text/csv; charset=utf-8"
        default: "application/octet-stream"
        }
    }

    static let notFound = SiteResponse(status: 404, contentType: "text/plain", body: Array("not found\n".utf8))
}
