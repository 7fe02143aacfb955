import DebriefModel
import Foundation

/// A postmortem must have a title.
public struct TitleRule: PostmortemRule {
    public static let id = "title"
    public static let defaultSeverity = Diagnostic.Severity.error
    public static let summary = "Postmortem has no title"

    public init() {}

    /// The parser falls back to the file name for display; that is not a title the author wrote.
    static func isFileNameFallback(_ title: String, _ postmortem: Postmortem) -> Bool {
        let stem = String(Slug.fileStem(ofPath: postmortem.path))
        return title == PostmortemParser.titleFromFileName(postmortem.path) && !postmortem.body.contains(stem) && !postmortem.body.contains(title) && !postmortem.fields.contains { $0.key.lowercased() == "title" }
    }

    public func check(_ postmortem: Postmortem, in context: PostmortemContext) -> [Diagnostic] {
        let title = postmortem.title?.trimmed() ?? ""
        guard title.isEmpty || Self.isFileNameFallback(title, postmortem) else { return [] }
        return [diagnostic(postmortem.path, line: 1,
                           "postmortem has no title; start the file with `# Postmortem: <what broke, for whom>` or add `title:` to the front matter")]
    }
}
