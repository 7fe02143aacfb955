import DebriefModel
import Foundation

/// One incident related to a postmortem or runbook, with why.
public struct RelatedIncident: Sendable, Hashable {
    public var slug: String
    public var path: String
    public var title: String
    public var date: Day?
    public var severity: String?
    /// 0 for explicit links (they come first whatever the score of others).
    public var score: Double
    public var isExplicit: Bool
    /// Human-readable reasons, e.g. ["same alert HighErrorRate", "similar root cause (pool, connection)"].
    public var reasons: [String]

    public var explanation: String { reasons.joined(separator: "; ") }
}

/// Finds related incidents: explicit links first (front matter `related`, links in the Related
/// Incidents section, and incidents that link here), then incidents that share features (alerts,
/// services, tags, distinctive root-cause terms), scored by how rare the shared features are.
///
/// It never compares all pairs: each feature keeps a posting list of the incidents that have
/// it, in date order, and an incident looks only at the `neighboursPerFeature` incidents closest
/// in time on each of its lists. The cost is O(incidents x features x neighboursPerFeature).
public struct RelatedIncidents: Sendable {
    public static let neighboursPerFeature = 100
    public static let rootCauseTermsPerIncident = 8
    /// Shared root-cause terms needed before root causes count as similar.
    public static let minimumSharedRootCauseTerms = 2

    enum Kind: Sendable {
        case alert, service, tag, cause

        var weight: Double {
            switch self {
            case .alert: return 3
            case .tag: return 1.5
            case .service: return 1
            case .cause: return 1
            }
        }
    }

    /// A feature's kind and lower-cased name; each distinct one gets a number (`featureIDs`),
    /// and scoring works on the numbers only.
    struct Feature: Hashable, Sendable {
        var kind: Kind
        var name: String
    }

    /// One feature of an incident or runbook: its number and the spelling to show.
    struct OwnFeature: Sendable {
        var id: Int
        var display: String
    }

    public let postmortems: [Postmortem]
    /// Per incident, its features.
    let features: [[OwnFeature]]
    let featureIDs: [Feature: Int]
    /// Feature number -> its kind.
    let featureKinds: [Kind]
    /// Feature number -> incident indices in date order.
    let postingLists: [[Int]]
    /// Incident index -> its rank in date order (the order of every posting list).
    let dateRank: [Int]
    /// Incident index -> indices it links to explicitly, and the reason.
    let explicitLinks: [[(target: Int, reason: String)]]

    public init(postmortems: [Postmortem]) {
        self.postmortems = postmortems
        let order = postmortems.indices.sorted { a, b in
            let (da, db) = (postmortems[a].date, postmortems[b].date)
            return da != db ? (da ?? Day(year: 1900, month: 1, day: 1)) < (db ?? Day(year: 1900, month: 1, day: 1)) : a < b
        }
        var rank = [Int](repeating: 0, count: postmortems.count)
        for (position, index) in order.enumerated() { rank[index] = position }
        dateRank = rank

        let causeTerms = RelatedIncidents.distinctiveRootCauseTerms(postmortems)
        var ids: [Feature: Int] = [:]
        var kinds: [Kind] = []
        var features: [[OwnFeature]] = []
        for (index, p) in postmortems.enumerated() {
            var list: [OwnFeature] = []
            func add(_ kind: Kind, _ name: String, _ display: String) {
                let feature = Feature(kind: kind, name: name)
                let id = ids[feature] ?? {
                    kinds.append(kind)
                    ids[feature] = kinds.count - 1
                    return kinds.count - 1
                }()
                if !list.contains(where: { $0.id == id }) { list.append(OwnFeature(id: id, display: display)) }
            }
            for alert in p.alerts { add(.alert, alert.lowercased(), alert) }
            for service in p.services { add(.service, service.lowercased(), service) }
            for tag in p.tags { add(.tag, tag.lowercased(), tag) }
            for cause in causeTerms[index] { add(.cause, cause.term, cause.word) }
            features.append(list)
        }
        self.features = features
        featureIDs = ids
        featureKinds = kinds
        var lists = [[Int]](repeating: [], count: kinds.count)
        for index in order { for feature in features[index] { lists[feature.id].append(index) } }
        postingLists = lists
        explicitLinks = RelatedIncidents.resolveExplicitLinks(postmortems)
    }

