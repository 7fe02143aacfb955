import DebriefModel
import Testing
@testable import DebriefAnalytics

@Suite struct AnalyticsCalendarTests {
    typealias F = AnalyticsFixture

    static let longText = "Rotate the TLS certificates for api, cdn; and search – then document the runbook step in detail"

    static func calendar() -> String {
        let postmortem = F.incident("tls", date: "2024-05-01", severity: "SEV2", actions: [
            ActionItem(id: "AI-1", text: longText, owner: "Bob", due: F.day("2024-05-20"), line: 3),
            ActionItem(text: "Already done", due: F.day("2024-05-10"), status: .done, line: 4),
            ActionItem(text: "In flight", due: F.day("2024-06-01"), status: .inProgress, line: 5),
        ])
        var config = DebriefConfig()
        config.severities = [DebriefConfig.SeverityLevel(name: "SEV2")] // no SLA: nothing gets a derived date
        let actions = ActionTracker(config: config, today: F.day("2024-06-15")).actions(in: [postmortem])
        return ActionCalendar.render(actions, today: F.day("2024-06-15"))
    }

    @Test func linesEndInCRLFAndFoldAt75Octets() {
        let ics = Self.calendar()
        #expect(ics.hasSuffix("END:VCALENDAR\r\n"))
        let lines = ics.components(separatedBy: "\r\n").dropLast()
        #expect(!lines.contains { $0.contains("\n") || $0.contains("\r") })
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        #expect(lines.contains { $0.hasPrefix(" ") }) // the long summary was folded
    }

    /// Each physical line takes as many whole scalars as fit in 75 octets (a continuation's
    /// leading space included): lines of 2- and 4-byte scalars end short of 75 when the next
    /// scalar would not fit.
    @Test func foldKeepsScalarsWholeAndFillsEachLine() {
        let line = "SUMMARY:" + String(repeating: "é", count: 60) + String(repeating: "🔥", count: 30) + "end"
        let folded = Array(ActionCalendar.fold(line).utf8)
        let physical = folded.split(separator: UInt8(ascii: "\n")).map { Array($0.dropLast()) } // drop each CR
        #expect(physical.map(\.count) == [74, 75, 73, 32])
        #expect(physical.dropFirst().allSatisfy { $0.first == UInt8(ascii: " ") })
        #expect(String(decoding: physical.enumerated().flatMap { $0.offset == 0 ? $0.element : Array($0.element.dropFirst()) }, as: UTF8.self) == line)
        #expect(ActionCalendar.fold("short") == "short\r\n")
    }

    @Test func textIsEscapedAndUnfoldsToTheOriginal() {
        let unfolded = Self.calendar().replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("SUMMARY:Rotate the TLS certificates for api\\, cdn\\; and search – then document the runbook step in detail\r\n"))
        #expect(unfolded.contains("DESCRIPTION:Incident: tls (content/postmortems/tls.md)\\nOwner: Bob\r\n"))
    }

    @Test func oneTodoPerOpenItemWithAStableStampAndUID() {
        let ics = Self.calendar()
        #expect(ics.components(separatedBy: "BEGIN:VTODO").count - 1 == 2) // the done item is left out
        #expect(ics.contains("UID:tls-ai-1@debrief\r\n"))
        #expect(ics.contains("UID:tls-line5@debrief\r\n"))
        #expect(ics.contains("DTSTAMP:20240615T000000Z\r\n"))
        #expect(ics.contains("DUE;VALUE=DATE:20240520\r\n"))
        #expect(ics.contains("STATUS:IN-PROCESS\r\n"))
        #expect(ics == Self.calendar())
    }
}
