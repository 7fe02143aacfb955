import DebriefModel
import Foundation

/// Slugs name pages and links, so two postmortems (or two runbooks) may not share one.
public struct DuplicateIdRule: Rule {
    public static let id = "duplicate-id"
    public static let defaultSeverity = Diagnostic.Severity.error
    public static let summary = "Two documents with the same slug"

    public static let comparesDocuments = true

    public init() {}

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        let postmortemLines = Dictionary(context.postmortems.map { ($0.path, $0.fieldLine("slug", "id") ?? 1) }, uniquingKeysWith: { a, _ in a })
        return duplicates(context.postmortems.map { ($0.slug, $0.path) }) { postmortemLines[$0] ?? 1 }
            + duplicates(context.runbooks.map { ($0.slug, $0.path) }) { _ in 1 }
    }

    /// One diagnostic per document whose slug another document also has, naming the others.
    private func duplicates(_ documents: [(slug: String, path: String)], line: (String) -> Int) -> [Diagnostic] {
        let groups = Dictionary(grouping: documents, by: \.slug).filter { $0.value.count > 1 }
        return groups.sorted { $0.key < $1.key }.flatMap { slug, members in
            members.map { member in
                let others = members.map(\.path).filter { $0 != member.path }.map { "`\($0)`" }.joined(separator: ", ")
                return diagnostic(member.path, line: line(member.path),
                                  "slug `\(slug)` is also used by \(others); rename one file or give it a distinct `slug:` in the front matter")
            }
        }
    }
}
