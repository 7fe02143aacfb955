import Yams

/// Reads the alerting rules of a Prometheus rule file (top-level `groups:`) or of Kubernetes
/// `PrometheusRule` objects (`spec.groups`), in any number of YAML documents. Other YAML
/// documents in the file (a `ConfigMap`, a webhook) hold no rules and are skipped; recording
/// rules (`record:`) are not alerts.
public enum AlertRuleFile {
    public struct Failure: Error, Sendable {
        public var line: Int
        public var message: String
    }

    public static func read(_ text: String, path: String) -> Result<[AlertRule], Failure> {
        if let refusal = YAMLValue.refusal(of: text) { return .failure(Failure(line: 1, message: refusal)) }
        var documents: [Node] = []
        do {
            // The basic resolver: every value here is read as text.
            var sequence = try Yams.compose_all(yaml: text, .basic, .default, .utf8)
            while let document = sequence.next() { documents.append(document) }
            if let error = sequence.error { throw error }
        } catch let error as YamlError {
            return .failure(Failure(line: error.line ?? 1, message: "not valid YAML: \(error.summary)"))
        } catch {
            return .failure(Failure(line: 1, message: "not valid YAML: \(error)"))
        }
        var rules: [AlertRule] = []
        for document in documents {
            let groups = document["groups"] ?? document["spec"]?["groups"]
            for group in groups?.sequence ?? [] {
                for rule in group["rules"]?.sequence ?? [] {
                    guard let alert = rule["alert"], let name = alert.string?.trimmingWhitespaceAndNewlines(), !name.isEmpty else { continue }
                    rules.append(AlertRule(name: name, file: path, line: alert.mark?.line ?? rule.mark?.line ?? 1,
                                           severity: rule["labels"]?["severity"]?.string,
                                           runbookURL: rule["annotations"]?["runbook_url"]?.string?.trimmingWhitespaceAndNewlines()))
                }
            }
        }
        return .success(rules)
    }
}

extension YamlError {
    var line: Int? {
        switch self {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return nil
        }
    }

    var summary: String {
        switch self {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): return problem
        default: return "\(self)"
        }
    }
}
