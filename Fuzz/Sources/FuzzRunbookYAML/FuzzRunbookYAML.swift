import FuzzSupport

/// A YAML runbook: parsed and checked by every rule.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRunbookYAML(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    FuzzInput.checkRunbook(data, size, path: "content/runbooks/fuzz.yml")
    return 0
}
