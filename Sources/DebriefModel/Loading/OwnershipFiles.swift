import Foundation

/// Owners written beside the content rather than in it: Kubernetes-style `OWNERS` files
/// (`approvers`, else `reviewers`; names defined in the root's `OWNERS_ALIASES` expanded) in a
/// document's folder or the nearest parent up to the root, then a `CODEOWNERS` file (at the
/// root, in `.github/` or in `docs/`; the last matching pattern wins, as on GitHub).
struct OwnershipFiles {
    let root: URL
    private let aliases: [String: [String]]
    private let codeOwners: (path: String, entries: [(pattern: String, owners: [String])])?
    private let ownersByFolder = OwnersCache()

    init(root: URL) {
        self.root = root
        aliases = Self.aliases(at: root.appendingPathComponent("OWNERS_ALIASES").path)
        codeOwners = ["CODEOWNERS", ".github/CODEOWNERS", "docs/CODEOWNERS"].lazy.compactMap { path in
            (try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)).map { (path, Self.codeOwnersEntries($0)) }
        }.first
    }

    /// The owner of the file at `path` (root-relative) and the file that names it.
    func owner(of path: String) -> (owner: String, source: String)? {
        var folder = path.split(separator: "/").dropLast().map(String.init)
        while true {
            let ownersPath = (folder + ["OWNERS"]).joined(separator: "/")
            if let owners = ownersByFolder.owners(at: ownersPath, read: { readOwners(at: $0) }) { return (owners, ownersPath) }
            if folder.isEmpty { break }
            folder.removeLast()
        }
        if let codeOwners, let entry = codeOwners.entries.last(where: { Self.codeOwnersPattern($0.pattern, matches: path) }), !entry.owners.isEmpty {
            return (entry.owners.joined(separator: ", "), codeOwners.path)
        }
        return nil
    }

    private func readOwners(at path: String) -> String? {
        guard let text = try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8),
              case .success(let value) = YAMLValue.load(text) else { return nil }
        for key in ["approvers", "reviewers"] {
            let names = (value[key]?.strings ?? []).flatMap { name -> [String] in
                let trimmed = name.trimmingWhitespaceAndNewlines()
                return aliases[trimmed] ?? [trimmed]
            }.filter { !$0.isEmpty }
            if !names.isEmpty { return names.joined(separator: ", ") }
        }
        return nil
    }

    private static func aliases(at path: String) -> [String: [String]] {
        guard let text = try? String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8),
              case .success(let value) = YAMLValue.load(text), case .mapping(let pairs)? = value["aliases"] else { return [:] }
        return Dictionary(pairs.map { ($0.0, $0.1.strings.map { $0.trimmingWhitespaceAndNewlines() }) }, uniquingKeysWith: { $1 })
    }

    private static func codeOwnersEntries(_ text: String) -> [(pattern: String, owners: [String])] {
        text.split(separator: "\n").compactMap { line in
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard let pattern = words.first, !pattern.hasPrefix("#") else { return nil }
            return (pattern, Array(words.dropFirst().prefix { !$0.hasPrefix("#") }))
        }
    }

    /// gitignore-style matching as CODEOWNERS uses it: a pattern with a `/` before its end is
    /// anchored at the root; one ending in `/` names a folder; otherwise it matches a name at
    /// any depth.
    static func codeOwnersPattern(_ pattern: String, matches path: String) -> Bool {
        var pattern = pattern
        let folderOnly = pattern.hasSuffix("/")
        if folderOnly { pattern.removeLast() }
        let anchored = pattern.hasPrefix("/") || pattern.dropLast().contains("/" as Character)
        if pattern.hasPrefix("/") { pattern.removeFirst() }
        if pattern.hasSuffix("/**") { pattern.removeLast(3) }
        if pattern.isEmpty || pattern == "*" && !folderOnly { return true }
        let components = path.split(separator: "/").map(String.init)
        // Every folder prefix, and (unless the pattern names a folder) the file itself.
        let candidates = (1...components.count).filter { !folderOnly || $0 < components.count }.map { components[..<$0].joined(separator: "/") }
        if anchored {
            return candidates.contains { fnmatch(pattern, $0, FNM_PATHNAME) == 0 }
        }
        return candidates.contains { candidate in
            let name = candidate.split(separator: "/").last.map(String.init) ?? candidate
            return fnmatch(pattern, name, 0) == 0
        }
    }
}

/// `OWNERS` files read once per build, by path (nil: none there).
private final class OwnersCache: @unchecked Sendable {
    private var owners: [String: String?] = [:]
    private let lock = NSLock()

    func owners(at path: String, read: (String) -> String?) -> String? {
        if let cached = lock.withLock({ owners[path] }) { return cached }
        let found = read(path)
        lock.withLock { owners[path] = found }
        return found
    }
}
