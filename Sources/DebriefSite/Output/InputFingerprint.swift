import Foundation
import DebriefModel

/// One hash over everything a build's output depends on: the debrief executable (with its
/// built-in layouts), `debrief.yml`, the knowledge base's layouts, every content file (path and
/// bytes), the date used as today, the base URL and the page kinds rendered. When it equals the one recorded in the
/// output's manifest, the previous output is still exact and the build can stop before parsing.
public enum InputFingerprint {
    /// `files`: every content file with the hash of its bytes (nil: unreadable), as
    /// `KnowledgeBase.sourceHashes` records them or `contentHashes` reads them.
    public static func compute(root: URL, config: DebriefConfig, today: Day, baseURL: String, pageKinds: [String],
                               files: [(path: String, hash: ContentHash?)]) -> String {
        var hash = ContentHash()
        hash.add(field: "debrief-inputs-1")
        hash.add(field: executableIdentity())
        for kind in pageKinds { hash.add(field: kind) }
        hash.add(field: today.description)
        hash.add(field: baseURL)
        hash.add(field: "debrief.yml")
        hash.add(FileBytes.contents(of: root.appendingPathComponent("debrief.yml").path) ?? [])
        // The built-in layouts are part of the executable.
        let layouts = root.appendingPathComponent(config.layoutsDir)
        hash.add(field: layouts.path)
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: layouts.path)) ?? []).sorted() {
            hash.add(field: name)
            hash.add(FileBytes.contents(of: layouts.appendingPathComponent(name).path) ?? [])
        }
        for file in files {
            hash.add(field: file.path)
            hash.add(field: file.hash?.hex ?? "unreadable")
        }
        return hash.hex
    }

    /// Every content file `KnowledgeBase.load` would read, with the hash of its bytes on disk.
    public static func contentHashes(root: URL, config: DebriefConfig) -> [(path: String, hash: ContentHash?)] {
        let files = KnowledgeBase.contentFiles(root: root, config: config)
        return Array(zip(files, ParallelHashing.hashes(of: files.map { root.appendingPathComponent($0).path })))
    }

    /// The inputs besides the documents, known without parsing: the rule files of `alert_rules:`
    /// (the Coverage page) and every other file in the postmortems and runbooks folders (images
    /// and other files that content may link to, published under `files/`). Root-relative
    /// unless a glob is absolute.
    public static func otherInputs(root: URL, config: DebriefConfig) -> [String] {
        let rules = config.alertRules.flatMap { PathGlob.files(matching: $0, in: root.path) }
        let attachments = [config.postmortemsFolder, config.runbooksFolder].flatMap { folder in
            FileTree.regularFiles(in: root.appendingPathComponent(folder).path).map { folder + "/" + $0 }
                .filter { !KnowledgeBase.documentExtensions.contains(String($0.split(separator: ".").last ?? "").lowercased()) }
        }.sorted()
        return rules + attachments
    }

    /// `otherInputs` with the hash of each file's bytes.
    public static func otherInputHashes(root: URL, config: DebriefConfig) -> [(path: String, hash: ContentHash?)] {
        let files = otherInputs(root: root, config: config)
        return Array(zip(files, ParallelHashing.hashes(of: files.map { $0.hasPrefix("/") ? $0 : root.appendingPathComponent($0).path })))
    }

    /// Size and modification time of the running executable: a new debrief renders differently.
    static func executableIdentity() -> String {
        let path = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return "unknown" }
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(path) \(size) \(modified)"
    }
}

/// Hashes of many files read on all cores, in input order (nil for an unreadable file).
enum ParallelHashing {
    static func hashes(of paths: [String]) -> [ContentHash?] {
        let chunk = 256
        let chunks = (paths.count + chunk - 1) / chunk
        let results = ResultSlots<[ContentHash?]>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { index in
            let slice = paths[index * chunk ..< min(paths.count, (index + 1) * chunk)]
            results[index] = slice.map { path in FileBytes.contents(of: path).map { ContentHash($0) } }
        }
        return results.values.flatMap { $0 }
    }
}
