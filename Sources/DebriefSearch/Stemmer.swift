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
        let bytes = Array(word.utf8)
        guard bytes.count > 3, bytes.allSatisfy({ $0 >= 97 && $0 <= 122 }) else { return word }
        var w = bytes
        // 1. plurals
        if ends(w, "ies"), w.count > 4 {
            w.removeLast(3); w.append(121) // y
        } else if ends(w, "sses") {
            w.removeLast(2)
        } else if ends(w, "es"), w.count > 4, ends(Array(w.dropLast(2)), "s") || ends(Array(w.dropLast(2)), "x")
                    || ends(Array(w.dropLast(2)), "z") || ends(Array(w.dropLast(2)), "ch") || ends(Array(w.dropLast(2)), "sh") {
            w.removeLast(2)
        } else if ends(w, "s"), !ends(w, "ss"), !ends(w, "us"), !ends(w, "is") {
            w.removeLast(1)
        }
        // 2. inflections
        if ends(w, "ied"), w.count > 4 {
            w.removeLast(3); w.append(121)
        } else if ends(w, "ing"), stemIsLong(w.dropLast(3)) {
            w.removeLast(3); undouble(&w)
        } else if ends(w, "ed"), stemIsLong(w.dropLast(2)) {
            w.removeLast(2); undouble(&w)
        } else if ends(w, "ly"), stemIsLong(w.dropLast(2)) {
            w.removeLast(2)
        }
        // 3. final e
        if ends(w, "e"), w.count > 3 { w.removeLast(1) }
        return String(decoding: w, as: UTF8.self)
    }

    private static func ends(_ w: [UInt8], _ suffix: String) -> Bool {
        let s = Array(suffix.utf8)
        return w.count >= s.count && Array(w.suffix(s.count)) == s
    }

    private static func stemIsLong(_ rest: ArraySlice<UInt8>) -> Bool {
        rest.count >= 3 && rest.contains { "aeiouy".utf8.contains($0) }
    }

    private static func undouble(_ w: inout [UInt8]) {
        guard w.count >= 2, w[w.count - 1] == w[w.count - 2], !"aeioulsz".utf8.contains(w[w.count - 1]) else { return }
        w.removeLast(1)
    }
}
