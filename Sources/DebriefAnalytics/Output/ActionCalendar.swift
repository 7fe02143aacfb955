import DebriefModel

/// Open action items with a due date as an RFC 5545 iCalendar of VTODOs: CRLF line ends, lines
/// folded at 75 octets, text escaped. DTSTAMP is "today" so the same input gives the same bytes.
public enum ActionCalendar {
    public static func render(_ actions: [TrackedAction], today: Day, calendarName: String = "Debrief action items") -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Debrief//Action items//EN", "CALSCALE:GREGORIAN",
                     "X-WR-CALNAME:" + escape(calendarName)]
        let stamp = compact(today) + "T000000Z"
        for action in actions where !action.status.isClosed {
            guard let due = action.due else { continue }
            let status = action.status == .inProgress ? "IN-PROCESS" : "NEEDS-ACTION"
            lines.append("BEGIN:VTODO")
            lines.append("UID:\(escape(uid(action)))")
            lines.append("DTSTAMP:\(stamp)")
            lines.append("DUE;VALUE=DATE:\(compact(due))")
            lines.append("SUMMARY:\(escape(action.text))")
            lines.append("DESCRIPTION:\(escape(description(action)))")
            lines.append("STATUS:\(status)")
            if let link = action.link { lines.append("URL:" + link) }
            lines.append("END:VTODO")
        }
        lines.append("END:VCALENDAR")
        var out: [UInt8] = []
        for line in lines { fold(line, into: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Stable across runs: incident slug plus the item's id, or its line when it has none.
    static func uid(_ action: TrackedAction) -> String {
        let item = action.id.map { Slug.make($0) } ?? "line\(action.line)"
        return "\(action.incident)-\(item)@debrief"
    }

    static func description(_ action: TrackedAction) -> String {
        var parts = ["Incident: \(action.incidentTitle ?? action.incident) (\(action.incidentPath))"]
        parts.append("Owner: \(action.canonicalOwner ?? "unassigned")")
        if action.dueFromSLA { parts.append("Due date from the severity's action SLA (none was written).") }
        return parts.joined(separator: "\n")
    }

    static func compact(_ day: Day) -> String {
        String(day.description.filter { $0 != "-" })
    }

    /// TEXT escaping of RFC 5545 section 3.3.11.
    static func escape(_ text: String) -> String {
        TextFastPaths.iCalendarEscaped(text) ?? escapeCharacters(text)
    }

    /// `escape` on Characters (the general path).
    static func escapeCharacters(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n": out += "\\n"
            case "\r": continue
            default: out.append(character)
            }
        }
        return out
    }

    /// Splits a content line into chunks of at most 75 octets (continuations start with a space,
    /// which counts), never inside a UTF-8 sequence, each ended by CRLF.
    static func fold(_ line: String) -> String {
        var out: [UInt8] = []
        fold(line, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `fold` appending UTF-8 to `out`: each chunk is the longest run of whole scalars that fits,
    /// copied at once.
    static func fold(_ line: String, into out: inout [UInt8]) {
        var line = line
        line.withUTF8 { bytes in
            var start = 0
            var limit = 75
            while bytes.count - start > limit {
                var end = start + limit
                // Back to the start of the scalar that would not fit (continuation bytes are 10xxxxxx).
                while bytes[end] & 0xC0 == 0x80 { end -= 1 }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
                out.append(contentsOf: "\r\n ".utf8)
                start = end
                limit = 74 // the continuation's leading space counts
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        out.append(contentsOf: "\r\n".utf8)
    }
}
