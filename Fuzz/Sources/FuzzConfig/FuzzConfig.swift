import DebriefModel
import FuzzSupport

/// `debrief.yml`: decoded, and when valid, used to parse a small postmortem (its synonyms,
/// keywords and owner aliases reach the readers).
private let postmortem = """
    # Postmortem: Checkout latency
    **Date:** 2025-01-15 | **Severity:** SEV2
    ## Summary
    Checkout slowed down.
    ## Timeline
    - 14:00 - Alert fired
    - 14:30 - Resolved
    ## Action Items
    | Action | Owner | Due |
    |---|---|---|
    | Add capacity | @priya | 2025-02-01 |
    """

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard let text = FuzzInput.text(data, size, path: "debrief.yml"),
          let config = try? DebriefConfig.decode(yaml: text) else { return 0 }
    let parsed = PostmortemParser(config: config).parse(text: postmortem, path: "content/postmortems/fuzz.md")
    FuzzInput.check(postmortems: [parsed], config: config)
    return 0
}
