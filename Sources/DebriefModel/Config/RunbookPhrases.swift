/// Phrases that give a sentence or code block of a markdown runbook its meaning (docs/formats.md).
/// Each matches whole words, case-insensitively; `debrief.yml` replaces a list under
/// `runbook_phrases:` (the other lists keep their defaults).
public struct RunbookPhrases: Sendable, Hashable, Codable {
    /// A sentence that says whom to turn to: the runbook's escalation when it has no Escalation section.
    public var escalation: [String]
    /// A sentence that says how to know a mitigation worked.
    public var verification: [String]
    /// A short file that says the runbook lives elsewhere is a redirect.
    public var moved: [String]
    /// A lead sentence that announces alternatives: the list after it holds one option per item.
    public var alternatives: [String]
    /// A lead sentence that announces output: the code block after it is not a command.
    public var sampleOutput: [String]
    /// A list item that opens with one of these is an alternative (`If a PDB blocks the drain: ...`).
    public var condition: [String]

    public init(
        escalation: [String] = ["escalate", "escalation", "support case", "support ticket", "contact support", "contact the", "contact your",
                                "reach out to", "page the", "open a ticket", "file a ticket", "open a bug", "file a bug", "report a bug", "report the issue", "open an issue", "file an issue", "please contact",
                                "on-call engineer"],
        verification: [String] = ["should clear", "should resolve", "should stop firing", "should disappear", "should go away", "should return to",
                                  "should be back", "will clear", "will resolve", "alert clears", "alert resolves", "stops firing", "verify that",
                                  "confirm that", "to verify", "to confirm", "make sure that"],
        moved: [String] = ["has been moved", "has moved", "was moved", "moved to", "now lives", "relocated", "can now be found", "is now at"],
        alternatives: [String] = ["options", "option", "alternatives", "one of the following", "either", "approaches", "ways to", "you can"],
        sampleOutput: [String] = ["output", "you should see", "should look like", "will look like", "looks like", "similar to", "example response", "returns"],
        condition: [String] = ["if", "when", "in case", "option", "alternatively", "otherwise", "for"]
    ) {
        self.escalation = escalation
        self.verification = verification
        self.moved = moved
        self.alternatives = alternatives
        self.sampleOutput = sampleOutput
        self.condition = condition
    }

    enum CodingKeys: String, CodingKey {
        case escalation, verification, moved, alternatives
        case sampleOutput = "sample_output"
        case condition
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = RunbookPhrases()
        escalation = try c.decodeIfPresent([String].self, forKey: .escalation) ?? d.escalation
        verification = try c.decodeIfPresent([String].self, forKey: .verification) ?? d.verification
        moved = try c.decodeIfPresent([String].self, forKey: .moved) ?? d.moved
        alternatives = try c.decodeIfPresent([String].self, forKey: .alternatives) ?? d.alternatives
        sampleOutput = try c.decodeIfPresent([String].self, forKey: .sampleOutput) ?? d.sampleOutput
        condition = try c.decodeIfPresent([String].self, forKey: .condition) ?? d.condition
    }
}
