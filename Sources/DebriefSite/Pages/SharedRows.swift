import Foundation

/// Table rows computed once per build and shared by the pages that list them (an incident
/// appears on its services', tags', severity's and year's pages). Keyed by what they are and the
/// root prefix their links start with; safe to ask from several page kinds at once.
final class SharedRows: @unchecked Sendable {
    private var entries: [String: ComputedOnce<[TemplateValue]>] = [:]
    private let lock = NSLock()

    func rows(_ kind: String, root: String, _ compute: () -> [TemplateValue]) -> [TemplateValue] {
        let key = kind + "\u{0}" + root
        let entry = lock.withLock { () -> ComputedOnce<[TemplateValue]> in
            if let existing = entries[key] { return existing }
            let created = ComputedOnce<[TemplateValue]>()
            entries[key] = created
            return created
        }
        return entry.value(compute)
    }
}
