extension Diagnostic {
    /// `{"column","file","fix"?,"line","message","rule","severity"}`: what `debrief check --format json`
    /// and the build manifest record of a diagnostic (the same as its `Codable` form).
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.member("column", column)
        json.member("file", file)
        if let fix { json.member("fix", fix) }
        json.member("line", line)
        json.member("message", message)
        json.member("rule", rule)
        json.member("severity", severity.rawValue)
        json.endObject()
    }
}
