import Foundation

extension JSONWriter {
    /// How `encode` names object keys.
    public enum KeyStyle: Sendable {
        /// Swift property names converted as `JSONEncoder.KeyEncodingStrategy.convertToSnakeCase`
        /// converts them (`mtbfDays` -> `mtbf_days`, `myURL` -> `my_url`); keys of `[String: _]`
        /// dictionaries are data and kept as they are.
        case snakeCase
        /// Coding keys as declared: formats whose keys a standard fixes (SARIF).
        case asDeclared
    }

    /// A `Codable` value as the Debrief JSON: keys in ascending order, `nil` optionals
    /// left out, dates as `date(_:)` writes them, and no `throws` (nothing here can fail).
    /// The value is gathered into a tree first (keys are sorted once they are all known):
    /// for the outputs of commands and reports; the site's large exports write directly.
    public mutating func encode(_ value: some Encodable, keys: KeyStyle = .snakeCase) {
        let root = EncodedNode()
        // The tree encoder cannot fail; a type whose encode(to:) throws on its own leaves `null`.
        try? EncodedNode.encode(value, into: root, keys: KeyNaming(keys), codingPath: [])
        write(root)
    }

    /// `value` as a whole document, ending in a line break.
    public static func text(encoding value: some Encodable, layout: JSONLayout = .spacedPretty, keys: KeyStyle = .snakeCase) -> String {
        var json = JSONWriter(layout: layout)
        json.encode(value, keys: keys)
        json.endLine()
        return String(decoding: json.bytes, as: UTF8.self)
    }

    /// `2025-03-04T05:06:07Z`: UTC, whole seconds, as `ISO8601DateFormatter`'s internet
    /// date-time writes it, without a formatter per date.
    public mutating func date(_ date: Date) {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let year = String(parts.tm_year + 1900)
        string(String(repeating: "0", count: max(0, 4 - year.count)) + year + "-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))"
            + "T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z")
    }

    private mutating func write(_ node: EncodedNode) {
        switch node.content {
        case .null: null()
        case .bool(let value): bool(value)
        case .int(let value): int(value)
        case .double(let value): double(value)
        case .string(let value): string(value)
        case .date(let value): date(value)
        case .array(let items):
            beginArray()
            for item in items { write(item) }
            endArray()
        case .object(let members):
            beginObject()
            for (name, member) in members.sorted(by: { $0.key < $1.key }) {
                key(name)
                write(member)
            }
            endObject()
        }
    }
}

/// One value of an `Encodable` being encoded; a class, because containers handed out by the
/// encoder fill their node after it is linked into its parent.
final class EncodedNode {
    enum Content {
        case null, bool(Bool), int(Int), double(Double), string(String), date(Date)
        case array([EncodedNode]), object([String: EncodedNode])
    }

    var content = Content.null

    static func encode(_ value: some Encodable, into node: EncodedNode, keys: KeyNaming, codingPath: [any CodingKey]) throws {
        // Scalars first: a cast to a concrete type is cheap, the protocol cast below is not
        // (the runtime looks the conformance up for every value that reaches it).
        switch value {
        case let string as String: node.content = .string(string)
        case let int as Int: node.content = .int(int)
        case let double as Double: node.content = .double(double)
        case let bool as Bool: node.content = .bool(bool)
        case let date as Date: node.content = .date(date)
        case let url as URL: node.content = .string(url.absoluteString)
        default:
            if keys.isStringKeyed(type(of: value)), let dictionary = value as? any StringKeyedEncodable {
                try dictionary.encodeMembers(into: node, keys: keys, codingPath: codingPath)
            } else {
                try value.encode(to: NodeEncoder(node: node, keys: keys, codingPath: codingPath))
            }
        }
    }

    func append(_ item: EncodedNode) {
        guard case .array(var items) = content else { return content = .array([item]) }
        content = .null  // one reference to the array while it grows
        items.append(item)
        content = .array(items)
    }

    func set(_ member: EncodedNode, for name: String) {
        guard case .object(var members) = content else { return content = .object([name: member]) }
        content = .null
        members[name] = member
        content = .object(members)
    }
}

/// The key style of one `encode`, with what it learns once instead of per value: each coding
/// key's written name, and which types are string-keyed dictionaries (a protocol cast costs a
/// conformance lookup every time it runs).
final class KeyNaming {
    let style: JSONWriter.KeyStyle
    private var names: [String: String] = [:]
    private var stringKeyed: [ObjectIdentifier: Bool] = [:]

    init(_ style: JSONWriter.KeyStyle) { self.style = style }

    func name(_ key: String) -> String {
        guard style == .snakeCase else { return key }
        if let name = names[key] { return name }
        let name = SnakeCase.convert(key)
        names[key] = name
        return name
    }

