import DebriefModel
import Foundation

/// SARIF 2.1.0 (code scanning): one run of the `debrief` driver, its rules, and one result per
/// diagnostic with a relative artifact URI and a fingerprint that survives line moves.
enum SARIFReport {
    struct Log: Encodable {
        var schema = "https://json.schemastore.org/sarif-2.1.0.json"
        var version = "2.1.0"
        var runs: [Run]

        enum CodingKeys: String, CodingKey {
            case schema = "$schema", version, runs
        }
    }

    struct Run: Encodable {
        var tool: Tool
        var results: [Result]
    }

    struct Tool: Encodable { var driver: Driver }

    struct Driver: Encodable {
        var name = "debrief"
        var informationUri = "https://github.com/debrief/debrief"
        var rules: [RuleDescriptor]
    }

    struct Text: Encodable { var text: String }

    struct RuleDescriptor: Encodable {
        var id: String
        var shortDescription: Text
        var defaultConfiguration: Configuration
    }

    struct Configuration: Encodable { var level: String }

    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Text
        var locations: [Location]
        var partialFingerprints: [String: String]
    }

    struct Location: Encodable { var physicalLocation: PhysicalLocation }

    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region
    }

    struct ArtifactLocation: Encodable { var uri: String }

    struct Region: Encodable {
        var startLine: Int
        var startColumn: Int
    }

    static func render(_ report: DiagnosticReport) -> String {
        let rules = descriptors(for: report.diagnostics)
        let index = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        let results = report.diagnostics.map { diagnostic in
            Result(ruleId: diagnostic.rule, ruleIndex: index[diagnostic.rule] ?? 0, level: diagnostic.severity.rawValue,
                   message: Text(text: diagnostic.message),
                   locations: [Location(physicalLocation: PhysicalLocation(
                       artifactLocation: ArtifactLocation(uri: diagnostic.file.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? diagnostic.file),
                       region: Region(startLine: diagnostic.line, startColumn: diagnostic.column)))],
                   partialFingerprints: ["debrief/v1": fingerprint(diagnostic)])
        }
        return JSONWriter.text(encoding: Log(runs: [Run(tool: Tool(driver: Driver(rules: rules)), results: results)]), keys: .asDeclared)
    }

    /// Every validation rule, then parse-problem ids, then any other id a diagnostic carries.
    static func descriptors(for diagnostics: [Diagnostic]) -> [RuleDescriptor] {
        var rules = Validator.allRules.map { rule in
            RuleDescriptor(id: type(of: rule).id, shortDescription: Text(text: type(of: rule).summary),
                           defaultConfiguration: Configuration(level: type(of: rule).defaultSeverity.rawValue))
        }
        let extra = Set(Validator.parseRuleSummaries.keys).union(diagnostics.map(\.rule)).subtracting(rules.map(\.id))
        for id in extra.sorted() {
            rules.append(RuleDescriptor(id: id, shortDescription: Text(text: Validator.summary(of: id)),
                                        defaultConfiguration: Configuration(level: "error")))
        }
        return rules
    }

    /// FNV-1a 64 of rule, file and message (not the line, so moving text keeps the identity).
    static func fingerprint(_ diagnostic: Diagnostic) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "\(diagnostic.rule)\u{0}\(diagnostic.file)\u{0}\(diagnostic.message)".utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(hash, radix: 16).leftPadded(to: 16)
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
