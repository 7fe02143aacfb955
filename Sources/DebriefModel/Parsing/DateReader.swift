import Foundation

/// A time of day as written (`14:32`, `4:23PM`), in seconds after midnight.
struct ClockTime: Sendable, Hashable {
    var hour: Int
    var minute: Int
    var second: Int
    /// True when written with am/pm, so it cannot be a 12-hour reading of an afternoon time.
    var hasMeridiem: Bool

    var secondsIntoDay: Int { hour * 3600 + minute * 60 + second }
}

/// A date and/or time found in text, with where it ended.
struct DateTimeMatch: Sendable {
    var day: Day?
    /// Month and day without a year (`March 22`), to be placed relative to a reference date.
    var monthDay: (month: Int, day: Int)?
    var time: ClockTime?
    /// Seconds from UTC when the text names its zone (`Z`, `+02:00`, `14:32 UTC`).
    var zoneOffset: Int?
    /// Unicode-scalar offsets of the match in the text it was read from.
    var start: Int
    var end: Int
}

/// Reads the many ways postmortems write dates, times and durations. Works on the unicode
/// scalars of one short string at a time (a line or a field), by simple token matching: no
/// regular expressions, so it stays fast on Linux.
enum DateReader {
    // MARK: Public entry points

    /// The first calendar date anywhere in `text` (`2024-03-15`, `January 15, 2024`, `Jan 18`,
    /// `15 March 2024`, `2025-03-02T10:14:00Z`). A date without a year takes `reference`'s
    /// year, or the next year when that would put it before `reference`.
    static func day(in text: some StringProtocol, reference: Day? = nil) -> Day? {
        let tokens = DateTokens(text)
        for index in tokens.tokens.indices {
            if let (match, _) = tokens.date(at: index) {
                return resolve(match, reference: reference)
            }
        }
        return nil
    }

    /// The date of an opening sentence such as `On Wednesday, 4th October, a disruption ...`:
    /// the first date right after the word "on" in the first `limit` scalars. A date without a
    /// year takes the year that puts it nearest `reference`.
    static func dayAfterOn(in text: some StringProtocol, reference: Day?, limit: Int = 400) -> Day? {
        let tokens = DateTokens(text, limit: limit)
        for index in tokens.tokens.indices.dropLast() where tokens.tokens[index].kind == .word && tokens.tokens[index].text == "on" {
            // `On the evening of Feb 23`: a part of the day before the date.
            var at = index + 1
            if at + 2 < tokens.tokens.count, tokens.tokens[at].text == "the", partsOfTheDay.contains(tokens.tokens[at + 1].text), tokens.tokens[at + 2].text == "of" { at += 3 }
            if let (match, _) = tokens.date(at: at) { return resolveNearest(match, reference: reference) }
        }
        return nil
    }

    /// Parts of a day an `On the ... of` date may name.
    static let partsOfTheDay: Set<String> = ["morning", "afternoon", "evening", "night"]

    /// A four-digit year (1970-2099) standing alone in `text`: `Date (2022)`.
    static func year(in text: some StringProtocol) -> Int? {
        DateTokens(text).tokens.first { $0.kind == .number && $0.text.count == 4 && (1970...2099).contains($0.value) }?.value
    }

    /// The first date (and the time right after it, if any) anywhere in `text`.
    static func firstDateTime(in text: some StringProtocol, reference: Day? = nil) -> DateTimeMatch? {
        let tokens = DateTokens(text)
        for index in tokens.tokens.indices {
            if let match = tokens.dateTime(at: index) {
                var resolved = match
                if resolved.day == nil, resolved.monthDay != nil { resolved.day = resolve(match, reference: reference) }
                return resolved
            }
        }
        return nil
    }

