import ArgumentParser
import DebriefModel
import Foundation

/// `--as-of YYYY-MM-DD`: fixes "today" so that output (overdue items, draft age, review age)
/// is reproducible. Shared by every command that compares dates.
public struct AsOfOption: ParsableArguments {
    @Option(name: .customLong("as-of"), help: ArgumentHelp("Treat this date as today (default: debrief.yml `today`, else the real date).", valueName: "yyyy-mm-dd"))
    public var asOf: Day?

    public init() {}

    /// --as-of, else the configured `today`, else the current date in UTC.
    public func today(config: DebriefConfig, now: Date = Date()) -> Day {
        asOf ?? config.today ?? Day(now)
    }
}

extension Day: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(iso: argument)
    }

    public static var defaultCompletionKind: CompletionKind { .default }
}
