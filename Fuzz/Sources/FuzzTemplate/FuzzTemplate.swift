import DebriefSite
import FuzzSupport

/// A layout: parsed, and when valid, rendered with a context that has values of every kind
/// (and with itself as a partial, so recursive includes are exercised).
private let context = TemplateValue([
    "title": "Checkout <latency>",
    "count": 3,
    "draft": false,
    "items": [["name": "a", "url": "/a/"], ["name": "b", "url": "javascript:alert(1)"]],
    "page": ["title": "Nested", "tags": ["x", "y"]],
] as [String: Any])

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplate(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard let text = FuzzInput.text(data, size, path: "layouts/fuzz.mustache"),
          let template = try? Template(name: "page", text: text) else { return 0 }
    _ = try? TemplateLibrary(templates: ["page": template, "partial": template]).render("page", context: context)
    return 0
}
