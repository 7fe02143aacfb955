import DebriefModel
import Foundation

/// The readable `inspect` summary of a postmortem: every parsed fact with its source line.
struct PostmortemSummary {
    let postmortem: Postmortem

    var text: String {
        let p = postmortem
        var out: [String] = []
        out.append("Postmortem \(p.path) (slug \(p.slug))")
        out.append("  title:      \(p.title ?? "(none)") [line \(p.titleLine)]")
        out.append("  date:       \(p.date?.description ?? "(none)")")
        out.append("  severity:   \(p.severity ?? "(unrecognised)")\(p.rawSeverity.map { " (written \"\($0)\")" } ?? "")")
        out.append("  status:     \(p.status ?? "(none)")")
        out.append("  services:   \(Self.list(p.services))")
        out.append("  tags:       \(Self.list(p.tags))")
        out.append("  authors:    \(Self.list(p.authors))")
        out.append("  commander:  \(p.incidentCommander ?? "(none)")")
        out.append("  alerts:     \(Self.list(p.alerts))")
        out.append("  related:    \(Self.list(p.related))")
        out.append("  stated:     \(p.statedDurations.isEmpty ? "(no durations stated)" : p.statedDurations.map { "\($0.kind.rawValue) \(Self.minutes($0.seconds)) [line \($0.line)]" }.joined(separator: ", "))")
        out.append("  timezone:   \(p.timezoneName) (UTC\(Self.offset(p.timezoneOffset)))")
        if !p.ignoredRules.isEmpty { out.append("  ignores:    \(Self.list(p.ignoredRules))") }

        out.append("Fields (\(p.fields.count)):")
        out += p.fields.map { "  line \($0.line): \($0.key) = \($0.value)" }
        out.append("Sections (\(p.sections.count)):")
        out += p.sections.map { section in
            let kind = section.kind?.rawValue ?? "unrecognised"
            let state = section.isEmpty ? ", empty" : ""
            return "  lines \(section.line)-\(section.endLine): \(String(repeating: "#", count: section.level)) \(section.heading) [\(kind)\(state)]"
        }
        out.append("Timeline (\(p.timeline.count)):")
        out += p.timeline.map { entry in
            "  line \(entry.line): \(entry.time.map(Self.timestamp) ?? "(time unreadable: \(entry.rawTime))")  \(entry.text)"
        }
        out.append("Milestones:")
        out += MilestoneKind.allCases.map { kind in
            let value = p.milestones[kind].map { "\(Self.timestamp($0.time)) from \($0.source.rawValue), line \($0.line)" } ?? "not measured"
            return "  \(kind.rawValue.padding(toLength: 13, withPad: " ", startingAt: 0)) \(value)"
        }
        out.append("Action items (\(p.actionItems.count)):")
        out += p.actionItems.map(Self.describe)
        if !p.parseDiagnostics.isEmpty {
            out.append("Parse problems (\(p.parseDiagnostics.count)):")
            out += p.parseDiagnostics.map { "  line \($0.line): \($0.severity.rawValue)[\($0.rule)]: \($0.message)" }
        }
        return out.joined(separator: "\n")
    }

    static func describe(_ item: ActionItem) -> String {
        var parts = ["  line \(item.line): [\(item.status.rawValue)] \(item.text)"]
        if let id = item.id { parts.append("id \(id)") }
        parts.append("owner \(item.owner ?? "(none)")")
        if let due = item.due {
            parts.append("due \(due)")
        } else {
            parts.append("due \(item.rawDue.map { "unreadable \"\($0)\"" } ?? "(none)")")
        }
        if let priority = item.priority { parts.append("priority \(priority)") }
        if let link = item.link { parts.append("link \(link)") }
        return parts.joined(separator: "; ")
    }

    static func list(_ values: [String]) -> String {
        values.isEmpty ? "(none)" : values.joined(separator: ", ")
    }

    static func timestamp(_ date: Date) -> String {
        let c = Calendar.utc.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d UTC", c.year!, c.month!, c.day!, c.hour!, c.minute!)
    }

    static func minutes(_ seconds: TimeInterval) -> String {
        let total = Int(seconds / 60)
        return total >= 60 ? "\(total / 60) h \(total % 60) min" : "\(total) min"
    }

    static func offset(_ seconds: Int) -> String {
        guard seconds != 0 else { return "" }
        let sign = seconds < 0 ? "-" : "+"
        let magnitude = abs(seconds)
        return String(format: "%@%02d:%02d", sign, magnitude / 3600, magnitude % 3600 / 60)
    }
}
