import Foundation

/// How long each step of a build took (`debrief build --timings`). A page kind's time is that of
/// its jobs added up; they run beside each other and beside other kinds' jobs, so the kinds add
/// up to more than the wall time of "render and write".
public final class BuildTimings: @unchecked Sendable {
    public struct Step: Sendable {
        public var name: String
        public var seconds: Double
    }

    private let lock = NSLock()
    private var recorded: [Step] = []

    public init() {}

    public var steps: [Step] { lock.withLock { recorded } }

    /// Runs `work` and records its wall time under `name`.
    public func measure<T>(_ name: String, _ work: () throws -> T) rethrows -> T {
        try timing(work) { recorded.append(Step(name: name, seconds: $0)) }
    }

    /// Runs `work` and adds its wall time to the step `name` (a page kind's jobs, which run on
    /// several cores at once).
    public func accumulate<T>(_ name: String, _ work: () throws -> T) rethrows -> T {
        try timing(work) { seconds in
            if let index = recorded.firstIndex(where: { $0.name == name }) {
                recorded[index].seconds += seconds
            } else {
                recorded.append(Step(name: name, seconds: seconds))
            }
        }
    }

    /// Runs `work`, then hands its wall time to `record` with the lock held.
    private func timing<T>(_ work: () throws -> T, record: (Double) -> Void) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        defer {
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            lock.withLock { record(seconds) }
        }
        return try work()
    }

    /// One line per step, in the order they finished.
    public var table: String {
        let steps = self.steps
        let width = steps.map(\.name.count).max() ?? 0
        return steps.map { step in
            step.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + String(format: "%7.3f s", step.seconds)
        }.joined(separator: "\n")
    }
}