    /// A date and/or time at the very start of `text` (after markup like `[`), as used by
    /// timeline entries: `14:32`, `2018-03-26 10:34`, `Sep 27 2017 13:06`, `8:20 - 8:24`.
    /// A range's end time is consumed too, so the remainder is the entry's text.
    static func leadingDateTime(_ text: some StringProtocol, reference: Day? = nil) -> (match: DateTimeMatch, raw: String, remainder: String)? {
        let tokens = DateTokens(text, limit: 64)
        guard !tokens.tokens.isEmpty else { return nil }
        var first = 0
        // `[14:00]`, `(14:00)`, `~14:00`, and a template's `{{ 06:10 }}` filled in but left in its braces.
        while first < tokens.tokens.count, first < 2, tokens.tokens[first].kind == .symbol,
              tokens.tokens[first].isOne(of: "[(~{") { first += 1 }
        guard var match = tokens.dateTime(at: first) else { return nil }
        if match.day == nil, match.monthDay != nil { match.day = resolve(match, reference: reference) }
        var end = match.end
        // `8:20 - 8:24`: the end of a range belongs to the time, not to the text.
        if let dash = tokens.index(startingAt: end), dash < tokens.tokens.count,
           ["-", "–", "—"].contains(tokens.tokens[dash].text) || tokens.tokens[dash].text == "to",
           let second = tokens.time(at: dash + 1) {
            end = second.end
        }
        // `12:45 PM PST Saturday Oct 30th: ...`: the date may follow the time.
        if match.day == nil, match.monthDay == nil, match.time != nil, let next = tokens.index(startingAt: end),
           let (date, _) = tokens.date(at: next), date.time == nil, date.day != nil || date.monthDay != nil {
            match.day = date.day ?? resolve(date, reference: reference)
            match.monthDay = date.monthDay
            end = date.end
        }
        for _ in 0..<max(first, 1) {
            guard let close = tokens.index(startingAt: end), close < tokens.tokens.count, tokens.tokens[close].isOne(of: "])}"),
                  tokens.tokens[close].text.count == 1 else { break }
            end = tokens.tokens[close].end
        }
        // A time must be followed by a separator or the end, not glued to a word (`14:32abc`).
        if match.end < tokens.scalars.count, DateTokens.isLetter(tokens.scalars[match.end])
            || ("0"..."9").contains(tokens.scalars[match.end]) { return nil }
        let raw = DateTokens.string(tokens.scalars[match.start..<end])
        var textStart = min(end, tokens.scalars.count)
        while textStart < tokens.scalars.count, separatorScalars.contains(tokens.scalars[textStart]) { textStart += 1 }
        return (match, raw, DateTokens.string(tokens.scalars[textStart...]))
    }

    /// The length of impact a sentence states: `for 40 minutes`, `for a period of 50 minutes`,
    /// `during up to 3 hours and 28 minutes`, `for ninety minutes`. Returns the seconds, the
    /// words read, and whether the sentence says the time ran until the problem was noticed
    /// (`persisted for a week before it was caught`).
    static func impactDuration(in sentence: some StringProtocol) -> (seconds: TimeInterval, text: String, untilDetected: Bool)? {
        let tokens = DateTokens(sentence)
        let list = tokens.tokens
        for index in list.indices where list[index].kind == .word && ["for", "during", "period"].contains(list[index].text) {
            // `The job had been failing for three weeks`: what went on before the incident.
            guard !list[..<index].contains(where: { $0.text == "had" }), let next = amount(after: index, in: list) else { continue }
            let rest = DateTokens.string(tokens.scalars[list[next].start...])
            if let seconds = duration(in: rest) {
                let after = list[(next + 2)...].prefix(6)
                let untilDetected = after.contains { $0.text == "before" } && after.contains { detectionVerbs.contains($0.text) }
                return (seconds, DateTokens.string(tokens.scalars[list[index].start..<list[next + 1].end]), untilDetected)
            }
        }
        return nil
    }

    /// A length of impact named by what it was: `3 hours and 28 minutes of network degradation`
    /// (not `43 minutes of downtime per month`, a budget). Returns the seconds and the words read.
    static func impactLength(in sentence: some StringProtocol) -> (seconds: TimeInterval, text: String)? {
        let tokens = DateTokens(sentence)
        let list = tokens.tokens
        for index in list.indices where list[index].kind == .word && list[index].text == "of" && index > 0 && unitSeconds[list[index - 1].text] != nil {
            // `of [network] degradation`, and no `per month` or `a maximum of` around it.
            guard list[(index + 1)...].prefix(2).contains(where: { impactNounWords.contains($0.text) }),
                  !list[(index + 1)...].prefix(4).contains(where: { $0.text == "per" }) else { continue }
            var first = index - 1
            while first > 0, amountValue(list[first - 1]) != nil || unitSeconds[list[first - 1].text] != nil || list[first - 1].text == "and" {
                first -= 1
            }
            if list[..<first].suffix(3).contains(where: { ["maximum", "max", "budget", "allowed"].contains($0.text) }) { continue }
            if let seconds = duration(in: DateTokens.string(tokens.scalars[list[first].start..<list[index].start])) {
                return (seconds, DateTokens.string(tokens.scalars[list[first].start..<list[index + 1].end]))
            }
        }
        return nil
    }

    /// `... before it was caught`: the time ran until detection.
    static let detectionVerbs: Set<String> = ["caught", "noticed", "detected", "discovered", "spotted", "found", "reported"]

