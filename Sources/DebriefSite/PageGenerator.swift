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
    /// Roughly how long this kind takes to render, relative to the others (default 1): page
    /// kinds render two at a time, each on one core, and the longest start first so that no
    /// core idles at the end of a build.
    var renderWeight: Int { get }
    /// Computes the shared values this kind uses (`SiteRenderer.relatedIncidents`) before page
    /// kinds render: then on all cores, and no page kind waits for another's computation.
    func prepare(_ site: SiteRenderer)
    func pages(_ site: SiteRenderer) throws -> [RenderedPage]
    /// Hands the pages to `deliver` as they are rendered: a generator with thousands of pages
    /// delivers them in batches so the whole site never sits in memory. Default: `pages` at once.
    func render(_ site: SiteRenderer, deliver: ([RenderedPage]) throws -> Void) throws
}

extension PageGenerator {
    public var navItem: NavItem? { nil }
    public var renderWeight: Int { 1 }
    public func prepare(_ site: SiteRenderer) {}

    public func render(_ site: SiteRenderer, deliver: ([RenderedPage]) throws -> Void) throws {
        try deliver(try pages(site))
    }
}
