import DebriefModel
import DebriefSite
import DebriefValidation
import Foundation

/// The site `debrief serve` shows: built into a private folder, with the loaded knowledge base
/// kept in memory between edits. After an edit only the changed files are parsed again; the
/// page of an edited postmortem is rendered at once (a preview without the cross-file context:
/// related incidents, references to other postmortems), then the whole site is rebuilt in
/// the background and replaces it. `generation` grows with every change the pages show.
final class LiveSite: @unchecked Sendable {
    let root: URL
    let output: URL
    let asOf: Day?
    private let lock = NSLock()
    private var knowledgeBase: KnowledgeBase?
    private var previews: [String: [UInt8]] = [:]
    private var currentGeneration = 0
    /// Serialises rebuilds: the watcher's thread runs them one after the other.
    private let rebuilds = DispatchQueue(label: "debrief.serve.rebuild")
    let log: (String) -> Void

    init(root: URL, output: URL, asOf: Day?, log: @escaping (String) -> Void) {
        self.root = root
        self.output = output
        self.asOf = asOf
        self.log = log
    }

    var generation: Int { lock.withLock { currentGeneration } }

    /// A preview page rendered since the last full build, nil for the built file.
    func preview(_ path: String) -> [UInt8]? { lock.withLock { previews[path] } }

    private func builder(generators: [any PageGenerator] = SiteBuilder.standardGenerators,
                         validator: Validator = Validator()) -> SiteBuilder {
        SiteBuilder(options: SiteBuilder.Options(root: root, output: output, baseURL: nil, asOf: asOf),
                    generators: generators, validator: validator)
    }

    /// Loads everything and builds the whole site; throws for a bad debrief.yml or layout.
    func buildAll() throws {
        let started = Date()
        let config = try DebriefConfig.load(root: root)
        let loaded = try KnowledgeBase.load(root: root, config: config)
        try build(loaded, started: started, what: "built")
    }

    private func build(_ loaded: KnowledgeBase, started: Date, what: String) throws {
        let builder = builder()
        let prepared = builder.prepare(loaded)
        let result = try builder.build(prepared)
        let errors = prepared.diagnostics.count { $0.severity == .error }
        lock.withLock {
            knowledgeBase = loaded
            previews = [:]
            currentGeneration += 1
        }
        log("\(what) \(result.pageCount) pages (\(loaded.postmortems.count) postmortems, \(errors) errors) in \(Self.seconds(since: started))")
    }

    /// After files changed: previews of edited postmortems at once, then the whole site.
    /// `everything`: debrief.yml or a layout changed, so nothing loaded is still valid.
    func changed(_ paths: Set<String>, everything: Bool) {
        rebuilds.async { [self] in
            let started = Date()
            do {
                guard !everything, let current = lock.withLock({ knowledgeBase }) else {
                    try buildAll()
                    return
                }
                let updated = current.reloading(paths)
                try preview(updated.postmortems.filter { paths.contains($0.path) }, in: updated, started: started)
                try build(updated, started: started, what: "rebuilt")
            } catch {
                log("error: \(error)")
            }
        }
    }

    /// Renders the pages of `edited` with the rules that read one document at a time (the
    /// cross-file ones wait for the full rebuild) and shows them until the rebuild is done.
    private func preview(_ edited: [Postmortem], in knowledgeBase: KnowledgeBase, started: Date) throws {
        guard !edited.isEmpty else { return }
        let crossFile: Set<String> = [BrokenReferenceRule.id, DuplicateIdRule.id, DuplicateAlertRule.id]
        let rules = Validator.allRules.filter { !type(of: $0).comparesDocuments && !crossFile.contains(type(of: $0).id) }
        let alone = KnowledgeBase(root: root, config: knowledgeBase.config, postmortems: edited, runbooks: knowledgeBase.runbooks)
        let builder = builder(generators: [PostmortemPages()], validator: Validator(rules: rules))
        let pages = try builder.render(builder.prepare(alone))
        lock.withLock {
            for page in pages { previews[page.path] = page.bytes }
            currentGeneration += 1
        }
        log("rendered \(edited.map(\.path).joined(separator: ", ")) in \(Self.seconds(since: started))")
    }

    static func seconds(since start: Date) -> String {
        String(format: "%.2f s", Date().timeIntervalSince(start))
    }
}
