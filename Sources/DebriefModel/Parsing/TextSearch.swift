/// Substring search over UTF-8 bytes with ASCII case folding. Foundation's `range(of:)` and
/// `contains(_:)` go through NSString on Linux and dominated parsing time; keywords here are
/// short, so a plain scan is fast and needs no allocation.
extension StringProtocol {
    /// Whether `needle` occurs in the text; ASCII letters compare case-insensitively.
    public func containsText(_ needle: String) -> Bool {
        byteOffset(of: needle, from: 0) != nil
    }

    /// UTF-8 offset of the first occurrence of `needle` at or after `start`, ASCII letters
    /// compared case-insensitively unless `foldingCase` is false.
    public func byteOffset(of needle: String, from start: Int, foldingCase: Bool = true) -> Int? {
        var needle = needle
        // Both sides are read in place and folded on the fly: no allocation per call.
        return needle.withUTF8 { needleBytes -> Int? in
            guard !needleBytes.isEmpty else { return start }
            let search = { (hay: UnsafeBufferPointer<UInt8>) -> Int? in
                guard hay.count >= needleBytes.count, start <= hay.count - needleBytes.count else { return nil }
                let fold: (UInt8) -> UInt8 = foldingCase ? Self.folded : { $0 }
                let first = fold(needleBytes[0])
                var position = start
                while position <= hay.count - needleBytes.count {
                    if fold(hay[position]) == first {
                        var matched = 1
                        while matched < needleBytes.count, fold(hay[position + matched]) == fold(needleBytes[matched]) { matched += 1 }
                        if matched == needleBytes.count { return position }
                    }
                    position += 1
                }
                return nil
            }
            if let result = utf8.withContiguousStorageIfAvailable(search) { return result }
            return Array(utf8).withUnsafeBufferPointer(search)
        }
    }

    @inline(__always) private static func folded(_ byte: UInt8) -> UInt8 {
        byte >= 65 && byte <= 90 ? byte + 32 : byte
    }
}

extension String {
    /// Range of the first occurrence of `needle` at or after UTF-8 offset `start` (ASCII case
    /// folded unless `foldingCase` is false).
    public func textRange(of needle: String, fromByte start: Int = 0, foldingCase: Bool = true) -> Range<String.Index>? {
        guard let offset = byteOffset(of: needle, from: start, foldingCase: foldingCase) else { return nil }
        let lower = utf8.index(utf8.startIndex, offsetBy: offset)
        let upper = utf8.index(lower, offsetBy: needle.utf8.count)
        return lower..<upper
    }
}

extension StringProtocol {
    /// The text without leading and trailing whitespace, or without the characters in
    /// `characters` when given (Foundation's CharacterSet trimming is slow on Linux).
    public func trimmed(_ characters: String? = nil) -> String {
        let drop: (Character) -> Bool = { character in characters.map { $0.contains(character) } ?? character.isWhitespace }
        guard let first = firstIndex(where: { !drop($0) }), let last = lastIndex(where: { !drop($0) }) else { return "" }
        return String(self[first...last])
    }
}
