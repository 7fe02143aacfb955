import Foundation

/// Fixed slots written from concurrent iterations (`DispatchQueue.concurrentPerform`), each
/// index by exactly one writer; results keep the order of the work, whatever the scheduling.
public final class ResultSlots<T>: @unchecked Sendable {
    private var storage: [T?]
    private let lock = NSLock()

    public init(count: Int) {
        storage = Array(repeating: nil, count: count)
    }

    public subscript(index: Int) -> T? {
        get { lock.withLock { storage[index] } }
        set { lock.withLock { storage[index] = newValue } }
    }

    public var values: [T] { storage.map { $0! } }
}
