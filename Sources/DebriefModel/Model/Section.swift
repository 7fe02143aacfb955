/// The sections Debrief recognises by their H2 heading (synonyms in `SectionKind.synonyms`).
public enum SectionKind: String, Sendable, Hashable, Codable, CaseIterable {
    case summary
    case impact
    case timeline
    case rootCause = "root-cause"
    case contributingFactors = "contributing-factors"
    case resolution
    case wentWell = "went-well"
    case wentWrong = "went-wrong"
    case gotLucky = "got-lucky"
    case lessonsLearned = "lessons-learned"
    case actionItems = "action-items"
    case relatedIncidents = "related-incidents"
    case appendix

    /// Heading texts that name this section, matched by meaning: `SectionNames.normalized`
    /// is applied to both sides, so case, punctuation, parentheticals, small words and plurals
    /// do not matter (`### Root Cause(s)`, `## Timeline of the incident`, `What happened?`).
    /// `debrief.yml` adds more with `section_synonyms:`; docs/formats.md lists these.
    public var synonyms: [String] {
        switch self {
        case .summary: return ["summary", "executive summary", "tl;dr", "tldr", "overview", "what happened", "description", "incident summary", "context", "background"]
        case .impact: return ["impact", "customer impact", "user impact", "business impact", "impact assessment", "who was affected", "affected users"]
        case .timeline: return ["timeline", "key events", "detailed timeline", "chronology", "sequence of events", "events", "incident log"]
        case .rootCause: return ["root cause", "root cause analysis", "rca", "cause", "why did it happen", "why did this happen", "conclusion", "analysis", "incident analysis", "post incident analysis", "technical analysis", "why it happened", "what caused it", "trigger", "five whys", "5 whys",
                                "details", "technical details", "vulnerability details", "details of vulnerability", "exploit details",
                                "details of exploit"]
        case .contributingFactors: return ["contributing factors", "contributing causes", "contributors"]
        case .resolution: return ["resolution", "resolution and recovery", "mitigation", "recovery", "fix", "how it was fixed", "remediation steps taken", "response",
                                 "details of fix", "fix details"]
        case .wentWell: return ["what went well", "went well", "things that went well", "what worked", "what worked well"]
        case .wentWrong: return ["what went wrong", "what went poorly", "went wrong", "went poorly", "what didn't go well", "things that went wrong", "what could have gone better", "what could have been better", "what didn't work", "what could be improved", "where we could improve"]
        case .gotLucky: return ["where we got lucky", "got lucky", "where we were lucky", "lucky"]
        case .lessonsLearned: return ["lessons learned", "lessons learnt", "lessons", "learnings", "takeaways", "what we learned"]
        case .actionItems: return ["action items", "action item", "actions", "follow ups", "followups", "follow up actions", "review actions", "next steps",
                                   "corrective actions", "corrective and preventative measures", "preventive actions", "preventative actions", "remediation",
                                   "remediation items", "remediation plan", "remediation plan in progress", "actions in progress", "action plan", "todo", "improvements", "prevention",
                                   "actions taken", "immediate actions taken", "immediate actions", "completed actions", "solution",
                                   "corrective and preventive measures", "preventive measures", "future improvements",
                                   "prevent recurrence", "prevent reoccurrence", "prevent it from happening again", "improve resilience",
                                   "follow up", "follow up tasks", "follow up items", "tasks", "preventing it from happening again"]
        case .relatedIncidents: return ["related incidents", "related", "similar incidents", "previous incidents"]
        case .appendix: return ["appendix", "references", "supporting information", "links"]
        }
    }

    /// The heading text written in templates and messages.
    public var displayName: String {
        switch self {
        case .summary: return "Summary"
        case .impact: return "Impact"
        case .timeline: return "Timeline"
        case .rootCause: return "Root Cause"
        case .contributingFactors: return "Contributing Factors"
        case .resolution: return "Resolution"
        case .wentWell: return "What Went Well"
        case .wentWrong: return "What Went Wrong"
        case .gotLucky: return "Where We Got Lucky"
        case .lessonsLearned: return "Lessons Learned"
        case .actionItems: return "Action Items"
        case .relatedIncidents: return "Related Incidents"
        case .appendix: return "Appendix"
        }
    }

    /// Matches a heading such as `Timeline (All times UTC)` or `ROOT CAUSE:` against the
    /// built-in synonyms; a parser with `section_synonyms` uses its own `SectionNames`.
    public static func matching(heading: String) -> SectionKind? {
        SectionNames.builtIn.kind(of: heading)
    }
}

/// The section synonym table: every synonym of every kind, normalized once.
public struct SectionNames: Sendable {
    public static let builtIn = SectionNames()

    private var byName: [String: SectionKind] = [:]
    /// Synonyms as most headings write them (`Root Cause`, lower-cased), looked up before the
    /// heading is normalized: the common heading costs one lookup.
    private var byPlainName: [String: SectionKind] = [:]

    /// The built-in synonyms plus `extra` (kind -> more headings, from `section_synonyms:`).
    public init(extra: [SectionKind: [String]] = [:]) {
        for kind in SectionKind.allCases {
            // The first kind (in declaration order) wins a shared synonym; configured ones win over built-in.
            for synonym in kind.synonyms { let name = Self.normalized(synonym); if byName[name] == nil { byName[name] = kind } }
        }
        for (kind, synonyms) in extra { for synonym in synonyms { byName[Self.normalized(synonym)] = kind } }
        for listed in SectionKind.allCases {
            for synonym in listed.synonyms + (extra[listed] ?? []) { byPlainName[synonym.lowercased()] = kind(of: synonym) }
        }
    }

