import ArgumentParser
import DebriefModel
import Foundation

/// `--root DIR`: where the knowledge base (`debrief.yml`, `content/`) lives. Shared by every
/// command that reads or writes a knowledge base.
public struct KnowledgeBaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Knowledge base root: the folder holding debrief.yml and content/.", valueName: "dir"))
    public var root: String = "."

    public init() {}

    /// The root as an absolute URL; throws when it is not a readable folder.
    public func rootURL() throws -> URL {
        let url = URL(fileURLWithPath: root).standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CLIError("knowledge base root \(root) is not a folder; pass --root with the folder that holds content/")
        }
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw CLIError("knowledge base root \(root) cannot be read; check its permissions")
        }
        return url
    }

    /// `debrief.yml` of the root (defaults when absent); a malformed file is a usage failure.
    public func config() throws -> DebriefConfig {
        try DebriefConfig.load(root: rootURL())
    }

    /// The whole knowledge base below the root.
    public func load() throws -> KnowledgeBase {
        try KnowledgeBase.load(root: rootURL())
    }
}
