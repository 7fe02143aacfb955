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
    let log: (String) -> Void
    private let lock = NSLock()
    // Guarded by `lock`:
    private var knowledgeBase: KnowledgeBase?
    /// Grows with every edit the knowledge base took in.
    private var edits = 0
    /// Output path -> preview page and the edit it shows, until a full build covers that edit.
    private var previews: [String: (bytes: [UInt8], edit: Int)] = [:]
    private var currentGeneration = 0
    private var rebuildRunning = false
    private var rebuildWanted = false
    private var reloadEverything = false

    /// Edits are taken in one at a time, in order, and never wait for a full rebuild.
    private let editQueue = DispatchQueue(label: "debrief.serve.edits")
    private let rebuildQueue = DispatchQueue(label: "debrief.serve.rebuild")

    init(root: URL, output: URL, asOf: Day?, log: @escaping (String) -> Void) {
        self.root = root
        self.output = output
        self.asOf = asOf
        self.log = log
    }

    var generation: Int { lock.withLock { currentGeneration } }

    /// A preview page newer than the built site, nil for the built file.
    func preview(_ path: String) -> [UInt8]? { lock.withLock { previews[path]?.bytes } }

    private func builder(generators: [any PageGenerator] = SiteBuilder.standardGenerators,
                         validator: Validator = Validator()) -> SiteBuilder {
        SiteBuilder(options: SiteBuilder.Options(root: root, output: output, baseURL: nil, asOf: asOf),
                    generators: generators, validator: validator)
    }

    /// Loads everything and builds the whole site; throws for a bad debrief.yml or layout.
    func buildAll() throws {
        let started = Date()
        let loaded = try KnowledgeBase.load(root: root)
        let edit = lock.withLock {
            knowledgeBase = loaded
            return edits
        }
        try build(loaded, edit: edit, started: started, what: "built")
    }

    private func build(_ loaded: KnowledgeBase, edit: Int, started: Date, what: String) throws {
        let builder = builder()
        let prepared = builder.prepare(loaded)
        let result = try builder.build(prepared)
        let errors = prepared.diagnostics.count { $0.severity == .error }
        lock.withLock {
            previews = previews.filter { $0.value.edit > edit }
            currentGeneration += 1
        }
        log("\(what) \(result.pageCount) pages (\(loaded.postmortems.count) postmortems, \(errors) errors) in \(Self.seconds(since: started))")
    }

    /// After files changed: the knowledge base takes in the edited files and the pages of
    /// edited postmortems are shown at once; then the whole site is rebuilt. `everything`:
    /// debrief.yml or a layout changed, so nothing loaded is still valid.
    func changed(_ paths: Set<String>, everything: Bool) {
        editQueue.async { [self] in
            let started = Date()
            if everything {
                lock.withLock { reloadEverything = true }
            } else if let current = lock.withLock({ knowledgeBase }) {
                let updated = current.reloading(paths)
                let edit = lock.withLock {
                    edits += 1
                    knowledgeBase = updated
                    return edits
                }
                do {
                    try preview(updated.postmortems.filter { paths.contains($0.path) }, in: updated, edit: edit, started: started)
                } catch {
                    log("error: \(error)")
                }
            }
            rebuildSoon()
        }
    }

    /// One full rebuild at a time; edits that arrive during one are covered by the next.
    private func rebuildSoon() {
        let start = lock.withLock {
            rebuildWanted = true
            guard !rebuildRunning else { return false }
            rebuildRunning = true
            return true
        }
        guard start else { return }
        rebuildQueue.async { [self] in
            while true {
                let next: (KnowledgeBase?, Int, Bool)? = lock.withLock {
                    guard rebuildWanted else {
                        rebuildRunning = false
                        return nil
                    }
                    rebuildWanted = false
                    let everything = reloadEverything
                    reloadEverything = false
                    return (knowledgeBase, edits, everything)
                }
                guard let (loaded, edit, everything) = next else { return }
                do {
                    if everything || loaded == nil {
                        try buildAll()
                    } else if let loaded {
                        try build(loaded, edit: edit, started: Date(), what: "rebuilt")
                    }
                } catch {
                    log("error: \(error)")
                }
            }
        }
    }

    /// Renders the pages of `edited` with the rules that read one document at a time (the
    /// cross-file ones wait for the full rebuild) and shows them until a rebuild covers them.
    private func preview(_ edited: [Postmortem], in knowledgeBase: KnowledgeBase, edit: Int, started: Date) throws {
        guard !edited.isEmpty else { return }
        // The runbooks are there for the page's alert links; their own rules are not run again.
        // `broken-reference` needs the other postmortems, which this knowledge base leaves out.
        let rules = Validator.allRules.filter { rule in
            rule is any PostmortemRule && !(rule is any RunbookRule) && type(of: rule).id != BrokenReferenceRule.id
        }
        let alone = KnowledgeBase(root: root, config: knowledgeBase.config, postmortems: edited, runbooks: knowledgeBase.runbooks)
        let builder = builder(generators: [PostmortemPages()], validator: Validator(rules: rules))
        let pages = try builder.render(builder.prepare(alone))
        lock.withLock {
            for page in pages { previews[page.path] = (page.bytes, edit) }
            currentGeneration += 1
        }
        log("rendered \(edited.map(\.path).joined(separator: ", ")) in \(Self.seconds(since: started))")
    }

    static func seconds(since start: Date) -> String {
        String(format: "%.2f s", Date().timeIntervalSince(start))
    }
}
