import Foundation

/// Reads the time zone a timeline is written in from notes such as `All times in CEST`,
/// `(All times UTC)`, `All times in PST (UTC-7)` or `All times in GMT+2`.
enum TimezoneNote {
    /// A region zone from the system time-zone database (`US/Pacific`, `Europe/Copenhagen`):
    /// its offset follows daylight saving, unlike an abbreviation, which means what it says.
    /// A region's offset at noon of `day` (the document's offset; entries take their own).
    static func offset(of region: TimeZone, on day: Day?) -> Int {
        region.secondsFromGMT(for: (day?.date ?? Date(timeIntervalSince1970: 0)).addingTimeInterval(12 * 3600))
    }

    static func region(in text: some StringProtocol) -> TimeZone? {
        for word in text.split(whereSeparator: { !($0.isLetter || $0 == "/" || $0 == "_" || $0 == "-") }) {
            if let identifier = genericZones[String(word)] { return TimeZone(identifier: identifier) }
            guard word.contains("/" as Character) else { continue }
            let name = word.trimmingScalars(in: "/-_")
            if name.contains("/" as Character), let zone = TimeZone(identifier: name) { return zone }
        }
        // `All times Pacific`, `Pacific time`: the region, unless standard or daylight time is named.
        let words = text.split(whereSeparator: { !$0.isLetter }).map { $0.lowercased() }
        for (index, word) in words.enumerated() {
            guard let identifier = spelledRegions[word] else { continue }
            let next = index + 1 < words.count ? words[index + 1] : ""
            if !["standard", "daylight", "european"].contains(next) { return TimeZone(identifier: identifier) }
        }
        return nil
    }

    /// North American zones spelled out without standard or daylight time.
    private static let spelledRegions: [String: String] = [
        "pacific": "America/Los_Angeles", "mountain": "America/Denver", "eastern": "America/New_York",
    ]

    /// `All times PT`: the North American zones written without standard or daylight time,
    /// which follow daylight saving like a region (upper case only: `ET` is a word elsewhere).
    private static let genericZones: [String: String] = [
        "PT": "America/Los_Angeles", "MT": "America/Denver", "CT": "America/Chicago", "ET": "America/New_York",
    ]

    /// Seconds from UTC for the common abbreviations (standard or daylight time as named).
    static func offset(forAbbreviation text: String) -> Int? {
        abbreviations[text.lowercased()]
    }

    private static let abbreviations: [String: Int] = [
        "utc": 0, "gmt": 0, "z": 0, "wet": 0, "bst": 3600, "ist": 19_800, "west": 3600,
        "cet": 3600, "cest": 7200, "met": 3600, "mest": 7200, "eet": 7200, "eest": 10_800, "msk": 10_800,
        "pst": -28_800, "pdt": -25_200, "mst": -25_200, "mdt": -21_600, "cst": -21_600, "cdt": -18_000,
        "est": -18_000, "edt": -14_400, "akst": -32_400, "akdt": -28_800, "hst": -36_000,
        "jst": 32_400, "kst": 32_400, "sgt": 28_800, "hkt": 28_800, "aest": 36_000, "aedt": 39_600,
        "acst": 34_200, "awst": 28_800, "nzst": 43_200, "nzdt": 46_800, "brt": -10_800,
    ]

    /// Spelled-out zones, checked as lower-case word sequences.
    private static let longNames: [(words: [String], name: String, offset: Int)] = [
        (["central", "european", "summer"], "CEST", 7200),
        (["central", "european"], "CET", 3600),
        (["eastern", "european"], "EET", 7200),
        (["western", "european"], "WET", 0),
        (["pacific"], "PST", -28_800),
        (["mountain"], "MST", -25_200),
        (["eastern"], "EST", -18_000),
        (["central"], "CST", -21_600),
        (["coordinated", "universal"], "UTC", 0),
    ]

    /// The zone named in `text`, if any. An explicit offset (`UTC+2`, `GMT-7`) wins over an
    /// abbreviation next to it, because it says what the author meant by the abbreviation.
    static func find(in text: some StringProtocol) -> (offset: Int, name: String)? {
        let tokens = DateTokens(text).tokens
        var named: (offset: Int, name: String)?
        for (index, token) in tokens.enumerated() where token.kind == .word {
            if (token.text == "utc" || token.text == "gmt"), index + 2 < tokens.count,
               tokens[index + 1].kind == .symbol, ["+", "-", "−"].contains(tokens[index + 1].text),
               tokens[index + 2].kind == .number, tokens[index + 2].value <= 14 {
                var seconds = tokens[index + 2].value * 3600
                if index + 4 < tokens.count, tokens[index + 3].text == ":", tokens[index + 4].kind == .number {
                    seconds += tokens[index + 4].value * 60
                }
                let sign = tokens[index + 1].text == "+" ? 1 : -1
                let explicitName = "UTC\(sign > 0 ? "+" : "-")\(tokens[index + 2].value)"
                return (sign * seconds, named?.name ?? explicitName)
            }
            if named == nil, token.isUpperCase || token.text == "utc" || token.text == "gmt",
               let offset = abbreviations[token.text], token.text != "z" {
                named = (offset, token.text.uppercased())
                continue
            }
            if named == nil {
                for long in longNames where index + long.words.count <= tokens.count
                    && long.words.indices.allSatisfy({ tokens[index + $0].text == long.words[$0] }) {
                    named = (long.offset, long.name)
                    break
                }
            }
        }
        return named
    }

    /// Whether a line reads as a note about times (`All times in PST`, `Times are UTC`), as
    /// opposed to a timeline entry that happens to name a zone.
    static func isNote(_ line: some StringProtocol) -> Bool {
        // `Times are UTC`, `Date and Time in CET`, and a table header naming its zone.
        line.byteOffset(of: "time", from: 0, foldingCase: true) != nil || line.byteOffset(of: "zone", from: 0, foldingCase: true) != nil
            || line.utf8.first { $0 != UInt8(ascii: " ") } == UInt8(ascii: "|")
    }
}