    /// Related incidents of the postmortem at `index`, explicit links first.
    public func related(to index: Int, limit: Int = 5) -> [RelatedIncident] {
        var scratch = Scratch(count: postmortems.count)
        return related(to: index, limit: limit, scratch: &scratch)
    }

    func related(to index: Int, limit: Int, scratch: inout Scratch) -> [RelatedIncident] {
        var result: [RelatedIncident] = []
        // The incident and its explicit links: a handful, so an array (no hashing per neighbour).
        var taken = [index]
        for link in explicitLinks[index] {
            if let existing = result.firstIndex(where: { $0.slug == postmortems[link.target].slug }) {
                if !result[existing].reasons.contains(link.reason) { result[existing].reasons.append(link.reason) }
                continue
            }
            guard !taken.contains(link.target) else { continue }
            taken.append(link.target)
            result.append(incident(link.target, score: 0, explicit: true, reasons: [link.reason]))
        }
        let candidates = scoredCandidates(features[index], around: dateRank[index], excluding: taken, limit: limit - result.count, scratch: &scratch)
        for candidate in candidates {
            result.append(incident(candidate.index, score: candidate.score, explicit: false, reasons: candidate.reasons))
        }
        return Array(result.prefix(max(limit, result.count(where: \.isExplicit))))
    }

    /// Incidents in which a runbook's alerts fired, then incidents of its service.
    public func incidents(for runbook: Runbook, limit: Int = 10) -> [RelatedIncident] {
        var scratch = Scratch(count: postmortems.count)
        return incidents(for: runbook, limit: limit, scratch: &scratch)
    }

    func incidents(for runbook: Runbook, limit: Int, scratch: inout Scratch) -> [RelatedIncident] {
        var named = runbook.alertNames.map { (Feature(kind: .alert, name: $0.lowercased()), $0) }
        if let service = runbook.service { named.append((Feature(kind: .service, name: service.lowercased()), service)) }
        // A feature no incident has scores nothing.
        let runbookFeatures = named.compactMap { feature, display in featureIDs[feature].map { OwnFeature(id: $0, display: display) } }
        // A runbook has no date: its neighbours are the most recent incidents.
        let candidates = scoredCandidates(runbookFeatures, around: postmortems.count, excluding: [], limit: limit,
                                          alertReason: { "alert \($0) fired" }, scratch: &scratch)
        return candidates.map { incident($0.index, score: $0.score, explicit: false, reasons: $0.reasons) }
    }

    /// Related incidents of every postmortem, computed on all cores (for the site).
    public func all(limit: Int = 5) -> [[RelatedIncident]] {
        onAllCores(count: postmortems.count) { index, scratch in related(to: index, limit: limit, scratch: &scratch) }
    }

    /// `incidents(for:limit:)` of every runbook, computed on all cores (for the site).
    public func incidents(for runbooks: [Runbook], limit: Int = 10) -> [[RelatedIncident]] {
        onAllCores(count: runbooks.count) { index, scratch in incidents(for: runbooks[index], limit: limit, scratch: &scratch) }
    }

    /// `body` for 0..<count in a few runs per core, each with one scratch: a scratch's arrays
    /// are as long as the corpus, so the number of scratches must not grow with the corpus.
    private func onAllCores<T: Sendable>(count: Int, _ body: @Sendable (Int, inout Scratch) -> T) -> [T] {
        let slots = ResultSlots<T>(count: count)
        let runs = max(1, min(count, ProcessInfo.processInfo.activeProcessorCount * 4))
        DispatchQueue.concurrentPerform(iterations: runs) { run in
            var scratch = Scratch(count: postmortems.count)
            for index in count * run / runs ..< count * (run + 1) / runs {
                slots[index] = body(index, &scratch)
            }
        }
        return slots.values
    }

    /// Index of the postmortem whose path (or path suffix, or slug) is `reference`.
    public func index(of reference: String) -> Int? {
        let cleaned = reference.hasPrefix("./") ? String(reference.dropFirst(2)) : reference
        return postmortems.firstIndex { $0.path == cleaned }
            ?? postmortems.firstIndex { cleaned.hasSuffix("/" + $0.path) || $0.path.hasSuffix("/" + cleaned) }
            ?? postmortems.firstIndex { $0.slug == cleaned || $0.slug == Slug.make(fromPath: cleaned) }
    }

    struct Candidate {
        var index: Int
        var score: Double
        var reasons: [String]
    }

