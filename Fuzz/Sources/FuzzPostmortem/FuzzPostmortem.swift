import DebriefModel
import DebriefSearch
import FuzzSupport

/// A postmortem: parsed, checked by every rule, indexed for search and related incidents.
private let parser = PostmortemParser()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPostmortem(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let path = "content/postmortems/fuzz.md"
    guard let text = FuzzInput.text(data, size, path: path) else { return 0 }
    let postmortem = parser.parse(text: text, path: path)
    FuzzInput.check(postmortems: [postmortem])
    let document = SearchDocument(postmortem: postmortem)
    _ = SearchIndex(documents: [document]).search(QueryParser.parse(postmortem.title ?? "outage"), limit: 5)
    _ = RelatedIncidents(postmortems: [postmortem, postmortem])
    return 0
}
