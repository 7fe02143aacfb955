import Foundation

/// Everything under a knowledge base root, parsed: the input of validation, analytics and the site.
public struct KnowledgeBase: Sendable {
    public var root: URL
    public var config: DebriefConfig
    /// Sorted by path.
    public var postmortems: [Postmortem]
    /// Sorted by path.
    public var runbooks: [Runbook]

    public init(root: URL, config: DebriefConfig, postmortems: [Postmortem], runbooks: [Runbook]) {
        self.root = root
        self.config = config
        self.postmortems = postmortems
        self.runbooks = runbooks
    }

    /// Problems met while reading files (parse diagnostics of every document).
    public var parseDiagnostics: [Diagnostic] {
        postmortems.flatMap(\.parseDiagnostics) + runbooks.flatMap(\.parseDiagnostics)
    }

    /// Reads `debrief.yml` and every postmortem and runbook below `root`, in parallel.
    /// Throws only for an unreadable root or configuration (a usage/I-O failure); problems in
    /// content files become diagnostics.
    public static func load(root: URL, config: DebriefConfig? = nil) throws -> KnowledgeBase {
        let config = try config ?? DebriefConfig.load(root: root)
        let postmortemFiles = ContentFiles.list(folder: config.contentDir + "/" + config.postmortemsDir, root: root, extensions: ["md", "markdown"])
        let runbookFiles = ContentFiles.list(folder: config.contentDir + "/" + config.runbooksDir, root: root, extensions: ["yml", "yaml", "md", "markdown"])
        let postmortemParser = PostmortemParser(config: config)
        let runbookParser = RunbookParser(config: config)
        let postmortems = ContentFiles.parseInParallel(postmortemFiles, root: root) { text, path in
            postmortemParser.parse(text: text, path: path)
        } unreadable: { path, diagnostics in
            var postmortem = Postmortem(path: path, slug: Slug.make(fromPath: path))
            postmortem.parseDiagnostics = diagnostics
            return postmortem
        }
        let runbooks = ContentFiles.parseInParallel(runbookFiles, root: root) { text, path in
            runbookParser.parse(text: text, path: path)
        } unreadable: { path, diagnostics in
            var runbook = Runbook(path: path, slug: Slug.make(fromPath: path), format: path.hasSuffix(".md") ? .markdown : .yaml)
            runbook.parseDiagnostics = diagnostics
            return runbook
        }
        return KnowledgeBase(root: root, config: config, postmortems: postmortems, runbooks: runbooks)
    }
}

/// Finding and reading content files.
enum ContentFiles {
    /// Paths relative to `root` (sorted) of regular files below `root/folder` with one of
    /// `extensions`. The folder may be a symbolic link; paths keep the name it has under root.
    static func list(folder: String, root: URL, extensions: Set<String>) -> [String] {
        let resolved = root.appendingPathComponent(folder).resolvingSymlinksInPath().standardizedFileURL
        guard let enumerator = FileManager.default.enumerator(at: resolved, includingPropertiesForKeys: [.isRegularFileKey],
                                                              options: [.skipsHiddenFiles]) else { return [] }
        let base = resolved.path
        var paths: [String] = []
        for case let url as URL in enumerator where extensions.contains(url.pathExtension.lowercased()) {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let full = url.standardizedFileURL.path
            guard full.hasPrefix(base + "/") else { continue }
            if url.lastPathComponent.hasPrefix("_") { continue } // _index.md and other partials
            paths.append(folder + "/" + full.dropFirst(base.count + 1))
        }
        return paths.sorted()
    }

    /// Parses every file on all cores; results keep the order of `paths`.
    static func parseInParallel<T: Sendable>(_ paths: [String], root: URL,
                                             parse: @Sendable (String, String) -> T,
                                             unreadable: @Sendable (String, [Diagnostic]) -> T) -> [T] {
        let results = ResultSlots<T>(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            let path = paths[index]
            let url = root.appendingPathComponent(path)
            guard let data = try? Data(contentsOf: url) else {
                results[index] = unreadable(path, [Diagnostic(file: path, line: 1, severity: .error, rule: "unreadable", message: "file cannot be read; check its permissions")])
                return
            }
            let decoded = SourceText.decode(data, path: path)
            guard let text = decoded.text else {
                results[index] = unreadable(path, decoded.diagnostics)
                return
            }
            var value = parse(text, path)
            if !decoded.diagnostics.isEmpty, var document = value as? any DiagnosticCarrying {
                document.parseDiagnostics.insert(contentsOf: decoded.diagnostics, at: 0)
                value = document as! T
            }
            results[index] = value
        }
        return results.values
    }
}

protocol DiagnosticCarrying {
    var parseDiagnostics: [Diagnostic] { get set }
}

extension Postmortem: DiagnosticCarrying {}
extension Runbook: DiagnosticCarrying {}

/// Fixed slots written from concurrent iterations, each index by exactly one writer.
public final class ResultSlots<T>: @unchecked Sendable {
    private var storage: [T?]
    private let lock = NSLock()

    public init(count: Int) {
        storage = Array(repeating: nil, count: count)
    }

    public subscript(index: Int) -> T? {
        get { lock.withLock { storage[index] } }
        set { lock.withLock { storage[index] = newValue } }
    }

    public var values: [T] { storage.map { $0! } }
}
