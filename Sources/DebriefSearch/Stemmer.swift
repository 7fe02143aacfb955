/// A light English stemmer: folds plurals and the commonest inflections so that "timeouts",
/// "timed out" and "failing"/"failed"/"fails" meet, without Porter's aggressive rewrites
/// (which make index terms unreadable and prefix matching surprising). Ported exactly to
/// `assets/search.js`. Only words of ASCII letters longer than three characters are stemmed.
///
/// Steps, in order (first matching rule of each step applies):
/// 1. plurals: `-ies` -> `-y` (queries -> query); `-sses` -> `-ss`; `-es` after s, x, z, ch or
///    sh -> drop `es` (caches -> cach); `-s` not after s, u or i -> drop `s` (errors -> error;
///    status, analysis stay).
/// 2. suffixes: `-ied` -> `-y` (retried -> retry); `-ing`, `-ed`, `-ly` -> dropped when at
///    least three characters containing a vowel remain (failing -> fail, quickly -> quick);
///    after `-ing`/`-ed` a doubled final consonant other than l, s, z is undoubled
///    (stopped -> stop, running -> run).
/// 3. a final `-e` is dropped when at least three characters remain, so that cause, causes and
///    caused all become `caus`.
public enum Stemmer {
    public static func stem(_ word: String) -> String {
        var bytes = Array(word.utf8)
        let length = bytes.withUnsafeMutableBufferPointer { stemInPlace($0, count: $0.count) }
        return length == bytes.count ? word : String(decoding: bytes[..<length], as: UTF8.self)
    }

    /// Stems the UTF-8 word in `w[0 ..< count]` in place (every rule only shortens the word or
    /// rewrites its end) and returns the stem's length. The index calls this once per token,
    /// so it works on bytes and allocates nothing.
    static func stemInPlace(_ w: UnsafeMutableBufferPointer<UInt8>, count: Int) -> Int {
        let (a, d, e, g, i, s, u, x, y, z): (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (97, 100, 101, 103, 105, 115, 117, 120, 121, 122)
        var n = count
        guard n > 3 else { return n }
        // Every rule needs one of these last letters (most words end otherwise).
        guard w[n - 1] == s || w[n - 1] == d || w[n - 1] == g || w[n - 1] == y || w[n - 1] == e else { return n }
        for k in 0..<n where w[k] < a || w[k] > z { return n }
        @inline(__always) func ends(_ suffix: StaticString) -> Bool {
            let length = suffix.utf8CodeUnitCount
            guard n >= length else { return false }
            let bytes = suffix.utf8Start
            for k in 0..<length where w[n - length + k] != bytes[k] { return false }
            return true
        }
        // Whether what remains after dropping a suffix has three characters and a vowel.
        func stemIsLong(dropping length: Int) -> Bool {
            let rest = n - length
            guard rest >= 3 else { return false }
            for k in 0..<rest where isVowel(w[k]) { return true }
            return false
        }
        func undouble() {
            guard n >= 2, w[n - 1] == w[n - 2], !keptDouble(w[n - 1]) else { return }
            n -= 1
        }
        // 1. plurals
        if ends("ies"), n > 4 {
            n -= 2; w[n - 1] = y
        } else if ends("sses") {
            n -= 2
        } else if ends("es"), n > 4, w[n - 3] == s || w[n - 3] == x || w[n - 3] == z || ends("ches") || ends("shes") {
            n -= 2
        } else if w[n - 1] == s, w[n - 2] != s, w[n - 2] != u, w[n - 2] != i {
            n -= 1
        }
        // 2. inflections
        if ends("ied"), n > 4 {
            n -= 2; w[n - 1] = y
        } else if ends("ing"), stemIsLong(dropping: 3) {
            n -= 3; undouble()
        } else if ends("ed"), stemIsLong(dropping: 2) {
            n -= 2; undouble()
        } else if ends("ly"), stemIsLong(dropping: 2) {
            n -= 2
        }
        // 3. final e
        if w[n - 1] == e, n > 3 { n -= 1 }
        return n
    }

    private static func isVowel(_ c: UInt8) -> Bool { c == 97 || c == 101 || c == 105 || c == 111 || c == 117 || c == 121 }
    /// Doubled letters kept when a suffix goes: vowels and l, s, z.
    private static func keptDouble(_ c: UInt8) -> Bool { isVowel(c) && c != 121 || c == 108 || c == 115 || c == 122 }
}
