#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Substring search over UTF-8 bytes with ASCII case folding. Foundation's `range(of:)` and
/// `contains(_:)` go through NSString on Linux and dominated parsing time; keywords here are
/// short, so a plain scan is fast and needs no allocation.
///
/// The `StringProtocol` entry points are `@inlinable` so that callers in other modules get
/// them specialised for `String` and `Substring`: unspecialised, every call went through
/// protocol witnesses and closure thunks, which cost more than the search itself.
extension StringProtocol {
    /// Whether `word` occurs with a digit among the `window` bytes after it (`for 40 minutes`,
    /// `from 11:40`): the cheap test before a sentence is tokenized for a duration or a window.
    public func containsText(_ word: String, followedByDigitWithin window: Int) -> Bool {
        var from = 0
        while let offset = byteOffset(of: word, from: from) {
            let start = offset + word.utf8.count
            let utf8 = self.utf8
            var index = utf8.index(utf8.startIndex, offsetBy: start, limitedBy: utf8.endIndex) ?? utf8.endIndex
            var seen = 0
            while index < utf8.endIndex, seen < window {
                if utf8[index] &- UInt8(ascii: "0") < 10 { return true }
                index = utf8.index(after: index)
                seen += 1
            }
            from = start
        }
        return false
    }

    /// Whether `needle` occurs in the text; ASCII letters compare case-insensitively.
    @inlinable
    public func containsText(_ needle: String) -> Bool {
        byteOffset(of: needle, from: 0) != nil
    }

    /// UTF-8 offset of the first occurrence of `needle` at or after `start`, ASCII letters
    /// compared case-insensitively unless `foldingCase` is false.
    @inlinable
    public func byteOffset(of needle: String, from start: Int, foldingCase: Bool = true) -> Int? {
        var needle = needle
        // Both sides are read in place: no allocation per call for native strings.
        return needle.withUTF8 { needleBytes -> Int? in
            if let result = utf8.withContiguousStorageIfAvailable({ hay in
                TextSearch.offset(of: needleBytes, in: hay, from: start, foldingCase: foldingCase)
            }) {
                return result
            }
            return Array(utf8).withUnsafeBufferPointer { hay in
                TextSearch.offset(of: needleBytes, in: hay, from: start, foldingCase: foldingCase)
            }
        }
    }
}

/// The byte scan behind `containsText` and `byteOffset`.
public enum TextSearch {
    /// Offset of the first occurrence of `needle` in `hay` at or after `start`.
    public static func offset(of needle: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>,
                              from start: Int, foldingCase: Bool) -> Int? {
        guard !needle.isEmpty else { return start }
        guard hay.count >= needle.count, start >= 0, start <= hay.count - needle.count else { return nil }
        let last = hay.count - needle.count
        if !foldingCase {
            let first = needle[0]
            var position = start
            while position <= last {
                if hay[position] == first, matches(needle, in: hay, at: position, folding: false) { return position }
                position += 1
            }
            return nil
        }
        // The first byte in both cases, so the scan for candidates does no folding.
        let first = folded(needle[0])
        let firstUpper = first &- 97 < 26 ? first - 32 : first
        var position = start
        while position <= last {
            let byte = hay[position]
            if byte == first || byte == firstUpper, matches(needle, in: hay, at: position, folding: true) { return position }
            position += 1
        }
        return nil
    }

    @inline(__always)
    private static func matches(_ needle: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>, at position: Int, folding: Bool) -> Bool {
        var index = 1
        if folding {
            while index < needle.count, folded(hay[position + index]) == folded(needle[index]) { index += 1 }
        } else {
            while index < needle.count, hay[position + index] == needle[index] { index += 1 }
        }
        return index == needle.count
    }

    @inline(__always)
    private static func folded(_ byte: UInt8) -> UInt8 {
        byte &- 65 < 26 ? byte | 0x20 : byte
    }
}

extension StringProtocol {
    /// Range of the first occurrence of `needle` at or after UTF-8 offset `start` (ASCII case
    /// folded unless `foldingCase` is false).
    @inlinable
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
        TextFastPaths.trimmed(self, dropping: characters) ?? trimmedCharacters(characters)
    }

    /// `trimmed` on Characters (the general path).
    func trimmedCharacters(_ characters: String?) -> String {
        let drop: (Character) -> Bool = { character in characters.map { $0.contains(character) } ?? character.isWhitespace }
        guard let first = firstIndex(where: { !drop($0) }), let last = lastIndex(where: { !drop($0) }) else { return "" }
        return String(self[first...last])
    }
}

