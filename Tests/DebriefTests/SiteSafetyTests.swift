import Foundation
import Testing
import DebriefSite

/// Hostile content (Fixtures/site/hostile) must not put markup or script URLs into any page.
@Suite struct SiteSafetyTests {
    static let tagPattern = try! NSRegularExpression(pattern: #"<([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>"#)
    static let quotedValue = try! NSRegularExpression(pattern: #""[^"]*"|'[^']*'"#)
    static let eventHandler = try! NSRegularExpression(pattern: #"\son[a-z]+\s*="#, options: .caseInsensitive)
    static let scriptURL = try! NSRegularExpression(pattern: #"\s(href|src|action)\s*=\s*["']?\s*(javascript|vbscript|data):"#, options: .caseInsensitive)

    /// Problems in the tags of `html`: event-handler attributes (outside quoted values), script
    /// URLs, inline scripts and elements that embed or restyle. Escaped text is not a tag.
    static func dangerousTags(in html: String) -> [String] {
        var problems: [String] = []
        let range = NSRange(html.startIndex..., in: html)
        for match in tagPattern.matches(in: html, range: range) {
            let tag = (html as NSString).substring(with: match.range)
            let name = (html as NSString).substring(with: match.range(at: 1)).lowercased()
            let attributes = (html as NSString).substring(with: match.range(at: 2))
            let unquoted = quotedValue.stringByReplacingMatches(in: attributes, range: NSRange(attributes.startIndex..., in: attributes), withTemplate: "\"\"")
            let unquotedRange = NSRange(unquoted.startIndex..., in: unquoted)
            if eventHandler.firstMatch(in: unquoted, range: unquotedRange) != nil
                || scriptURL.firstMatch(in: attributes, range: NSRange(attributes.startIndex..., in: attributes)) != nil
                || ["iframe", "object", "embed", "style", "base"].contains(name)
                || (name == "script" && !attributes.contains(" src=\"")) {
                problems.append(tag)
            }
        }
        return problems
    }

    @Test func hostileContentIsEscapedOnEveryPage() throws {
        let pages = try SiteFixture.render("hostile").filter { $0.path.hasSuffix(".html") }
        #expect(pages.count > 5)
        for page in pages {
            let problems = SiteSafetyTests.dangerousTags(in: String(decoding: page.bytes, as: UTF8.self))
            #expect(problems.isEmpty, "\(page.path): \(problems)")
        }
    }

    @Test func theCheckFindsUnescapedMarkup() {
        #expect(!SiteSafetyTests.dangerousTags(in: #"<img src=x onerror="alert(1)">"#).isEmpty)
        #expect(!SiteSafetyTests.dangerousTags(in: #"<a HREF=" JaVaScRiPt:alert(1)">x</a>"#).isEmpty)
        #expect(!SiteSafetyTests.dangerousTags(in: "<script>alert(1)</script>").isEmpty)
        #expect(SiteSafetyTests.dangerousTags(in: #"<option value="&lt;svg onload=x&gt;">&lt;script&gt;</option>"#).isEmpty)
    }

    @Test func frontMatterMarkupIsShownAsText() throws {
        let pages = try SiteFixture.render("hostile")
        let page = try #require(pages.first { $0.path == "postmortems/2025-04-01-hostile/index.html" })
        let html = String(decoding: page.bytes, as: UTF8.self)
        #expect(html.contains("Hostile &lt;script&gt;window.__xss = 1&lt;/script&gt; title"))
    }

    @Test func unsafeHTMLSettingIsTheOnlyWayRawHTMLGetsThrough() throws {
        let root = try SiteFixture.copy("hostile")
        try "unsafe_html: true\n".write(to: root.appendingPathComponent("debrief.yml"), atomically: true, encoding: .utf8)
        let builder = SiteFixture.builder(root: root)
        let pages = try builder.render(try builder.prepare())
        let page = try #require(pages.first { $0.path == "postmortems/2025-04-01-hostile/index.html" })
        #expect(String(decoding: page.bytes, as: UTF8.self).contains("<script>window.__xss = 9</script>"))
    }

    @Test func trackingLinksKeepOnlyWebAddresses() {
        #expect(SafeURL.filter("https://tracker.example/ISSUE-1") == "https://tracker.example/ISSUE-1")
        #expect(SafeURL.filter(" JavaScript:alert(1)") == nil)
        #expect(SafeURL.filter("javascript&#58;alert(1)") == nil)
        #expect(SafeURL.filter("data:text/html,x") == nil)
        #expect(SafeURL.filter("https://x.example/\"onmouseover=") == nil)
    }
}
