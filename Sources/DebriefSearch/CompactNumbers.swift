/// Lists of non-negative integers written as short strings for the site's index files: each
/// number takes base-32 digits, most significant first, and every digit but the last is taken
/// from a second set of 32 characters that says "more digits follow". No separators are needed,
/// numbers below 32 take one character and below 1,024 two, and every character is safe inside
/// a JavaScript string literal. `assets/search.js` (`decodeNumbers`) reads them back.
///
///     0 -> "0", 31 -> "v", 32 -> "x0", 1000 -> "_8"
public enum CompactNumbers {
    /// Characters 0-31 are final digits, 32-63 digits with more to follow.
    public static let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_".utf8)

    public static func append(_ value: Int, to out: inout [UInt8]) {
        precondition(value >= 0, "CompactNumbers holds non-negative numbers")
        var shift = 0
        while value >> (shift + 5) > 0 { shift += 5 }
        while shift > 0 {
            out.append(alphabet[32 + (value >> shift) & 31])
            shift -= 5
        }
        out.append(alphabet[value & 31])
    }

    public static func encode(_ values: [Int]) -> String {
        var out: [UInt8] = []
        for value in values { append(value, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// The inverse of `encode`, for tests; nil for a character outside the alphabet or a cut-off number.
    public static func decode(_ text: String) -> [Int]? {
        var values: [Int] = [], current = 0, pending = false
        for byte in text.utf8 {
            guard let digit = alphabet.firstIndex(of: byte) else { return nil }
            current = current << 5 | (digit & 31)
            pending = digit >= 32
            if !pending { values.append(current); current = 0 }
        }
        return pending ? nil : values
    }
}
