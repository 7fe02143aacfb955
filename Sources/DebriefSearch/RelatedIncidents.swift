import DebriefModel
import Foundation

/// One incident related to a postmortem or runbook, with why.
public struct RelatedIncident: Sendable, Hashable {
    /// Its position among the postmortems `RelatedIncidents` was made from.
    public var index: Int
    public var slug: String
    public var path: String
    public var title: String
    public var date: Day?
    public var severity: String?
    /// 0 for explicit links (they come first whatever the score of others).
    public var score: Double
    public var isExplicit: Bool
    /// Sentences a person can read, e.g. ["similar root cause: “the connection pool was sized
    /// statically…”", "both fired HighErrorRate"].
    public var reasons: [String]

    public var explanation: String { reasons.joined(separator: "; ") }
}

/// Finds related incidents: explicit links first (front matter `related`, links in the Related
/// Incidents section, and incidents that link here), then incidents scored by how much they
/// have in common (docs/search.md gives the formula):
///
/// - the root cause: tf-idf cosine of the Root Cause sections (Contributing Factors when there
///   is none), weighted most, so the same cause outranks a shared alert or service;
/// - the whole text: tf-idf cosine over every word of the two documents;
/// - alerts, services and tags, each weighted by how rare it is (a generic alert that fired in
///   most incidents counts for almost nothing).
///
/// It never compares all pairs: each feature (a term of a document's pruned vector, an alert,
/// a service, a tag) keeps a posting list of the incidents that have it, in date order, and an
/// incident looks only at the `neighboursPerFeature` incidents closest in time on each of its
/// lists. The cost is O(incidents x features x neighboursPerFeature).
public struct RelatedIncidents: Sendable {
    public static let neighboursPerFeature = 100
    /// Each document's text and root-cause vectors keep their heaviest terms only.
    public static let textTermsPerIncident = 30
    public static let causeTermsPerIncident = 16
    /// Below this score an incident is not shown.
    public static let minimumScore = 0.15
    public static let minimumSharedTerms = 2
    /// Whole-text similarity needs this many postmortems: over fewer, idf cannot tell a topic's
    /// words from the template's ("impact", "owner", "minutes").
    public static let minimumIncidentsForTextSimilarity = 20
    /// Root-cause and text similarity from which a reason names them.
    static let similarCauseReason = 0.2
    static let similarTextReason = 0.1

    enum Kind: Sendable {
        case alert, service, tag, cause, text

        /// What a feature of this kind adds at most: a cosine of 1, or a feature only two incidents share.
        var weight: Double {
            switch self {
            case .cause: return 3
            case .text: return 2
            case .alert: return 1
            case .tag: return 0.75
            case .service: return 0.5
            }
        }
    }

    /// A feature's kind and lower-cased name (a stem for terms); each distinct one gets a
    /// number (`featureIDs`), and scoring works on the numbers only.
    struct Feature: Hashable, Sendable {
        var kind: Kind
        var name: String
    }

    /// One feature of an incident or runbook: its number, its weight there (a component of a
    /// unit vector for terms, 1 otherwise) and the spelling to show.
    struct OwnFeature: Sendable {
        var id: Int
        var weight: Double
        var display: String
    }

    struct Posting: Sendable {
        var index: Int
        var weight: Double
    }

    public let postmortems: [Postmortem]
    /// Per incident, its features.
    let features: [[OwnFeature]]
    let featureIDs: [Feature: Int]
    /// Feature number -> its kind.
    let featureKinds: [Kind]
    /// Feature number -> what one unit of it is worth: the kind's weight, times its rarity for
    /// alerts, services and tags.
    let featureValues: [Double]
    /// Feature number -> incidents (with their weight) in date order.
    let postingLists: [[Posting]]
    /// Incident index -> its rank in date order (the order of every posting list).
    let dateRank: [Int]
    /// Incident index -> indices it links to explicitly, and the reason.
    let explicitLinks: [[(target: Int, reason: String)]]
    /// Incident index -> the first sentence of its root cause, to quote as a reason.
    let causeSummaries: [String?]

