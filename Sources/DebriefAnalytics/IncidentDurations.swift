import DebriefModel
import Foundation

/// The response times of one incident, in seconds. nil means "not measured": a milestone is
/// missing or out of order. A figure is never zero for lack of data.
public struct IncidentDurations: Sendable, Hashable, Codable {
    /// detected − started
    public var timeToDetect: TimeInterval?
    /// acknowledged − detected
    public var timeToAcknowledge: TimeInterval?
    /// mitigated − started
    public var timeToMitigate: TimeInterval?
    /// resolved − started
    public var timeToResolve: TimeInterval?
    /// The duration the header states, else resolved − started.
    public var duration: TimeInterval?
    /// Milestones left out because they contradict the order of the others.
    public var excludedMilestones: [MilestoneKind]

    public init(timeToDetect: TimeInterval? = nil, timeToAcknowledge: TimeInterval? = nil, timeToMitigate: TimeInterval? = nil,
                timeToResolve: TimeInterval? = nil, duration: TimeInterval? = nil, excludedMilestones: [MilestoneKind] = []) {
        self.timeToDetect = timeToDetect
        self.timeToAcknowledge = timeToAcknowledge
        self.timeToMitigate = timeToMitigate
        self.timeToResolve = timeToResolve
        self.duration = duration
        self.excludedMilestones = excludedMilestones
    }

    public init(_ postmortem: Postmortem) {
        let excluded = MilestoneOrder.outOfOrder(postmortem.milestones)
        func time(_ kind: MilestoneKind) -> Date? {
            excluded.contains(kind) ? nil : postmortem.milestones[kind]?.time
        }
        func between(_ from: MilestoneKind, _ to: MilestoneKind) -> TimeInterval? {
            guard let start = time(from), let end = time(to) else { return nil }
            // Whole seconds: Date arithmetic leaves float noise (1800.0000001) that would show in output.
            return end.timeIntervalSince(start).rounded()
        }
        let resolve = between(.started, .resolved)
        self.init(timeToDetect: between(.started, .detected),
                  timeToAcknowledge: between(.detected, .acknowledged),
                  timeToMitigate: between(.started, .mitigated),
                  timeToResolve: resolve,
                  duration: postmortem.statedDuration ?? resolve,
                  excludedMilestones: MilestoneKind.allCases.filter { excluded.contains($0) })
    }

    public subscript(metric: ResponseMetric) -> TimeInterval? {
        switch metric {
        case .mttd: return timeToDetect
        case .mtta: return timeToAcknowledge
        case .mttm: return timeToMitigate
        case .mttr: return timeToResolve
        }
    }
}

/// The four mean-time figures of SPEC section 6.
public enum ResponseMetric: String, Sendable, Hashable, Codable, CaseIterable {
    case mttd, mtta, mttm, mttr

    public var label: String { rawValue.uppercased() }

    public var meaning: String {
        switch self {
        case .mttd: return "time to detect"
        case .mtta: return "time to acknowledge"
        case .mttm: return "time to mitigate"
        case .mttr: return "time to resolve"
        }
    }
}
