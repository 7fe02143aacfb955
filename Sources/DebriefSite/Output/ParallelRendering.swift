import Foundation

/// Renders independent pages on all cores. Results come back in input order, so the output is
/// the same bytes whatever the scheduling; the first error (by input order) is rethrown.
enum ParallelRendering {
    static func map<Element: Sendable, Result: Sendable>(_ elements: [Element],
                                                         _ transform: @Sendable (Element) throws -> Result) throws -> [Result] {
        let slots = Slots<Swift.Result<Result, any Error>>(count: elements.count)
        DispatchQueue.concurrentPerform(iterations: elements.count) { index in
            slots.set(index, Swift.Result { try transform(elements[index]) })
        }
        return try slots.values.map { try $0!.get() }
    }

    /// Fixed slots written from concurrent iterations, each index by exactly one writer.
    private final class Slots<Value>: @unchecked Sendable {
        private var storage: [Value?]
        private let lock = NSLock()

        init(count: Int) { storage = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ value: Value) { lock.withLock { storage[index] = value } }

        var values: [Value?] { lock.withLock { storage } }
    }
}

extension Array {
    /// Consecutive slices of at most `size` elements, as arrays.
    func chunks(of size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0 ..< Swift.min($0 + size, count)]) }
    }
}
