import Foundation
import Testing
@testable import DebriefAnalytics
@testable import DebriefModel
@testable import DebriefSearch
@testable import DebriefSite
@testable import DebriefValidation

/// Every byte-level fast path (`TextFastPaths`, `RuleFastPaths`) answers as its general
/// version does wherever it answers at all, on seeded random text built from the pieces that
/// make bytes and Characters differ: combining marks, `\r\n`, non-ASCII letters that
/// lower-case to ASCII, non-ASCII spaces, and the markup and separators the readers cut on.
@Suite struct TextFastPathTests {
    /// SplitMix64: the same cases on every run.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let pieces: [String] = [
        "a", "b", "e", "k", "t", "z", "A", "B", "K", "T", "Z", "0", "7", "9",
        "alert", "Alert", "ALERTS", "fires", "but", "team", "Alice", "bob", "HighErrorRate", "api-5xx",
        " ", "  ", "\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}",
        "|", "\\|", "\\", "*", "**", "_", "__", "`", "#", "-", "'", "’", "\"", "“", "”", "@",
        ".", ",", ";", ":", "!", "?", "(", ")", "[", "]", "/", "<", "&",
        "é", "e\u{301}", "\u{301}", "\u{212A}", "ß", "İ", "ǅ", "日本", "😀", "\u{00A0}", "\u{2028}", "\u{0085}", "٣",
    ]

    /// `count` random texts: mostly ASCII, as real text is, with some non-ASCII and empty ones.
    static func texts(_ count: Int, seed: UInt64, asciiOnly: Bool = false) -> [String] {
        var random = Generator(state: seed)
        let ascii = pieces.filter { $0.utf8.allSatisfy { $0 < 0x80 } }
        return (0..<count).map { index in
            let pool = asciiOnly || index % 3 != 0 ? ascii : pieces
            return (0..<Int.random(in: 0...12, using: &random)).map { _ in pool.randomElement(using: &random)! }.joined()
        } + ["", " ", "\r\n", "\r", "\\|", "|", "a\r\n", " \r\nx", "x \u{301}", "\u{301}x", "-", "--"]
    }

    /// The text and two of its slices, whose bytes are not the whole string's.
    static func withSlices(_ text: String) -> [Substring] {
        [text[...], text.dropFirst(), text.dropLast()]
    }

    @Test func trimmingAgrees() {
        for text in Self.texts(3000, seed: 1) {
            for slice in Self.withSlices(text) {
                for characters in [nil, "@ ", ":", ":.,;!?\"'()", "\"'“”`:,.()", " b", "\r", "é"] as [String?] {
                    guard let fast = TextFastPaths.trimmed(slice, dropping: characters) else { continue }
                    #expect(fast == slice.trimmedCharacters(characters), "\(slice.debugDescription) \(characters.debugDescription)")
                }
            }
        }
    }

    @Test func markupStrippingAndWhitespaceCollapsingAgree() {
        for text in Self.texts(3000, seed: 2) {
            for slice in Self.withSlices(text) {
                if let fast = TextFastPaths.strippedMarkup(slice) {
                    #expect(fast == InlineMarkup.stripScalars(slice), "\(slice.debugDescription)")
                }
                if let fast = slice.utf8.withContiguousStorageIfAvailable(TextFastPaths.collapsedWhitespace), let fast {
                    #expect(fast == slice.collapsingWhitespaceCharacters, "\(slice.debugDescription)")
                }
            }
        }
    }

    @Test func clausesAgree() {
        for text in Self.texts(3000, seed: 3) {
            for slice in Self.withSlices(text) {
                guard let fast = slice.utf8.withContiguousStorageIfAvailable(TextFastPaths.clauses), let fast else { continue }
                #expect(fast == Words.scalarClauses(of: slice), "\(slice.debugDescription)")
            }
        }
    }

    @Test func slugsAndFileStemsAgree() {
        for text in Self.texts(3000, seed: 4) + ["a/b.md", "content/postmortems/2024-01-01 DB outage.md", "dir/", "/x.y.z", ".md", "a/.b"] {
            if let fast = TextFastPaths.slug(text) {
                #expect(fast == Slug.makeFromScalars(text), "\(text.debugDescription)")
            }
            if let fast = TextFastPaths.fileStem(ofPath: text) {
                #expect(fast == Slug.fileStemCharacters(ofPath: text), "\(text.debugDescription)")
            }
        }
        #expect(TextFastPaths.slug("\u{212A}elvin") == nil) // KELVIN SIGN lower-cases to ASCII: general path
    }

    @Test func dateTokenScalarsAndStringsAgree() {
        for text in Self.texts(3000, seed: 5) {
            for slice in Self.withSlices(text) {
                if let fast = TextFastPaths.scalars(slice) {
                    #expect(fast == Array(slice.unicodeScalars), "\(slice.debugDescription)")
                }
            }
            let scalars = Array(text.unicodeScalars)
            for lowercasing in [false, true] {
                guard let fast = TextFastPaths.string(scalars[...], lowercasing: lowercasing) else { continue }
                let general = String(String.UnicodeScalarView(scalars[...]))
                #expect(fast == (lowercasing ? general.lowercased() : general), "\(text.debugDescription)")
            }
        }
    }

    @Test func searchWordLowerCasingAgrees() {
        for text in Self.texts(2000, seed: 6, asciiOnly: true) {
            var text = text
            text.withUTF8 { word in
                let out = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: word.count)
                defer { out.deallocate() }
                TextFastPaths.lowercaseASCII(word, into: out)
                #expect(String(decoding: out, as: UTF8.self) == String(decoding: word, as: UTF8.self).lowercased())
            }
        }
    }

    @Test func iCalendarEscapingAndLineBlankingAgree() {
        for text in Self.texts(3000, seed: 7) {
            if let fast = TextFastPaths.iCalendarEscaped(text) {
                #expect(fast == ActionCalendar.escapeCharacters(text), "\(text.debugDescription)")
            }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
            for (indices, replacing) in [([0], [:]), ([lines - 1], [0: "x"]), (Array(0..<lines), [:]), ([1, 3], [2: "é\r"])] as [([Int], [Int: String])] {
                guard let fast = TextFastPaths.blankingLines(Set(indices), in: text, replacing: replacing) else { continue }
                #expect(fast == LineBlanking.blankingCharacters(Set(indices), in: text, replacing: replacing), "\(text.debugDescription)")
            }
        }
    }

    @Test func tableCellsAndAlertNamesAgree() {
        for text in Self.texts(3000, seed: 9) + ["| a | b |", "|a\\|b|", "a | b \\|", "||", "| `x` | **y** |"] {
            let row = Substring(text.trimmed())
            if let fast = TextFastPaths.tableCells(row) {
                #expect(fast == TimelineReader.cellsCharacters(row), "\(row.debugDescription)")
            }
        }
        for text in Self.texts(3000, seed: 10) + ["Alert fires: HighErrorRate", "alert: \"x_y\" fired", "ALERTS from api-5xx-rate"] {
            var native = text
            guard let fast = native.withUTF8(TextFastPaths.alertNames) else { continue }
            #expect(fast == AlertMentions.namesFromWords(in: text), "\(text.debugDescription)")
        }
    }

    @Test func blameFirstNamesAgree() {
        for text in Self.texts(3000, seed: 8) + ["@alice", "  Bob Smith", "platform-team", "SRE", "Al", "@@ ", ""] {
            guard let fast = RuleFastPaths.firstName(text) else { continue }
            #expect((fast.isEmpty ? nil : fast) == BlameLanguageRule.firstNameCharacters(text), "\(text.debugDescription)")
        }
    }

    @Test func rootCauseQuotesAgree() {
        var random = Generator(state: 10)
        let ascii = Self.pieces.filter { $0.utf8.allSatisfy { $0 < 0x80 } }
        // Long enough to cross the 90- and 200-character limits; sentences end in `. `.
        let texts = (0..<2000).map { index in
            let pool = index % 3 == 0 ? Self.pieces : ascii + [". ", ". ", "word ", "words "]
            return (0..<Int.random(in: 0...90, using: &random)).map { _ in pool.randomElement(using: &random)! }.joined()
        } + Self.texts(500, seed: 11) + [String(repeating: "a", count: 200) + "e\u{301}", String(repeating: "a", count: 200) + "\r\nb", String(repeating: "word ", count: 30)]
        var answered = 0
        for text in texts {
            guard let fast = TextFastPaths.firstSentence(text) else { continue }
            answered += 1
            #expect(fast == RelatedIncidents.generalFirstSentence(text), "\(text.debugDescription)")
        }
        #expect(answered > 500)
    }
}
