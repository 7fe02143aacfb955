import Foundation
import DebriefModel
import DebriefValidation

/// `debrief build` as named steps: fingerprint the inputs (stop when the output was built from
/// the same ones) -> load the knowledge base -> validate -> build the `SiteModel` -> render
/// each page kind and hand its files to the writer (staging folder + swap, or nothing when
/// unchanged).
public struct SiteBuilder {
    /// The pages of the site, in navigation order for those with a nav entry. Add a generator
    /// here to add a page kind.
    public static let standardGenerators: [any PageGenerator] = [
        HomePage(),
        PostmortemListPage(),
        RunbookPages(),
        ActionsPage(),
        TrendsPage(),
        PostmortemPages(),
        TaxonomyPages(),
        APIExports(),
        AtomFeed(),
        ICalendarFeed(),
        SearchPage(),
        CoveragePage(),
        AssetFiles(),
        ContentFilePages(),
    ]

    public struct Options: Sendable {
        public var root: URL
        /// nil: `output_dir` from debrief.yml, relative to the root.
        public var output: URL?
        /// nil: `base_url` from debrief.yml.
        public var baseURL: String?
        /// nil: `today` from debrief.yml, else the real date.
        public var asOf: Day?

        public init(root: URL, output: URL? = nil, baseURL: String? = nil, asOf: Day? = nil) {
            self.root = root
            self.output = output
            self.baseURL = baseURL
            self.asOf = asOf
        }
    }

    /// The validated knowledge base, before anything is rendered.
    public struct Prepared: Sendable {
        public var knowledgeBase: KnowledgeBase
        public var today: Day
        public var diagnostics: [Diagnostic]
        /// `InputFingerprint` of what was loaded, recorded in the manifest.
        public var inputs: String
    }

    public struct Result: Sendable {
        public var pageCount: Int
        public var outcome: SiteWriter.Outcome
        public var output: URL
    }

    public var options: Options
    public var generators: [any PageGenerator]
    public var validator: Validator
    /// Called with a short message as each step starts (the CLI shows it on a TTY).
    public var progress: (String) -> Void = { _ in }
    /// Replaces the file writer (tests inject failures).
    public var writeFile: (@Sendable (URL, [UInt8]) throws -> Void)?
    /// Where each step's time goes (`--timings`).
    public let timings = BuildTimings()

    public init(options: Options, generators: [any PageGenerator] = SiteBuilder.standardGenerators,
                validator: Validator = Validator()) {
        self.options = options
        self.generators = generators
        self.validator = validator
    }

    /// The previous build's manifest when it was made from exactly the current inputs: its
    /// output is still exact and nothing needs to be parsed or rendered.
    public func upToDateManifest() throws -> BuildManifest? {
        try timings.measure("check inputs") {
            let config = try DebriefConfig.load(root: options.root)
            let output = outputURL(config)
            guard let manifest = BuildManifest.read(from: output) else { return nil }
            let files = InputFingerprint.contentHashes(root: options.root, config: config) + InputFingerprint.otherInputHashes(root: options.root, config: config)
            guard manifest.inputs == fingerprint(config, files: files),
                  SiteWriter.listFiles(in: output) == Set(manifest.files.keys) else { return nil }
            return manifest
        }
    }

    /// Steps 1-2: load and validate. Throws only for usage/I-O problems.
    public func prepare() throws -> Prepared {
        progress("loading")
        let config = try DebriefConfig.load(root: options.root)
        let knowledgeBase = try timings.measure("load and parse") { try KnowledgeBase.load(root: options.root, config: config) }
        return prepare(knowledgeBase)
    }

    /// Step 2 for a knowledge base already in memory (`debrief serve` keeps one between edits).
    public func prepare(_ knowledgeBase: KnowledgeBase) -> Prepared {
        let today = today(knowledgeBase.config)
        // Of the bytes that were parsed: a file edited during the load makes the next build redo it.
        let inputs = fingerprint(knowledgeBase.config, files: knowledgeBase.sourceHashes
                                 + InputFingerprint.otherInputHashes(root: options.root, config: knowledgeBase.config))
        progress("validating \(knowledgeBase.postmortems.count) postmortems, \(knowledgeBase.runbooks.count) runbooks")
        let diagnostics = timings.measure("validate") { validator.validate(knowledgeBase, today: today) }
        return Prepared(knowledgeBase: knowledgeBase, today: today, diagnostics: diagnostics, inputs: inputs)
    }

    /// Steps 3-5: model, render, write. Pages are handed to the writer as each job renders them
    /// (a page kind, or a batch of postmortem pages), so the whole site is never held in memory.
    public func build(_ prepared: Prepared) throws -> Result {
        var writer = SiteWriter(output: outputURL(prepared.knowledgeBase.config))
        if let writeFile { writer.writeFile = writeFile }
        let session = try writer.begin()
        do {
            let renderer = try makeRenderer(prepared)
            progress("rendering and writing \(generators.count) page kinds")
            let counts = try timings.measure("render and write") {
                try RenderQueue(generators: generators, site: renderer).run(timings: timings) { pages in
                    try session.add(pages)
                    return pages.count
                }
            }
            let summary = SiteWriter.Summary(inputs: prepared.inputs, postmortems: prepared.knowledgeBase.postmortems.count,
                                             runbooks: prepared.knowledgeBase.runbooks.count, diagnostics: prepared.diagnostics)
            let outcome = try timings.measure("finish output") { try session.finish(summary) }
            return Result(pageCount: counts.reduce(0, +), outcome: outcome, output: writer.output)
        } catch {
            session.abandon()
            throw error
        }
    }

    /// Every output file, in memory, sorted by path (tests and tools; `build` streams instead).
    public func render(_ prepared: Prepared) throws -> [RenderedPage] {
        let renderer = try makeRenderer(prepared)
        let pages = try RenderQueue(generators: generators, site: renderer).run(timings: timings) { $0 }.joined()
        return pages.sorted { $0.path < $1.path }
    }

    func makeRenderer(_ prepared: Prepared) throws -> SiteRenderer {
        let config = prepared.knowledgeBase.config
        progress("compiling layouts")
        let renderer = try timings.measure("layouts and site model") {
            let layouts = try SiteLayouts(overrides: options.root.appendingPathComponent(config.layoutsDir))
            let model = SiteModel(knowledgeBase: prepared.knowledgeBase, diagnostics: prepared.diagnostics,
                                  today: prepared.today, baseURL: baseURL(config))
            return SiteRenderer(model: model, layouts: layouts, nav: generators.filter { $0.isIncluded(in: model) }.compactMap(\.navItem), timings: timings)
        }
        timings.measure("shared values") { generators.forEach { $0.prepare(renderer) } }
        FreedMemory.release()
        return renderer
    }

    /// The inputs' fingerprint; the page kinds are part of it, since another set renders another site.
    func fingerprint(_ config: DebriefConfig, files: [(path: String, hash: ContentHash?)]) -> String {
        InputFingerprint.compute(root: options.root, config: config, today: today(config), baseURL: baseURL(config),
                                 pageKinds: generators.map { String(describing: type(of: $0)) }, files: files)
    }

    func today(_ config: DebriefConfig) -> Day {
        options.asOf ?? config.today ?? Day(Date())
    }

    func baseURL(_ config: DebriefConfig) -> String {
        options.baseURL ?? config.baseURL
    }

    public func outputURL(_ config: DebriefConfig) -> URL {
        options.output ?? options.root.appendingPathComponent(config.outputDir)
    }
}
