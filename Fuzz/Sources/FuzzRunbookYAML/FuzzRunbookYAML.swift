import DebriefModel
import FuzzSupport

/// A YAML runbook: parsed and checked by every rule.
private let parser = RunbookParser()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRunbookYAML(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let path = "content/runbooks/fuzz.yml"
    guard let text = FuzzInput.text(data, size, path: path) else { return 0 }
    FuzzInput.check(runbooks: [parser.parse(text: text, path: path)])
    return 0
}
