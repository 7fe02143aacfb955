import DebriefModel

/// The readable `inspect` summary of a runbook.
struct RunbookSummary {
    let runbook: Runbook

    var text: String {
        let r = runbook
        var out: [String] = []
        out.append("Runbook \(r.path) (slug \(r.slug), \(r.format.rawValue))")
        out.append("  status:        \(r.status.rawValue)\(r.redirectTarget.map { " -> \($0)" } ?? "")")
        out.append("  title:         \(r.title ?? "(none)") [line \(r.titleLine)]")
        out.append("  service:       \(r.service ?? "(none)")")
        out.append("  severity:      \(r.severity ?? "(none)")")
        out.append("  owner:         \(r.owner ?? "(none)")\(r.ownerSource.map { " [from \($0)]" } ?? "")")
        out.append("  alert names:   \(PostmortemSummary.list(r.alertNames)) [line \(r.alertNamesLine)]")
        out.append("  impact:        \(r.impact ?? "(none)")")
        out.append("  last reviewed: \(r.lastReviewed?.description ?? "(none)")")
        out.append("  escalation:    \(r.escalation ?? "(none)")")
        out.append("  related:       \(PostmortemSummary.list(r.relatedRunbooks))")
        out.append("Diagnosis (\(r.diagnosis.count)):")
        for step in r.diagnosis {
            out.append("  line \(step.line): \(step.step)")
            if let command = step.command { out.append("    command:  \(command)") }
            if let expected = step.expected { out.append("    expected: \(expected)") }
        }
        out.append("Mitigation (\(r.mitigation.count)):")
        for option in r.mitigation {
            out.append("  line \(option.line): \(option.option)")
            if let when = option.when { out.append("    when:    \(when)") }
            if let command = option.command { out.append("    command: \(command)") }
            out.append("    verify:  \(option.verify ?? "(none)")")
        }
        out.append("Recovery (\(r.recovery.count)):")
        out += r.recovery.map { "  - \($0)" }
        if !r.sections.isEmpty {
            out.append("Sections (\(r.sections.count)):")
            out += r.sections.map { "  lines \($0.line)-\($0.endLine): \(String(repeating: "#", count: $0.level)) \($0.heading)" }
        }
        if !r.parseDiagnostics.isEmpty {
            out.append("Parse problems (\(r.parseDiagnostics.count)):")
            out += r.parseDiagnostics.map { "  line \($0.line): \($0.severity.rawValue)[\($0.rule)]: \($0.message)" }
        }
        return out.joined(separator: "\n")
    }
}
