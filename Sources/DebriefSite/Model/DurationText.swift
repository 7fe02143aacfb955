import Foundation
import DebriefAnalytics
import DebriefModel

/// How the site names and formats the measured times of an incident (computed by
/// `DebriefAnalytics.IncidentDurations`).
public enum DurationText {
    /// JSON key, label, metric and the stated duration it is compared with, in display order.
    /// The JSON key is the stated kind's (`time_to_detect`), so measured and stated agree.
    public static let fields: [(key: String, label: String, metric: ResponseMetric, stated: StatedDuration.Kind)] = [
        ("Time to detect", ResponseMetric.mttd, StatedDuration.Kind.timeToDetect),
        ("Time to acknowledge", .mtta, .timeToAcknowledge),
        ("Time to mitigate", .mttm, .timeToMitigate),
        ("Time to resolve", .mttr, .timeToResolve),
    ].map { label, metric, stated in (key(stated), label, metric, stated) }

    /// The JSON key of a stated duration (`time_to_detect`, `duration`).
    public static func key(_ kind: StatedDuration.Kind) -> String {
        kind.rawValue.replacingOccurrences(of: "-", with: "_")
    }

    /// Whole seconds, nil when not measured (a missing or out-of-order milestone).
    public static func seconds(_ durations: IncidentDurations, _ metric: ResponseMetric) -> Int? {
        durations[metric].map { Int($0.rounded()) }
    }

    /// `45s`, `12m`, `1h 5m`, `2d 3h`.
    public static func format(seconds: Int) -> String {
        if seconds < 60 { return "\(seconds)s" }
        let minutes = seconds / 60
        if minutes < 60 { return "\(minutes)m" }
        let hours = minutes / 60
        if hours < 48 { return minutes % 60 == 0 ? "\(hours)h" : "\(hours)h \(minutes % 60)m" }
        return hours % 24 == 0 ? "\(hours / 24)d" : "\(hours / 24)d \(hours % 24)h"
    }
}
