import Foundation

/// The H2 sections a markdown runbook may have, matched case-insensitively by heading, with
/// trailing parentheticals and punctuation ignored.
enum RunbookSectionKind: CaseIterable {
    case meaning, symptoms, impact, diagnosis, mitigation, verification, recovery, escalation, relatedRunbooks

    var synonyms: [String] {
        switch self {
        case .meaning: return ["meaning", "overview", "description", "summary"]
        case .symptoms: return ["symptoms", "symptom", "alert"]
        case .impact: return ["impact"]
        case .diagnosis: return ["diagnosis", "investigation steps", "investigation", "triage", "troubleshooting", "diagnostics"]
        case .mitigation: return ["mitigation", "mitigation steps", "common causes", "resolution", "remediation", "fix"]
        case .verification: return ["verification", "verify", "validation"]
        case .recovery: return ["recovery", "recovery steps", "follow-up"]
        case .escalation: return ["escalation", "escalation policy", "escalations"]
        case .relatedRunbooks: return ["related runbooks", "related", "see also"]
        }
    }

    static func matching(heading: String) -> RunbookSectionKind? {
        var text = heading.lowercased().trimmed()
        if let open = text.firstIndex(of: "("), text.hasSuffix(")") { text = String(text[..<open]) }
        text = text.trimmed(" :.-")
        return allCases.first { $0.synonyms.contains(text) }
    }
}
