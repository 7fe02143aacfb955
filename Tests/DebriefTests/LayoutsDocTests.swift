import Foundation
import Testing
import DebriefSite

/// docs/layouts.md lists the values of each page template; every page of that kind has each of
/// them (a name a page lacks stops the build, so a layout naming them all renders only if so).
@Suite struct LayoutsDocTests {
    static let doc = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/layouts.md")
    static let builtInLayouts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/DebriefSite/Layouts")

    struct Documented {
        /// "Values every page receives".
        var everyPage: [String] = []
        /// Page template -> the values of its section (`### `name``).
        var pages: [String: [String]] = [:]
    }

    /// The names in backticks in the first cell of each table row under each heading.
    static func documented() throws -> Documented {
        var documented = Documented()
        var section: String?
        for line in try String(contentsOf: doc, encoding: .utf8).components(separatedBy: "\n") {
            if line.hasPrefix("#") {
                section = line == "## Values every page receives" ? "" : line.hasPrefix("### `") ? line.split(separator: "`")[1].description : nil
                continue
            }
            guard let section, line.hasPrefix("| `") else { continue }
            let names = line.split(separator: "|")[0].split(separator: "`").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
            if section.isEmpty { documented.everyPage += names } else { documented.pages[section, default: []] += names }
        }
        return documented
    }

    @Test func everyPageTemplateHasItsValuesDocumented() throws {
        let pageTemplates = try FileManager.default.contentsOfDirectory(atPath: Self.builtInLayouts.path).filter { name in
            name.hasSuffix(".mustache")
                && (try? String(contentsOf: Self.builtInLayouts.appendingPathComponent(name), encoding: .utf8))?.hasPrefix("{{> head}}") == true
        }.map { String($0.dropLast(".mustache".count)) }
        let documented = try Self.documented()
        #expect(Set(documented.pages.keys) == Set(pageTemplates))
        #expect(documented.everyPage == ["root", "site_title", "page_title", "is_home", "nav", "scripts"])
        #expect(documented.pages.values.allSatisfy { $0.count >= 3 && $0.count == Set($0).count })
    }

    @Test func everyPageHasTheValuesDocumentedForIt() throws {
        // Page 2 of the lists too: 60 more postmortems of one service, each with an item of Mara's.
        let root = try LargeFixture.copy(postmortems: 60)
        let layouts = root.appendingPathComponent("layouts")
        try FileManager.default.createDirectory(at: layouts, withIntermediateDirectories: true)
        let documented = try Self.documented()
        for (template, names) in documented.pages {
            // A section over each name, its tags alone on their lines: the page renders empty when every name is there.
            let text = (documented.everyPage + names).map { "{{#\($0)}}\n{{/\($0)}}\n" }.joined()
            try text.write(to: layouts.appendingPathComponent("\(template).mustache"), atomically: true, encoding: .utf8)
        }
        let builder = SiteFixture.builder(root: root)
        let pages = try builder.render(try builder.prepare())
        for path in ["index.html", "postmortems/page/2/index.html", "services/bulk/page/2/index.html", "owners/mara-lindqvist/page/2/index.html",
                     "actions/page/2/index.html", "coverage/index.html", "search/index.html", "trends/index.html"] {
            #expect(pages.first { $0.path == path }?.bytes == [], "\(path) was not rendered with the documented names only")
        }
    }
}
