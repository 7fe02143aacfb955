import Foundation
import DebriefModel

/// Counts as words for page text: `1 incident`, `2 incidents`, `10,000 postmortems`. Templates
/// receive these ready-made (`incident_count_text`): mustache has no plural rule, and "item(s)"
/// reads badly.
public enum CountText {
    /// `count` with thousands separators, then the singular or the plural noun.
    /// `plural` defaults to the singular with an `s`.
    public static func of(_ count: Int, _ singular: String, plural: String? = nil) -> String {
        number(count) + " " + noun(count, singular, plural: plural)
    }

    /// The noun alone, singular for 1, for pages that set the number apart (the home page's figures).
    public static func noun(_ count: Int, _ singular: String, plural: String? = nil) -> String {
        count == 1 ? singular : plural ?? singular + "s"
    }

    /// `10,000`, `-1,234`: a comma every three digits, the same in every locale (the site's text is English).
    public static func number(_ count: Int) -> String {
        let digits = String(count.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return count < 0 ? "-" + out : out
    }
}

/// One casing for status values wherever the site shows them: `resolved`, `RESOLVED` and
/// `Resolved` in three files are one status, and action statuses (`in-progress`) read as words.
public enum StatusText {
    /// `In progress`, `Won't fix`, `Resolved`; empty for an empty status.
    public static func display(_ status: String) -> String {
        let lower = status.trimmingHorizontalWhitespace().lowercased()
        switch lower {
        case "in-progress": return "In progress"
        case "wont-fix": return "Won't fix"
        default:
            return lower.prefix(1).uppercased() + lower.dropFirst()
        }
    }
}
