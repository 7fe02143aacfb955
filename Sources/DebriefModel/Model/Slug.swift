/// URL-safe identifiers: lower-case ASCII letters, digits and single dashes only, so a slug
/// can never name a path outside the output folder.
public enum Slug {
    public static func make(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return makeASCII(text.utf8) }
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

    /// `make` of an ASCII text, on bytes (every page and file name goes through here): no
    /// lower-cased copy, no Unicode property lookups. Non-ASCII text takes the general path,
    /// since some non-ASCII letters lower-case to ASCII ones (KELVIN SIGN to `k`).
    private static func makeASCII(_ text: String.UTF8View) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(min(text.count, 120))
        var lastWasDash = true
        for byte in text {
            let lower = byte &- 65 < 26 ? byte | 0x20 : byte
            if lower &- 97 < 26 || lower &- 48 < 10 {
                out.append(lower)
                lastWasDash = false
            } else if !lastWasDash {
                out.append(UInt8(ascii: "-"))
                lastWasDash = true
            }
        }
        while out.last == UInt8(ascii: "-") { out.removeLast() }
        return out.isEmpty ? "untitled" : String(decoding: out.prefix(120), as: UTF8.self)
    }

    /// The file name without folders and extension, slugified.
    public static func make(fromPath path: String) -> String {
        make(String(fileStem(ofPath: path)))
    }

    /// The file name without folders and extension (`content/postmortems/a.b.md` gives `a.b`):
    /// what a document is called when it names itself nowhere else.
    public static func fileStem(ofPath path: String) -> Substring {
        let utf8 = path.utf8
        if utf8.last != UInt8(ascii: "/"), utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: cut on bytes instead of splitting into Characters.
            let name = path[(utf8.lastIndex(of: UInt8(ascii: "/")).map(utf8.index(after:)) ?? utf8.startIndex)...]
            return name.utf8.lastIndex(of: UInt8(ascii: ".")).map { name[..<$0] } ?? name
        }
        let name = path.split(separator: "/").last ?? path[...]
        return name.lastIndex(of: ".").map { name[..<$0] } ?? name
    }
}
