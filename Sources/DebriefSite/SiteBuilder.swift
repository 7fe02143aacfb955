import Foundation
import DebriefModel
import DebriefValidation

/// `debrief build` as named steps: load the knowledge base -> validate -> build the `SiteModel`
/// -> render every page in memory -> write (staging folder + swap, or nothing when unchanged).
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
        AssetFiles(),
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
        public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
        public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
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
    public var writeFile: ((URL, Data) throws -> Void)?

    public init(options: Options, generators: [any PageGenerator] = SiteBuilder.standardGenerators,
                validator: Validator = Validator()) {
        self.options = options
        self.generators = generators
        self.validator = validator
    }

    /// Steps 1-2: load and validate. Throws only for usage/I-O problems.
    public func prepare() throws -> Prepared {
        progress("loading")
        let knowledgeBase = try KnowledgeBase.load(root: options.root)
        let today = options.asOf ?? knowledgeBase.config.today ?? Day(Date())
        progress("validating \(knowledgeBase.postmortems.count) postmortems, \(knowledgeBase.runbooks.count) runbooks")
        return Prepared(knowledgeBase: knowledgeBase, today: today, diagnostics: validator.validate(knowledgeBase, today: today))
    }

    /// Steps 3-5: model, render, write.
    public func build(_ prepared: Prepared) throws -> Result {
        let pages = try render(prepared)
        progress("writing \(pages.count) files")
        var writer = SiteWriter(output: outputURL(prepared.knowledgeBase.config))
        if let writeFile { writer.writeFile = writeFile }
        let outcome = try writer.write(pages)
        return Result(pageCount: pages.count, outcome: outcome, output: writer.output)
    }

    /// Every output file, in memory, sorted by path.
    public func render(_ prepared: Prepared) throws -> [RenderedPage] {
        let config = prepared.knowledgeBase.config
        progress("compiling layouts")
        let layouts = try SiteLayouts(overrides: options.root.appendingPathComponent(config.layoutsDir))
        let model = SiteModel(knowledgeBase: prepared.knowledgeBase, diagnostics: prepared.diagnostics,
                              today: prepared.today, baseURL: options.baseURL ?? config.baseURL)
        let renderer = SiteRenderer(model: model, layouts: layouts, nav: generators.compactMap(\.navItem))
        progress("rendering \(generators.count) page kinds")
        // Generators are independent: running them at once overlaps the single big pages
        // (actions, search index, exports) with the per-postmortem ones.
        let pages = try ParallelRendering.map(generators) { try $0.pages(renderer) }.joined()
        return pages.sorted { $0.path < $1.path }
    }

    public func outputURL(_ config: DebriefConfig) -> URL {
        options.output ?? options.root.appendingPathComponent(config.outputDir)
    }
}
