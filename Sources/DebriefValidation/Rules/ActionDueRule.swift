import DebriefModel
import Foundation

/// Every open action item needs a due date that can be read.
public struct ActionDueRule: PostmortemRule {
    public static let id = "action-due"
    public static let defaultSeverity = Diagnostic.Severity.error
    public static let summary = "Open action item without a due date, or with an unreadable one"

    public init() {}

    public func check(_ postmortem: Postmortem, in context: PostmortemContext) -> [Diagnostic] {
        postmortem.actionItems.compactMap { item -> Diagnostic? in
            guard !item.status.isClosed, item.due == nil else { return nil }
            let text = "action item \"\(item.text.prefix(60))\""
            if let raw = item.rawDue?.trimmingHorizontalWhitespace(), !raw.isEmpty {
                return diagnostic(postmortem.path, line: item.line,
                                  "\(text) has due date `\(raw)`, which cannot be read; write it as YYYY-MM-DD (e.g. 2024-04-30) or `March 22`")
            }
            return diagnostic(postmortem.path, line: item.line,
                              "\(text) has no due date; add `Due: 2024-04-30` (or fill the Due column)")
        }
    }
}