/// Which of several ASCII keywords occur in a text, found in one pass over its bytes (ASCII
/// case folded). Rules that look for a dozen phrases in every postmortem used to scan the text
/// once per phrase; this is the filter that tells which phrases are worth a closer look.
public struct KeywordSet: Sendable {
    /// The keywords, folded, one after the other; keyword `i` is `bytes[starts[i] ..< starts[i + 1]]`.
    private let bytes: [UInt8]
    private let starts: [Int]
    /// For each byte, the keywords (as bits) whose first byte it is, in either case.
    private let startingWith: [UInt64]
    /// For each folded byte, the keywords whose second byte it is (one-byte keywords: every
    /// byte). Two table lookups a byte rule out nearly every position without comparing.
    private let secondByte: [UInt64]

    /// At most 64 keywords, each ASCII and not empty.
    public init(_ keywords: [String]) {
        precondition(keywords.count <= 64 && keywords.allSatisfy { !$0.isEmpty && $0.utf8.allSatisfy { $0 < 0x80 } })
        var table = [UInt64](repeating: 0, count: 256)
        var second = [UInt64](repeating: 0, count: 256)
        var bytes: [UInt8] = []
        var starts: [Int] = []
        for (index, keyword) in keywords.enumerated() {
            starts.append(bytes.count)
            bytes += keyword.utf8.map(KeywordSet.folded)
            let first = KeywordSet.folded(keyword.utf8.first!)
            table[Int(first)] |= 1 << UInt64(index)
            if first &- 97 < 26 { table[Int(first - 32)] |= 1 << UInt64(index) }
            if keyword.utf8.count == 1 {
                for byte in second.indices { second[byte] |= 1 << UInt64(index) }
            } else {
                second[Int(bytes[starts[index] + 1])] |= 1 << UInt64(index)
            }
        }
        starts.append(bytes.count)
        secondByte = second
        self.bytes = bytes
        self.starts = starts
        startingWith = table
    }

    /// Bit `i` is set when keyword `i` occurs in `text`.
    public func occurring<Text: StringProtocol>(in text: Text) -> UInt64 {
        if let found = text.utf8.withContiguousStorageIfAvailable({ occurring(inBytes: $0) }) { return found }
        return Array(text.utf8).withUnsafeBufferPointer { occurring(inBytes: $0) }
    }

    public func occurring(inBytes hay: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let count = starts.count - 1
        let all: UInt64 = count == 64 ? ~0 : (1 << UInt64(count)) - 1
        var found: UInt64 = 0
        bytes.withUnsafeBufferPointer { keywords in
            starts.withUnsafeBufferPointer { starts in
                startingWith.withUnsafeBufferPointer { table in secondByte.withUnsafeBufferPointer { second in
                    for position in 0..<hay.count {
                        var candidates = table[Int(hay[position])] & ~found
                        if candidates == 0 { continue }
                        // The byte after the text's end folds to 0, which no keyword's second byte is.
                        candidates &= second[Int(position + 1 < hay.count ? KeywordSet.folded(hay[position + 1]) : 0)]
                        while candidates != 0 {
                            let index = candidates.trailingZeroBitCount
                            candidates &= candidates - 1
                            let start = starts[index], length = starts[index + 1] - start
                            guard hay.count - position >= length else { continue }
                            var offset = 1
                            while offset < length, KeywordSet.folded(hay[position + offset]) == keywords[start + offset] { offset += 1 }
                            if offset == length { found |= 1 << UInt64(index) }
                        }
                        if found == all { return }
                    }
                } }
            }
        }
        return found
    }

    @inline(__always)
    static func folded(_ byte: UInt8) -> UInt8 {
        byte &- 65 < 26 ? byte | 0x20 : byte
    }
}

extension StringProtocol {
    /// Index of the first `byte` (an ASCII character) in the text: a byte scan, where
    /// `firstIndex(of: Character)` runs grapheme breaking over every character before it.
    @inlinable
    public func firstIndex(ofASCII byte: UInt8) -> String.Index? {
        if let offset = utf8.withContiguousStorageIfAvailable({ $0.firstIndex(of: byte) }) {
            return offset.map { utf8.index(utf8.startIndex, offsetBy: $0) }
        }
        return utf8.firstIndex(of: byte)
    }
}

extension StringProtocol {
    /// Whether the text holds `byte`, found with `memchr` in its contiguous bytes: iterating a
    /// `UTF8View` is a generic loop of a dozen instructions a byte.
    @inlinable
    public func containsByte(_ byte: UInt8) -> Bool {
        utf8.withContiguousStorageIfAvailable { bytes in
            bytes.isEmpty ? false : memchr(bytes.baseAddress!, Int32(byte), bytes.count) != nil
        } ?? utf8.contains(byte)
    }
}
