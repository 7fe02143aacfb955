/// A value a template renders. Page generators build their values as these directly, so that
/// rendering is plain lookups with no casts; a page gives every name its layout uses, `.null`
/// when it has nothing to show (a name no context has stops the build: TemplateRenderer).
public enum TemplateValue: Sendable, Equatable {
    /// Nothing to show: renders nothing, skips `{{#x}}`, shows `{{^x}}`. An empty string is null
    /// too, so that `{{#value}}` skips it as the templates expect (docs/layouts.md).
    case null
    /// Renders `true`/`false`; a section shows when true, without changing the context.
    case bool(Bool)
    /// A non-empty string, or a number as text (`3`). Truthy, even `0`: a section over it
    /// pushes it as the context (`{{.}}`).
    case text(String)
    /// A section repeats once per item; an empty list is falsy.
    case list([TemplateValue])
    /// Names are looked up in it; a section over it pushes it as the context.
    case object(TemplateObject)

    /// A string; empty is null, so that `{{#value}}` skips it (docs/layouts.md).
    public static func string(_ text: String) -> TemplateValue {
        text.isEmpty ? .null : .text(text)
    }

    /// A whole number, written as Swift writes it (`3`, `-1`).
    public static func int(_ number: Int) -> TemplateValue {
        .text(String(number))
    }

    /// A list of strings (`{{#alerts}}{{.}}{{/alerts}}`), each as `string(_:)` makes it.
    public static func strings(_ texts: [String]) -> TemplateValue {
        .list(texts.map(TemplateValue.string))
    }

    /// The value of `name` when this is an object.
    func member(_ name: String) -> TemplateValue? {
        guard case .object(let members) = self else { return nil }
        return members[name]
    }
}

/// The members of an object value, as one flat array: much smaller than a dictionary (pages
/// hold tens of thousands of rows at once) and as quick to search for the dozen names a row has.
public struct TemplateObject: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    /// Name and value pairs.
    private let members: [(String, TemplateValue)]

    public init(_ members: [String: TemplateValue]) {
        self.members = members.map { ($0.key, $0.value) }
    }

    /// Names must be distinct, as in a dictionary literal.
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        members = elements
    }

    /// The member named `name`. Names of another UTF-8 length are passed over without a string
    /// comparison (most are; a name spelled in another Unicode normalization than the layout's
    /// does not match).
    public subscript(name: String) -> TemplateValue? {
        let length = name.utf8.count
        // By index: `first(where:)` copied every pair it passed (a retain and release each).
        for index in members.indices where members[index].0.utf8.count == length && members[index].0 == name {
            return members[index].1
        }
        return nil
    }

    public var isEmpty: Bool { members.isEmpty }

    public static func == (a: TemplateObject, b: TemplateObject) -> Bool {
        a.members.count == b.members.count && a.members.allSatisfy { b[$0.0] == $0.1 }
    }
}
