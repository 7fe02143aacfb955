/// URL-safe identifiers: lower-case ASCII letters, digits and single dashes only, so a slug
/// can never name a path outside the output folder.
public enum Slug {
    public static func make(_ text: String) -> String {
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
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let stem = name.contains(".") ? String(name[..<name.lastIndex(of: ".")!]) : name
        return make(stem)
    }
}
