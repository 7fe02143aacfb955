import DebriefModel
import Foundation

/// "Today" for overdue and SLA arithmetic: `--as-of`, else `today:` in debrief.yml, else the
/// real UTC date. Fixing it makes every output reproducible.
public enum Today {
    public static func resolve(asOf: Day?, config: DebriefConfig, now: Date = Date()) -> Day {
        asOf ?? config.today ?? Day(now)
    }
}
