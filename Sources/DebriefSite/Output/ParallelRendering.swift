import Foundation
import DebriefModel

/// Renders independent pages on all cores. Results come back in input order, so the output is
/// the same bytes whatever the scheduling; the first error (by input order) is rethrown.
enum ParallelRendering {
    static func map<Element: Sendable, Result: Sendable>(_ elements: [Element],
                                                         _ transform: @Sendable (Element) throws -> Result) throws -> [Result] {
        let slots = ResultSlots<Swift.Result<Result, any Error>>(count: elements.count)
        DispatchQueue.concurrentPerform(iterations: elements.count) { index in
            slots[index] = Swift.Result { try transform(elements[index]) }
        }
        return try slots.values.map { try $0.get() }
    }
}

extension Array {
    /// Consecutive slices of at most `size` elements, as arrays.
    func chunks(of size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0 ..< Swift.min($0 + size, count)]) }
    }
}
