/// Gives each distinct term (a UTF-8 byte string) a dense integer id, looked up straight from
/// the tokenizer's bytes: building an index meets millions of tokens but only tens of
/// thousands of distinct terms, so only those become Strings, once.
struct TermInterner {
    /// The bytes of term `id` are `storage[starts[id] ..< starts[id + 1]]`.
    private var storage: [UInt8] = []
    private var starts: [Int] = [0]
    private var hashes: [UInt64] = []
    /// Open addressing with linear probing: term id per slot, -1 when empty; never over half full.
    private var slots = [Int32](repeating: -1, count: 1024)

    var count: Int { hashes.count }

    mutating func id(of term: UnsafeBufferPointer<UInt8>) -> Int32 {
        let hash = Self.hash(term)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            let id = Int(slots[slot])
            if hashes[id] == hash, bytesEqual(id, term) { return Int32(id) }
            slot = (slot + 1) & mask
        }
        let id = Int32(count)
        storage.append(contentsOf: term)
        starts.append(storage.count)
        hashes.append(hash)
        slots[slot] = id
        if count * 2 > slots.count { rehash(capacity: slots.count * 2) }
        return id
    }

    func string(_ id: Int32) -> String {
        String(decoding: storage[starts[Int(id)] ..< starts[Int(id) + 1]], as: UTF8.self)
    }

    /// Calls `body` with the bytes of term `id`.
    func withBytes<R>(_ id: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        storage.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[starts[Int(id)] ..< starts[Int(id) + 1]])) }
    }

    private func bytesEqual(_ id: Int, _ term: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[id]
        guard starts[id + 1] - start == term.count else { return false }
        for k in 0..<term.count where storage[start + k] != term[k] { return false }
        return true
    }

    private mutating func rehash(capacity: Int) {
        slots = [Int32](repeating: -1, count: capacity)
        let mask = capacity - 1
        for (id, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id)
        }
    }

    /// FNV-1a, then a mix so that the low bits (the slot) depend on every byte.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        hash = (hash ^ (hash >> 29)) &* 0xbf58_476d_1ce4_e5b9
        return hash ^ (hash >> 32)
    }
}
