/// The names by which one document refers to a postmortem (front matter `related`, a link under
/// Related Incidents): its slug, its file's path or name with or without `#fragment`, or its
/// title in any case. `broken-reference` and related incidents resolve through this one table, so
/// a name that passes the check is a link on the site.
public struct PostmortemNames: Sendable {
    private var bySlug: [String: Int] = [:]
    private var byTitle: [String: Int] = [:]

    /// Indexes `postmortems`; where two share a slug or title, the first is named.
    public init(_ postmortems: [Postmortem]) {
        bySlug.reserveCapacity(postmortems.count)
        for index in postmortems.indices {
            if bySlug[postmortems[index].slug] == nil { bySlug[postmortems[index].slug] = index }
            if let title = postmortems[index].title?.lowercased(), byTitle[title] == nil { byTitle[title] = index }
        }
    }

    /// The index of the postmortem `reference` names, or nil.
    public func postmortem(named reference: String) -> Int? {
        let trimmed = reference.trimmingHorizontalWhitespace()
        let name = String(trimmed.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
        return bySlug[name] ?? bySlug[Slug.make(name)] ?? bySlug[Slug.make(fromPath: name.trimmingScalars(in: "/"))]
            ?? byTitle[trimmed.lowercased()]
    }
}
