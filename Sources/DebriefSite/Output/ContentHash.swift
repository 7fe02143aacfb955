import Foundation

/// A stable 64-bit FNV-1a hash: the same bytes give the same value in every run and on every
/// machine (Swift's `Hasher` is seeded per process, so it cannot be stored in a manifest). It
/// detects changes; it is not a defence against someone forging collisions.
public struct ContentHash: Sendable, Hashable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public init(_ bytes: some Sequence<UInt8>) {
        add(bytes)
    }

    public mutating func add(_ bytes: some Sequence<UInt8>) {
        var hash = value
        let handled = bytes.withContiguousStorageIfAvailable { buffer in
            for byte in buffer { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        }
        if handled == nil {
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        }
        value = hash
    }

    /// Adds `text` followed by a separator, so that ("ab", "c") and ("a", "bc") differ.
    public mutating func add(field text: String) {
        add(text.utf8)
        add(CollectionOfOne(0))
    }

    public var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
