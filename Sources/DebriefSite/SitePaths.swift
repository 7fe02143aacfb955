/// Where each page lives, relative to the output root. Every segment is a `Slug` or a fixed
/// name, so no path can leave the output folder. Links point at `index.html` files explicitly
/// so the site also works from `file://`, where folders do not open their index.
public enum SitePaths {
    public static let home = "index.html"
    public static let postmortems = "postmortems/index.html"
    public static let runbooks = "runbooks/index.html"
    public static let actions = "actions/index.html"

    public static func postmortem(_ slug: String) -> String { "postmortems/\(slug)/index.html" }
    public static func runbook(_ slug: String) -> String { "runbooks/\(slug)/index.html" }
    public static func taxonomy(_ taxonomy: Taxonomy) -> String { "\(taxonomy.rawValue)/index.html" }
    public static func term(_ taxonomy: Taxonomy, _ slug: String) -> String { "\(taxonomy.rawValue)/\(slug)/index.html" }

    /// The published copy of a file the content links to (an image, a PDF): under `files/`,
    /// at its path from the knowledge base root, each segment reduced to safe characters.
    public static func contentFile(_ path: String) -> String {
        "files/" + path.split(separator: "/").map { segment in
            let safe = String(String.UnicodeScalarView(segment.unicodeScalars.map { isSafe($0) ? $0 : "-" }))
            return safe == "." || safe == ".." ? "-" : safe
        }.joined(separator: "/")
    }

    /// The prefix that leads from `path` back to the output root: `""`, `"../"`, `"../../"`.
    public static func root(of path: String) -> String {
        String(repeating: "../", count: path.split(separator: "/").count - 1)
    }

    /// A path is safe when every segment is a plain name (letters, digits, `-`, `_`, `.`) that is
    /// not `.` or `..`, and the path is relative.
    public static func isSafe(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { segment in
            !segment.isEmpty && segment != "." && segment != ".." &&
                segment.unicodeScalars.allSatisfy(isSafe)
        }
    }

    /// ASCII letters, digits, `-`, `_` and `.`: the characters of a safe path segment.
    private static func isSafe(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_.".unicodeScalars.contains(scalar))
    }
}

/// The index-page families: one page per value, plus an index of the values.
public enum Taxonomy: String, Sendable, CaseIterable {
    case services, tags, severities, years, owners

    public var title: String {
        switch self {
        case .services: return "Services"
        case .tags: return "Tags"
        case .severities: return "Severities"
        case .years: return "Years"
        case .owners: return "Owners"
        }
    }

    public var singular: String {
        switch self {
        case .services: return "Service"
        case .tags: return "Tag"
        case .severities: return "Severity"
        case .years: return "Year"
        case .owners: return "Owner"
        }
    }
}
