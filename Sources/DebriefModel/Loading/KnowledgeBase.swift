import Foundation

/// Everything under a knowledge base root, parsed: the input of validation, analytics and the site.
public struct KnowledgeBase: Sendable {
    public var root: URL
    public var config: DebriefConfig
    /// Sorted by path.
    public private(set) var postmortems: [Postmortem]
    /// Sorted by path.
    public private(set) var runbooks: [Runbook]
    /// Slugs, names, document paths and alert-to-runbook links of these documents, resolved once.
    public private(set) var index: KnowledgeBaseIndex
    /// Every content file `load` read, in `contentFiles` order, with the hash of the bytes it
    /// parsed (nil when unreadable): what a build's input fingerprint covers.
    public var sourceHashes: [(path: String, hash: ContentHash?)]
    /// The rule files of `alert_rules:` (empty when none is configured).
    public var alertRules = AlertRuleFiles(files: [], rules: [], diagnostics: [])
    /// Alerts matched to runbooks; nil when `alert_rules:` is not configured.
    public var alertCoverage: AlertCoverage?
    /// Files in the postmortems and runbooks folders that `ignore_files` set aside (root-relative, sorted).
    public var ignoredFiles: [String] = []

    public init(root: URL, config: DebriefConfig, postmortems: [Postmortem], runbooks: [Runbook],
                sourceHashes: [(path: String, hash: ContentHash?)] = []) {
        self.root = root
        self.config = config
        self.postmortems = postmortems
        self.runbooks = runbooks
        self.sourceHashes = sourceHashes
        index = KnowledgeBaseIndex(postmortems: postmortems, runbooks: runbooks)
    }

    /// Problems met while reading files (parse diagnostics of every document and rule file).
    public var parseDiagnostics: [Diagnostic] {
        postmortems.flatMap(\.parseDiagnostics) + runbooks.flatMap(\.parseDiagnostics) + alertRules.diagnostics
    }

    /// Reads `debrief.yml` and every postmortem and runbook below `root`, in parallel.
    /// Throws only for an unreadable root or configuration (a usage/I-O failure); problems in
    /// content files become diagnostics.
    public static func load(root: URL, config: DebriefConfig? = nil) throws -> KnowledgeBase {
        let config = try config ?? DebriefConfig.load(root: root)
        let files = ContentFiles.list(root: root, config: config)
        var knowledgeBase = parse(postmortemFiles: files.postmortems, runbookFiles: files.runbooks, root: root, config: config)
        knowledgeBase.ignoredFiles = files.ignored
        knowledgeBase.resolveRunbooks()
        return knowledgeBase
    }

    /// Owners from `OWNERS`/`CODEOWNERS` and document status (they depend on other files), then
    /// alert coverage when rule files are configured.
    mutating func resolveRunbooks() {
        runbooks = RunbookResolver.resolve(runbooks, postmortems: postmortems, root: root)
        guard !config.alertRules.isEmpty else {
            index = index.replacingRunbooks(runbooks, postmortems: postmortems)
            return
        }
        if alertRules.files.isEmpty {
            let configText = try? String(contentsOf: root.appendingPathComponent("debrief.yml"), encoding: .utf8)
            matchAlerts(AlertRuleFiles.load(globs: config.alertRules, base: root, configText: configText))
        } else {
            matchAlerts(alertRules)
        }
    }

    /// Matches the alerts of `rules` to the runbooks (`alertCoverage`). A runbook that names no
    /// alert becomes the runbook of the alerts whose URLs lead to it.
    public mutating func matchAlerts(_ rules: AlertRuleFiles) {
        alertRules = rules
        var coverage = AlertCoverage(rules: rules.rules, runbooks: runbooks, urlFolders: config.runbookURLs, root: root)
        let linkedAlerts = Dictionary(grouping: coverage.alerts.filter { $0.status == .covered }, by: { $0.runbook ?? "" })
        var learned = false
        for index in runbooks.indices where runbooks[index].alertNames.isEmpty {
            guard let alerts = linkedAlerts[runbooks[index].path] else { continue }
            runbooks[index].alertNames = alerts.map(\.rule.name)
            if runbooks[index].status == .document { runbooks[index].status = .active }
            learned = true
        }
        // A document that became a runbook can now be matched by its file name.
        if learned { coverage = AlertCoverage(rules: rules.rules, runbooks: runbooks, urlFolders: config.runbookURLs, root: root) }
        alertCoverage = coverage
        index = index.replacingRunbooks(runbooks, postmortems: postmortems)
    }

