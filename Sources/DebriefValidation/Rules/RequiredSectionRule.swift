import DebriefModel
import Foundation

/// The sections a postmortem of its severity must have (`required_sections`, per level or global)
/// are present and not empty.
public struct RequiredSectionRule: PostmortemRule {
    public static let id = "required-section"
    public static let defaultSeverity = Diagnostic.Severity.error
    public static let summary = "A required section is missing or empty"

    public init() {}

    public func check(_ postmortem: Postmortem, in context: PostmortemContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for name in context.config.requiredSections(for: postmortem.severity) {
            let kind = context.sectionNames.kind(of: name)
            let candidates = postmortem.sections.filter { section in
                kind.map { Self.meets($0, section) } ?? (section.heading.caseInsensitiveCompare(name) == .orderedSame)
            }
            let hint = Self.hint(kind)
            if let section = candidates.first {
                if candidates.allSatisfy(\.isEmpty), !Self.hasEntries(postmortem, for: kind) {
                    diagnostics.append(diagnostic(postmortem.path, line: section.line,
                                                  "section `\(section.heading)` is empty; write \(hint)"))
                }
            } else if !Self.hasEntries(postmortem, for: kind) {
                diagnostics.append(diagnostic(postmortem.path, line: postmortem.titleLine,
                                              "required section `## \(name)` is missing; add it with \(hint)", fix: "## \(name)"))
            }
        }
        return diagnostics
    }

    /// Whether a section of kind `found` fulfils a requirement for `required`: many teams write
    /// contributing factors instead of one root cause.
    static func meets(_ required: SectionKind, _ section: Section) -> Bool {
        section.means(required) || (required == .rootCause && section.means(.contributingFactors))
    }

    /// A timeline or action items read from wherever they are written count as the section.
    private static func hasEntries(_ postmortem: Postmortem, for kind: SectionKind?) -> Bool {
        switch kind {
        case .timeline?: return !postmortem.timeline.isEmpty
        case .actionItems?: return !postmortem.actionItems.isEmpty
        default: return false
        }
    }

    private static func hint(_ kind: SectionKind?) -> String {
        switch kind {
        case .summary: return "two or three sentences on what happened, to whom, and how it was fixed"
        case .impact: return "who was affected, how many, for how long, and any data or revenue loss"
        case .timeline: return "time-stamped events such as `- 14:32 - Alert fired: HighErrorRate`"
        case .rootCause: return "the technical cause (the mechanism, not a person)"
        case .actionItems: return "a table `| Action | Owner | Due |` with one row per follow-up"
        case .resolution: return "how the incident was mitigated and resolved"
        default: return "its content"
        }
    }
}
