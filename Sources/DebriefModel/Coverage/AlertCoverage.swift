import Foundation

/// Whether every alert that can page someone has a runbook that exists: each alert of the rule
/// files matched to a runbook file, through its `runbook_url` (mapped to a folder by
/// `runbook_urls:`) or, without one, by its name; and the runbooks whose alerts no rule defines.
/// Computed once from the rules and the loaded runbooks; `coverage`, `check` and the site read it.
public struct AlertCoverage: Sendable {
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        /// The runbook URL leads to a runbook of the knowledge base.
        case covered
        /// The runbook URL leads nowhere: the page the on-call engineer opens does not exist.
        case brokenURL = "broken-url"
        /// No usable URL, but a runbook lists the alert (or is named after it).
        case matchedByName = "matched-by-name"
        case noRunbook = "no-runbook"
    }

    public struct Alert: Sendable, Hashable {
        /// The first rule with this alert name (one entry per name).
        public var rule: AlertRule
        /// The runbook URL of the first rule of this name that has one.
        public var runbookURL: String?
        /// The runbook's path, relative to the root.
        public var runbook: String?
        public var status: Status
        /// Why a URL was not followed to a runbook (broken, or outside every `runbook_urls` prefix).
        public var note: String?
    }

    /// A runbook (not moved or a document) whose alerts no rule defines and that no rule's URL leads to.
    public struct Orphan: Sendable, Hashable {
        public var runbook: String
        public var alerts: [String]
    }

    /// Sorted by alert name.
    public var alerts: [Alert]
    /// Sorted by runbook path.
    public var orphans: [Orphan]
    /// Deprecated runbooks whose alert a rule still defines.
    public var deprecatedInUse: [Alert]

    public func count(_ status: Status) -> Int { alerts.filter { $0.status == status }.count }

    /// `root`: where a URL that maps to no runbook is looked for as any file (a page the runbook
    /// site publishes from a source Debrief does not read, such as `page.html.md.erb`).
    public init(rules: [AlertRule], runbooks: [Runbook], urlFolders: [String: String], root: URL? = nil) {
        let index = RunbookIndex(runbooks: runbooks, urlFolders: urlFolders, root: root)
        var firstByName: [String: (rule: AlertRule, url: String?)] = [:]
        var order: [String] = []
        for rule in rules {
            if var existing = firstByName[rule.name] {
                if existing.url == nil, let url = rule.runbookURL, !url.isEmpty { existing.url = url; firstByName[rule.name] = existing }
            } else {
                firstByName[rule.name] = (rule, rule.runbookURL.flatMap { $0.isEmpty ? nil : $0 })
                order.append(rule.name)
            }
        }
        alerts = order.sorted().map { name in
            let (rule, url) = firstByName[name]!
            return index.alert(rule: rule, url: url)
        }
        let defined = Set(firstByName.keys.map { $0.lowercased() })
        let linked = Set(alerts.compactMap(\.runbook))
        orphans = runbooks.filter { $0.answersAlerts && !$0.alertNames.isEmpty && !linked.contains($0.path) }
            .filter { !$0.alertNames.contains { defined.contains($0.lowercased()) } }
            .map { Orphan(runbook: $0.path, alerts: $0.alertNames) }
            .sorted { $0.runbook < $1.runbook }
        let deprecated = Set(runbooks.filter { $0.status == .deprecated }.map(\.path))
        deprecatedInUse = alerts.filter { $0.runbook.map(deprecated.contains) == true }
    }
}

/// Runbooks by the keys URLs and alert names are matched on.
private struct RunbookIndex {
    /// Lower-cased path without its extension -> runbook.
    let byPath: [String: Runbook]
    /// Lower-cased file name up to its first `.` -> runbooks.
    let byFileName: [String: [Runbook]]
    /// Lower-cased alert name -> runbooks listing it.
    let byAlert: [String: [Runbook]]
    /// Prefix (lower-cased) -> folder, longest prefix first.
    let prefixes: [(prefix: String, folder: String)]

