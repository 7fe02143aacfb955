import Foundation

/// The alerting rules of every file matching some globs: `alert_rules:` in `debrief.yml`
/// (relative to the root) or `debrief coverage --rules` (relative to the current folder).
public struct AlertRuleFiles: Sendable {
    public var files: [String]
    public var rules: [AlertRule]
    /// A file that cannot be read or is not valid YAML (rule `alert-rules`), or a glob that matches nothing.
    public var diagnostics: [Diagnostic]

    /// Reads the files matching `globs`, relative to `base`; paths are reported as matched. A
    /// glob that matches nothing is a warning on its line of `debrief.yml` when given its text.
    public static func load(globs: [String], base: URL, configText: String? = nil) -> AlertRuleFiles {
        var result = AlertRuleFiles(files: [], rules: [], diagnostics: [])
        let configLines = configText?.sourceLines ?? []
        for glob in globs {
            let matched = PathGlob.files(matching: glob, in: base.path)
            if matched.isEmpty {
                let line = configLines.firstIndex { $0.contains(glob) }.map { $0 + 1 } ?? 1
                result.diagnostics.append(Diagnostic(file: "debrief.yml", line: line, severity: .warning, rule: "alert-rules",
                                                     message: "`\(glob)` matches no file; fix the glob in `alert_rules:`"))
            }
            for file in matched where !result.files.contains(file) {
                result.files.append(file)
                let url = file.hasPrefix("/") ? URL(fileURLWithPath: file) : base.appendingPathComponent(file)
                guard let bytes = FileBytes.contents(of: url.path) else {
                    result.diagnostics.append(Diagnostic(file: file, line: 1, severity: .error, rule: "alert-rules",
                                                         message: "rule file cannot be read; check that it exists and its permissions"))
                    continue
                }
                switch AlertRuleFile.read(String(decoding: bytes, as: UTF8.self), path: file) {
                case .success(let rules):
                    result.rules += rules
                case .failure(let failure):
                    result.diagnostics.append(Diagnostic(file: file, line: failure.line, severity: .error, rule: "alert-rules",
                                                         message: "rule file is \(failure.message); fix the YAML so its `groups:` can be read"))
                }
            }
        }
        return result
    }
}
