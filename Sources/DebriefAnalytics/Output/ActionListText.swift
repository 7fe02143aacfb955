import DebriefModel

/// `debrief actions` as a terminal table, CSV and a markdown table.
public enum ActionListText {
    static let headers = ["Incident", "Owner", "Due", "Status", "Days overdue", "Action"]

    public static func table(_ actions: [TrackedAction], today: Day) -> String {
        var table = TextTable(headers: headers, alignments: [.left, .left, .left, .left, .right, .left])
        for action in actions { table.append(cells(action)) }
        let overdue = actions.count(where: \.isOverdue)
        let note = actions.contains(where: \.dueFromSLA) ? "\n(SLA) = no due date written: incident date + the action SLA days of its severity.\n" : ""
        return table.render() + "\n\(actions.count) action items, \(overdue) overdue as of \(today).\n" + note
    }

    public static func csv(_ actions: [TrackedAction]) -> String {
        var table = CSVTable(headers: ["incident", "incident_path", "line", "id", "owner", "canonical_owner", "due", "due_source",
                                       "status", "days_overdue", "severity", "services", "action"])
        for action in actions {
            table.append([action.incident, action.incidentPath, "\(action.line)", action.id ?? "", action.owner ?? "",
                          action.canonicalOwner ?? "", action.due.map { "\($0)" } ?? "", action.dueSource?.rawValue ?? "",
                          action.status.rawValue, action.daysOverdue.map { "\($0)" } ?? "", action.severity ?? "",
                          action.services.joined(separator: ";"), action.text])
        }
        return table.render()
    }

    public static func markdown(_ actions: [TrackedAction]) -> String {
        var out = "| " + headers.joined(separator: " | ") + " |\n|" + String(repeating: "---|", count: headers.count) + "\n"
        for action in actions {
            out += "| " + cells(action).map(escapeMarkdownCell).joined(separator: " | ") + " |\n"
        }
        return out
    }

    static func cells(_ action: TrackedAction) -> [String] {
        let due = action.due.map { "\($0)" + (action.dueFromSLA ? " (SLA)" : "") } ?? "none"
        return [action.incident, action.canonicalOwner ?? "unassigned", due, action.status.rawValue,
                action.daysOverdue.map { "\($0)" } ?? "", action.text]
    }

    static func escapeMarkdownCell(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|")
            .replacingOccurrences(of: "\n", with: " ")
    }
}
