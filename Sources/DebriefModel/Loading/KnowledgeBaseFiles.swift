import Foundation

extension KnowledgeBase {
    /// Paths (relative to `root`, sorted) of every postmortem and runbook file `load` would read:
    /// what a build's input fingerprint covers.
    public static func contentFiles(root: URL, config: DebriefConfig) -> [String] {
        let files = ContentFiles.list(root: root, config: config)
        return files.postmortems + files.runbooks
    }
}