    /// What `<duration> of ...` must name to be the length of impact.
    static let impactNounWords: Set<String> = ["downtime", "unavailability", "interruption", "degradation", "disruption", "outage",
                                               "impact", "instability", "errors"]

    /// A window of impact written in a sentence: `from 11:40 to 15:38`, `from 14:05 to 19:50
    /// UTC`, `(From Jan. 29 20:47 to Jan. 30 00:35)`. Both ends carry a time. An onset named
    /// before it (`degradation starting around 14:30, escalating to severe disruption from 16:15
    /// to 18:00`) starts it, and a window that follows on from its end (`..., followed by a full
    /// disruption from 09:00 to 09:05`) extends it.
    static func window(in sentence: some StringProtocol, reference: Day?) -> (from: DateTimeMatch, to: DateTimeMatch)? {
        let tokens = DateTokens(sentence)
        let list = tokens.tokens
        /// `from <time> to <time>` at `index`, and the token after it.
        func range(at index: Int) -> (DateTimeMatch, DateTimeMatch, Int)? {
            guard list[index].kind == .word, list[index].text == "from",
                  let from = tokens.dateTime(at: index + 1), from.time != nil,
                  let separator = tokens.index(startingAt: from.end), separator < list.count,
                  ["to", "until", "-", "–"].contains(list[separator].text),
                  let to = tokens.dateTime(at: separator + 1), to.time != nil, let next = tokens.index(startingAt: to.end) else { return nil }
            return (from, to, next)
        }
        for index in list.indices where list[index].kind == .word && list[index].text == "from" {
            // `a second wave of unavailability from 11:40 to 11:53` is one phase, not the incident.
            if list[..<index].contains(where: { phaseWords.contains($0.text) }) { return nil }
            guard var (from, to, next) = range(at: index) else { continue }
            if let onset = onset(before: index, in: tokens), onset.day == nil || onset.day == from.day,
               let start = onset.time, let first = from.time, start.secondsIntoDay < first.secondsIntoDay {
                from = onset
            }
            while let following = (next..<list.count).first(where: { list[$0].kind == .word && list[$0].text == "from" }),
                  let (start, end, after) = range(at: following), start.time?.secondsIntoDay == to.time?.secondsIntoDay, start.day == nil || start.day == to.day {
                to = end
                next = after
            }
            // `from 16:40 to 18:05 PST`: a zone written once holds for both ends.
            if from.zoneOffset == nil { from.zoneOffset = to.zoneOffset }
            if from.day == nil { from.day = resolveNearest(from, reference: reference) }
            if to.day == nil { to.day = resolveNearest(to, reference: reference) }
            return (from, to)
        }
        return nil
    }

    /// Words that name when impact began, before its time (`starting around 14:30`).
    static let onsetWords: Set<String> = ["starting", "started", "beginning", "began", "since"]

    /// The time after the last onset word before `index` (`starting around 14:30`).
    private static func onset(before index: Int, in tokens: DateTokens) -> DateTimeMatch? {
        let list = tokens.tokens
        guard let word = list[..<index].lastIndex(where: { $0.kind == .word && onsetWords.contains($0.text) }) else { return nil }
        var position = word + 1
        while position < index, DateTokens.approximately.contains(list[position].text) || list[position].text == "at" || list[position].text == "~" {
            position += 1
        }
        guard position < index, let match = tokens.dateTime(at: position), match.time != nil else { return nil }
        return match
    }

    /// A duration a sentence gives a phase of the response: `it took us 9 hours to resolve`,
    /// `took about 20 minutes to detect`. Returns the seconds, the verb and the words read.
    static func tookDuration(in sentence: some StringProtocol) -> (seconds: TimeInterval, verb: String, text: String)? {
        let tokens = DateTokens(sentence)
        let list = tokens.tokens
        for index in list.indices where list[index].kind == .word && list[index].text == "took" {
            guard let next = amount(after: index, in: list) else { continue }
            // The duration runs to `to`; the verb after it names the phase.
            guard let to = list[(next + 2)...].prefix(6).firstIndex(where: { $0.kind == .word && $0.text == "to" }), to + 1 < list.count,
                  list[to + 1].kind == .word,
                  let seconds = duration(in: DateTokens.string(tokens.scalars[list[next].start..<list[to].start])) else { continue }
            return (seconds, list[to + 1].text, DateTokens.string(tokens.scalars[list[index].start..<list[to + 1].end]))
        }
        return nil
    }

