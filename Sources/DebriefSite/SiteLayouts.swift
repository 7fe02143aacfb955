import Foundation

/// The templates and assets of the site: the built-in ones (`Layouts/`, compiled into the executable) with files of the
/// same name from the knowledge base's `layouts/` folder in their place. Compiled once per build.
public struct SiteLayouts: Sendable {
    /// Static files copied to `assets/` (overridable like templates).
    public static let assetNames = ["filter.js", "nav.js", "search.js", "style.css"]

    public let library: TemplateLibrary
    /// Asset file name -> bytes.
    public let assets: [String: Data]
    /// Names of files taken from the knowledge base's layouts folder, sorted.
    public let overridden: [String]
    /// Template name -> where it came from (an override's path), for error messages.
    private let origins: [String: String]

    /// `overrides`: the knowledge base's layouts folder (may not exist).
    public init(overrides: URL?) throws {
        // File name -> bytes and where they came from (for messages).
        var files = Dictionary(uniqueKeysWithValues: SiteLayouts.builtIn.map { name, text in
            (name, (data: Data(text.utf8), origin: "built-in layout \(name)"))
        })
        var overridden: [String] = []
        if let overrides, FileManager.default.fileExists(atPath: overrides.path) {
            for (name, url) in try SiteLayouts.files(in: overrides) {
                guard let data = try? Data(contentsOf: url) else { throw SiteBuildError("\(url.path): cannot read layout file") }
                files[name] = (data, url.path)
                overridden.append(name)
            }
        }
        var templates: [String: Template] = [:]
        var origins: [String: String] = [:]
        var assets: [String: Data] = [:]
        for (name, (data, origin)) in files {
            if name.hasSuffix(".mustache") {
                guard let text = String(data: data, encoding: .utf8) else { throw SiteBuildError("\(origin): layout is not UTF-8") }
                let templateName = String(name.dropLast(".mustache".count))
                origins[templateName] = origin
                do {
                    templates[templateName] = try Template(name: templateName, text: text)
                } catch let error as TemplateSyntaxError {
                    throw SiteBuildError("\(origin):\(error.line): invalid mustache template: \(error.message)")
                }
            } else if SiteLayouts.assetNames.contains(name) {
                assets[name] = data
            }
        }
        library = TemplateLibrary(templates: templates)
        self.origins = origins
        self.assets = assets
        self.overridden = overridden.sorted()
    }

    /// Renders `template` with `context` as UTF-8; a missing template is an error, not an empty
    /// page, and so is a tag the values cannot render (a name the page does not have), reported
    /// with the file and line of the tag as an invalid template is.
    public func render(_ template: String, _ context: TemplateValue) throws -> [UInt8] {
        let output: [UInt8]?
        do {
            output = try library.render(template, context: context)
        } catch let error as TemplateRenderError {
            throw SiteBuildError("\(origins[error.template] ?? error.template):\(error.line): \(error.message)")
        }
        guard let output else { throw SiteBuildError("layout \(template).mustache does not exist") }
        return output
    }

    /// Layout files directly in `folder` with a plain name (`name.mustache`, `style.css`): a
    /// layout name can never be a path.
    static func files(in folder: URL) throws -> [String: URL] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw SiteBuildError("\(folder.path): cannot list layouts: \(error.localizedDescription)")
        }
        var files: [String: URL] = [:]
        for name in names where isLayoutName(name) {
            files[name] = folder.appendingPathComponent(name)
        }
        return files
    }

    static func isLayoutName(_ name: String) -> Bool {
        guard name.hasSuffix(".mustache") || assetNames.contains(name), !name.hasPrefix(".") else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)) }
    }
}
