/// `assets/style.css` and `assets/filter.js`, from the layouts (built-in or overridden).
public struct AssetFiles: PageGenerator {
    public init() {}

    public func pages(_ site: SiteRenderer) throws -> [RenderedPage] {
        site.layouts.assets.keys.sorted().map { name in
            RenderedPage(path: "assets/\(name)", bytes: Array(site.layouts.assets[name]!))
        }
    }
}
