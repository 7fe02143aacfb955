import Foundation
import DebriefModel

/// `.debrief-manifest` at the top of the output: what the last build wrote and from what.
/// - `files`: every file's content hash and size, so the next build writes only files whose
///   bytes change and hard-links the others into place;
/// - `inputs`: the `InputFingerprint`; when it is unchanged the next build stops before parsing
///   and repeats the recorded summary and diagnostics.
public struct BuildManifest: Codable, Sendable, Equatable {
    public static let fileName = ".debrief-manifest"
    static let currentVersion = 2

    public struct FileRecord: Codable, Sendable, Equatable {
        public var hash: String
        public var size: Int
    }

    public var version = BuildManifest.currentVersion
    public var inputs: String
    public var postmortems: Int
    public var runbooks: Int
    public var files: [String: FileRecord]
    public var diagnostics: [Diagnostic]

    /// The manifest in `output`, nil when missing, unreadable or from another version.
    public static func read(from output: URL) -> BuildManifest? {
        guard let bytes = FileBytes.contents(of: output.appendingPathComponent(fileName).path),
              let manifest = try? JSONDecoder().decode(BuildManifest.self, from: Data(bytes)),
              manifest.version == currentVersion else { return nil }
        return manifest
    }

    /// Compact JSON, keys sorted, that `read` decodes. Written directly: through `JSONEncoder`,
    /// the records of every file and the diagnostics took 2% of a build's instructions, at its
    /// serial end.
    func encoded() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(100 * files.count + 200 * diagnostics.count + 200)
        func append(_ text: String) { out.append(contentsOf: text.utf8) }
        append("{\"diagnostics\":[")
        for (index, diagnostic) in diagnostics.enumerated() {
            append(index == 0 ? "{\"column\":" : ",{\"column\":")
            append(String(diagnostic.column))
            append(",\"file\":")
            Escaping.appendJSONString(diagnostic.file, to: &out)
            append(",\"line\":")
            append(String(diagnostic.line))
            append(",\"message\":")
            Escaping.appendJSONString(diagnostic.message, to: &out)
            append(",\"rule\":")
            Escaping.appendJSONString(diagnostic.rule, to: &out)
            append(",\"severity\":")
            Escaping.appendJSONString(diagnostic.severity.rawValue, to: &out)
            append("}")
        }
        append("],\"files\":{")
        for (index, file) in files.sorted(by: { $0.key < $1.key }).enumerated() {
            if index > 0 { append(",") }
            Escaping.appendJSONString(file.key, to: &out)
            append(":{\"hash\":")
            Escaping.appendJSONString(file.value.hash, to: &out)
            append(",\"size\":")
            append(String(file.value.size))
            append("}")
        }
        append("},\"inputs\":")
        Escaping.appendJSONString(inputs, to: &out)
        append(",\"postmortems\":\(postmortems),\"runbooks\":\(runbooks),\"version\":\(version)}")
        return out
    }
}
