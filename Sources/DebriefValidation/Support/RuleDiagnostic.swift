import DebriefModel
import Foundation

extension Rule {
    /// A finding of this rule at its default level (the validator applies `debrief.yml` levels).
    func diagnostic(_ file: String, line: Int, column: Int = 1, _ message: String, fix: String? = nil) -> Diagnostic {
        Diagnostic(file: file, line: line, column: column, severity: Self.defaultSeverity, rule: Self.id, message: message, fix: fix)
    }
}

/// `2024-03-15 14:32 UTC`, for messages.
func utcMinute(_ date: Date) -> String {
    let c = Calendar.utc.dateComponents([.year, .month, .day, .hour, .minute], from: date)
    return String(format: "%04d-%02d-%02d %02d:%02d UTC", c.year!, c.month!, c.day!, c.hour!, c.minute!)
}

/// Whole minutes of an interval, for messages.
func minutes(_ interval: TimeInterval) -> Int {
    // Clamped: a duration of millions of stated days must still make a message, not a trap.
    Int(max(-1e15, min(1e15, (interval / 60).rounded())))
}
