import Foundation

/// A value a template renders, converted once from the `[String: Any]` dictionaries page
/// generators build, so that rendering is plain dictionary lookups with no casts or reflection.
public enum TemplateValue: Sendable, Equatable {
    /// Absent: renders nothing, skips `{{#x}}`, shows `{{^x}}`. An empty string is null too, so
    /// that `{{#value}}` skips it as the templates expect (docs/layouts.md).
    case null
    /// Renders `true`/`false`; a section shows when true, without changing the context.
    case bool(Bool)
    /// A non-empty string, or a number written as Swift describes it (`3`, `2.5`). Truthy, even
    /// `0`: a section over it pushes it as the context (`{{.}}`).
    case text(String)
    /// A section repeats once per item; an empty list is falsy.
    case list([TemplateValue])
    /// Names are looked up in it; a section over it pushes it as the context.
    case object(TemplateObject)

    /// Converts what page generators pass: strings, booleans, numbers, arrays, dictionaries keyed
    /// by string, `NSNull` and optionals. Anything else becomes an object of its stored properties
    /// (what the previous engine reached through reflection), or its description.
    /// Values already converted (rows shared by many pages) pass through unchanged.
    public init(_ value: Any) {
        switch value {
        case let converted as TemplateValue: self = converted
        case let text as String: self = .string(text)
        case let flag as Bool: self = .bool(flag)
        case let number as Int: self = .text(String(number))
        case let dictionary as [String: Any]: self = .object(TemplateObject(dictionary.mapValues { TemplateValue($0) }))
        case let converted as [TemplateValue]: self = .list(converted)
        case let array as [Any]: self = .list(array.map { TemplateValue($0) })
        case is NSNull: self = .null
        case let optional as OptionalValue: self = optional.wrappedValue.map { TemplateValue($0) } ?? .null
        case let number as any Numeric: self = .text(String(describing: number))
        default: self = TemplateValue(reflecting: value)
        }
    }

    private init(reflecting value: Any) {
        let mirror = Mirror(reflecting: value)
        let fields = mirror.children.compactMap { child in child.label.map { ($0, TemplateValue(child.value)) } }
        if fields.isEmpty || mirror.displayStyle == .enum {
            let text = String(describing: value)
            self = text.isEmpty ? .null : .text(text)
        } else {
            self = .object(TemplateObject(Dictionary(fields) { first, _ in first }))
        }
    }

    /// A string as `init(_:)` converts it: empty is null.
    public static func string(_ text: String) -> TemplateValue {
        text.isEmpty ? .null : .text(text)
    }

    /// A number as `init(_:)` converts it.
    public static func int(_ number: Int) -> TemplateValue {
        .text(String(number))
    }

    /// Strings as `init(_:)` converts a `[String]`.
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

/// Lets `TemplateValue.init` see inside an `Optional` stored in an `Any`.
private protocol OptionalValue {
    var wrappedValue: Any? { get }
}

extension Optional: OptionalValue {
    fileprivate var wrappedValue: Any? { self.map { $0 as Any } }
}
