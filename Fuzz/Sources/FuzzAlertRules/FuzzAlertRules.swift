import DebriefModel
import FuzzSupport

/// A Prometheus rule file: read, then its alerts matched against two runbooks.
private let runbooks: [Runbook] = {
    var api = Runbook(path: "content/runbooks/api/ApiDown.md", slug: "apidown", format: .markdown)
    api.alertNames = ["ApiDown"]
    var moved = Runbook(path: "content/runbooks/old/ApiDown.md", slug: "apidown-2", format: .markdown)
    moved.status = .redirect
    moved.redirectTarget = "../api/ApiDown.md"
    return [api, moved]
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAlertRules(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard let text = FuzzInput.text(data, size, path: "rules.yaml"),
          case .success(let rules) = AlertRuleFile.read(text, path: "rules.yaml") else { return 0 }
    _ = AlertCoverage(rules: rules, runbooks: runbooks, urlFolders: ["https://runbooks.example.com/": "content/runbooks"])
    return 0
}
