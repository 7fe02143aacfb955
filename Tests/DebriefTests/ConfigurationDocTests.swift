import Foundation
import Testing
import DebriefValidation

/// docs/configuration.md lists every rule with its default level, and no rule that does not exist.
@Suite struct ConfigurationDocTests {
    static let doc = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/configuration.md")

    @Test func ruleTableMatchesTheRegistry() throws {
        let lines = try String(contentsOf: Self.doc, encoding: .utf8).components(separatedBy: "\n")
        let start = try #require(lines.firstIndex { $0.hasPrefix("| rule id |") })
        var documented: [String: String] = [:]
        for line in lines[(start + 2)...] {
            guard line.hasPrefix("| `") else { break }
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            documented[cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))] = cells[1]
        }
        let registered = Dictionary(uniqueKeysWithValues: Validator.allRules.map { (type(of: $0).id, type(of: $0).defaultSeverity.rawValue) })
        #expect(documented == registered)
    }
}
