import Foundation
import Testing
import DebriefSite

/// The mustache engine of the site (Sources/DebriefSite/Templates) on small inline templates.
/// SiteGoldenTests proves the built-in layouts render exactly as before.
@Suite struct TemplateTests {
    /// `text` rendered with `values`; `partials` are the other templates it may include.
    func render(_ text: String, _ values: [String: TemplateValue] = [:], partials: [String: String] = [:]) throws -> String {
        var templates = try Dictionary(uniqueKeysWithValues: partials.map { name, text in (name, try Template(name: name, text: text)) })
        templates["page"] = try Template(name: "page", text: text)
        let bytes = try #require(try TemplateLibrary(templates: templates).render("page", context: .object(TemplateObject(values))))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The error rendering `text` with `values` throws, nil when it renders.
    func renderError(_ text: String, _ values: [String: TemplateValue] = [:], partials: [String: String] = [:]) -> TemplateRenderError? {
        do {
            _ = try render(text, values, partials: partials)
            return nil
        } catch {
            return error as? TemplateRenderError
        }
    }

    func syntaxError(_ text: String) -> TemplateSyntaxError? {
        do {
            _ = try Template(name: "page", text: text)
            return nil
        } catch {
            return error as? TemplateSyntaxError
        }
    }

    @Test func deeplyNestedSectionsAreAnErrorWithTheirLineNotACrash() throws {
        // 35,000 nested sections overflowed the parser's stack.
        let deep = String(repeating: "{{#title}}\n", count: 35_000) + String(repeating: "{{/title}}\n", count: 35_000)
        let error = try #require(syntaxError(deep))
        #expect(error.line == 101) // the 101st section
        let fine = String(repeating: "{{#title}}", count: 100) + "x" + String(repeating: "{{/title}}", count: 100)
        #expect(syntaxError(fine) == nil)
    }

    // MARK: - Whitespace

    @Test func sectionCommentAndInvertedTagsAloneOnTheirLineRemoveTheLine() throws {
        let template = "<ul>\n  {{! one item per line }}\n  {{#items}}\n  <li>{{.}}</li>\n  {{/items}}\n  {{^items}}\n  <li>none</li>\n  {{/items}}\n</ul>\n"
        #expect(try render(template, ["items": .strings(["a", "b"])]) == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
        #expect(try render(template, ["items": .list([])]) == "<ul>\n  <li>none</li>\n</ul>\n")
    }

    @Test func tagsSharingTheirLineWithTextKeepTheLine() throws {
        #expect(try render("x {{#on}}y{{/on}}\n  {{#on}}z{{/on}}\n", ["on": .bool(true)]) == "x y\n  z\n")
        #expect(try render("a {{! note }} b\n", [:]) == "a  b\n")
    }

    @Test func crlfLineEndsCountAsLineEnds() throws {
        #expect(try render("{{#on}}\r\nyes\r\n{{/on}}\r\nend", ["on": .bool(true)]) == "yes\r\nend")
    }

    @Test func standalonePartialIndentsEveryLineOfThePartial() throws {
        let page = "<div>\n  {{> inner}}\n</div>\n"
        #expect(try render(page, partials: ["inner": "<p>one</p>\n<p>two</p>\n"]) == "<div>\n  <p>one</p>\n  <p>two</p>\n</div>\n")
        // Inline partials are not indented.
        #expect(try render("<b>{{> inner}}</b>", partials: ["inner": "x\ny"]) == "<b>x\ny</b>")
    }

    @Test func indentedPartialIndentsASectionOnlyBeforeItsFirstItem() throws {
        // What swift-mustache did and the navigation in the golden pages shows: each pass of a
        // section restarts the partial's line tracking.
        let inner = "<ul>\n{{#items}}\n<li>{{.}}</li>\n{{/items}}\n</ul>\n"
        #expect(try render("<nav>\n  {{> list}}\n</nav>\n", ["items": .strings(["a", "b"])], partials: ["list": inner])
            == "<nav>\n  <ul>\n  <li>a</li>\n<li>b</li>\n  </ul>\n</nav>\n")
    }

    // MARK: - Values

    @Test func variablesAreHTMLEscapedUnlessTripleOrAmpersand() throws {
        let values: [String: TemplateValue] = ["x": .text("<a href=\"u\">Tom & 'Jerry'</a> é—")]
        #expect(try render("{{x}}", values) == "&lt;a href=&quot;u&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt; é—")
        #expect(try render("{{{x}}}|{{& x}}", values) == "<a href=\"u\">Tom & 'Jerry'</a> é—|<a href=\"u\">Tom & 'Jerry'</a> é—")
    }

