/// Large values a command needs until the process exits are left for the kernel to reclaim
/// instead of being freed object by object when `run()` returns: destroying 10,000 parsed
/// postmortems took about 50 ms of a 1.7 s `debrief check`, on one core, after all the work
/// was done (compilers skip this teardown for the same reason, e.g. clang's `-disable-free`).
/// A command run in-process more than once (tests) keeps each run's value alive.
enum ProcessLifetime {
    private final class Box<Value> {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    static func keepUntilExit<Value>(_ value: Value) {
        _ = Unmanaged.passRetained(Box(value))
    }
}
