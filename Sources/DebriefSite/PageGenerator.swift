import Foundation

/// One output file, rendered in memory: a path relative to the output folder and its bytes.
/// The bytes are the renderer's own array, not copied into a `Data` (pages reach 20 MB).
public struct RenderedPage: Sendable, Hashable {
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}

/// An entry of the site's navigation bar.
public struct NavItem: Sendable, Hashable {
    public var title: String
    /// Path of the page it links to, relative to the output root (`actions/index.html`).
    public var path: String

    public init(title: String, path: String) {
        self.title = title
        self.path = path
    }
}

/// One kind of output (postmortem pages, the Actions page, the Atom feed...). The extension
/// point of the site: to add a page, write a generator in Pages/ and list it in
/// `SiteBuilder.standardGenerators`; its `navItem` puts it in the navigation bar.
public protocol PageGenerator: Sendable {
    /// The navigation entry for this generator's main page, nil for none.
    var navItem: NavItem? { get }
    /// Whether this kind has pages for the knowledge base (default true): the Coverage page
    /// needs `alert_rules:`. A kind left out has no navigation entry.
    func isIncluded(in model: SiteModel) -> Bool
    /// Roughly how long one of this kind's jobs takes, relative to the others (default 1). The
    /// jobs of every kind share one loop over the cores and start heaviest first: a long job
    /// started last would leave the other cores idle at the end of a build, while the many
    /// small batches of the page-per-document kinds fill them.
    var renderWeight: Int { get }
    /// Computes the shared values this kind uses (`SiteRenderer.relatedIncidents`) before page
    /// kinds render: then on all cores, and no job waits for another's computation.
    func prepare(_ site: SiteRenderer)
    func pages(_ site: SiteRenderer) throws -> [RenderedPage]
    /// The work of `pages` as independent jobs, each rendering some of the pages, which the
    /// build runs on any free core and writes as each finishes: a kind with thousands of pages
    /// renders them in batches, so the whole site never sits in memory. Default: one job, `pages`.
    func jobs(_ site: SiteRenderer) -> [RenderJob]
}

extension PageGenerator {
    public var navItem: NavItem? { nil }
    public var renderWeight: Int { 1 }
    public func isIncluded(in model: SiteModel) -> Bool { true }
    public func prepare(_ site: SiteRenderer) {}

    public func jobs(_ site: SiteRenderer) -> [RenderJob] {
        [RenderJob { try pages(site) }]
    }
}

/// Some of a page kind's pages, rendered when a core is free.
public struct RenderJob: Sendable {
    public let render: @Sendable () throws -> [RenderedPage]

    public init(_ render: @escaping @Sendable () throws -> [RenderedPage]) {
        self.render = render
    }

    /// One job per `size` consecutive positions, each rendering `page` of its positions in order.
    public static func batches(_ positions: Range<Int>, size: Int,
                               page: @escaping @Sendable (Int) throws -> RenderedPage) -> [RenderJob] {
        positions.batches(of: size).map { batch in RenderJob { try batch.map(page) } }
    }

    /// The pages of all `jobs`, rendered one after the other.
    public static func pages(of jobs: [RenderJob]) throws -> [RenderedPage] {
        try jobs.flatMap { try $0.render() }
    }
}
