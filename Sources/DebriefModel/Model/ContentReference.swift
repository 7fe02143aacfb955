/// Where a link or image URL written in a content file points, resolved once by the rules
/// every consumer shares (`broken-reference`, the site's link rewriting, asset publishing,
/// document detection).
public enum ContentReference: Sendable, Hashable {
    /// A URL with a scheme (`https:`, `mailto:`) or host (`//cdn...`): not checked.
    case external
    /// `#anchor` on the same page.
    case anchor
    /// `/path`: a path of the published site, not a file of the knowledge base.
    case sitePath(String)
    /// A file of the knowledge base: its path relative to the root, and the `#fragment`.
    case content(path: String, fragment: String?)
    /// A relative path that climbs above the knowledge base root.
    case outside

    /// Resolves `url` as written in the file at `source` (a root-relative path).
    public static func resolve(_ url: String, from source: String) -> ContentReference {
        let trimmed = url.trimmingWhitespaceAndNewlines()
        if trimmed.isEmpty || trimmed.hasPrefix("#") { return .anchor }
        // `[https://...]` from a malformed link definition is meant as a web address too.
        if trimmed.hasPrefix("//") || hasScheme(trimmed) || trimmed.contains("://") || trimmed.hasPrefix("[") { return .external }
        let hashSplit = trimmed.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let fragment = hashSplit.count > 1 ? String(hashSplit[1]) : nil
        let target = String(hashSplit[0].split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
        let decoded = target.removingPercentEncoding ?? target
        if decoded.hasPrefix("/") { return .sitePath(decoded) }
        var parts = source.split(separator: "/").dropLast().map(String.init)
        for part in decoded.split(separator: "/") {
            switch part {
            case ".": continue
            case "..":
                if parts.isEmpty { return .outside }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return .content(path: parts.joined(separator: "/"), fragment: fragment)
    }

    /// `scheme:` as RFC 3986 spells it (a letter, then letters, digits, `+`, `-`, `.`).
    private static func hasScheme(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":"), let first = url.first, first.isASCII, first.isLetter else { return false }
        return url[..<colon].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    }
}
