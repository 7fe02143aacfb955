import FuzzSupport

/// A markdown runbook: parsed and checked by every rule.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRunbookMarkdown(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    FuzzInput.checkRunbook(data, size, path: "content/runbooks/fuzz.md")
    return 0
}
