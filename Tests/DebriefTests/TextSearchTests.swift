import Foundation
import Testing
@testable import DebriefModel

/// The byte-level text helpers that the parser and rules use instead of Foundation's.
@Suite struct TextSearchTests {
    @Test func keywordSetReportsEveryKeywordPresentIgnoringASCIICase() {
        let set = KeywordSet(["human error", "forgot to", "$x", "{", "tbd"])
        #expect(set.occurring(in: "A HUMAN Error, then we forgot to page; cost $X.") == 0b00111)
        #expect(set.occurring(in: "owner: TBD") == 0b10000)
        #expect(set.occurring(in: "template {") == 0b01000) // a one-byte keyword as the last byte
        #expect(set.occurring(in: "humans erred, forgot, $ x, TB D") == 0)
        #expect(set.occurring(in: "") == 0)
    }

    @Test func keywordSetDoesNotReadPastTheEndOfTheText() {
        let set = KeywordSet(["tbd"])
        #expect(set.occurring(in: "owner: tb") == 0)
        #expect(set.occurring(in: "t") == 0)
        // A slice of a longer string: the bytes after the slice do not count.
        let text = "owner: TBD"
        #expect(set.occurring(in: text.prefix(9)) == 0)
    }

    @Test func keywordSetHoldsSixtyFourKeywords() {
        let set = KeywordSet((0..<64).map { "k\($0)z" })
        #expect(set.occurring(in: "k0z and k63z") == (UInt64(1) | UInt64(1) << 63))
    }

    @Test func firstIndexOfASCIIFindsTheSameIndexAsTheCharacterSearch() {
        for text in ["Date: 2024-03-15", "naïve: yes", "no colon here", "日本: 東京", ":"] {
            #expect(text.firstIndex(ofASCII: UInt8(ascii: ":")) == text.firstIndex(of: ":"))
            let slice = text.dropFirst()
            #expect(slice.firstIndex(ofASCII: UInt8(ascii: ":")) == slice.firstIndex(of: ":"))
        }
    }

    /// List markers, markup stripping, slugs and trimming at their edges (`TextFastPathTests`
    /// holds the byte fast paths to the general versions on random text).
    @Test func textHelpersKeepTheirEdgeCases() {
        #expect(InlineMarkup.dropListMarker("  - item") == "item")
        #expect(InlineMarkup.dropListMarker("> 12. step") == "step")
        #expect(InlineMarkup.dropListMarker("1234. not a marker") == "1234. not a marker")
        #expect(InlineMarkup.dropListMarker("-item") == "-item")
        #expect(InlineMarkup.dropListMarker("- é") == "é")
        #expect(InlineMarkup.strip("  **Owner:** `bob` _x_  ") == "Owner: bob x_")
        #expect(InlineMarkup.strip("  a \r\n") == "a")
        #expect(Slug.make("Hello, World!") == "hello-world")
        #expect(Slug.make("\u{212A}elvin probe") == "kelvin-probe") // KELVIN SIGN lower-cases to ASCII
        #expect(Slug.make(fromPath: "content/postmortems/2024-01-01 DB outage.md") == "2024-01-01-db-outage")
        #expect(Slug.make(fromPath: "content/ünïcode/été.md") == "t")
        #expect("  padded\t".trimmed() == "padded" && "kept".trimmed() == "kept" && "a b".trimmed(" b") == "a")
    }

    @Test func sourceLinesDropLineFeedsAndCarriageReturns() {
        #expect("a\nb\r\n\nc".sourceLines == ["a", "b", "", "c"])
        #expect("ends with a break\n".sourceLines == ["ends with a break", ""])
        #expect("".sourceLines == [""])
        #expect("é\r\nü".sourceLines == ["é", "ü"])
    }

    @Test func fileBytesWriteCreatesAndTruncates() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("debrief-filebytes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("page.html").path
        try FileBytes.write(Data("a longer first version".utf8), to: path)
        try FileBytes.write(Array("second".utf8), to: path)
        #expect(FileBytes.contents(of: path) == Array("second".utf8))
        #expect(throws: FileBytes.WriteError.self) {
            try FileBytes.write([UInt8](), to: folder.appendingPathComponent("missing/page.html").path)
        }
    }
}
