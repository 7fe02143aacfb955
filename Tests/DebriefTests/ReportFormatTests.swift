import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import DebriefModel
@testable import DebriefValidation

@Suite struct ReportFormatTests {
    static let tricky = "50% done\nnext line, then: colon"
    static let report = DiagnosticReport(diagnostics: [
        Diagnostic(file: "content/postmortems/a,b:c.md", line: 12, column: 3, severity: .error, rule: "action-owner", message: tricky),
        Diagnostic(file: "content/runbooks/r.yml", line: 4, severity: .warning, rule: "runbook-stale", message: "review <it> & \"soon\""),
    ], files: ["content/postmortems/a,b:c.md", "content/postmortems/clean.md", "content/runbooks/r.yml"])

    func json(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func textIsOneLinePerDiagnosticPlusSummary() {
        let lines = Self.report.render(.text).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "content/postmortems/a,b:c.md:12:3: error[action-owner]: 50% done next line, then: colon")
        #expect(lines[1] == "content/runbooks/r.yml:4:1: warning[runbook-stale]: review <it> & \"soon\"")
        #expect(lines[2] == "1 error, 1 warning (3 files checked)")
        #expect(lines.count == 4 && lines[3].isEmpty)
        #expect(!Self.report.render(.text).contains("\u{1B}["))
        let coloured = Self.report.render(.text, color: true)
        #expect(coloured.contains("\u{1B}[1;31merror\u{1B}[0m[action-owner]"))
        #expect(DiagnosticReport(diagnostics: [], files: ["a.md", "b.md"]).render(.text) == "no problems (2 files checked)\n")
    }

