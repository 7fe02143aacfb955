import Foundation
import Markdown

/// Reads a runbook, YAML (seed schema) or markdown, into a `Runbook`.
public struct RunbookParser: Sendable {
    public let config: DebriefConfig

    public init(config: DebriefConfig = DebriefConfig()) {
        self.config = config
    }

    public func parse(text: String, path: String) -> Runbook {
        let isYAML = path.hasSuffix(".yml") || path.hasSuffix(".yaml")
        return Runbook(path: path, slug: Slug.make(fromPath: path), format: isYAML ? .yaml : .markdown)
    }
}
