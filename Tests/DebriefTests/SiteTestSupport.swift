import Foundation
import DebriefModel
import DebriefSite

/// Fixture knowledge bases for the site tests, copied to a temporary folder so tests can
/// change them and build next to them.
enum SiteFixture {
    static let asOf = Day(year: 2025, month: 9, day: 1)

    /// `Fixtures/site/<name>` copied into a fresh temporary folder; returns the copy's root.
    static func copy(_ name: String) throws -> URL {
        let source = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("site/\(name)")
        let root = try temporaryFolder().appendingPathComponent(name)
        try FileManager.default.copyItem(at: source, to: root)
        return root
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("debrief-site-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func builder(root: URL, output: URL? = nil, generators: [any PageGenerator] = SiteBuilder.standardGenerators) -> SiteBuilder {
        SiteBuilder(options: .init(root: root, output: output, baseURL: nil, asOf: asOf), generators: generators)
    }

    /// Every output file of the fixture, rendered in memory.
    static func render(_ name: String) throws -> [RenderedPage] {
        let builder = builder(root: try copy(name))
        return try builder.render(try builder.prepare())
    }

    /// Relative path -> bytes of every file below `folder` (hidden files included).
    static func tree(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return files }
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let full = folder.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: full.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = try? Data(contentsOf: full)
            }
        }
        return files
    }
}
