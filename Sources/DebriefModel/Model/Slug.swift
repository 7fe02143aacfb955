/// URL-safe identifiers: lower-case ASCII letters, digits and single dashes only, so a slug
/// can never name a path outside the output folder.
public enum Slug {
    public static func make(_ text: String) -> String {
        TextFastPaths.slug(text) ?? makeFromScalars(text)
    }

    /// `make` on unicode scalars (the general path).
    static func makeFromScalars(_ text: String) -> String {
        var out = ""
        var lastWasDash = true
        for scalar in text.lowercased().unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                out.unicodeScalars.append(scalar)
                lastWasDash = false
            } else if !lastWasDash {
                out += "-"
                lastWasDash = true
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "untitled" : String(out.prefix(120))
    }

    /// The file name without folders and extension, slugified.
    public static func make(fromPath path: String) -> String {
        make(String(fileStem(ofPath: path)))
    }

    /// The file name without folders and extension (`content/postmortems/a.b.md` gives `a.b`):
    /// what a document is called when it names itself nowhere else.
    public static func fileStem(ofPath path: String) -> Substring {
        TextFastPaths.fileStem(ofPath: path) ?? fileStemCharacters(ofPath: path)
    }

    /// `fileStem` on Characters (the general path).
    static func fileStemCharacters(ofPath path: String) -> Substring {
        let name = path.split(separator: "/").last ?? path[...]
        return name.lastIndex(of: ".").map { name[..<$0] } ?? name
    }
}