    /// `mitigated within 25 minutes of its receipt`, `resolved in 2 hours`, `mitigated ~1.5 hours
    /// after being reported`: the amount, and the verb just before it that names the phase.
    static func withinDuration(in sentence: some StringProtocol) -> (seconds: TimeInterval, verb: String, text: String)? {
        let tokens = DateTokens(sentence)
        let list = tokens.tokens
        for index in list.indices where list[index].kind == .word && list[index].text.hasSuffix("ed") {
            let word = list[index].text
            guard let verb = [String(word.dropLast()), String(word.dropLast(2))].first(where: { StatedDuration.Kind(verb: $0) != nil }) else { continue }
            // The amount follows the verb, or `within`/`in` a few words on (`mitigated by the team within`).
            let preposition = list[(index + 1)...].prefix(5).firstIndex { $0.kind == .word && ($0.text == "within" || $0.text == "in") }
                .flatMap { at in list[(index + 1)..<at].contains { $0.kind == .word && $0.text.hasSuffix("ed") } ? nil : at } // `discovered and patched within`: the nearer verb
            guard let next = amount(after: index, in: list) ?? preposition.flatMap({ amount(after: $0, in: list) }),
                  let seconds = duration(in: DateTokens.string(tokens.scalars[list[next].start...])) else { continue }
            let unit = list[next + 1].text == "." ? next + 3 : next + 1
            return (seconds, verb, DateTokens.string(tokens.scalars[list[index].start..<list[unit].end]))
        }
        return nil
    }

    /// The index of an amount with a unit (`9 hours`) after the word at `index`, past words
    /// such as `us about`, `a period of`, `up to`.
    private static func amount(after index: Int, in list: [DateTokens.Token]) -> Int? {
        var next = index + 1
        func isAmount(_ position: Int) -> Bool {
            // `1.5 hours`: the unit follows the fraction.
            let unit = position + 3 < list.count && list[position + 1].text == "." && list[position + 2].kind == .number ? position + 3 : position + 1
            return unit < list.count && amountValue(list[position]) != nil && list[unit].kind == .word && unitSeconds[list[unit].text] != nil
        }
        while next < list.count, !isAmount(next), amountFillers.contains(list[next].text) { next += 1 }
        return isAmount(next) ? next : nil
    }

    /// Words between `for`, `during` or `took` and the amount.
    static let amountFillers: Set<String> = ["a", "period", "of", "up", "to", "about", "approximately", "around", "roughly", "nearly",
                                             "almost", "over", "~", "total", "another", "us", "them", "me", "the", "team"]

    /// Words that make a window one phase of the incident.
    static let phaseWords: Set<String> = ["second", "third", "another", "new", "next", "later", "last", "final"]

    /// Seconds in a duration such as `43 minutes`, `1 hour 45 minutes`, `1h50m`, `2.5 hours`,
    /// else the span of a time range (`14:23 - 15:08`), else `H:MM`.
    static func duration(in text: some StringProtocol) -> TimeInterval? {
        let tokens = DateTokens(text)
        let list = tokens.tokens
        var total: Double = 0
        var found = false
        var index = 0
        while index < list.count {
            guard let value = amountValue(list[index]), index + 1 < list.count, list[index].kind == .number || unitSeconds[list[index + 1].text] != nil else {
                if found { break } // units are written together; stop at the first other word
                index += 1
                continue
            }
            var amount = Double(value)
            var next = index + 1
            if next + 1 < list.count, list[next].text == ".", list[next + 1].kind == .number,
               let fraction = Double("0." + list[next + 1].text) {
                amount += fraction
                next += 2
            }
            guard next < list.count, list[next].kind == .word, let unit = unitSeconds[list[next].text] else {
                if found { break }
                index += 1
                continue
            }
            total += amount * unit
            found = true
            index = next + 1
            if index < list.count, list[index].text == "," || list[index].text == "and" { index += 1 }
        }
        if found { return total }
        // `(14:23 - 15:08 UTC)`: the span of the range.
        for start in list.indices {
            if let from = tokens.time(at: start), let dash = tokens.index(startingAt: from.end), dash < list.count,
               ["-", "–", "—", "to"].contains(list[dash].text), let to = tokens.time(at: dash + 1) {
                var seconds = to.time!.secondsIntoDay - from.time!.secondsIntoDay
                if seconds < 0 { seconds += 86_400 }
                return TimeInterval(seconds)
            }
        }
        if let clock = tokens.time(at: 0)?.time, list.count <= 3 {
            return TimeInterval(clock.hour * 3600 + clock.minute * 60)
        }
        return nil
    }

