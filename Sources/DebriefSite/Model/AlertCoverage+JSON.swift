import DebriefModel

extension AlertCoverage {
    /// The coverage as `debrief coverage --format json` and `api/coverage.json` write it
    /// (docs/cli.md): one entry per alert name, the orphan runbooks, and a summary.
    public func jsonBytes() -> [UInt8] {
        var json = JSONWriter(layout: .pretty, reservingCapacity: 300 * alerts.count + 300)
        json.beginObject()
        json.key("alerts")
        json.beginArray()
        for alert in alerts {
            json.beginObject()
            json.member("alert", alert.rule.name)
            json.member("line", alert.rule.line)
            json.member("rule_file", alert.rule.file)
            json.member("runbook", alert.runbook)
            json.member("runbook_url", alert.runbookURL)
            json.member("severity", alert.rule.severity)
            json.member("status", alert.status.rawValue)
            json.endObject()
        }
        json.endArray()
        json.key("orphans")
        json.beginArray()
        for orphan in orphans {
            json.beginObject()
            json.member("alerts", strings: orphan.alerts)
            json.member("runbook", orphan.runbook)
            json.endObject()
        }
        json.endArray()
        json.key("summary")
        json.beginObject()
        json.member("alerts", alerts.count)
        json.member("broken_url", count(.brokenURL))
        json.member("covered", count(.covered))
        json.member("matched_by_name", count(.matchedByName))
        json.member("no_runbook", count(.noRunbook))
        json.member("orphans", orphans.count)
        json.endObject()
        json.endObject()
        json.endLine()
        return json.bytes
    }
}
