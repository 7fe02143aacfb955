import Foundation

/// A stable 64-bit hash: the same bytes give the same value in every run and on every machine
/// (Swift's `Hasher` is seeded per process, so it cannot be stored in a manifest). FNV-1a's
/// step over 8-byte words with a multiply-xorshift mix, since a build hashes every page it
/// writes (byte-at-a-time FNV-1a was 4% of a build's instructions). It detects changes; it is
/// not a defence against someone forging collisions.
public struct ContentHash: Sendable, Hashable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public init(_ bytes: some Sequence<UInt8>) {
        add(bytes)
    }

    public mutating func add(_ bytes: some Sequence<UInt8>) {
        if let hashed = bytes.withContiguousStorageIfAvailable({ ContentHash.mixing(value, UnsafeRawBufferPointer($0)) }) {
            value = hashed
        } else {
            value = Array(bytes).withUnsafeBytes { ContentHash.mixing(value, $0) }
        }
    }

    private static func mixing(_ start: UInt64, _ buffer: UnsafeRawBufferPointer) -> UInt64 {
        var hash = start
        var offset = 0
        while offset + 8 <= buffer.count {
            let word = UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            hash = (hash ^ word) &* 0xff51_afd7_ed55_8ccd
            hash ^= hash >> 33
            offset += 8
        }
        while offset < buffer.count {
            hash = (hash ^ UInt64(buffer[offset])) &* 0x100_0000_01b3
            offset += 1
        }
        return hash
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