    /// Places a match on the calendar: explicit dates as they are, month-day dates relative to
    /// `reference`.
    static func resolve(_ match: DateTimeMatch, reference: Day?) -> Day? {
        if let day = match.day { return day }
        guard let (month, dayOfMonth) = match.monthDay, let reference else { return nil }
        guard Day.isValid(year: reference.year, month: month, day: dayOfMonth) else {
            return Day.isValid(year: reference.year + 1, month: month, day: dayOfMonth)
                ? Day(year: reference.year + 1, month: month, day: dayOfMonth) : nil
        }
        let sameYear = Day(year: reference.year, month: month, day: dayOfMonth)
        if sameYear >= reference { return sameYear }
        return Day.isValid(year: reference.year + 1, month: month, day: dayOfMonth)
            ? Day(year: reference.year + 1, month: month, day: dayOfMonth) : nil
    }

    /// Places a month-day date in the year that puts it nearest `reference`: a timeline's
    /// `Dec 30` before a `Jan 2` incident is in the year before, `Jan 29` in a report
    /// published on Jan 31 is in the same year.
    static func resolveNearest(_ match: DateTimeMatch, reference: Day?) -> Day? {
        if let day = match.day { return day }
        guard let (month, dayOfMonth) = match.monthDay, let reference else { return nil }
        return [reference.year, reference.year - 1, reference.year + 1]
            .filter { Day.isValid(year: $0, month: month, day: dayOfMonth) }
            .map { Day(year: $0, month: month, day: dayOfMonth) }
            .min { abs(reference.days(until: $0)) < abs(reference.days(until: $1)) }
    }

    /// Drops the punctuation people put between a time and its text (` - `, `: `, `|`).
    static func trimSeparators(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !separatorScalars.contains($0) }) else { return "" }
        return String(scalars[first...])
    }

    private static let separatorScalars = Set(" \t-–—:|*_,.>".unicodeScalars)

    static let monthNumbers: [String: Int] = [
        "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
        "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
        "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
    ]

    static let weekdays: Set<String> = [
        "mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu", "thur", "thurs", "thursday",
        "fri", "friday", "sat", "saturday", "sun", "sunday",
    ]

    /// The number a token writes: digits, a spelled number (`ninety`) or `a`/`an` (`for an hour`).
    private static func amountValue(_ token: DateTokens.Token) -> Int? {
        token.kind == .number ? token.value : numberWords[token.text]
    }

    private static let numberWords: [String: Int] = [
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
        "sixty": 60, "ninety": 90,
    ]

    private static let unitSeconds: [String: Double] = [
        "s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1,
        "m": 60, "min": 60, "mins": 60, "minute": 60, "minutes": 60,
        "h": 3600, "hr": 3600, "hrs": 3600, "hour": 3600, "hours": 3600,
        "d": 86_400, "day": 86_400, "days": 86_400, "week": 604_800, "weeks": 604_800,
    ]
}

/// The tokens of one string: numbers, lower-cased words and single symbols, with their
/// unicode-scalar offsets (so adjacency, `14:32` versus `14 : 32`, can be checked).
struct DateTokens {
    /// Words that mark a time as approximate (`ca. 18:30`, `around 14:30`).
    static let approximately: Set<String> = ["ca", "circa", "approx", "approximately", "around", "about"]

    struct Token {
        enum Kind { case number, word, symbol }
        var kind: Kind
        var text: String
        /// Numeric value of a number token.
        var value: Int
        /// Upper-case as written (time zone abbreviations must be).
        var isUpperCase: Bool
        var start: Int
        var end: Int

        /// Whether the token is a single scalar found in `symbols` (a scalar test, not
        /// Foundation's substring search, which dominated date parsing).
        func isOne(of symbols: String) -> Bool {
            var scalars = text.unicodeScalars.makeIterator()
            guard let scalar = scalars.next(), scalars.next() == nil else { return false }
            return symbols.unicodeScalars.contains(scalar)
        }
    }

    let scalars: [Unicode.Scalar]
    private(set) var tokens: [Token] = []