    /// Scores by incident index for one `scoredCandidates` call, in arrays instead of
    /// dictionaries; `touched` lists the entries to read and reset, so reuse costs nothing.
    struct Scratch {
        var featureScore: [Double]
        var causeScore: [Double]
        var causeCount: [Int]
        var touched: [Int] = []

        init(count: Int) {
            featureScore = Array(repeating: 0, count: count)
            causeScore = Array(repeating: 0, count: count)
            causeCount = Array(repeating: 0, count: count)
        }

        mutating func touch(_ index: Int) {
            if featureScore[index] == 0, causeScore[index] == 0 { touched.append(index) }
        }

        mutating func reset() {
            for index in touched { (featureScore[index], causeScore[index], causeCount[index]) = (0, 0, 0) }
            touched.removeAll(keepingCapacity: true)
        }
    }

    /// Scores every incident sharing a feature (one pass over capped posting lists, adding
    /// numbers only), then explains just the `limit` best.
    func scoredCandidates(_ own: [OwnFeature], around rank: Int, excluding: [Int],
                          limit: Int, alertReason: (String) -> String = { "same alert \($0)" }, scratch: inout Scratch) -> [Candidate] {
        let count = Double(max(1, postmortems.count))
        defer { scratch.reset() }
        for entry in own {
            let list = postingLists[entry.id]
            let kind = featureKinds[entry.id]
            // Every value is positive (log of more than 1), so a zero score means untouched.
            let value = kind.weight * log(1 + count / Double(list.count))
            let isCause = kind == .cause
            for other in neighbours(in: list, around: rank) where !excluding.contains(other) {
                scratch.touch(other)
                if isCause {
                    scratch.causeScore[other] += value
                    scratch.causeCount[other] += 1
                } else {
                    scratch.featureScore[other] += value
                }
            }
        }
        // Equal scores: the incident closer in time first, then file order.
        func isBetter(_ a: (index: Int, score: Double), than b: (index: Int, score: Double)) -> Bool {
            if a.score != b.score { return a.score > b.score }
            let (distanceA, distanceB) = (abs(dateRank[a.index] - rank), abs(dateRank[b.index] - rank))
            return distanceA != distanceB ? distanceA < distanceB : a.index < b.index
        }
        // The `limit` best, kept sorted while scanning: the same as sorting all and taking a prefix.
        var best: [(index: Int, score: Double)] = []
        for other in scratch.touched where limit > 0 {
            let causes = scratch.causeCount[other] >= RelatedIncidents.minimumSharedRootCauseTerms ? scratch.causeScore[other] : 0
            let score = scratch.featureScore[other] + causes
            guard score > 0 else { continue }
            let candidate = (index: other, score: (score * 1e6).rounded() / 1e6)
            if best.count == limit, !isBetter(candidate, than: best[limit - 1]) { continue }
            let position = best.firstIndex { isBetter(candidate, than: $0) } ?? best.count
            best.insert(candidate, at: position)
            if best.count > limit { best.removeLast() }
        }
        return best.map { candidate in
            // A dozen features a side: scanning is cheaper than hashing.
            let theirs = features[candidate.index]
            let common = own.filter { mine in theirs.contains { $0.id == mine.id } }
            func names(_ kind: Kind) -> String { common.filter { featureKinds[$0.id] == kind }.map(\.display).joined(separator: ", ") }
            let (alerts, services, tags) = (names(.alert), names(.service), names(.tag))
            let causes = common.filter { featureKinds[$0.id] == .cause }
            var reasons: [String] = []
            if !alerts.isEmpty { reasons.append(alertReason(alerts)) }
            if !services.isEmpty { reasons.append("same service \(services)") }
            if !tags.isEmpty { reasons.append("shared tag \(tags)") }
            if causes.count >= RelatedIncidents.minimumSharedRootCauseTerms {
                reasons.append("similar root cause (\(causes.map(\.display).joined(separator: ", ")))")
            }
            return Candidate(index: candidate.index, score: candidate.score, reasons: reasons)
        }
    }

    /// The part of a date-ordered posting list closest in time to `rank`: at most
    /// `neighboursPerFeature` entries, so a feature every incident shares costs no more than a rare one.
    func neighbours(in list: [Int], around rank: Int) -> ArraySlice<Int> {
        let cap = RelatedIncidents.neighboursPerFeature
        guard list.count > cap else { return list[...] }
        let position = list.partitionPoint { dateRank[$0] < rank }
        let start = min(max(0, position - cap / 2), list.count - cap)
        return list[start ..< start + cap]
    }

