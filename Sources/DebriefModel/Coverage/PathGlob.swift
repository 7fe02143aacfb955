import Foundation

/// Shell-style globs over files: `*`, `?` and `[...]` within one path segment, `**` for any
/// number of folders (`deploy/**/prometheus-rule*.yaml`). Hidden files are not matched.
public enum PathGlob {
    /// Files matching `pattern` (relative to `base` unless absolute), sorted, in the form the
    /// pattern was written. A pattern without wildcards names its file whether or not it
    /// exists, so that reading it reports a missing file.
    public static func files(matching pattern: String, in base: String) -> [String] {
        let segments = pattern.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard let firstWild = segments.firstIndex(where: isWild) else { return [pattern] }
        let literal = segments[..<firstWild].joined(separator: "/")
        let prefix = (pattern.hasPrefix("/") ? "/" : "") + literal
        let folder = prefix.hasPrefix("/") ? prefix : (literal.isEmpty ? base : base + "/" + literal)
        let rest = Array(segments[firstWild...])
        return FileTree.regularFiles(in: folder)
            .filter { matches(rest[...], $0.split(separator: "/").map(String.init)[...]) }
            .map { prefix.isEmpty ? $0 : prefix + "/" + $0 }
            .sorted()
    }

    private static func isWild(_ segment: String) -> Bool {
        segment.contains { $0 == "*" || $0 == "?" || $0 == "[" }
    }

    private static func matches(_ pattern: ArraySlice<String>, _ path: ArraySlice<String>) -> Bool {
        guard let head = pattern.first else { return path.isEmpty }
        if head == "**" {
            return path.indices.contains { matches(pattern.dropFirst(), path[$0...]) } || matches(pattern.dropFirst(), path[path.endIndex...])
        }
        guard let name = path.first, fnmatch(head, name, FNM_PERIOD) == 0 else { return false }
        return matches(pattern.dropFirst(), path.dropFirst())
    }
}
