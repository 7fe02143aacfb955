import DebriefModel
import Foundation

/// Polls the knowledge base for edits: content files, debrief.yml and the layouts folder, by
/// modification time and size. Polling works on every file system (network mounts and
/// containers included, where inotify may not) and costs a few milliseconds at 10,000 files.
struct SourceWatcher {
    struct Stamp: Equatable {
        var seconds: Int
        var nanoseconds: Int
        var size: Int64
    }

    /// What changed between two snapshots.
    struct Changes {
        var content: Set<String> = []
        /// debrief.yml or a layout: everything must be loaded again.
        var everything = false
        var isEmpty: Bool { content.isEmpty && !everything }
    }

    let root: URL

    /// Root-relative path -> stamp of every watched file.
    func snapshot() -> [String: Stamp] {
        let config = (try? DebriefConfig.load(root: root)) ?? DebriefConfig()
        var paths = KnowledgeBase.contentFiles(root: root, config: config) + ["debrief.yml"]
        let layouts = root.appendingPathComponent(config.layoutsDir)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: layouts.path)) ?? [] {
            paths.append("\(config.layoutsDir)/\(name)")
        }
        var stamps: [String: Stamp] = [:]
        for path in paths {
            var info = stat()
            if stat(root.path + "/" + path, &info) == 0 {
                stamps[path] = Stamp(seconds: info.st_mtim.tv_sec, nanoseconds: info.st_mtim.tv_nsec, size: Int64(info.st_size))
            }
        }
        return stamps
    }

    func changes(from old: [String: Stamp], to new: [String: Stamp]) -> Changes {
        var changes = Changes()
        let config = (try? DebriefConfig.load(root: root)) ?? DebriefConfig()
        for path in Set(old.keys).union(new.keys) where old[path] != new[path] {
            if path == "debrief.yml" || path.hasPrefix(config.layoutsDir + "/") {
                changes.everything = true
            } else {
                changes.content.insert(path)
            }
        }
        return changes
    }
}