    /// Tokenizes the first `limit` scalars only (a leading date needs no more); `scalars`
    /// still holds the whole text for the remainder.
    init(_ text: some StringProtocol, limit: Int = .max) {
        scalars = TextFastPaths.scalars(text) ?? Array(text.unicodeScalars)
        let end = min(limit, scalars.count)
        // One allocation: growing the array token by token was a fifth of tokenizing.
        tokens.reserveCapacity(min(end, 32))
        var index = 0
        while index < end {
            let scalar = scalars[index]
            if Self.isSpace(scalar) {
                index += 1
            } else if ("0"..."9").contains(scalar) {
                let start = index
                var value = 0
                while index < scalars.count, ("0"..."9").contains(scalars[index]) {
                    if index - start < 9 { value = value * 10 + Int(scalars[index].value - 48) }
                    index += 1
                }
                // Ten digits is as long as a number here can meaningfully be.
                tokens.append(Token(kind: .number, text: Self.string(scalars[start..<index]), value: index - start <= 9 ? value : -1,
                                    isUpperCase: false, start: start, end: index))
            } else if Self.isLetter(scalar) {
                let start = index
                var hasLowerCase = false
                while index < scalars.count, Self.isLetter(scalars[index]) {
                    if ("a"..."z").contains(scalars[index]) { hasLowerCase = true }
                    index += 1
                }
                if let lowered = TextFastPaths.string(scalars[start..<index], lowercasing: true) {
                    tokens.append(Token(kind: .word, text: lowered, value: 0, isUpperCase: !hasLowerCase, start: start, end: index))
                } else {
                    let word = String(String.UnicodeScalarView(scalars[start..<index]))
                    tokens.append(Token(kind: .word, text: word.lowercased(), value: 0,
                                        isUpperCase: word == word.uppercased(), start: start, end: index))
                }
            } else {
                tokens.append(Token(kind: .symbol, text: String(scalar), value: 0, isUpperCase: false, start: index, end: index + 1))
                index += 1
            }
        }
    }

