import Foundation

/// The `ignore_files` patterns of `debrief.yml`: files below the postmortems and runbooks folders
/// that are not documents (`README.md`, `index.md`, `template-incident-report.md`).
///
/// Patterns work as in `.gitignore`, case-insensitively: one without `/` matches a file name in
/// any folder (`README.md`, `*-template.md`); one with `/` matches the path below the
/// postmortems or runbooks folder (`2019/index.md`; a leading `/` is allowed).
public struct IgnoredFiles: Sendable {
    private let names: [String]
    private let paths: [String]

    public init(_ patterns: [String]) {
        // Both sides lower-cased: glibc's FNM_CASEFOLD is not visible to Swift.
        let lowered = patterns.map { $0.lowercased() }
        names = lowered.filter { !$0.contains("/") }
        paths = lowered.filter { $0.contains("/") }.map { $0.hasPrefix("/") ? String($0.dropFirst()) : $0 }
    }

    /// Whether `relativePath` (below the postmortems or runbooks folder) is ignored.
    public func contains(_ relativePath: String) -> Bool {
        let path = relativePath.lowercased()
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return names.contains { fnmatch($0, name, 0) == 0 } || paths.contains { fnmatch($0, path, FNM_PATHNAME) == 0 }
    }
}
