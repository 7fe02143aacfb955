import Foundation
import Markdown

/// Reads one postmortem in any of the shapes SPEC section 3 lists into a `Postmortem`.
public struct PostmortemParser: Sendable {
    public let config: DebriefConfig

    public init(config: DebriefConfig = DebriefConfig()) {
        self.config = config
    }

    public func parse(text: String, path: String) -> Postmortem {
        var postmortem = Postmortem(path: path, slug: Slug.make(fromPath: path))
        let front = FrontMatter.split(text, path: path)
        postmortem.body = front.body
        postmortem.bodyLineOffset = front.bodyLineOffset
        postmortem.parseDiagnostics = front.diagnostics
        let document = MarkdownParser.parse(front.body, lineOffset: front.bodyLineOffset)
        postmortem.title = document.blocks.first { $0.kind == .heading(level: 1) }?.plainText
        return postmortem
    }
}
