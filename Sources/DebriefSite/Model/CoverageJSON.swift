import DebriefModel

extension AlertCoverage {
    /// The coverage as `debrief coverage --format json` and `api/coverage.json` write it
    /// (docs/cli.md): a summary, one entry per alert name, and the orphan runbooks.
    public var json: JSONValue {
        .object([
            "summary": .object([
                "alerts": .int(alerts.count),
                "covered": .int(count(.covered)),
                "broken_url": .int(count(.brokenURL)),
                "matched_by_name": .int(count(.matchedByName)),
                "no_runbook": .int(count(.noRunbook)),
                "orphans": .int(orphans.count),
            ]),
            "alerts": .array(alerts.map { alert in
                .object([
                    "alert": .string(alert.rule.name),
                    "rule_file": .string(alert.rule.file),
                    "line": .int(alert.rule.line),
                    "severity": .optional(alert.rule.severity),
                    "runbook_url": .optional(alert.runbookURL),
                    "runbook": .optional(alert.runbook),
                    "status": .string(alert.status.rawValue),
                ])
            }),
            "orphans": .array(orphans.map { .object(["runbook": .string($0.runbook), "alerts": .strings($0.alerts)]) }),
        ])
    }
}
