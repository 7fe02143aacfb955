import Foundation

/// The sections a markdown runbook may have, matched by meaning like postmortem sections
/// (`SectionNames.normalized` on both sides: case, punctuation, parentheticals, small words and
/// plurals do not matter). `## Diagnosis and mitigation` is both.
enum RunbookSectionKind: String, CaseIterable, Sendable {
    case meaning, symptoms, impact, diagnosis, mitigation, verification, recovery, escalation
    case relatedRunbooks = "related-runbooks"

    var synonyms: [String] {
        switch self {
        case .meaning: return ["meaning", "overview", "description", "summary", "about", "alert description", "understanding the alert",
                               "what this alert means", "what does this alert mean"]
        case .symptoms: return ["symptoms", "symptom", "alert", "alert details"]
        case .impact: return ["impact", "user impact", "customer impact", "severity"]
        case .diagnosis: return ["diagnosis", "investigation steps", "investigation", "investigate", "triage", "troubleshooting", "troubleshoot",
                                 "diagnostics", "debugging", "debug", "how to investigate", "check", "checking", "investigating"]
        case .mitigation: return ["mitigation", "mitigation steps", "common causes", "resolution", "remediation", "fix", "how to fix",
                                  "resolve", "solution", "workaround", "procedure", "resolution steps", "steps to resolve", "possible fixes",
                                  "fixing", "manual steps", "steps to fix", "manual fix"]
        case .verification: return ["verification", "verify", "validation", "validate"]
        case .recovery: return ["recovery", "recovery steps", "follow up", "follow ups", "cleanup"]
        case .escalation: return ["escalation", "escalation policy", "escalations", "escalate", "contacts", "contact", "who to contact", "support"]
        case .relatedRunbooks: return ["related runbooks", "related", "see also", "related alerts"]
        }
    }

}

/// The runbook section synonym table: built-in names plus `section_synonyms:` entries for
/// `runbook-<kind>`, normalized once per parser.
struct RunbookSectionNames: Sendable {
    private var table: [String: RunbookSectionKind] = [:]

    init(extra: [RunbookSectionKind: [String]] = [:]) {
        for kind in RunbookSectionKind.allCases {
            for synonym in kind.synonyms where table[SectionNames.normalized(synonym)] == nil { table[SectionNames.normalized(synonym)] = kind }
        }
        for (kind, synonyms) in extra { for synonym in synonyms { table[SectionNames.normalized(synonym)] = kind } }
    }

    /// The kind the heading names, or starts with (`Diagnosis - on AWS`), or ends with when that
    /// synonym has two words or more (`Potential resolution steps`).
    func kind(of heading: String) -> RunbookSectionKind? {
        let words = SectionNames.normalized(heading).split(separator: " ")
        for end in stride(from: words.count, to: 0, by: -1) {
            if let kind = table[words[..<end].joined(separator: " ")] { return kind }
        }
        for start in stride(from: 1, to: max(1, words.count - 1), by: 1) {
            if let kind = table[words[start...].joined(separator: " ")] { return kind }
        }
        return nil
    }

    /// Every kind the heading names: `Diagnosis and mitigation` is two.
    func kinds(of heading: String) -> [RunbookSectionKind] {
        var kinds: [RunbookSectionKind] = []
        for part in heading.lowercased().replacingOccurrences(of: " & ", with: " and ").components(separatedBy: " and ") {
            if let kind = kind(of: part), !kinds.contains(kind) { kinds.append(kind) }
        }
        if kinds.isEmpty, let kind = kind(of: heading) { kinds.append(kind) }
        return kinds
    }
}
