import DebriefModel
import Foundation

/// A postmortem must have a title.
public struct TitleRule: Rule {
    public static let id = "title"
    public static let defaultSeverity = Diagnostic.Severity.error
    public static let summary = "Postmortem has no title"

    public init() {}

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        context.knowledgeBase.postmortems.compactMap { postmortem in
            let title = postmortem.title?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            guard title.isEmpty else { return nil }
            return diagnostic(postmortem.path, line: 1,
                              "postmortem has no title; start the file with `# Postmortem: <what broke, for whom>` or add `title:` to the front matter")
        }
    }
}
