import DebriefModel
import Foundation

/// Every open action item needs someone responsible for it.
public struct ActionOwnerRule: PostmortemRule {
    public static let id = "action-owner"
    public static let defaultSeverity = Diagnostic.Severity.error
    public static let summary = "Open action item without an owner"

    /// Owner cells that name nobody.
    static let noOwner: Set<String> = ["", "tbd", "tba", "?", "-", "—", "n/a", "none", "unassigned", "nobody"]

    public init() {}

    public func check(_ postmortem: Postmortem, in context: PostmortemContext) -> [Diagnostic] {
        postmortem.actionItems.compactMap { item -> Diagnostic? in
            guard !item.status.isClosed else { return nil }
            let owner = item.owner?.trimmingHorizontalWhitespace().lowercased() ?? ""
            guard Self.noOwner.contains(owner) else { return nil }
            return diagnostic(postmortem.path, line: item.line,
                              "action item \"\(item.text.prefix(60))\" has no owner; add `Owner: @handle` (or fill the Owner column) with a person or team")
        }
    }
}
