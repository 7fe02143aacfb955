import Foundation

/// Fills a `Runbook` from the seed's YAML schema:
/// `metadata:` {title, service, severity, owner, alert_names, impact, last_reviewed},
/// `diagnosis:` [{step, command, expected}], `mitigation:` [{option, when, command, verify}],
/// `recovery:` [text]. Metadata keys written at the top level are accepted too.
struct RunbookYAMLReader {
    let text: String
    let path: String

    func read(into runbook: inout Runbook) {
        runbook.body = text // kept so line-based rules (placeholders) can name the right line
        let root: [(String, YAMLValue)]
        let lines: YAMLValue.LineMarks
        switch YAMLValue.loadWithLines(text) {
        case .failure(let error):
            fail(&runbook, line: error.line ?? 1, "runbook is not valid YAML (\(error.message)); fix the syntax, e.g. indent nested keys consistently and quote values containing `: `")
            return
        case .success((.mapping(let pairs), let marks)):
            root = pairs
            lines = marks
        case .success((.sequence, _)):
            fail(&runbook, line: 1, "runbook is a YAML list; rewrite it as a mapping with `metadata:`, `diagnosis:`, `mitigation:` and `recovery:` keys")
            return
        case .success:
            fail(&runbook, line: 1, "runbook is not a YAML mapping; write `metadata:`, `diagnosis:`, `mitigation:` and `recovery:` keys")
            return
        }
        let document = YAMLValue.mapping(root)
        let metadataKey = document["metadata"] == nil ? nil : "metadata"
        let metadata = document["metadata"] ?? document
        if metadataKey != nil, metadata.mappingPairs == nil {
            fail(&runbook, line: lines["metadata"] ?? 1, "`metadata:` must be a mapping of `title:`, `owner:`, `alert_names:` ... lines")
        }
        func line(of key: String) -> Int? {
            metadataKey.flatMap { lines[$0 + "." + key] } ?? lines[key]
        }
        let metadataLine = lines["metadata"] ?? 1

        runbook.title = nonEmpty(metadata["title"]?.string)
        runbook.titleLine = line(of: "title") ?? metadataLine
        runbook.service = nonEmpty(metadata["service"]?.string)
        runbook.severity = nonEmpty(metadata["severity"]?.string)
        runbook.owner = nonEmpty(metadata["owner"]?.string)
        runbook.alertNames = (metadata["alert_names"] ?? metadata["alerts"])?.strings ?? []
        runbook.alertNamesLine = line(of: "alert_names") ?? line(of: "alerts") ?? metadataLine
        runbook.impact = nonEmpty(metadata["impact"]?.string)
        runbook.lastReviewedLine = line(of: "last_reviewed") ?? metadataLine
        if let reviewed = nonEmpty(metadata["last_reviewed"]?.string) {
            runbook.lastReviewed = Day(iso: reviewed)
            if runbook.lastReviewed == nil {
                fail(&runbook, line: runbook.lastReviewedLine, "`last_reviewed: \(reviewed)` is not a date; write it as YYYY-MM-DD")
            }
        }
        runbook.ignoredRules = (document["debrief-ignore"] ?? metadata["debrief-ignore"])?.strings ?? []

        let diagnosisItems = items(document, key: "diagnosis", lines: lines, runbook: &runbook)
        runbook.diagnosis = diagnosisItems.map { value, line in
            Runbook.DiagnosisStep(step: nonEmpty(value["step"]?.string) ?? value.string ?? "",
                                  command: nonEmpty(value["command"]?.string),
                                  expected: nonEmpty(value["expected"]?.string), line: line)
        }
        let mitigationItems = items(document, key: "mitigation", lines: lines, runbook: &runbook)
        runbook.mitigation = mitigationItems.map { value, line in
            Runbook.MitigationOption(option: nonEmpty(value["option"]?.string) ?? value.string ?? "",
                                     when: nonEmpty(value["when"]?.string), command: nonEmpty(value["command"]?.string),
                                     verify: nonEmpty(value["verify"]?.string), line: line)
        }
        runbook.recovery = document["recovery"]?.strings ?? []
        runbook.escalation = nonEmpty(document["escalation"]?.string)
        runbook.relatedRunbooks = (document["related_runbooks"] ?? document["related"])?.strings ?? []
    }

    /// The entries of a top-level list with the line each starts on.
    private func items(_ document: YAMLValue, key: String, lines: YAMLValue.LineMarks, runbook: inout Runbook) -> [(YAMLValue, Int)] {
        guard let value = document[key], value != .null else { return [] }
        let keyLine = lines[key] ?? 1
        guard let entries = value.sequence else {
            fail(&runbook, line: keyLine, "`\(key):` must be a list of `- ` entries")
            return []
        }
        return entries.enumerated().map { index, entry in (entry, lines[key + "." + String(index)] ?? keyLine) }
    }

    private func fail(_ runbook: inout Runbook, line: Int, _ message: String) {
        runbook.parseDiagnostics.append(Diagnostic(file: path, line: line, severity: .error, rule: "runbook-format", message: message))
    }

    private func nonEmpty(_ text: String?) -> String? {
        guard let trimmed = text?.trimmingWhitespaceAndNewlines(), !trimmed.isEmpty else { return nil }
        return trimmed
    }
}

extension YAMLValue {
    /// The pairs of a mapping (nil for other values).
    var mappingPairs: [(String, YAMLValue)]? {
        if case .mapping(let pairs) = self { return pairs }
        return nil
    }
}
