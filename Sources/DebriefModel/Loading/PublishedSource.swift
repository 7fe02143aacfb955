import Foundation

/// The file a documentation site publishes a path from: links and runbook URLs name the
/// published page (`kibana.html`, `/alerts/DiskFull`), the repository holds its source
/// (`kibana.html.md`, `alerts/DiskFull.md`, `page.html.md.erb`).
public enum PublishedSource {
    /// Extensions of the sources a documentation site publishes pages from.
    public static let sourceExtensions: Set<String> = ["md", "markdown", "erb", "rst", "adoc", "txt", "yml", "yaml"]

    /// `path` (relative to `root`) if that file or folder exists, else the file in the same folder
    /// named `path` plus source extensions; with `ignoringCase`, names compare case-insensitively.
    public static func find(_ path: String, under root: URL, ignoringCase: Bool = false) -> String? {
        if FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path) { return path }
        let parts = path.split(separator: "/")
        guard let last = parts.last else { return nil }
        let name = ignoringCase ? last.lowercased() : String(last)
        let folder = parts.dropLast().joined(separator: "/")
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
        return entries.sorted().first { entry in
            let candidate = ignoringCase ? entry.lowercased() : entry
            guard candidate.hasPrefix(name) else { return false }
            let rest = candidate.dropFirst(name.count)
            return rest.isEmpty || (rest.hasPrefix(".") && rest.dropFirst().split(separator: ".").allSatisfy { sourceExtensions.contains($0.lowercased()) })
        }.map { folder.isEmpty ? $0 : folder + "/" + $0 }
    }
}
