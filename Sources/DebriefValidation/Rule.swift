import DebriefModel
import Foundation

/// One validation rule: its id, level and summary. A rule checks documents through one or more
/// of `PostmortemRule`, `RunbookRule` and `KnowledgeBaseRule`; how the checks are scheduled (in
/// parallel, once per document) is the validator's business, not the rule's.
///
/// To add a rule: a new file in Rules/ with a type conforming to `Rule` and one of those
/// protocols, and an entry in `Validator.allRules`.
public protocol Rule: Sendable {
    /// Stable id used in output, `debrief.yml` `rules:` and `debrief-ignore:`.
    static var id: String { get }
    /// Level when `debrief.yml` does not set one.
    static var defaultSeverity: Diagnostic.Severity { get }
    /// One line for `--help` and the docs.
    static var summary: String { get }
}

/// A rule that reads one postmortem at a time. Diagnostics are at the rule's default level; the
/// validator applies the configured one.
public protocol PostmortemRule: Rule {
    func check(_ postmortem: Postmortem, in context: PostmortemContext) -> [Diagnostic]
}

/// A rule that reads one runbook at a time (every runbook: a rule for runbooks in use tests
/// `Runbook.isInUse` itself).
public protocol RunbookRule: Rule {
    func check(_ runbook: Runbook, in context: ValidationContext) -> [Diagnostic]
}

/// A rule whose findings compare documents with each other (duplicates) or come from the
/// knowledge base as a whole (alert coverage). Run once per validation.
public protocol KnowledgeBaseRule: Rule {
    func check(_ context: ValidationContext) -> [Diagnostic]
}

/// What every rule sees: the whole knowledge base, "today", and lookups across documents built
/// once per validation.
public struct ValidationContext: Sendable {
    public let knowledgeBase: KnowledgeBase
    public let today: Day
    public var config: DebriefConfig { knowledgeBase.config }
    /// What references in a document may name: the knowledge base's index.
    public var references: KnowledgeBaseIndex { knowledgeBase.index }
    /// The section synonym table with `debrief.yml`'s additions.
    public let sectionNames: SectionNames

    public init(knowledgeBase: KnowledgeBase, today: Day) {
        self.knowledgeBase = knowledgeBase
        self.today = today
        sectionNames = knowledgeBase.config.sectionNames
    }
}

/// What a `PostmortemRule` sees beside its postmortem: the validation context, and the
/// postmortem's prose split once for every rule that reads text. One per postmortem, used by
/// one thread.
public final class PostmortemContext {
    public let validation: ValidationContext
    private let postmortem: Postmortem

    init(_ postmortem: Postmortem, in validation: ValidationContext) {
        self.postmortem = postmortem
        self.validation = validation
    }

    public var knowledgeBase: KnowledgeBase { validation.knowledgeBase }
    public var today: Day { validation.today }
    public var config: DebriefConfig { validation.config }
    public var references: KnowledgeBaseIndex { validation.references }
    public var sectionNames: SectionNames { validation.sectionNames }

    /// The postmortem's prose lines (code blocks skipped, inline code blanked).
    private(set) lazy var proseLines: [ProseLine] = ProseLines.of(postmortem)

    /// Which of `BodyKeywords.set` the postmortem's body holds.
    private(set) lazy var bodyKeywords: UInt64 = BodyKeywords.set.occurring(in: postmortem.body)
}
