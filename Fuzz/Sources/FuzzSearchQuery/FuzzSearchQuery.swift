import DebriefModel
import DebriefSearch
import FuzzSupport

/// A search query: parsed and run against a small index, as `debrief search` runs it.
private let index: SearchIndex = {
    let parser = PostmortemParser()
    let documents = [
        "# Postmortem: Payments gateway timeout\n**Date:** 2024-03-15 | **Severity:** SEV1 | **Services:** payments\n## Root Cause\nThe connection pool was exhausted under load.\n",
        "# Postmortem: Search index lag\n**Date:** 2023-08-30 | **Severity:** SEV3 | **Services:** search\n## Summary\nReplication lag on the EU replica; de-registered nodes.\n",
    ].enumerated().map { parser.parse(text: $0.element, path: "content/postmortems/\($0.offset).md") }
    return SearchIndex(documents: documents.map(SearchDocument.init(postmortem:)))
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSearchQuery(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    _ = index.search(QueryParser.parse(FuzzInput.lossyText(data, size)), limit: 20)
    return 0
}
