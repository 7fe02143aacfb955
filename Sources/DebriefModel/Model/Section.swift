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

    /// Lower-cased heading texts (trailing parentheticals removed) that name this section.
    public var synonyms: [String] {
        switch self {
        case .summary: return ["summary", "executive summary", "tl;dr", "tldr", "overview"]
        case .impact: return ["impact", "customer impact", "user impact"]
        case .timeline: return ["timeline", "key events", "detailed timeline"]
        case .rootCause: return ["root cause", "root causes", "root cause analysis", "cause"]
        case .contributingFactors: return ["contributing factors", "contributing factor"]
        case .resolution: return ["resolution", "resolution and recovery", "mitigation", "recovery"]
        case .wentWell: return ["what went well", "went well", "things that went well"]
        case .wentWrong: return ["what went wrong", "what went poorly", "went wrong", "went poorly", "what didn't go well", "things that went wrong"]
        case .gotLucky: return ["where we got lucky", "got lucky", "where we were lucky"]
        case .lessonsLearned: return ["lessons learned", "lessons learnt", "lessons"]
        case .actionItems: return ["action items", "action item", "follow-ups", "follow ups", "followups", "review actions", "next steps", "corrective actions", "remediation"]
        case .relatedIncidents: return ["related incidents", "related", "similar incidents"]
        case .appendix: return ["appendix", "references", "supporting information"]
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

    /// Matches a heading such as `Timeline (All times UTC)` or `ROOT CAUSE:`.
    public static func matching(heading: String) -> SectionKind? {
        var text = heading.lowercased().trimmed()
        // On bytes for ASCII headings: a Character search runs grapheme breaking over the text.
        let open = text.utf8.allSatisfy { $0 < 0x80 } ? text.firstIndex(ofASCII: UInt8(ascii: "(")) : text.firstIndex(of: "(")
        if let open, text.hasSuffix(")") { text = String(text[..<open]) }
        text = text.trimmed(" :.-")
        return bySynonym[text]
    }

    /// Every synonym with its kind; the first kind (in declaration order) wins a shared synonym.
    private static let bySynonym: [String: SectionKind] = {
        var map: [String: SectionKind] = [:]
        for kind in allCases { for synonym in kind.synonyms where map[synonym] == nil { map[synonym] = kind } }
        return map
    }()
}

import Foundation

/// One section of a postmortem: a heading and the content up to the next heading of the same
/// or a higher level.
public struct Section: Sendable, Hashable, Codable {
    public var heading: String
    /// nil for sections Debrief does not recognise; they are kept and rendered all the same.
    public var kind: SectionKind?
    public var level: Int
    public var line: Int
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

    public var isEmpty: Bool {
        text.allSatisfy(\.isWhitespace)
    }
}