    // ASCII fast paths: Unicode property lookups dominated tokenizing.
    @inline(__always) static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" : scalar.properties.isWhitespace
    }

    @inline(__always) static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) : scalar.properties.isAlphabetic
    }

    /// Index of the first token starting at or after scalar offset `offset`.
    func index(startingAt offset: Int) -> Int? {
        var low = 0, high = tokens.count
        while low < high {
            let mid = (low + high) / 2
            if tokens[mid].start < offset { low = mid + 1 } else { high = mid }
        }
        return low
    }

    func remainder(from offset: Int) -> String {
        Self.string(scalars[min(offset, scalars.count)...])
    }

    /// The text of some scalars.
    static func string(_ slice: ArraySlice<Unicode.Scalar>) -> String {
        TextFastPaths.string(slice) ?? String(String.UnicodeScalarView(slice))
    }

    private func adjacent(_ a: Int, _ b: Int) -> Bool {
        b < tokens.count && tokens[a].end == tokens[b].start
    }

    private func isSymbol(_ i: Int, _ symbols: String) -> Bool {
        i < tokens.count && tokens[i].kind == .symbol && tokens[i].isOne(of: symbols)
    }

    private func isNumber(_ i: Int, digits: ClosedRange<Int>) -> Bool {
        i < tokens.count && tokens[i].kind == .number && digits.contains(tokens[i].text.count)
    }

    /// A date at token `i`: ISO `2024-03-15` (or `/`), `March 15, 2024`, `Jan 18`, `15 March 2024`,
    /// optionally after a weekday. Returns the match and the index after it.
    func date(at start: Int) -> (DateTimeMatch, Int)? {
        var i = start
        if i < tokens.count, tokens[i].kind == .word, DateReader.weekdays.contains(tokens[i].text) {
            i += 1
            if isSymbol(i, ",") { i += 1 }
            if i >= tokens.count { return nil }
        }
        let begin = tokens[min(i, tokens.count - 1)].start
        // 2024-03-15, 2024/03/15
        if isNumber(i, digits: 4...4), isSymbol(i + 1, "-/."), adjacent(i, i + 1), isNumber(i + 2, digits: 1...2), adjacent(i + 1, i + 2),
           isSymbol(i + 3, tokens[i + 1].text), adjacent(i + 2, i + 3), isNumber(i + 4, digits: 1...2), adjacent(i + 3, i + 4) {
            guard Day.isValid(year: tokens[i].value, month: tokens[i + 2].value, day: tokens[i + 4].value) else { return nil }
            let day = Day(year: tokens[i].value, month: tokens[i + 2].value, day: tokens[i + 4].value)
            return (DateTimeMatch(day: day, start: begin, end: tokens[i + 4].end), i + 5)
        }
        // 10/14/2022, 4/21/23, 02-27-2023: month first, unless the first number cannot be a month.
        if isNumber(i, digits: 1...2), isSymbol(i + 1, "/-"), adjacent(i, i + 1), isNumber(i + 2, digits: 1...2), adjacent(i + 1, i + 2),
           isSymbol(i + 3, tokens[i + 1].text), adjacent(i + 2, i + 3), isNumber(i + 4, digits: 2...2) || isNumber(i + 4, digits: 4...4),
           adjacent(i + 3, i + 4) {
            var month = tokens[i].value, dayOfMonth = tokens[i + 2].value
            if month > 12 { swap(&month, &dayOfMonth) }
            let year = tokens[i + 4].text.count == 2 ? 2000 + tokens[i + 4].value : tokens[i + 4].value
            guard Day.isValid(year: year, month: month, day: dayOfMonth) else { return nil }
            return (DateTimeMatch(day: Day(year: year, month: month, day: dayOfMonth), start: begin, end: tokens[i + 4].end), i + 5)
        }
        // March 15, 2024 / Jan 18 / Sep 27 2017 / Feb-05-2022
        if i < tokens.count, tokens[i].kind == .word, let month = DateReader.monthNumbers[tokens[i].text] {
            var j = i + 1
            if isSymbol(j, ".-") { j += 1 }
            guard isNumber(j, digits: 1...2), (1...31).contains(tokens[j].value) else { return nil }
            let dayOfMonth = tokens[j].value
            var end = tokens[j].end
            j += 1
            if j < tokens.count, tokens[j].kind == .word, ["st", "nd", "rd", "th"].contains(tokens[j].text), adjacent(j - 1, j) {
                end = tokens[j].end
                j += 1
            }
            var k = j
            if isSymbol(k, ",-") { k += 1 }
            if isNumber(k, digits: 4...4), !isClock(k) {
                guard Day.isValid(year: tokens[k].value, month: month, day: dayOfMonth) else { return nil }
                return (DateTimeMatch(day: Day(year: tokens[k].value, month: month, day: dayOfMonth), start: begin, end: tokens[k].end), k + 1)
            }
            return (DateTimeMatch(monthDay: (month, dayOfMonth), start: begin, end: end), j)
        }
        // 15 March 2024 / 15th of March
        if isNumber(i, digits: 1...2), (1...31).contains(tokens[i].value) {
            var j = i + 1
            if j < tokens.count, tokens[j].kind == .word, ["st", "nd", "rd", "th"].contains(tokens[j].text) { j += 1 }
            if isSymbol(j, "."), adjacent(j - 1, j) { j += 1 } // `19. April`
            if j < tokens.count, tokens[j].text == "of" { j += 1 }
            guard j < tokens.count, tokens[j].kind == .word, let month = DateReader.monthNumbers[tokens[j].text] else { return nil }
            let dayOfMonth = tokens[i].value
            var k = j + 1
            if isSymbol(k, ",") { k += 1 }
            if isNumber(k, digits: 4...4), !isClock(k) {
                guard Day.isValid(year: tokens[k].value, month: month, day: dayOfMonth) else { return nil }
                return (DateTimeMatch(day: Day(year: tokens[k].value, month: month, day: dayOfMonth), start: begin, end: tokens[k].end), k + 1)
            }
            return (DateTimeMatch(monthDay: (month, dayOfMonth), start: begin, end: tokens[j].end), j + 1)
        }
        return nil
    }

    /// A time at token `i`: `14:32`, `14:32:05`, `4:23PM`, `4:23 p.m.`, `2pm`, optionally
    /// followed by a zone (`UTC`, `PST`, `Z`).
    /// `numericOffset` allows a glued `+02:00` / `-0700` zone, which only ISO timestamps
    /// (`2025-03-02T10:14:00+02:00`) carry; elsewhere `13:30-13:45` is a range.
    func time(at i: Int, numericOffset: Bool = false) -> DateTimeMatch? {
        guard isNumber(i, digits: 1...2) else { return nil }
        var hour = tokens[i].value
        var minute = 0, second = 0
        var j = i + 1
        var end = tokens[i].end
        if isSymbol(j, ":"), adjacent(i, j), isNumber(j + 1, digits: 2...2), adjacent(j, j + 1) {
            minute = tokens[j + 1].value
            end = tokens[j + 1].end
            j += 2
            if isSymbol(j, ":"), adjacent(j - 1, j), isNumber(j + 1, digits: 2...2), adjacent(j, j + 1) {
                second = tokens[j + 1].value
                end = tokens[j + 1].end
                j += 2
                // Fractions of a second (`10:14:00.000Z`) are dropped.
                if isSymbol(j, "."), adjacent(j - 1, j), isNumber(j + 1, digits: 1...9) { end = tokens[j + 1].end; j += 2 }
            }
        } else if !(j < tokens.count && tokens[j].kind == .word && ["am", "pm"].contains(tokens[j].text)) {
            return nil // a bare number is not a time
        }
        var meridiem = false
        if j < tokens.count, tokens[j].kind == .word, ["am", "pm", "a", "p"].contains(tokens[j].text) {
            let isPM = tokens[j].text.hasPrefix("p")
            var k = j + 1
            var ok = tokens[j].text.count == 2
            if !ok, isSymbol(k, "."), k + 1 < tokens.count, tokens[k + 1].text == "m" { // a.m.
                ok = true
                k += 2
                if isSymbol(k, ".") { k += 1 }
            } else if !ok, adjacent(j - 1, j), !(k < tokens.count && tokens[k].kind == .word && adjacent(j, k)) {
                ok = true // `11:21a`, `12:28p`
            }
            if ok, (1...12).contains(hour) {
                meridiem = true
                if isPM, hour < 12 { hour += 12 }
                if !isPM, hour == 12 { hour = 0 }
                end = tokens[k - 1].end
                j = k
            } else if ok, (13...23).contains(hour) {
                // `13:55 PM`: a 24-hour time with a stray meridiem, which is dropped.
                end = tokens[k - 1].end
                j = k
            }
        }
        guard (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second) else { return nil }
        var match = DateTimeMatch(time: ClockTime(hour: hour, minute: minute, second: second, hasMeridiem: meridiem), start: tokens[i].start, end: end)
        // Zone: `Z` glued on, `+02:00` glued on, or a named zone after a space.
        if j < tokens.count, tokens[j].kind == .word, tokens[j].text == "z", adjacent(j - 1, j) {
            match.zoneOffset = 0
            match.end = tokens[j].end
        } else if numericOffset, isSymbol(j, "+-"), adjacent(j - 1, j), isNumber(j + 1, digits: 2...4), adjacent(j, j + 1) {
            let sign = tokens[j].text == "-" ? -1 : 1
            var hours = tokens[j + 1].value, minutes = 0
            var zoneEnd = tokens[j + 1].end
            if tokens[j + 1].text.count == 4 { hours = tokens[j + 1].value / 100; minutes = tokens[j + 1].value % 100 }
            else if isSymbol(j + 2, ":"), isNumber(j + 3, digits: 2...2) { minutes = tokens[j + 3].value; zoneEnd = tokens[j + 3].end }
            if hours <= 14 {
                match.zoneOffset = sign * (hours * 3600 + minutes * 60)
                match.end = zoneEnd
            }
        } else if j < tokens.count, tokens[j].kind == .word, tokens[j].isUpperCase,
                  let offset = TimezoneNote.offset(forAbbreviation: tokens[j].text) {
            match.zoneOffset = offset
            match.end = tokens[j].end
        }
        return match
    }

    /// Whether the number at `i` reads as a clock (`2014:05`), not a year (`2024: 7:56am`).
    private func isClock(_ i: Int) -> Bool {
        isSymbol(i + 1, ":") && adjacent(i, i + 1) && isNumber(i + 2, digits: 2...2) && adjacent(i + 1, i + 2)
    }

    /// A date optionally followed by a time (`2018-03-26 10:34`, `2025-03-02T10:14:00Z`,
    /// `Sep 27 2017 13:06`, `March 3 at 14:00`), or a time alone.
    func dateTime(at i: Int) -> DateTimeMatch? {
        guard i < tokens.count else { return nil }
        if let (dateMatch, next) = date(at: i) {
            var match = dateMatch
            var j = next
            let isISO = j < tokens.count && tokens[j].kind == .word && tokens[j].text == "t" && adjacent(j - 1, j)
            // `2024-03-15T10:14`, `March 3 at 14:00`, `March 3, 14:00`, `February 15, 2024: 7:56am`.
            if j < tokens.count, (tokens[j].kind == .word && ["t", "at"].contains(tokens[j].text)) || isSymbol(j, ",:") { j += 1 }
            // `2019-01-18 ~ 22:00`, `April 30, ~14:30`, `2018-07-08 ca. 18:30`: approximate, read at face value.
            if isSymbol(j, "~") { j += 1 }
            if j < tokens.count, tokens[j].kind == .word, Self.approximately.contains(tokens[j].text), time(at: j + 1) != nil || isSymbol(j + 1, ".") {
                j += isSymbol(j + 1, ".") ? 2 : 1
            }
            if let time = time(at: j, numericOffset: isISO) {
                match.time = time.time
                match.zoneOffset = time.zoneOffset
                match.end = time.end
            }
            return match
        }
        return time(at: i)
    }
}