    let root: URL?

    init(runbooks: [Runbook], urlFolders: [String: String], root: URL?) {
        self.root = root
        byPath = Dictionary(runbooks.map { (Self.key($0.path), $0) }, uniquingKeysWith: { first, _ in first })
        let inUse = runbooks.filter(\.answersAlerts)
        byFileName = Dictionary(grouping: inUse) { String($0.path.split(separator: "/").last?.split(separator: ".").first ?? "").lowercased() }
        var byAlert: [String: [Runbook]] = [:]
        for runbook in inUse { for alert in Set(runbook.alertNames.map { $0.lowercased() }) { byAlert[alert, default: []].append(runbook) } }
        self.byAlert = byAlert
        prefixes = urlFolders.map { ($0.key.lowercased(), $0.value.trimmingScalars(in: "/")) }.sorted { $0.prefix.count > $1.prefix.count }
    }

    /// Lower case, without `#anchor`, `?query`, a trailing `/` or a runbook extension.
    static func key(_ path: String) -> String {
        var key = Substring(path.lowercased())
        if let cut = key.firstIndex(where: { $0 == "#" || $0 == "?" }) { key = key[..<cut] }
        while key.hasSuffix("/") { key = key.dropLast() }
        if let dot = key.lastIndex(of: "."), KnowledgeBase.documentExtensions.contains(String(key[key.index(after: dot)...])) { key = key[..<dot] }
        return String(key)
    }

    func alert(rule: AlertRule, url: String?) -> AlertCoverage.Alert {
        var entry = AlertCoverage.Alert(rule: rule, runbookURL: url, runbook: nil, status: .noRunbook)
        if let url {
            switch follow(url, from: nil, hops: 0) {
            case .found(let runbook):
                entry.runbook = runbook.path
                entry.status = .covered
                return entry
            case .file(let path):
                entry.runbook = path
                entry.status = .covered
                return entry
            case .missing(let path):
                entry.runbook = nil
                entry.status = .brokenURL
                entry.note = "`\(url)` maps to `\(path)`, which is not a runbook of the knowledge base"
                return entry
            case .unmapped:
                entry.note = "`\(url)` is under no `runbook_urls` prefix"
            }
        }
        let byName = byAlert[rule.name.lowercased()] ?? byFileName[rule.name.lowercased()] ?? []
        if let runbook = byName.sorted(by: { $0.path < $1.path }).first {
            entry.runbook = runbook.path
            entry.status = .matchedByName
        }
        return entry
    }

    private enum Outcome {
        case found(Runbook)
        /// A file that is not a runbook Debrief reads, but exists.
        case file(String)
        case missing(String)
        case unmapped
    }

    /// Where `url` leads: through `runbook_urls`, as a path relative to `source` or the root,
    /// then through redirect stubs (at most five).
    private func follow(_ url: String, from source: String?, hops: Int) -> Outcome {
        let lower = url.lowercased()
        var path: String?
        if let mapped = prefixes.first(where: { lower.hasPrefix($0.prefix) }) {
            let rest = url.dropFirst(mapped.prefix.count).trimmingScalars(in: "/")
            path = mapped.folder.isEmpty || mapped.folder == "." ? rest : mapped.folder + "/" + rest
        } else if case .content(let resolved, _) = ContentReference.resolve(url, from: source ?? "") {
            path = resolved
        }
        guard let path else { return .unmapped }
        guard let runbook = byPath[Self.key(path)] else { return existingFile(Self.key(path)).map { .file($0) } ?? .missing(Self.key(path)) }
        if runbook.status == .redirect, let target = runbook.redirectTarget, hops < 5 {
            if case .found(let final) = follow(target, from: runbook.path, hops: hops + 1) { return .found(final) }
        }
        return .found(runbook)
    }

    /// A file under the root that a URL names without being a runbook (`page.html.md.erb`).
    private func existingFile(_ key: String) -> String? {
        root.flatMap { PublishedSource.find(key, under: $0, ignoringCase: true) }
    }

}
