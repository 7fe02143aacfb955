import DebriefModel
import Foundation

/// The files content links to (images, PDFs...), copied under `files/` so that they work on
/// the site (`SitePaths.contentFile`); the links were rewritten to these copies.
public struct ContentFilePages: PageGenerator {
    public init() {}

    public func jobs(_ site: SiteRenderer) -> [RenderJob] {
        let model = site.model
        return RenderJob.batches(model.contentFiles.indices, size: 16) { index in
            let path = model.contentFiles[index]
            guard let bytes = FileBytes.contents(of: model.root.appendingPathComponent(path).path) else {
                throw SiteBuildError("\(path): linked file cannot be read; check its permissions")
            }
            return RenderedPage(path: SitePaths.contentFile(path), bytes: bytes)
        }
    }

    public func pages(_ site: SiteRenderer) throws -> [RenderedPage] {
        try RenderJob.pages(of: jobs(site))
    }
}