    /// Parses the named files (root-relative) on all cores.
    static func parse(postmortemFiles: [String], runbookFiles: [String], root: URL, config: DebriefConfig) -> KnowledgeBase {
        let postmortemParser = PostmortemParser(config: config)
        let runbookParser = RunbookParser(config: config)
        let (postmortems, postmortemHashes) = ContentFiles.parseInParallel(postmortemFiles, root: root) { text, path in
            postmortemParser.parse(text: text, path: path)
        } unreadable: { path, diagnostics in
            var postmortem = Postmortem(path: path, slug: Slug.make(fromPath: path))
            postmortem.parseDiagnostics = diagnostics
            return postmortem
        }
        let (runbooks, runbookHashes) = ContentFiles.parseInParallel(runbookFiles, root: root) { text, path in
            runbookParser.parse(text: text, path: path)
        } unreadable: { path, diagnostics in
            var runbook = Runbook(path: path, slug: Slug.make(fromPath: path), format: path.hasSuffix(".md") ? .markdown : .yaml)
            runbook.parseDiagnostics = diagnostics
            return runbook
        }
        return KnowledgeBase(root: root, config: config, postmortems: postmortems, runbooks: runbooks,
                             sourceHashes: Array(zip(postmortemFiles + runbookFiles, postmortemHashes + runbookHashes)))
    }
}

extension KnowledgeBase {
    /// This knowledge base with the files at `paths` (root-relative) read again: changed ones
    /// parsed anew, new ones added, deleted ones dropped; every other document is kept as it was
    /// parsed (`debrief serve` after an edit).
    public func reloading(_ paths: Set<String>) -> KnowledgeBase {
        let postmortemFolder = config.postmortemsFolder + "/"
        let known = Set(paths.filter { path in postmortems.contains { $0.path == path } || runbooks.contains { $0.path == path } })
        let stillThere = known.filter { FileManager.default.fileExists(atPath: root.path + "/" + $0) }
        // Edits of files it already holds (the usual case while writing) need no listing of the
        // folders; a new or deleted file changes the list, which is read again.
        let listing = stillThere == paths ? nil : ContentFiles.list(root: root, config: config)
        let files = listing.map { $0.postmortems + $0.runbooks } ?? sourceHashes.map(\.path)
        let present = stillThere == paths ? stillThere : Set(files)
        let changed = paths.filter(present.contains).sorted()
        let reloaded = KnowledgeBase.parse(postmortemFiles: changed.filter { $0.hasPrefix(postmortemFolder) },
                                           runbookFiles: changed.filter { !$0.hasPrefix(postmortemFolder) }, root: root, config: config)
        var updated = self
        if let listing { updated.ignoredFiles = listing.ignored }
        updated.postmortems = Self.replacing(postmortems, paths: paths, with: reloaded.postmortems, path: \.path)
        updated.runbooks = Self.replacing(runbooks, paths: paths, with: reloaded.runbooks, path: \.path)
        updated.index = KnowledgeBaseIndex(postmortems: updated.postmortems, runbooks: updated.runbooks)
        var hashes = Dictionary(sourceHashes.map { ($0.path, $0.hash) }, uniquingKeysWith: { $1 })
        for (path, hash) in reloaded.sourceHashes { hashes[path] = hash }
        updated.sourceHashes = files.map { ($0, hashes[$0] ?? nil) }
        updated.resolveRunbooks()
        return updated
    }

    /// `documents` (sorted by path) without those at `paths`, with `fresh` in their sorted places.
    private static func replacing<T>(_ documents: [T], paths: Set<String>, with fresh: [T], path: KeyPath<T, String>) -> [T] {
        var result = documents
        // An edit in place keeps the order: no sort of every document.
        if fresh.count == paths.count {
            let positions = fresh.compactMap { document in result.firstIndex { $0[keyPath: path] == document[keyPath: path] } }
            if positions.count == fresh.count {
                for (position, document) in zip(positions, fresh) { result[position] = document }
                return result
            }
        }
        result.removeAll { paths.contains($0[keyPath: path]) }
        return (result + fresh).sorted { $0[keyPath: path] < $1[keyPath: path] }
    }
}