    /// The kind whose synonym the heading is, or starts with (`Timeline - UTC`,
    /// `Lessons learned and future improvements`): the longest such synonym wins. Else a
    /// synonym of two words or more that ends the heading (`What is our provider doing to
    /// prevent recurrence?`, `Preliminary root cause`).
    /// `isLabel`: the text is a bold label, not a heading.
    public func kind(of heading: String, isLabel: Bool = false) -> SectionKind? {
        if let kind = byPlainName[heading.lowercased()] { return kind }
        let words = Self.normalized(heading).split(separator: " ")
        for end in stride(from: words.count, to: 0, by: -1) {
            guard let kind = byName[words[..<end].joined(separator: " ")] else { continue }
            // `Incident Response Timeline`: one qualifying word does not outweigh a head noun.
            if end == 1, words.count > 1, let last = words.last.map(String.init), Self.headNouns.contains(last), let headed = byName[last] { return headed }
            return kind
        }
        // No synonym is longer than a few words: only the last ones are tried.
        for start in stride(from: max(1, words.count - Self.longestSynonym), to: words.count - 1, by: 1) {
            if let kind = byName[words[start...].joined(separator: " ")] { return kind }
        }
        // `Response Timeline`, `Potential Impact`: a head noun that means one section whatever qualifies it.
        if words.count > 1, let last = words.last.map(String.init) {
            if Self.headNouns.contains(last) { return byName[last] }
            // `Strategies impacted` heads the impact; `**Versions confirmed affected**: 1.7` states a fact.
            if !isLabel, Self.impactParticiples.contains(last) { return .impact }
        }
        // `Working Theory (root cause)`: the parenthetical names what the heading does not.
        if let open = heading.firstIndex(of: "("), let close = heading[open...].firstIndex(of: ")"), heading.index(after: open) < close {
            return kind(of: String(heading[heading.index(after: open)..<close]))
        }
        return nil
    }

    /// Last words of a heading that name its section whatever words come before them.
    static let headNouns: Set<String> = ["timeline", "impact", "summary", "chronology", "action"]

    /// Last words of a heading (not of a bold label) that make it the impact: `Services affected`.
    static let impactParticiples: Set<String> = ["affected", "impacted"]

    /// The heading's kind, and a second kind when it joins two names with `and` / `&`
    /// (`Lessons learned and future improvements` is also the action items).
    public func kinds(of heading: String) -> (kind: SectionKind?, also: SectionKind?) {
        guard let kind = kind(of: heading) else { return (nil, nil) }
        for separator in [" and ", " & "] where heading.byteOffset(of: separator, from: 0, foldingCase: true) != nil {
            for part in heading.lowercased().components(separatedBy: separator).dropFirst() {
                if let other = self.kind(of: part), other != kind { return (kind, other) }
            }
        }
        return (kind, nil)
    }

    /// The most words a built-in synonym has, normalized (`corrective preventative measure`).
    static let longestSynonym = 6

    /// Words that carry no meaning in a heading (`Timeline of the incident` is `timeline`).
    static let smallWords: Set<String> = ["a", "an", "the", "of", "for", "to", "in", "on", "and", "our", "this", "that", "its",
                                          "with", "from", "during", "by", "it", "incident", "outage", "postmortem", "all", "any", "we",
                                          "issue", "utc", "gmt", "pst", "pdt", "cet", "cest", "est", "edt", "cst", "cdt", "mst", "mdt", "bst"]

    /// Lower case; parentheticals, numbering, punctuation and small words dropped; plurals made singular.
    public static func normalized(_ heading: String) -> String {
        var plain = String.UnicodeScalarView()
        var depth = 0
        for scalar in heading.unicodeScalars {
            switch scalar {
            case "(", "[": depth += 1
            case ")", "]": depth = max(0, depth - 1)
            case "-", "–", "—", "/": if depth == 0 { plain.append(" ") } // `Follow-ups` is `follow ups`
            default: if depth == 0 { plain.append(scalar) }
            }
        }
        let words = Words.of(String(plain)).compactMap { word -> String? in
            var word = word
            if word.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss"), !word.hasSuffix("us"), !word.hasSuffix("is") { word.removeLast() }
            return smallWords.contains(word) || word.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) ? nil : word
        }
        return words.joined(separator: " ")
    }
}

import Foundation

/// One section of a postmortem: a heading and the content up to the next heading of the same
/// or a higher level.
public struct Section: Sendable, Hashable, Codable {
    public var heading: String
    /// nil for sections Debrief does not recognise; they are kept and rendered all the same.
    public var kind: SectionKind?
    /// A second meaning, for a heading that names two (`Lessons learned and future improvements`).
    public var alsoKind: SectionKind?
    public var level: Int
    public var line: Int
    /// Never before `line`, so `line...endLine` is always a valid range.
    public var endLine: Int
    /// The section's text without markup (for search, placeholders and blame checks).
    public var text: String

    public init(heading: String, kind: SectionKind?, level: Int, line: Int, endLine: Int, text: String) {
        self.heading = heading
        self.kind = kind
        self.level = level
        self.line = line
        self.endLine = endLine
        self.text = text
    }

    /// Whether the section is, or also is, a section of `kind`.
    public func means(_ kind: SectionKind) -> Bool {
        self.kind == kind || alsoKind == kind
    }

    public var isEmpty: Bool {
        text.allSatisfy(\.isWhitespace)
    }
}
