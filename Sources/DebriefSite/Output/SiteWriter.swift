import Foundation
import DebriefModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Puts a rendered site in place without ever leaving a half-written or half-updated output
/// folder (docs/build.md):
/// - pages arrive as they are rendered; a page whose bytes equal the previous build's (per the
///   manifest) is not written again;
/// - nothing changed (same files, same bytes): nothing is written at all;
/// - otherwise the changed files go into a staging folder next to the output
///   (`.public.staging-<pid>`) as they arrive, the unchanged ones are hard-linked into it from
///   the previous output (same inode, same modification time), and the staging folder is
///   swapped in with two renames; a failure or kill before the swap leaves the previous output
///   exactly as it was.
/// Only a folder that is empty, holds only hidden files, or holds a previous build (the
/// manifest) is ever replaced, so `--output` pointed at the wrong folder cannot destroy it.
public struct SiteWriter: Sendable {
    public static let manifestName = BuildManifest.fileName

    public enum Outcome: Equatable, Sendable {
        case unchanged
        case replaced(filesWritten: Int)
    }

    /// What the manifest records besides the files.
    public struct Summary: Sendable {
        public var inputs: String
        public var postmortems: Int
        public var runbooks: Int
        public var diagnostics: [Diagnostic]

        public init(inputs: String, postmortems: Int, runbooks: Int, diagnostics: [Diagnostic]) {
            self.inputs = inputs
            self.postmortems = postmortems
            self.runbooks = runbooks
            self.diagnostics = diagnostics
        }
    }

    public let output: URL
    /// Writes one file; replaceable so tests can make the build fail mid-way.
    public var writeFile: @Sendable (URL, [UInt8]) throws -> Void = { url, bytes in try FileBytes.write(bytes, to: url.path) }

    public init(output: URL) {
        self.output = output.standardizedFileURL
    }

    /// Starts a new version of the site; refuses a folder that debrief did not write.
    public func begin() throws -> Session {
        var previous: BuildManifest?
        if FileManager.default.fileExists(atPath: output.path) {
            try requireReplaceable()
            previous = BuildManifest.read(from: output)
        }
        try? FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
        removeAbandonedSiblings()
        return Session(writer: self, previous: previous)
    }

    /// One build's writes. `add` may be called from several threads at once.
    public final class Session: @unchecked Sendable {
        let writer: SiteWriter
        let previous: BuildManifest?
        let staging: URL
        private let lock = NSLock()
        private var files: [String: BuildManifest.FileRecord] = [:]
        private var unchanged: [String] = []
        private var written = 0
        private var stagingCreated = false

        init(writer: SiteWriter, previous: BuildManifest?) {
            self.writer = writer
            self.previous = previous
            let pid = ProcessInfo.processInfo.processIdentifier
            staging = writer.output.deletingLastPathComponent().appendingPathComponent(".\(writer.output.lastPathComponent).staging-\(pid)")
        }

        /// Records pages and writes those that differ from the previous build into staging. Only
        /// the bookkeeping takes the lock: files are written by the calling thread, beside the
        /// writes of other threads (one at a time, a write waiting for the disk held up every
        /// other thread's pages).
        public func add(_ pages: [RenderedPage]) throws {
            let records = pages.map { page in
                let record = BuildManifest.FileRecord(hash: ContentHash(page.bytes).hex, size: page.bytes.count)
                return (record, previous?.files[page.path] == record && writer.sizeOfOutputFile(page.path) == record.size)
            }
            var changed: [Int] = []
            try lock.withLock {
                for (index, (page, (record, isUnchanged))) in zip(pages, records).enumerated() {
                    guard SitePaths.isSafe(page.path), !page.path.hasPrefix(".") else {
                        throw SiteBuildError("refusing to write \(page.path): not a safe relative path")
                    }
                    guard files[page.path] == nil else { throw SiteBuildError("two pages would be written to \(page.path)") }
                    files[page.path] = record
                    if isUnchanged { unchanged.append(page.path) } else { changed.append(index) }
                }
                written += changed.count
                if !changed.isEmpty { try createStaging() }
            }
            for index in changed {
                try writeToStaging(pages[index].path) { try writer.writeFile($0, pages[index].bytes) }
            }
        }

        /// Puts the new site in place, or leaves everything as it is when no file changed.
        public func finish(_ summary: Summary) throws -> Outcome {
            try lock.withLock {
                let manifest = BuildManifest(inputs: summary.inputs, postmortems: summary.postmortems, runbooks: summary.runbooks,
                                             files: files, diagnostics: summary.diagnostics)
                if written == 0, let previous, Set(previous.files.keys) == Set(files.keys),
                   SiteWriter.listFiles(in: writer.output) == Set(files.keys) {
                    if previous != manifest { try writer.replaceManifest(with: manifest) }
                    return .unchanged
                }
                try createStaging()
                for path in unchanged {
                    try writeToStaging(path) { try SiteWriter.hardLink(writer.output.appendingPathComponent(path), to: $0) }
                }
                try writeToStaging(SiteWriter.manifestName) { try FileBytes.write(manifest.encoded(), to: $0.path) }
                try writer.carryOverHiddenFiles(to: staging)
                try writer.swap(in: staging)
                return .replaced(filesWritten: written)
            }
        }

