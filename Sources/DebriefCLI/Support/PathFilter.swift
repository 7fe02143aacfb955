import Foundation

/// The PATHS of `debrief check`: which files of the knowledge base to report on. A path may be
/// relative to the current folder or to the root; a folder names every file below it.
public struct PathFilter: Sendable {
    /// Root-relative paths (`/` separated, no trailing slash); empty string is the whole root.
    public let prefixes: [String]

    /// No paths: everything.
    public static let everything = PathFilter(prefixes: [""])

    init(prefixes: [String]) {
        self.prefixes = prefixes
    }

    /// Resolves `paths` against the current folder, then the root. Throws for a path that
    /// exists in neither, or that lies outside the root.
    public init(paths: [String], root: URL, currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) throws {
        guard !paths.isEmpty else {
            self = .everything
            return
        }
        var prefixes: [String] = []
        for path in paths {
            let candidates = path.hasPrefix("/")
                ? [URL(fileURLWithPath: path)]
                : [currentDirectory.appendingPathComponent(path), root.appendingPathComponent(path)]
            guard let existing = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) else {
                throw CLIError("\(path): no such file or folder (paths are relative to the current folder or to the knowledge base root)")
            }
            guard let relative = PathFilter.relativePath(of: existing, under: root) else {
                throw CLIError("\(path) is outside the knowledge base root \(root.path); pass --root with the folder that contains it")
            }
            prefixes.append(relative)
        }
        self.prefixes = prefixes
    }

    /// Whether a root-relative file path is named by one of the paths.
    public func contains(_ file: String) -> Bool {
        prefixes.contains { prefix in
            prefix.isEmpty || file == prefix || file.hasPrefix(prefix + "/")
        }
    }

    /// `url` relative to `root` (empty for the root itself), comparing standardized and then
    /// symlink-resolved paths; nil when outside.
    static func relativePath(of url: URL, under root: URL) -> String? {
        let pairs = [(url.standardizedFileURL.path, root.standardizedFileURL.path),
                     (url.resolvingSymlinksInPath().path, root.resolvingSymlinksInPath().path)]
        for (path, rootPath) in pairs {
            if path == rootPath { return "" }
            let base = rootPath.hasSuffix("/") ? rootPath : rootPath + "/"
            if path.hasPrefix(base) { return String(path.dropFirst(base.count)) }
        }
        return nil
    }
}
