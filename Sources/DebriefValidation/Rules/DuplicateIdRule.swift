import DebriefModel
import Foundation

/// Slugs name pages and links, so two postmortems (or two runbooks) may not share one.
public struct DuplicateIdRule: KnowledgeBaseRule {
    public static let id = "duplicate-id"
    public static let defaultSeverity = Diagnostic.Severity.error
    public static let summary = "Two documents with the same slug"

    public init() {}

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        let postmortems = context.knowledgeBase.postmortems, runbooks = context.knowledgeBase.runbooks
        // The `slug:` line is looked up only for the documents reported.
        return duplicates(postmortems.indices.map { (postmortems[$0].slug, postmortems[$0].path, $0) }) { postmortems[$0].fieldLine("slug", "id") ?? 1 }
            // A stub left where a runbook moved from may share its name.
            + duplicates(runbooks.indices.filter { runbooks[$0].status != .redirect }.map { (runbooks[$0].slug, runbooks[$0].path, $0) }) { _ in 1 }
    }

    /// One diagnostic per document whose slug another document also has, naming the others.
    /// `line` gives the line to report for a document's `index`.
    private func duplicates(_ documents: [(slug: String, path: String, index: Int)], line: (Int) -> Int) -> [Diagnostic] {
        let groups = Dictionary(grouping: documents, by: \.slug).filter { $0.value.count > 1 }
        return groups.sorted { $0.key < $1.key }.flatMap { slug, members in
            members.map { member in
                let others = members.map(\.path).filter { $0 != member.path }.map { "`\($0)`" }.joined(separator: ", ")
                return diagnostic(member.path, line: line(member.index),
                                  "slug `\(slug)` is also used by \(others); rename one file or give it a distinct `slug:` in the front matter")
            }
        }
    }
}