    func incident(_ index: Int, score: Double, explicit: Bool, reasons: [String]) -> RelatedIncident {
        let p = postmortems[index]
        return RelatedIncident(slug: p.slug, path: p.path, title: p.title ?? p.slug, date: p.date, severity: p.severity,
                               score: score, isExplicit: explicit, reasons: reasons)
    }
}

extension RelatedIncidents {
    /// Per incident, up to `rootCauseTermsPerIncident` root-cause terms that are frequent in it
    /// and rare elsewhere (tf x idf), among terms at least two incidents have.
    /// Each term comes with the word it was first written as, to show in explanations.
    static func distinctiveRootCauseTerms(_ postmortems: [Postmortem]) -> [[(term: String, word: String)]] {
        // Tokenizing and weighting are per incident, so on all cores; only `df` is shared.
        let tokenized: [(counts: [String: Int], firstWords: [String: String])] = concurrentMap(postmortems.indices) { index in
            let text = postmortems[index].sections.filter { $0.means(.rootCause) }.map(\.text).joined(separator: "\n")
            var tf: [String: Int] = [:]
            var words: [String: String] = [:]
            for token in Tokenizer.tokenize(text, splitCompounds: false) where token.term.unicodeScalars.count > 2
                && !token.term.allSatisfy(\.isNumber) {
                tf[token.term, default: 0] += 1
                if words[token.term] == nil { words[token.term] = token.word }
            }
            return (tf, words)
        }
        var df: [String: Int] = [:]
        for (tf, _) in tokenized { for term in tf.keys { df[term, default: 0] += 1 } }
        let n = Double(max(1, postmortems.count))
        return concurrentMap(tokenized.indices) { [df] index in
            let (tf, firstWords) = tokenized[index]
            // Terms in more than a quarter of all incidents say nothing about similarity (small
            // knowledge bases keep terms shared by up to three).
            var weighted: [(term: String, weight: Double)] = []
            for (term, count) in tf {
                let frequency = Double(df[term]!)
                guard frequency >= 2, frequency <= max(3, n / 4) else { continue }
                weighted.append((term, Double(count) * log(n / frequency)))
            }
            weighted.sort { $0.weight != $1.weight ? $0.weight > $1.weight : $0.term < $1.term }
            return weighted.prefix(rootCauseTermsPerIncident).map { ($0.term, firstWords[$0.term]!) }
        }
    }

    /// Explicit links: front matter `related` (slug, path, file name or title), markdown links in
    /// the Related Incidents section, and the reverse of both ("links to this incident").
    static func resolveExplicitLinks(_ postmortems: [Postmortem]) -> [[(target: Int, reason: String)]] {
        var bySlug: [String: Int] = [:]
        var byTitle: [String: Int] = [:]
        for (index, p) in postmortems.enumerated() {
            if bySlug[p.slug] == nil { bySlug[p.slug] = index }
            if let title = p.title?.lowercased(), byTitle[title] == nil { byTitle[title] = index }
        }
        func resolve(_ reference: String) -> Int? {
            let trimmed = reference.trimmingCharacters(in: .whitespaces)
            let withoutFragment = String(trimmed.split(separator: "#", omittingEmptySubsequences: false).first ?? "")
            return bySlug[Slug.make(withoutFragment)] ?? bySlug[Slug.make(fromPath: withoutFragment.trimmingCharacters(in: CharacterSet(charactersIn: "/")))]
                ?? byTitle[trimmed.lowercased()]
        }
        var links = [[(target: Int, reason: String)]](repeating: [], count: postmortems.count)
        var incoming = [[Int]](repeating: [], count: postmortems.count)
        for (index, p) in postmortems.enumerated() {
            for reference in p.related {
                if let target = resolve(reference), target != index {
                    links[index].append((target, "linked in front matter"))
                    incoming[target].append(index)
                }
            }
            for section in p.sections where section.means(.relatedIncidents) {
                for link in p.links where (section.line...max(section.line, section.endLine)).contains(link.line) {
                    if link.url.contains("://") && !link.url.hasSuffix(".md") && !link.url.hasSuffix(".html") { continue }
                    if let target = resolve(link.url), target != index {
                        links[index].append((target, "listed under Related Incidents"))
                        incoming[target].append(index)
                    }
                }
            }
        }
        for (target, sources) in incoming.enumerated() {
            for source in sources { links[target].append((source, "links to this incident")) }
        }
        return links
    }
}
