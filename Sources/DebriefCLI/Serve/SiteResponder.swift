import FlyingFox
import Foundation

/// Answers a request with a file of the built site (or an edited page's preview). Paths are
/// resolved inside the output folder only: `..`, encoded or not, never leaves it.
struct SiteResponder {
    let site: LiveSite

    /// Polls the site's generation and reloads the page when it differs from the one the page
    /// was served at. Injected into HTML by serve only.
    static func reloadScript(generation: Int) -> String {
        """
        <script>(function(){var seen="\(generation)";function poll(){fetch("/__debrief/generation",{cache:"no-store"}).then(function(r){return r.text()}).then(function(g){if(g!==seen){location.reload();return}setTimeout(poll,300)}).catch(function(){setTimeout(poll,1000)})}poll()})();</script>
        """
    }

    func response(for requestPath: String) -> HTTPResponse {
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
        var body = Data(bytes)
        if type.hasPrefix("text/html") {
            let page = String(decoding: bytes, as: UTF8.self)
            let script = Self.reloadScript(generation: generation)
            let withScript = page.range(of: "</body>", options: .backwards).map { page.replacingCharacters(in: $0, with: script + "</body>") }
            body = Data((withScript ?? page + script).utf8)
        }
        return HTTPResponse(statusCode: .ok, headers: [.contentType: type, .cacheControl: "no-store"], body: body)
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
        if decoded.hasSuffix("/") || parts.isEmpty || !(parts.last ?? "").contains(".") { parts.append("index.html") }
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

    static let notFound = HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/plain"], body: Data("not found\n".utf8))
}
