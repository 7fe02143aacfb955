/// The layouts' assets (`style.css` and the scripts) under `assets/`, built-in or overridden.
public struct AssetFiles: PageGenerator {
    public init() {}

    public func pages(_ site: SiteRenderer) throws -> [RenderedPage] {
        site.layouts.assets.keys.sorted().map { name in
            RenderedPage(path: "assets/\(name)", bytes: Array(site.layouts.assets[name]!))
        }
    }
}
