import DebriefModel
import Foundation
import Testing

/// The one JSON writer: layouts, escaping, numbers, nesting and the `Encodable` adapter.
struct JSONWriterTests {
    static func text(_ layout: JSONLayout, _ body: (inout JSONWriter) -> Void) -> String {
        var json = JSONWriter(layout: layout)
        body(&json)
        return String(decoding: json.bytes, as: UTF8.self)
    }

    static func nested(_ json: inout JSONWriter) {
        json.beginObject()
        json.key("a")
        json.beginArray()
        json.int(1)
        json.beginObject()
        json.endObject()
        json.beginArray()
        json.endArray()
        json.endArray()
        json.member("b", strings: ["x"])
        json.member("c", nil as String?)
        json.endObject()
    }

    @Test func layoutsDifferOnlyInWhiteSpace() throws {
        #expect(Self.text(.compact, Self.nested) == #"{"a":[1,{},[]],"b":["x"],"c":null}"#)
        #expect(Self.text(.pretty, Self.nested) == """
        {
          "a": [
            1,
            {},
            []
          ],
          "b": [
            "x"
          ],
          "c": null
        }
        """)
        #expect(Self.text(.spacedPretty, Self.nested) == """
        {
          "a" : [
            1,
            {

            },
            [

            ]
          ],
          "b" : [
            "x"
          ],
          "c" : null
        }
        """)
        for layout in [JSONLayout.compact, .pretty, .spacedPretty] {
            let parsed = try JSONSerialization.jsonObject(with: Data(Self.text(layout, Self.nested).utf8)) as? NSDictionary
            #expect(parsed == ["a": [1, [:], []], "b": ["x"], "c": NSNull()] as NSDictionary)
        }
    }

    @Test func emptyDocumentsAndTopLevelScalars() {
        #expect(Self.text(.pretty) { $0.beginObject(); $0.endObject(); $0.endLine() } == "{}\n")
        #expect(Self.text(.pretty) { $0.beginArray(); $0.endArray() } == "[]")
        #expect(Self.text(.pretty) { $0.string("x") } == #""x""#)
        #expect(Self.text(.compact) { $0.bool(true) } == "true")
    }

    @Test func stringsAreEscapedForJSONAndScriptElements() throws {
        let text = "\"q\" back\\slash\nline\r\ttab</script>\u{1}\u{8}\u{C}\u{1F}\u{7F} é/\u{2028}\u{2029}😀"
        let written = Self.text(.compact) { $0.string(text) }
        #expect(written == #""\"q\" back\\slash\nline\r\ttab\u003c/script>\u0001\u0008\u000c\u001f"# + "\u{7F} é/\\u2028\\u2029😀\"")
        let decoded = try JSONSerialization.jsonObject(with: Data(written.utf8), options: .fragmentsAllowed) as? String
        #expect(decoded == text)
        // Keys go through the same escaper.
        #expect(Self.text(.compact) { $0.beginObject(); $0.member("<k\"", 1); $0.endObject() } == #"{"\u003ck\"":1}"#)
    }

    @Test func numbersHaveOneFormat() {
        func double(_ value: Double) -> String { Self.text(.compact) { $0.double(value) } }
        #expect(double(3) == "3")
        #expect(double(-14) == "-14")
        #expect(double(0.33) == "0.33")
        #expect(double(0.1) == "0.1")
        #expect(double(1e-7) == "1e-07")
        #expect(double(2.5e300) == "2.5e+300")
        #expect(double(-0.0) == "-0")
        #expect(double(.nan) == "null")
        #expect(double(.infinity) == "null")
        func int(_ value: Int) -> String { Self.text(.compact) { $0.int(value) } }
        #expect(int(0) == "0")
        #expect(int(7) == "7")
        #expect(int(-7) == "-7")
        #expect(int(1_234_567_890) == "1234567890")
        #expect(int(Int.max) == String(Int.max))
        #expect(int(Int.min) == String(Int.min))
    }

    @Test func aValueWrittenOnceCanBeCopiedIntoOthers() {
        var row = JSONWriter(layout: .compact)
        row.beginObject()
        row.member("id", 1)
        row.endObject()
        let copied = Self.text(.compact) { json in
            json.beginArray()
            json.encodedValue(row.bytes)
            json.encodedValue(row.bytes)
            json.endArray()
        }
        #expect(copied == #"[{"id":1},{"id":1}]"#)
    }

    @Test func datesAreUTCInternetDateTimes() {
        #expect(Self.text(.compact) { $0.date(Date(timeIntervalSince1970: 1_741_064_767.9)) } == #""2025-03-04T05:06:07Z""#)
        #expect(Self.text(.compact) { $0.date(Date(timeIntervalSince1970: 0)) } == #""1970-01-01T00:00:00Z""#)
    }

    struct Report: Encodable {
        struct Figure: Encodable { var mtbfDays: Double?; var myURLValue: String }
        var zeta = 1
        var alertNames = ["A"]
        var figures = [Figure(mtbfDays: 1.5, myURLValue: "u"), Figure(mtbfDays: nil, myURLValue: "v")]
        var byName: [String: Int] = ["camelCase": 1, "B": 2]
        var at = Date(timeIntervalSince1970: 0)
        var empty: [Int] = []
    }

    @Test func encodableValuesHaveSnakeCaseSortedKeys() {
        #expect(JSONWriter.text(encoding: Report(), layout: .compact)
                == #"{"alert_names":["A"],"at":"1970-01-01T00:00:00Z","by_name":{"B":2,"camelCase":1},"empty":[],"#
                + #""figures":[{"mtbf_days":1.5,"my_url_value":"u"},{"my_url_value":"v"}],"zeta":1}"# + "\n")
        #expect(JSONWriter.text(encoding: Report.Figure(mtbfDays: 2, myURLValue: "u"), layout: .compact, keys: .asDeclared)
                == #"{"mtbfDays":2,"myURLValue":"u"}"# + "\n")
    }

    /// Keys are converted as Foundation's `.convertToSnakeCase` converts them.
    @Test func snakeCaseSplitsWordsAsFoundationDoes() {
        let cases = ["": "", "a": "a", "alertNames": "alert_names", "myURLValue": "my_url_value", "HTTPStatus": "h_ttp_status",
                     "a2B": "a2_b", "already_snake": "already_snake", "Name": "name", "endsURL": "ends_url", "p50Value": "p50_value"]
        for (name, expected) in cases {
            #expect(SnakeCase.convert(name) == expected, "\(name)")
        }
    }

    /// The same value written twice gives the same bytes (dictionaries are sorted, not hashed).
    @Test func outputIsDeterministic() {
        var many: [String: [Int]] = [:]
        for i in 0..<200 { many["key\(i)"] = [i, -i] }
        let once = JSONWriter.text(encoding: many)
        #expect(JSONWriter.text(encoding: many) == once)
        #expect(JSONWriter.text(encoding: Dictionary(uniqueKeysWithValues: many.reversed())) == once)
        let keys = once.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { String($0) }
        #expect(keys == keys.sorted())
    }
}
