import DebriefSite
import FuzzSupport

/// A layout: parsed, and when valid, rendered with a context that has values of every kind
/// (and with itself as a partial, so recursive includes are exercised).
private let context = TemplateValue.object([
    "title": .text("Checkout <latency>"),
    "count": .int(3),
    "draft": .bool(false),
    "empty": .null,
    "items": .list([.object(["name": .text("a"), "url": .text("/a/")]), .object(["name": .text("b"), "url": .text("javascript:alert(1)")])]),
    "page": .object(["title": .text("Nested"), "tags": .strings(["x", "y"])]),
])

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplate(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard let text = FuzzInput.text(data, size, path: "layouts/fuzz.mustache"),
          let template = try? Template(name: "page", text: text) else { return 0 }
    _ = try? TemplateLibrary(templates: ["page": template, "partial": template]).render("page", context: context)
    return 0
}
