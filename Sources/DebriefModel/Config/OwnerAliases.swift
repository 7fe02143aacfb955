/// `owners:` in debrief.yml, resolved once: who an owner written as `@jane`, `jdoe` or
/// `Jane Doe` is. Every consumer (tracked actions, `actions --owner`, owner pages, the blame
/// rule) asks this one value, so a name is the same person everywhere.
///
/// An alias matches ignoring case and a leading `@`; an owner no alias names is itself, trimmed.
public struct OwnerAliases: Sendable, Hashable, Codable, ExpressibleByDictionaryLiteral {
    /// Alias as written -> canonical person or team.
    public private(set) var aliases: [String: String]
    /// Folded alias (see `fold`) -> canonical person or team.
    private var canonicalByKey: [String: String]

    public init(_ aliases: [String: String]) {
        self.aliases = aliases
        // Aliases that differ only in case or `@`: the first in sorted order wins, on every run.
        canonicalByKey = Dictionary(aliases.sorted { $0.key < $1.key }.map { (Self.fold($0.key), $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    public init(from decoder: Decoder) throws {
        self.init(try [String: String](from: decoder))
    }

    public func encode(to encoder: Encoder) throws {
        try aliases.encode(to: encoder)
    }

    public var count: Int { aliases.count }

    /// The person or team `owner` names; nil when it is blank.
    public func canonical(_ owner: String) -> String? {
        let written = owner.trimmingHorizontalWhitespace()
        guard !written.isEmpty else { return nil }
        return canonicalByKey[Self.fold(written)] ?? written
    }

    /// `@bob` and `Bob` are one person when no alias says otherwise; aliases of one name are one person.
    public func samePerson(_ a: String, _ b: String) -> Bool {
        guard let first = canonical(a), let second = canonical(b) else { return false }
        return Self.fold(first) == Self.fold(second)
    }

    /// The key an owner is compared by: trimmed, without a leading `@`, lower-cased.
    private static func fold(_ owner: String) -> String {
        let trimmed = owner.trimmingHorizontalWhitespace()
        return (trimmed.hasPrefix("@") ? String(trimmed.dropFirst()) : trimmed).lowercased()
    }

    public static func == (lhs: OwnerAliases, rhs: OwnerAliases) -> Bool { lhs.aliases == rhs.aliases }
    public func hash(into hasher: inout Hasher) { hasher.combine(aliases) }
}
