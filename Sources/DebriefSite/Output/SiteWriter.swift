import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Puts a rendered site in place without ever leaving a half-written or half-updated output
/// folder (docs/build.md):
/// - nothing changed (same files, same bytes): nothing is written at all;
/// - otherwise the whole site is written into a staging folder next to the output
///   (`.public.staging-<pid>`) and swapped in with two renames; a failure or kill before the swap
///   leaves the previous output exactly as it was.
/// Only a folder that is empty, holds only hidden files, or holds a previous build (the
/// manifest) is ever replaced, so `--output` pointed at the wrong folder cannot destroy it.
public struct SiteWriter {
    public static let manifestName = ".debrief-manifest"

    public enum Outcome: Equatable, Sendable {
        case unchanged
        case replaced(filesWritten: Int)
    }

    public let output: URL
    /// Writes one file; replaceable so tests can make the build fail mid-way.
    public var writeFile: (URL, Data) throws -> Void = { url, data in try data.write(to: url) }

    public init(output: URL) {
        self.output = output.standardizedFileURL
    }

    public func write(_ pages: [RenderedPage]) throws -> Outcome {
        let files = try SiteWriter.checked(pages)
        let manifest = files.keys.sorted().joined(separator: "\n") + "\n"
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: output.path) {
            try requireReplaceable()
            if isUnchanged(files, manifest: manifest) { return .unchanged }
        }
        let parent = output.deletingLastPathComponent()
        try? fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        removeAbandonedSiblings()
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).staging-\(pid)")
        let old = parent.appendingPathComponent(".\(output.lastPathComponent).old-\(pid)")
        try? fileManager.removeItem(at: staging)
        do {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
            for path in files.keys.sorted() {
                let url = staging.appendingPathComponent(path)
                guard url.standardizedFileURL.path.hasPrefix(staging.path + "/") else {
                    throw SiteBuildError("refusing to write \(path): outside the output folder")
                }
                try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try writeFile(url, files[path]!)
            }
            try writeFile(staging.appendingPathComponent(SiteWriter.manifestName), Data(manifest.utf8))
            try carryOverHiddenFiles(to: staging)
        } catch {
            try? fileManager.removeItem(at: staging)
            throw error
        }
        // The swap: between these two renames the output folder is briefly absent, never partial.
        if fileManager.fileExists(atPath: output.path) {
            try fileManager.moveItem(at: output, to: old)
        }
        do {
            try fileManager.moveItem(at: staging, to: output)
        } catch {
            try? fileManager.moveItem(at: old, to: output)
            try? fileManager.removeItem(at: staging)
            throw error
        }
        try? fileManager.removeItem(at: old)
        return .replaced(filesWritten: files.count)
    }

    /// Path -> bytes, refusing unsafe or duplicate paths (a bug, but never a write outside).
    static func checked(_ pages: [RenderedPage]) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for page in pages {
            guard SitePaths.isSafe(page.path), !page.path.hasPrefix(".") else {
                throw SiteBuildError("refusing to write \(page.path): not a safe relative path")
            }
            guard files[page.path] == nil else { throw SiteBuildError("two pages would be written to \(page.path)") }
            files[page.path] = page.bytes
        }
        return files
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

    /// True when the output holds exactly `files` (per the previous manifest) with the same bytes.
    func isUnchanged(_ files: [String: Data], manifest: String) -> Bool {
        let manifestURL = output.appendingPathComponent(SiteWriter.manifestName)
        guard let previous = try? String(contentsOf: manifestURL, encoding: .utf8), previous == manifest else { return false }
        for (path, data) in files {
            guard let existing = try? Data(contentsOf: output.appendingPathComponent(path)), existing == data else { return false }
        }
        // Files added by hand would be stale: compare the tree with the manifest too.
        return SiteWriter.listFiles(in: output) == Set(files.keys)
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

    /// Relative paths of the regular files below `folder`, hidden top-level entries excluded.
    static func listFiles(in folder: URL) -> Set<String> {
        var paths = Set<String>()
        let base = folder.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return paths }
        while let relative = enumerator.nextObject() as? String {
            if relative.hasPrefix(".") { continue }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue {
                paths.insert(relative)
            }
        }
        return paths
    }
}