    func isStringKeyed(_ type: Any.Type) -> Bool {
        if let known = stringKeyed[ObjectIdentifier(type)] { return known }
        let answer = type is any StringKeyedEncodable.Type
        stringKeyed[ObjectIdentifier(type)] = answer
        return answer
    }
}

/// `[String: Value]`: its keys are data, never converted.
protocol StringKeyedEncodable {
    func encodeMembers(into node: EncodedNode, keys: KeyNaming, codingPath: [any CodingKey]) throws
}

extension Dictionary: StringKeyedEncodable where Key == String, Value: Encodable {
    func encodeMembers(into node: EncodedNode, keys: KeyNaming, codingPath: [any CodingKey]) throws {
        node.content = .object([:])
        for (name, value) in self {
            let member = EncodedNode()
            node.set(member, for: name)
            try EncodedNode.encode(value, into: member, keys: keys, codingPath: codingPath + [NodeKey(name)])
        }
    }
}

struct NodeKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(_ string: String) { stringValue = string }
    init(stringValue: String) { self.stringValue = stringValue }
    init(intValue: Int) { stringValue = String(intValue); self.intValue = intValue }
}

struct NodeEncoder: Encoder {
    let node: EncodedNode
    let keys: KeyNaming
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = node.content {} else { node.content = .object([:]) }
        return KeyedEncodingContainer(KeyedNodeContainer<Key>(node: node, keys: keys, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = node.content {} else { node.content = .array([]) }
        return UnkeyedNodeContainer(node: node, keys: keys, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleNodeContainer(node: node, keys: keys, codingPath: codingPath)
    }
}

struct KeyedNodeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: EncodedNode
    let keys: KeyNaming
    var codingPath: [any CodingKey]

    private func member(_ key: Key) -> EncodedNode {
        let member = EncodedNode()
        node.set(member, for: keys.name(key.stringValue))
        return member
    }

    mutating func encodeNil(forKey key: Key) throws { _ = member(key) }

    mutating func encode(_ value: some Encodable, forKey key: Key) throws {
        try EncodedNode.encode(value, into: member(key), keys: keys, codingPath: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        NodeEncoder(node: member(key), keys: keys, codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        NodeEncoder(node: member(key), keys: keys, codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        NodeEncoder(node: member(Key(stringValue: "super")!), keys: keys, codingPath: codingPath)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        NodeEncoder(node: member(key), keys: keys, codingPath: codingPath + [key])
    }
}

struct UnkeyedNodeContainer: UnkeyedEncodingContainer {
    let node: EncodedNode
    let keys: KeyNaming
    var codingPath: [any CodingKey]
    private(set) var count = 0

    init(node: EncodedNode, keys: KeyNaming, codingPath: [any CodingKey]) {
        (self.node, self.keys, self.codingPath) = (node, keys, codingPath)
    }

    private mutating func item() -> EncodedNode {
        let item = EncodedNode()
        node.append(item)
        count += 1
        return item
    }

    mutating func encodeNil() throws { _ = item() }

    mutating func encode(_ value: some Encodable) throws {
        let path = codingPath + [NodeKey(intValue: count)]
        try EncodedNode.encode(value, into: item(), keys: keys, codingPath: path)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        NodeEncoder(node: item(), keys: keys, codingPath: codingPath).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        NodeEncoder(node: item(), keys: keys, codingPath: codingPath).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        NodeEncoder(node: item(), keys: keys, codingPath: codingPath)
    }
}

struct SingleNodeContainer: SingleValueEncodingContainer {
    let node: EncodedNode
    let keys: KeyNaming
    var codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.content = .null }
    mutating func encode(_ value: Bool) throws { node.content = .bool(value) }
    mutating func encode(_ value: String) throws { node.content = .string(value) }
    mutating func encode(_ value: Double) throws { node.content = .double(value) }
    mutating func encode(_ value: Float) throws { node.content = .double(Double(value)) }
    mutating func encode(_ value: Int) throws { node.content = .int(value) }
    mutating func encode(_ value: Int8) throws { node.content = .int(Int(value)) }
    mutating func encode(_ value: Int16) throws { node.content = .int(Int(value)) }
    mutating func encode(_ value: Int32) throws { node.content = .int(Int(value)) }
    mutating func encode(_ value: Int64) throws { node.content = .int(Int(value)) }
    mutating func encode(_ value: UInt) throws { node.content = .int(Int(clamping: value)) }
    mutating func encode(_ value: UInt8) throws { node.content = .int(Int(value)) }
    mutating func encode(_ value: UInt16) throws { node.content = .int(Int(value)) }
    mutating func encode(_ value: UInt32) throws { node.content = .int(Int(value)) }
    mutating func encode(_ value: UInt64) throws { node.content = .int(Int(clamping: value)) }

    mutating func encode(_ value: some Encodable) throws {
        try EncodedNode.encode(value, into: node, keys: keys, codingPath: codingPath)
    }
}