    public init(postmortems: [Postmortem]) {
        self.postmortems = postmortems
        let order = postmortems.indices.sorted { a, b in
            let (da, db) = (postmortems[a].date, postmortems[b].date)
            return da != db ? (da ?? Day(year: 1900, month: 1, day: 1)) < (db ?? Day(year: 1900, month: 1, day: 1)) : a < b
        }
        var rank = [Int](repeating: 0, count: postmortems.count)
        for (position, index) in order.enumerated() { rank[index] = position }
        dateRank = rank

        let causes = postmortems.map(RelatedIncidents.causeText)
        causeSummaries = concurrentMap(causes.indices) { RelatedIncidents.firstSentence(causes[$0]) }
        let causeVectors = TermVectors(texts: causes, termsPerText: RelatedIncidents.causeTermsPerIncident)
        let textVectors = postmortems.count >= RelatedIncidents.minimumIncidentsForTextSimilarity
            ? TermVectors(texts: postmortems.map(RelatedIncidents.wholeText), termsPerText: RelatedIncidents.textTermsPerIncident).vectors
            : Array(repeating: [], count: postmortems.count)

        var ids: [Feature: Int] = [:]
        var kinds: [Kind] = []
        var features: [[OwnFeature]] = []
        for (index, p) in postmortems.enumerated() {
            var list: [OwnFeature] = []
            func add(_ kind: Kind, _ name: String, _ display: String, _ weight: Double = 1) {
                let feature = Feature(kind: kind, name: name)
                let id = ids[feature] ?? {
                    kinds.append(kind)
                    ids[feature] = kinds.count - 1
                    return kinds.count - 1
                }()
                if !list.contains(where: { $0.id == id }) { list.append(OwnFeature(id: id, weight: weight, display: display)) }
            }
            for alert in p.alerts { add(.alert, alert.lowercased(), alert) }
            for service in p.services { add(.service, service.lowercased(), service) }
            for tag in p.tags { add(.tag, tag.lowercased(), tag) }
            for term in causeVectors.vectors[index] { add(.cause, term.term, term.word, term.weight) }
            for term in textVectors[index] { add(.text, term.term, term.word, term.weight) }
            features.append(list)
        }
        self.features = features
        featureIDs = ids
        featureKinds = kinds
        var lists = [[Posting]](repeating: [], count: kinds.count)
        for index in order { for feature in features[index] { lists[feature.id].append(Posting(index: index, weight: feature.weight)) } }
        postingLists = lists
        let count = Double(max(2, postmortems.count))
        featureValues = kinds.indices.map { id in
            switch kinds[id] {
            case .cause, .text: return kinds[id].weight
            // 1 for a feature two incidents share, 0 for one every incident has.
            case .alert, .service, .tag: return kinds[id].weight * log(count / Double(max(2, lists[id].count))) / log(count / 2)
            }
        }
        explicitLinks = RelatedIncidents.resolveExplicitLinks(postmortems)
    }

    /// Every word the postmortem says (title, front-matter summary, body).
    static func wholeText(_ p: Postmortem) -> String {
        [p.title ?? "", p.summary ?? "", p.body].joined(separator: "\n")
    }

    /// The Root Cause sections, else Contributing Factors.
    static func causeText(_ p: Postmortem) -> String {
        let root = p.sections.filter { $0.means(.rootCause) }.map(\.text)
        return (root.isEmpty ? p.sections.filter { $0.kind == .contributingFactors }.map(\.text) : root).joined(separator: "\n")
    }

    /// Markup around a quoted sentence: list markers, headings, quotes, table bars.
    private static let sentenceMarkup: Set<Character> = ["-", "*", "#", ">", "|", ":", " "]

    /// The first sentence of a text, up to about 90 characters, on one line.
    static func firstSentence(_ text: String) -> String? {
        TextFastPaths.firstSentence(text) ?? generalFirstSentence(text)
    }

