/// Swift names as JSON keys: the words of a camelCase name, lower-cased and joined by `_`,
/// split as `JSONEncoder.KeyEncodingStrategy.convertToSnakeCase` splits them, so a run of
/// capitals is one word up to the capital that starts the next (`myURLValue` -> `my_url_value`).
public enum SnakeCase {
    public static func convert(_ name: String) -> String {
        let scalars = Array(name.unicodeScalars)
        guard scalars.count > 1 else { return name.lowercased() }
        func isUpper(_ s: Unicode.Scalar) -> Bool {
            s.properties.generalCategory == .uppercaseLetter || s.properties.generalCategory == .titlecaseLetter
        }
        func isLower(_ s: Unicode.Scalar) -> Bool { s.properties.generalCategory == .lowercaseLetter }
        guard scalars.dropFirst().contains(where: isUpper) else { return name.lowercased() }
        var words: [Range<Int>] = []
        var wordStart = 0
        var searchStart = 1
        while let upper = scalars[searchStart...].firstIndex(where: isUpper) {
            words.append(wordStart..<upper)
            guard let lower = scalars[upper...].firstIndex(where: isLower) else {
                wordStart = upper
                searchStart = scalars.count
                break
            }
            if lower == upper + 1 {
                wordStart = upper
            } else {
                // A run of capitals: its last one starts the next word.
                words.append(upper..<(lower - 1))
                wordStart = lower - 1
            }
            searchStart = lower + 1
            if searchStart >= scalars.count { break }
        }
        words.append(wordStart..<scalars.count)
        return words.map { String(String.UnicodeScalarView(scalars[$0])).lowercased() }.joined(separator: "_")
    }
}
