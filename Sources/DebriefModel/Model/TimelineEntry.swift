import Foundation

/// One event of an incident's timeline.
public struct TimelineEntry: Sendable, Hashable, Codable {
    /// The moment in UTC, when the entry's time (and the incident date) could be read.
    public var time: Date?
    /// The time as written (`14:32`, `2018-03-26 10:34`).
    public var rawTime: String
    public var text: String
    public var line: Int

    public init(time: Date?, rawTime: String, text: String, line: Int) {
        self.time = time
        self.rawTime = rawTime
        self.text = text
        self.line = line
    }
}

/// The moments incident metrics are measured between.
public enum MilestoneKind: String, Sendable, Hashable, Codable, CaseIterable {
    case started, detected, acknowledged, mitigated, resolved
}

/// Where a milestone was read from.
public struct Milestone: Sendable, Hashable, Codable {
    public enum Source: String, Sendable, Hashable, Codable {
        case frontMatter = "front-matter"
        case keyEvent = "key-event"
        /// A window the summary or impact section states: `impacted from 11:40 to 15:38`.
        case impactWindow = "impact-window"
        case timeline
        case firstTimelineEntry = "first-timeline-entry"
    }

    public var time: Date
    public var source: Source
    public var line: Int

    public init(time: Date, source: Source, line: Int) {
        self.time = time
        self.source = source
        self.line = line
    }
}

public struct Milestones: Sendable, Hashable, Codable {
    public var started: Milestone?
    public var detected: Milestone?
    public var acknowledged: Milestone?
    public var mitigated: Milestone?
    public var resolved: Milestone?

    public init() {}

    public subscript(kind: MilestoneKind) -> Milestone? {
        get {
            switch kind {
            case .started: return started
            case .detected: return detected
            case .acknowledged: return acknowledged
            case .mitigated: return mitigated
            case .resolved: return resolved
            }
        }
        set {
            switch kind {
            case .started: started = newValue
            case .detected: detected = newValue
            case .acknowledged: acknowledged = newValue
            case .mitigated: mitigated = newValue
            case .resolved: resolved = newValue
            }
        }
    }
}