    /// `firstSentence` on Characters, exact for any text.
    static func generalFirstSentence(_ text: String) -> String? {
        // The opening is enough: the quote is at most 90 characters.
        let flat = text.prefix(200).split { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r\n" }.joined(separator: " ")
        let opening = flat.drop(while: sentenceMarkup.contains)
        guard let last = opening.lastIndex(where: { !sentenceMarkup.contains($0) }) else { return nil }
        var sentence = opening[...last]
        if let end = sentence.firstRange(of: ". ") { sentence = sentence[..<end.lowerBound] }
        guard sentence.count > 90 else { return String(sentence) }
        let cut = sentence.prefix(90)
        return String(cut[..<(cut.lastIndex(of: " ") ?? cut.endIndex)]) + "…"
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
        let runbookFeatures = named.compactMap { feature, display in featureIDs[feature].map { OwnFeature(id: $0, weight: 1, display: display) } }
        // A runbook has no date: its neighbours are the most recent incidents. No minimum score:
        // an incident sharing an alert or the service is listed however little that scores
        // (though a feature every incident has scores nothing).
        let candidates = scoredCandidates(runbookFeatures, around: postmortems.count, excluding: [], limit: limit,
                                          minimumScore: 0, alertReason: { "alert \($0) fired" }, scratch: &scratch)
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

    /// Scores by incident index for one `scoredCandidates` call, in an array instead of a
    /// dictionary; `touched` lists the entries to read and reset, so reuse costs nothing.
    /// Root-cause and text similarity count only from `minimumSharedTerms` shared terms: in a
    /// small knowledge base one shared word makes a large cosine and means little.
    struct Scratch {
        /// One incident's sums; one struct per incident, so an addition touches one array.
        struct Tally {
            var feature = 0.0, cause = 0.0, text = 0.0
            var causeTerms: Int32 = 0, textTerms: Int32 = 0
        }

        var tallies: [Tally]
        var touched: [Int] = []

        init(count: Int) {
            tallies = Array(repeating: Tally(), count: count)
        }

        /// Called about 3,000 times per incident: inlined, a 1k build runs 1.7% fewer instructions.
        @inline(__always)
        mutating func add(_ value: Double, of kind: Kind, to index: Int) {
            if tallies[index].feature == 0, tallies[index].causeTerms == 0, tallies[index].textTerms == 0 { touched.append(index) }
            switch kind {
            case .cause: tallies[index].cause += value; tallies[index].causeTerms += 1
            case .text: tallies[index].text += value; tallies[index].textTerms += 1
            case .alert, .service, .tag: tallies[index].feature += value
            }
        }

        func score(_ index: Int) -> Double {
            let minimum = RelatedIncidents.minimumSharedTerms, tally = tallies[index]
            return tally.feature + (tally.causeTerms >= minimum ? tally.cause : 0) + (tally.textTerms >= minimum ? tally.text : 0)
        }

        mutating func reset() {
            for index in touched { tallies[index] = Tally() }
            touched.removeAll(keepingCapacity: true)
        }
    }

    /// Scores every incident sharing a feature (one pass over capped posting lists, adding
    /// numbers only), then explains just the `limit` best.
    func scoredCandidates(_ own: [OwnFeature], around rank: Int, excluding: [Int], limit: Int,
                          minimumScore: Double = RelatedIncidents.minimumScore,
                          alertReason: (String) -> String = { "both fired \($0)" }, scratch: inout Scratch) -> [Candidate] {
        defer { scratch.reset() }
        for entry in own {
            let value = featureValues[entry.id] * entry.weight
            // A generic feature contributes nothing; skipping it also skips its long list.
            guard value > 0 else { continue }
            for other in neighbours(in: postingLists[entry.id], around: rank) where !excluding.contains(other.index) {
                scratch.add(value * other.weight, of: featureKinds[entry.id], to: other.index)
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
            let candidate = (index: other, score: (scratch.score(other) * 1e6).rounded() / 1e6)
            guard candidate.score > 0, candidate.score >= minimumScore else { continue }
            if best.count == limit, !isBetter(candidate, than: best[limit - 1]) { continue }
            let position = best.firstIndex { isBetter(candidate, than: $0) } ?? best.count
            best.insert(candidate, at: position)
            if best.count > limit { best.removeLast() }
        }
        return best.map { Candidate(index: $0.index, score: $0.score, reasons: reasons(own, $0.index, alertReason: alertReason)) }
    }

    /// Why `other` is related: the root cause quoted when the causes are similar, else the
    /// words the texts share most, then the alerts, services and tags in common.
    func reasons(_ own: [OwnFeature], _ other: Int, alertReason: (String) -> String) -> [String] {
        // A few dozen features a side: scanning is cheaper than hashing.
        let theirs = features[other]
        var shared: [(feature: OwnFeature, product: Double)] = []
        for mine in own {
            if let match = theirs.first(where: { $0.id == mine.id }) { shared.append((mine, mine.weight * match.weight)) }
        }
        func similarity(_ kind: Kind) -> Double {
            let terms = shared.filter { featureKinds[$0.feature.id] == kind }
            return terms.count < RelatedIncidents.minimumSharedTerms ? 0 : terms.reduce(0) { $0 + $1.product }
        }
        func names(_ kind: Kind) -> String { shared.filter { featureKinds[$0.feature.id] == kind }.map(\.feature.display).joined(separator: ", ") }
        var reasons: [String] = []
        if similarity(.cause) >= RelatedIncidents.similarCauseReason, let summary = causeSummaries[other] {
            reasons.append("similar root cause: “\(summary)”")
        } else if similarity(.text) >= RelatedIncidents.similarTextReason {
            reasons.append("both mention \(mostShared(shared.filter { featureKinds[$0.feature.id] == .text }))")
        }
        let (alerts, services, tags) = (names(.alert), names(.service), names(.tag))
        if !alerts.isEmpty { reasons.append(alertReason(alerts)) }
        if !services.isEmpty { reasons.append("same service \(services)") }
        if !tags.isEmpty { reasons.append("shared tag \(tags)") }
        if reasons.isEmpty {
            reasons.append("both mention \(mostShared(shared.filter { [.text, .cause].contains(featureKinds[$0.feature.id]) }))")
        }
        return reasons
    }

    /// The four words that weigh most in both, as written, each once.
    private func mostShared(_ shared: [(feature: OwnFeature, product: Double)]) -> String {
        var words: [String] = []
        for entry in shared.sorted(by: { $0.product > $1.product }) where !words.contains(entry.feature.display) && words.count < 4 {
            words.append(entry.feature.display)
        }
        return words.joined(separator: ", ")
    }

    /// The part of a date-ordered posting list closest in time to `rank`: at most
    /// `neighboursPerFeature` entries, so a feature every incident shares costs no more than a rare one.
    func neighbours(in list: [Posting], around rank: Int) -> ArraySlice<Posting> {
        let cap = RelatedIncidents.neighboursPerFeature
        guard list.count > cap else { return list[...] }
        let position = list.partitionPoint { dateRank[$0.index] < rank }
        let start = min(max(0, position - cap / 2), list.count - cap)
        return list[start ..< start + cap]
    }

    func incident(_ index: Int, score: Double, explicit: Bool, reasons: [String]) -> RelatedIncident {
        let p = postmortems[index]
        return RelatedIncident(index: index, slug: p.slug, path: p.path, title: p.title ?? p.slug, date: p.date, severity: p.severity,
                               score: score, isExplicit: explicit, reasons: reasons)
    }
}

extension RelatedIncidents {
    /// Explicit links: front matter `related` (slug, path, file name or title), markdown links in
    /// the Related Incidents section, and the reverse of both ("links to this incident").
    static func resolveExplicitLinks(_ postmortems: [Postmortem]) -> [[(target: Int, reason: String)]] {
        let names = PostmortemNames(postmortems)
        var links = [[(target: Int, reason: String)]](repeating: [], count: postmortems.count)
        var incoming = [[Int]](repeating: [], count: postmortems.count)
        for (index, p) in postmortems.enumerated() {
            for reference in p.related {
                if let target = names.postmortem(named: reference), target != index {
                    links[index].append((target, "named in this postmortem’s related list"))
                    incoming[target].append(index)
                }
            }
            for section in p.sections where section.means(.relatedIncidents) {
                for link in p.links where (section.line...max(section.line, section.endLine)).contains(link.line) {
                    if link.url.contains("://") && !link.url.hasSuffix(".md") && !link.url.hasSuffix(".html") { continue }
                    if let target = names.postmortem(named: link.url), target != index {
                        links[index].append((target, "listed under Related Incidents"))
                        incoming[target].append(index)
                    }
                }
            }
        }
        for (target, sources) in incoming.enumerated() {
            for source in sources { links[target].append((source, "its postmortem links to this one")) }
        }
        return links
    }
}
