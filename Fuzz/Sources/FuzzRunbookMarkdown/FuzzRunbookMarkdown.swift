import DebriefModel
import FuzzSupport

/// A markdown runbook: parsed and checked by every rule.
private let parser = RunbookParser()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRunbookMarkdown(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let path = "content/runbooks/fuzz.md"
    guard let text = FuzzInput.text(data, size, path: path) else { return 0 }
    FuzzInput.check(runbooks: [parser.parse(text: text, path: path)])
    return 0
}
