import Foundation

/// How long each step of a build took (`debrief build --timings`). Page kinds render at the same
/// time, so their times overlap and add up to more than the wall time.
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
        let start = DispatchTime.now().uptimeNanoseconds
        defer {
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            lock.withLock { recorded.append(Step(name: name, seconds: seconds)) }
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