        /// Removes the staging folder after a failure; the previous output is untouched.
        public func abandon() {
            try? FileManager.default.removeItem(at: staging)
        }

        /// Called with the lock held.
        private func createStaging() throws {
            guard !stagingCreated else { return }
            let fileManager = FileManager.default
            try? fileManager.removeItem(at: staging)
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
            stagingCreated = true
        }

        private func writeToStaging(_ path: String, _ write: (URL) throws -> Void) throws {
            let url = staging.appendingPathComponent(path)
            guard url.standardizedFileURL.path.hasPrefix(staging.path + "/") else {
                throw SiteBuildError("refusing to write \(path): outside the output folder")
            }
            // One mkdir when the parent exists (most pages); FileManager's walk otherwise. Threads
            // may create the same folder at once: EEXIST is success.
            let folder = url.deletingLastPathComponent()
            if mkdir(folder.path, 0o755) != 0 && errno != EEXIST {
                do {
                    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                } catch {
                    var isFolder: ObjCBool = false
                    guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else { throw error }
                }
            }
            try write(url)
        }
    }

    // MARK: - File system steps

    /// The swap: between these two renames the output folder is briefly absent, never partial.
    func swap(in staging: URL) throws {
        let fileManager = FileManager.default
        let pid = ProcessInfo.processInfo.processIdentifier
        let old = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).old-\(pid)")
        if fileManager.fileExists(atPath: output.path) {
            try fileManager.moveItem(at: output, to: old)
        }
        do {
            try fileManager.moveItem(at: staging, to: output)
        } catch {
            try? fileManager.moveItem(at: old, to: output)
            throw error
        }
        try? fileManager.removeItem(at: old)
    }

    /// The same file under a second name (keeps its inode and modification time); a copy where
    /// the file system has no hard links.
    static func hardLink(_ existing: URL, to new: URL) throws {
        if link(existing.path, new.path) == 0 { return }
        try FileManager.default.copyItem(at: existing, to: new)
    }

    /// Only the manifest changes (same output from changed inputs): replace it atomically.
    func replaceManifest(with manifest: BuildManifest) throws {
        let url = output.appendingPathComponent(SiteWriter.manifestName)
        try Data(manifest.encoded()).write(to: url, options: .atomic)
    }

    /// Size of a file of the current output, nil when it is missing.
    func sizeOfOutputFile(_ path: String) -> Int? {
        var status = stat()
        guard stat(output.appendingPathComponent(path).path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(status.st_size)
    }

    func requireReplaceable() throws {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: output.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw SiteBuildError("\(output.path) exists and is not a folder")
        }
        if fileManager.fileExists(atPath: output.appendingPathComponent(SiteWriter.manifestName).path) { return }
        let entries = (try? fileManager.contentsOfDirectory(atPath: output.path)) ?? []
        if entries.allSatisfy({ $0.hasPrefix(".") }) { return }
        throw SiteBuildError("\(output.path) is not empty and was not written by debrief build; choose another --output or empty it")
    }

    /// Hidden entries at the top of the output (`.gitkeep`, `.nojekyll`) are not ours: keep them.
    func carryOverHiddenFiles(to staging: URL) throws {
        let fileManager = FileManager.default
        let entries = (try? fileManager.contentsOfDirectory(atPath: output.path)) ?? []
        for name in entries.sorted() where name.hasPrefix(".") && name != SiteWriter.manifestName {
            try fileManager.copyItem(at: output.appendingPathComponent(name), to: staging.appendingPathComponent(name))
        }
    }

    /// Staging and old folders left by a build that was killed (its process no longer exists).
    func removeAbandonedSiblings() {
        let fileManager = FileManager.default
        let parent = output.deletingLastPathComponent()
        let prefixes = [".\(output.lastPathComponent).staging-", ".\(output.lastPathComponent).old-"]
        for name in (try? fileManager.contentsOfDirectory(atPath: parent.path)) ?? [] {
            guard let prefix = prefixes.first(where: { name.hasPrefix($0) }), let pid = Int32(name.dropFirst(prefix.count)) else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                try? fileManager.removeItem(at: parent.appendingPathComponent(name))
            }
        }
    }

    /// Relative paths of the regular files below `folder`, hidden entries excluded.
    static func listFiles(in folder: URL) -> Set<String> {
        Set(FileTree.regularFiles(in: folder.standardizedFileURL.path))
    }
}