    @Test func numbersAndBooleansRenderAsSwiftWritesThem() throws {
        #expect(try render("{{n}} {{m}} {{t}} {{f}} {{none}}.", ["n": .int(3), "m": .int(-12), "t": .bool(true), "f": .bool(false), "none": .null])
            == "3 -12 true false .")
        // Zero is a value, not false.
        #expect(try render("{{#n}}[{{.}}]{{/n}}", ["n": .int(0)]) == "[0]")
    }

    @Test func dottedNamesLookInsideObjects() throws {
        let values: [String: TemplateValue] = ["incident": .object(["owner": .object(["name": .text("Ana")])]),
                                               "inner": .object(["incident": .object([:])])]
        #expect(try render("{{incident.owner.name}}", values) == "Ana")
        // The first context holding `incident` decides; no fallback to an outer one.
        #expect(try render("{{#inner}}[{{incident.owner.name}}]{{/inner}}", values) == "[]")
    }

    @Test func namesAreLookedUpFromTheInnermostContextOutwards() throws {
        let values: [String: TemplateValue] = ["title": .text("Outer"), "rows": .list([
            .object(["name": .text("a")]), .object(["name": .text("b"), "title": .text("Own")]), .object(["name": .text("c"), "title": .string("")]),
        ])]
        // An empty string is absent but still hides the outer value, as before.
        #expect(try render("{{#rows}}{{name}}:{{title}} {{/rows}}", values) == "a:Outer b:Own c: ")
        #expect(try render("{{#rows}}{{.name}}{{/rows}}", values) == "abc")
    }

    @Test func emptyListFalseMissingAndEmptyStringAreFalsy() throws {
        let values: [String: TemplateValue] = ["list": .list([]), "no": .bool(false), "null": .null, "empty": .string(""),
                                               "full": .strings(["x"]), "yes": .bool(true), "text": .text("t")]
        let template = "{{^list}}1{{/list}}{{^no}}2{{/no}}{{^null}}3{{/null}}{{^empty}}4{{/empty}}"
            + "{{^full}}x{{/full}}{{^yes}}x{{/yes}}{{^text}}x{{/text}}{{#empty}}x{{/empty}}{{#list}}x{{/list}}"
        #expect(try render(template, values) == "1234")
    }

    @Test func sectionsOverObjectsPushThemAndListsRepeat() throws {
        let values: [String: TemplateValue] = ["owner": .object(["name": .text("Ana")]), "tags": .strings(["db", "net"]), "on": .bool(true),
                                               "name": .text("outer")]
        #expect(try render("{{#owner}}{{name}}{{/owner}} {{#on}}{{name}}{{/on}} {{#tags}}<{{.}}>{{/tags}}", values) == "Ana outer <db><net>")
    }

    @Test func renderingAListAsTextIsAnErrorWithItsLine() throws {
        let error = try #require(renderError("ok\n{{tags}}", ["tags": .strings(["a"])]))
        #expect(error.template == "page" && error.line == 2)
        #expect(error.message.contains("{{#tags}}"))
    }

    @Test func aNameNoContextHasIsAnErrorWithItsTemplateAndLine() throws {
        let rows: [String: TemplateValue] = ["rows": .list([.object(["title": .text("a")])]), "page": .object(["title": .text("p")])]
        // Looked up through the row and the page values: found in neither.
        let variable = try #require(renderError("<ul>\n{{#rows}}\n<li>{{titel}}</li>\n{{/rows}}\n</ul>", rows))
        #expect(variable == TemplateRenderError(template: "page", line: 3,
                                                "{{titel}}: no value named titel on this page (docs/layouts.md lists the values of each page)"))
        #expect(renderError("\n{{#has_rows}}x{{/has_rows}}", rows)?.line == 2)
        #expect(renderError("{{^has_rows}}x{{/has_rows}}", rows)?.message.hasPrefix("{{^has_rows}}") == true)
        #expect(renderError("{{{raw}}}", rows)?.message.hasPrefix("{{&raw}}") == true)
        // A dotted name needs its first part; a later part an object lacks is empty.
        #expect(renderError("{{pgae.title}}", rows)?.message.contains("no value named pgae") == true)
        #expect(try render("[{{page.title}}|{{page.subtitle}}|{{page.title.more}}]", rows) == "[p||]")
        // `.name` looks only in the current context.
        #expect(renderError("{{#rows}}{{.page}}{{/rows}}", rows) != nil)
        // The template named is the one holding the tag: here the partial, not the page.
        let inPartial = try #require(renderError("{{#rows}}{{> row}}{{/rows}}", rows, partials: ["row": "<li>\n{{title}} {{owner}}</li>"]))
        #expect(inPartial.template == "row" && inPartial.line == 2)
    }

    @Test func aNullNameRendersNothingAndIsFalsy() throws {
        let values: [String: TemplateValue] = ["note": .null, "title": .text("Outer"), "rows": .list([.object(["title": .null])])]
        #expect(try render("[{{note}}{{{note}}}]{{#note}}shown{{/note}}{{^note}}hidden{{/note}}", values) == "[]hidden")
        // A null in an inner context still hides the outer value: the name is there.
        #expect(try render("{{#rows}}<{{title}}>{{/rows}}", values) == "<>")
    }

    @Test func aSectionThatIsNotShownIsNotLookedInto() throws {
        // Names are looked up as the page renders them: a section over an empty list or a
        // false value never reaches the names of its items.
        #expect(try render("{{#rows}}{{anything}}{{/rows}}{{#off}}{{other}}{{/off}}", ["rows": .list([]), "off": .bool(false)]) == "")
    }

    // MARK: - Partials and templates

    @Test func partialNamingNoTemplateRendersNothing() throws {
        #expect(try render("a{{> nowhere}}b") == "ab")
    }

    @Test func missingTemplateIsNil() throws {
        let library = TemplateLibrary(templates: [:])
        #expect(try library.render("home", context: .object([:])) == nil)
    }

    @Test func partialIncludingItselfIsAnErrorNotACrash() throws {
        #expect(throws: SiteBuildError.self) { try render("{{> loop}}", partials: ["loop": "x{{> loop}}"]) }
    }

    // MARK: - Errors

    @Test func unsupportedSyntaxIsRefusedWithItsLine() {
        #expect(syntaxError("a\nb\n{{=<% %>=}}")?.line == 3)
        #expect(syntaxError("{{<parent}}{{/parent}}")?.message.contains("inheritance") == true)
        #expect(syntaxError("\n{{$block}}x{{/block}}")?.line == 2)
        #expect(syntaxError("{{uppercased(name)}}")?.message.contains("transforms") == true)
        #expect(syntaxError("{{>*dynamic}}")?.message.contains("dynamic") == true)
        #expect(syntaxError("{{%CONTENT_TYPE:TEXT}}") != nil)
    }

    @Test func invalidTemplatesNameTheLine() {
        #expect(syntaxError("one\n{{#open}}\nnever closed") == TemplateSyntaxError(line: 2, "{{#open}} is never closed with {{/open}}"))
        #expect(syntaxError("{{#a}}\n{{/b}}")?.line == 2)
        #expect(syntaxError("x\n{{/a}}")?.line == 2)
        #expect(syntaxError("{{name with spaces}}")?.line == 1)
        #expect(syntaxError("{{! unclosed comment") != nil)
        #expect(syntaxError("{{{raw}}") != nil)
    }

    @Test func invalidLayoutOverrideNamesItsFileAndLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("debrief-templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "<footer>\n{{=<% %>=}}\n</footer>\n".write(to: folder.appendingPathComponent("footer.mustache"), atomically: true, encoding: .utf8)
        do {
            _ = try SiteLayouts(overrides: folder)
            Issue.record("an invalid override was accepted")
        } catch let error as SiteBuildError {
            #expect(error.message.contains("footer.mustache:2: invalid mustache template: set delimiters"))
        }
    }

    @Test func layoutOverrideNamingAValueThePageLacksNamesItsFileAndLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("debrief-templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "<footer>\n{{sitle_title}}\n</footer>\n".write(to: folder.appendingPathComponent("footer.mustache"), atomically: true, encoding: .utf8)
        let layouts = try SiteLayouts(overrides: folder)
        do {
            _ = try layouts.render("footer", .object(["site_title": .text("Incidents")]))
            Issue.record("a misspelt name rendered")
        } catch let error as SiteBuildError {
            #expect(error.message.hasPrefix(folder.appendingPathComponent("footer.mustache").path + ":2: {{sitle_title}}: no value named sitle_title"),
                    "\(error.message)")
        }
        // In a built-in layout the message names it as the syntax errors do.
        do {
            _ = try layouts.render("pager", .object([:]))
            Issue.record("a page without `pager` rendered the pager")
        } catch let error as SiteBuildError {
            #expect(error.message.hasPrefix("built-in layout pager.mustache:2: {{#pager}}"), "\(error.message)")
        }
    }

    @Test func builtInLayoutsParseAndMissingLayoutIsAnError() throws {
        let layouts = try SiteLayouts(overrides: nil)
        #expect(layouts.library.templates["postmortem"] != nil)
        #expect(throws: SiteBuildError.self) { _ = try layouts.render("no-such-page", .object([:])) }
    }
}
