import Foundation

/// A value computed on first use and then shared, safe to ask for from several threads at once
/// (later callers wait for the first computation instead of repeating it).
final class ComputedOnce<Value: Sendable>: @unchecked Sendable {
    private var stored: Value?
    private let lock = NSLock()

    func value(_ compute: () -> Value) -> Value {
        lock.withLock {
            if let stored { return stored }
            let computed = compute()
            stored = computed
            return computed
        }
    }
}
