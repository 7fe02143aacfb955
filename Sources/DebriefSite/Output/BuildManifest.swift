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

    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(self)
    }
}
