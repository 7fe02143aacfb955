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
        var w = Array(word.utf8)
        guard w.count > 3, w.allSatisfy({ $0 >= 97 && $0 <= 122 }) else { return word }
        // 1. plurals
        if ends(w, ies), w.count > 4 {
            w.removeLast(3); w.append(y)
        } else if ends(w, sses) {
            w.removeLast(2)
        } else if ends(w, es), w.count > 4, [s_, x, z].contains(w[w.count - 3]) || ends(w, ches) || ends(w, shes) {
            w.removeLast(2)
        } else if w[w.count - 1] == s_, ![s_, u, i].contains(w[w.count - 2]) {
            w.removeLast(1)
        }
        // 2. inflections
        if ends(w, ied), w.count > 4 {
            w.removeLast(3); w.append(y)
        } else if ends(w, ing), stemIsLong(w, dropping: 3) {
            w.removeLast(3); undouble(&w)
        } else if ends(w, ed), stemIsLong(w, dropping: 2) {
            w.removeLast(2); undouble(&w)
        } else if ends(w, ly), stemIsLong(w, dropping: 2) {
            w.removeLast(2)
        }
        // 3. final e
        if w.last == e, w.count > 3 { w.removeLast(1) }
        return String(decoding: w, as: UTF8.self)
    }

    private static let (e, i, s_, u, x, y, z): (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (101, 105, 115, 117, 120, 121, 122)
    private static let ies = Array("ies".utf8), sses = Array("sses".utf8), es = Array("es".utf8), ches = Array("ches".utf8),
                       shes = Array("shes".utf8), ied = Array("ied".utf8), ing = Array("ing".utf8), ed = Array("ed".utf8), ly = Array("ly".utf8)
    private static let vowels = Array("aeiouy".utf8), keptDoubles = Array("aeioulsz".utf8)

    private static func ends(_ w: [UInt8], _ suffix: [UInt8]) -> Bool {
        guard w.count >= suffix.count else { return false }
        let offset = w.count - suffix.count
        for k in 0..<suffix.count where w[offset + k] != suffix[k] { return false }
        return true
    }

    /// Whether what remains after dropping a suffix has three characters and a vowel.
    private static func stemIsLong(_ w: [UInt8], dropping count: Int) -> Bool {
        let rest = w.count - count
        return rest >= 3 && w[..<rest].contains { vowels.contains($0) }
    }

    private static func undouble(_ w: inout [UInt8]) {
        guard w.count >= 2, w[w.count - 1] == w[w.count - 2], !keptDoubles.contains(w[w.count - 1]) else { return }
        w.removeLast(1)
    }
}
