import Foundation

extension KnowledgeBase {
    /// Paths (relative to `root`, sorted) of every postmortem and runbook file `load` would read:
    /// what a build's input fingerprint covers.
    public static func contentFiles(root: URL, config: DebriefConfig) -> [String] {
        ContentFiles.list(folder: config.postmortemsFolder, root: root, extensions: ["md", "markdown"])
            + ContentFiles.list(folder: config.runbooksFolder, root: root, extensions: ["yml", "yaml", "md", "markdown"])
    }
}
