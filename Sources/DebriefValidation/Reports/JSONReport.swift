import DebriefModel

/// `{"diagnostics":[{"column","file","fix"?,"line","message","rule","severity"}],"summary":{"errors","files","warnings"}}`.
enum JSONReport {
    /// Written member by member: a 10,000-postmortem `check` reports tens of thousands of
    /// diagnostics, and this is serial work after validation.
    static func render(_ report: DiagnosticReport) -> String {
        var json = JSONWriter(layout: .spacedPretty, reservingCapacity: 200 * report.diagnostics.count + 200)
        json.beginObject()
        json.key("diagnostics")
        json.beginArray()
        for diagnostic in report.diagnostics { diagnostic.write(to: &json) }
        json.endArray()
        json.key("summary")
        json.beginObject()
        json.member("errors", report.errorCount)
        json.member("files", report.fileCount)
        json.member("warnings", report.warningCount)
        json.endObject()
        json.endObject()
        json.endLine()
        return String(decoding: json.bytes, as: UTF8.self)
    }
}