    @Test func jsonHasDiagnosticsAndSummary() throws {
        let text = Self.report.render(.json)
        let object = try json(text)
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 2)
        #expect(diagnostics[0]["file"] as? String == "content/postmortems/a,b:c.md")
        #expect(diagnostics[0]["line"] as? Int == 12)
        #expect(diagnostics[0]["column"] as? Int == 3)
        #expect(diagnostics[0]["severity"] as? String == "error")
        #expect(diagnostics[0]["rule"] as? String == "action-owner")
        #expect(diagnostics[0]["message"] as? String == Self.tricky)
        let summary = try #require(object["summary"] as? [String: Int])
        #expect(summary == ["files": 3, "errors": 1, "warnings": 1])
        // Sorted keys: byte-stable output.
        #expect(text.range(of: "\"column\"")!.lowerBound < text.range(of: "\"file\"")!.lowerBound)
    }

    /// The report is written member by member; it reads back as the `Codable` form of its
    /// diagnostics, whatever they contain, in the layout of the other `--format json` outputs.
    @Test func jsonReadsBackAsTheEncodableReport() throws {
        struct Document: Encodable {
            struct Summary: Encodable { var files: Int, errors: Int, warnings: Int }
            var diagnostics: [Diagnostic]
            var summary: Summary
        }
        var everyASCII = ""
        for byte in 0..<0x80 { everyASCII.unicodeScalars.append(Unicode.Scalar(UInt8(byte))) }
        let messages = [everyASCII, "é \u{2028}\u{2029} \u{FEFF}😀 </script> a/b", "", Self.tricky]
        for diagnostics in [[], Self.report.diagnostics, messages.map { Diagnostic(file: "content/a \"b\".md", line: 3, severity: .warning, rule: "r", message: $0) },
                            messages.map { Diagnostic(file: "a.md", line: 1, severity: .error, rule: "r", message: "m", fix: $0) }] {
            let report = DiagnosticReport(diagnostics: diagnostics, files: ["x.md"])
            let encoded = try JSONEncoder().encode(Document(diagnostics: diagnostics, summary: .init(files: 1, errors: report.errorCount, warnings: report.warningCount)))
            let written = report.render(.json)
            let expected = try JSONSerialization.jsonObject(with: encoded) as? NSDictionary
            #expect(try JSONSerialization.jsonObject(with: Data(written.utf8)) as? NSDictionary == expected)
            #expect(written == JSONWriter.text(encoding: Document(diagnostics: diagnostics, summary: .init(files: 1, errors: report.errorCount, warnings: report.warningCount))))
        }
        #expect(DiagnosticReport(diagnostics: [], files: []).render(.json) == """
        {
          "diagnostics" : [

          ],
          "summary" : {
            "errors" : 0,
            "files" : 0,
            "warnings" : 0
          }
        }

        """)
    }

    /// The escaping the site's JSON exports and search scripts use, run by run: text before,
    /// between and after each escape is copied whole.
    @Test func jsonStringEscapesForJSONAndScriptElements() throws {
        let text = "\"quote\" back\\slash\nline\r\ttab</script>\u{1}bell\u{1F} é\u{2028}\u{2029}\u{2027}end"
        let escaped = Escaping.jsonString(text)
        #expect(escaped == #""\"quote\" back\\slash\nline\r\ttab\u003c/script>\u0001bell\u001f é\u2028\u2029\#u{2027}end""#)
        let decoded = try JSONSerialization.jsonObject(with: Data(escaped.utf8), options: .fragmentsAllowed) as? String
        #expect(decoded == text)
        var appended = Array("x".utf8)
        Escaping.appendJSONString("", to: &appended)
        Escaping.appendJSONString("plain", to: &appended)
        #expect(String(decoding: appended, as: UTF8.self) == #"x"""plain""#)
    }

    /// XML escaping keeps the text between escapes whole, keeps tab, newline and carriage
    /// return, and drops what XML 1.0 forbids (other C0 controls, U+FFFE, U+FFFF).
    @Test func xmlEscapesMarkupAndDropsForbiddenCharacters() {
        #expect(Escaping.xml("") == "")
        #expect(Escaping.xml("plain é text") == "plain é text")
        #expect(Escaping.xml("<a href=\"x\">Tom & Jerry's</a>") == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;")
        #expect(Escaping.xml("\u{1}tab\there\nline\r\u{1F}end\u{FFFE}\u{FFFF}\u{FFFD}") == "tab\there\nline\rend\u{FFFD}")
        #expect(Escaping.xml("\u{0}") == "")
    }

    @Test func githubEscapesDataAndPropertiesThenPrintsText() {
        let lines = Self.report.render(.github).split(separator: "\n").map(String.init)
        #expect(lines[0] == "::error file=content/postmortems/a%2Cb%3Ac.md,line=12,col=3,title=action-owner::50%25 done%0Anext line, then: colon")
        #expect(lines[1] == "::warning file=content/runbooks/r.yml,line=4,col=1,title=runbook-stale::review <it> & \"soon\"")
        #expect(lines[2].hasPrefix("content/postmortems/a,b:c.md:12:3: error[action-owner]"))
        #expect(lines.last == "1 error, 1 warning (3 files checked)")
        #expect(GitHubReport.escapeData("a\r\nb%") == "a%0D%0Ab%25")
        #expect(GitHubReport.escapeProperty("x:y,z%") == "x%3Ay%2Cz%25")
    }

    @Test func sarifIsVersion210WithRulesAndResults() throws {
        let object = try json(Self.report.render(.sarif))
        #expect(object["version"] as? String == "2.1.0")
        #expect((object["$schema"] as? String)?.contains("sarif-2.1.0") == true)
        let run = try #require((object["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "debrief")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let ids = rules.compactMap { $0["id"] as? String }
        for rule in Validator.allRules { #expect(ids.contains(type(of: rule).id)) }
        #expect(rules.allSatisfy { (($0["shortDescription"] as? [String: Any])?["text"] as? String)?.isEmpty == false })
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 2)
        let first = results[0]
        #expect(first["ruleId"] as? String == "action-owner")
        #expect(ids[first["ruleIndex"] as! Int] == "action-owner")
        #expect(first["level"] as? String == "error")
        #expect((first["message"] as? [String: Any])?["text"] as? String == Self.tricky)
        let location = try #require((first["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == "content/postmortems/a,b:c.md")
        let region = try #require(location["region"] as? [String: Int])
        #expect(region == ["startLine": 12, "startColumn": 3])
        let fingerprint = try #require((first["partialFingerprints"] as? [String: String])?["debrief/v1"])
        #expect(fingerprint.count == 16)
        #expect((results[1]["level"] as? String) == "warning")
        // A moved line keeps its fingerprint; another message does not.
        var moved = Self.report.diagnostics[0]
        moved.line = 40
        #expect(SARIFReport.fingerprint(moved) == fingerprint)
        moved.message = "other"
        #expect(SARIFReport.fingerprint(moved) != fingerprint)
    }

    @Test func junitHasOneCasePerFileAndFailuresForErrors() {
        let xml = Self.report.render(.junit)
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"debrief check\" tests=\"3\" failures=\"1\""))
        #expect(xml.components(separatedBy: "<testcase ").count - 1 == 3)
        #expect(xml.components(separatedBy: "<failure ").count - 1 == 1)
        #expect(xml.contains("<testcase classname=\"debrief\" name=\"content/postmortems/clean.md\" file=\"content/postmortems/clean.md\"/>"))
        #expect(xml.contains("review &lt;it&gt; &amp; &quot;soon&quot;"))
        #expect(JUnitReport.escape("a\u{1}b<") == "ab&lt;")
        // Well-formed: Foundation's XML parser accepts it.
        let parser = XMLParser(data: Data(xml.utf8))
        #expect(parser.parse())
    }
}