/// Finding and reading content files.
enum ContentFiles {
    /// Paths relative to `root` (sorted) of regular files below `root/folder` with one of
    /// `extensions`, split into documents and the files `ignoring` matches. The folder may be a
    /// symbolic link; paths keep the name it has under root. Like `FileManager`'s enumerator,
    /// `FileTree` skips hidden entries and follows no links below the folder, without the URL
    /// resource lookups that cost more than parsing some files.
    static func list(folder: String, root: URL, extensions: Set<String>, ignoring: IgnoredFiles) -> (documents: [String], ignored: [String]) {
        let resolved = root.appendingPathComponent(folder).resolvingSymlinksInPath().standardizedFileURL
        var documents: [String] = [], ignored: [String] = []
        for relative in FileTree.regularFiles(in: resolved.path) {
            // On bytes (`/` and `.` are ASCII): splitting 10,000 paths into Characters was a
            // serial step as long as parsing a hundred files.
            let utf8 = relative.utf8
            let name = relative[(utf8.lastIndex(of: UInt8(ascii: "/")).map(utf8.index(after:)) ?? utf8.startIndex)...]
            guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")),
                  extensions.contains(name[name.utf8.index(after: dot)...].lowercased()),
                  !name.hasPrefix("_") else { continue } // _index.md and other partials
            if ignoring.contains(relative) {
                ignored.append(folder + "/" + relative)
            } else {
                documents.append(folder + "/" + relative)
            }
        }
        return (documents.sorted(), ignored.sorted())
    }

    /// The postmortem and runbook files below `root` and the files `ignore_files` set aside.
    static func list(root: URL, config: DebriefConfig) -> (postmortems: [String], runbooks: [String], ignored: [String]) {
        let ignoring = IgnoredFiles(config.ignoreFiles)
        let postmortems = list(folder: config.postmortemsFolder, root: root, extensions: ["md", "markdown"], ignoring: ignoring)
        let runbooks = list(folder: config.runbooksFolder, root: root, extensions: ["yml", "yaml", "md", "markdown"], ignoring: ignoring)
        return (postmortems.documents, runbooks.documents, postmortems.ignored + runbooks.ignored)
    }

    /// Parses every file on all cores, and hashes the bytes it parsed (nil: unreadable); results
    /// keep the order of `paths`.
    static func parseInParallel<T: Sendable & DiagnosticCarrying>(_ paths: [String], root: URL,
                                             parse: @Sendable (String, String) -> T,
                                             unreadable: @Sendable (String, [Diagnostic]) -> T) -> ([T], [ContentHash?]) {
        let results = ResultSlots<(T, ContentHash?)>(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            let path = paths[index]
            guard let bytes = FileBytes.contents(of: root.path + "/" + path) else {
                results[index] = (unreadable(path, [Diagnostic(file: path, line: 1, severity: .error, rule: "unreadable", message: "file cannot be read; check its permissions")]), nil)
                return
            }
            let hash = ContentHash(bytes)
            let decoded = SourceText.decode(bytes: bytes, path: path)
            guard let text = decoded.text else {
                results[index] = (unreadable(path, decoded.diagnostics), hash)
                return
            }
            var value = parse(text, path)
            if !decoded.diagnostics.isEmpty {
                value.parseDiagnostics.insert(contentsOf: decoded.diagnostics, at: 0)
            }
            results[index] = (value, hash)
        }
        let values = results.values
        return (values.map(\.0), values.map(\.1))
    }
}

protocol DiagnosticCarrying {
    var parseDiagnostics: [Diagnostic] { get set }
}

extension Postmortem: DiagnosticCarrying {
    var parseDiagnostics: [Diagnostic] {
        get { self[dynamicMember: \.parseDiagnostics] }
        set { self[dynamicMember: \.parseDiagnostics] = newValue }
    }
}
extension Runbook: DiagnosticCarrying {}
