import DebriefModel
import DebriefSite
import Foundation

/// Polls the knowledge base for edits: content files, debrief.yml, the layouts folder, rule
/// files and files content may link to (`InputFingerprint.otherInputs`), by
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

    /// Stamps of every watched file at one moment, and which of those files, when changed,
    /// invalidate everything loaded (debrief.yml, layouts, rule files, linked files).
    struct Snapshot {
        var stamps: [String: Stamp] = [:]
        var settings: Set<String> = []
    }

    let root: URL

    func snapshot() -> Snapshot {
        let config = (try? DebriefConfig.load(root: root)) ?? DebriefConfig()
        var snapshot = Snapshot(settings: ["debrief.yml"])
        let layouts = root.appendingPathComponent(config.layoutsDir)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: layouts.path)) ?? [] {
            snapshot.settings.insert("\(config.layoutsDir)/\(name)")
        }
        snapshot.settings.formUnion(InputFingerprint.otherInputs(root: root, config: config))
        for path in KnowledgeBase.contentFiles(root: root, config: config) + snapshot.settings {
            var info = stat()
            if stat(path.hasPrefix("/") ? path : root.path + "/" + path, &info) == 0 {
                snapshot.stamps[path] = Stamp(seconds: info.st_mtim.tv_sec, nanoseconds: info.st_mtim.tv_nsec, size: Int64(info.st_size))
            }
        }
        return snapshot
    }

    func changes(from old: Snapshot, to new: Snapshot) -> Changes {
        var changes = Changes()
        let settings = old.settings.union(new.settings)
        for path in Set(old.stamps.keys).union(new.stamps.keys) where old.stamps[path] != new.stamps[path] {
            if settings.contains(path) {
                changes.everything = true
            } else {
                changes.content.insert(path)
            }
        }
        return changes
    }
}
