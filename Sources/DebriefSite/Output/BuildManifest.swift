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

    /// Compact JSON, keys sorted, that `read` decodes: its `Codable` form, written member by
    /// member (the records of every file are a serial step at the end of a build).
    func encoded() -> [UInt8] {
        var json = JSONWriter(layout: .compact, reservingCapacity: 100 * files.count + 200 * diagnostics.count + 200)
        json.beginObject()
        json.key("diagnostics")
        json.beginArray()
        for diagnostic in diagnostics { diagnostic.write(to: &json) }
        json.endArray()
        json.key("files")
        json.beginObject()
        for file in files.sorted(by: { $0.key < $1.key }) {
            json.key(file.key)
            json.beginObject()
            json.member("hash", file.value.hash)
            json.member("size", file.value.size)
            json.endObject()
        }
        json.endObject()
        json.member("inputs", inputs)
        json.member("postmortems", postmortems)
        json.member("runbooks", runbooks)
        json.member("version", version)
        json.endObject()
        return json.bytes
    }
}
