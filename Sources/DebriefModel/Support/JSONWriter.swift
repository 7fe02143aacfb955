/// Writes JSON straight into a byte buffer, value by value, so that exports of megabytes are
/// never held as a tree. Every JSON file and `--format json` output of Debrief goes through it.
///
/// Output is deterministic: members appear in the order they are written, and callers write
/// keys in ascending order (checked in debug builds); strings are escaped by
/// `Escaping.appendJSONString`; numbers have one format (see `double(_:)`). Keys are
/// snake_case by convention; `encode(_:keys:)` converts Swift property names.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    public let layout: JSONLayout
    private var depth = 0
    /// Whether the innermost open container already holds a value (a comma comes first).
    private var containerHasValues = false
    /// `containerHasValues` of each enclosing container, innermost last.
    private var enclosingHasValues: [Bool] = []
    /// A key was written and its value is next.
    private var afterKey = false
    #if DEBUG
    private var lastKeys: [String?] = [nil]
    #endif

    public init(layout: JSONLayout, reservingCapacity capacity: Int = 0) {
        self.layout = layout
        bytes.reserveCapacity(capacity)
    }

    // MARK: Containers

    public mutating func beginObject() { open(UInt8(ascii: "{")) }
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    public mutating func beginArray() { open(UInt8(ascii: "[")) }
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    /// The key of the next member of the open object.
    public mutating func key(_ name: String) {
        #if DEBUG
        if let last = lastKeys[lastKeys.count - 1] { assert(last < name, "JSON keys out of order: \(last) before \(name)") }
        lastKeys[lastKeys.count - 1] = name
        #endif
        startValue()
        Escaping.appendJSONString(name, to: &bytes)
        bytes.append(contentsOf: layout.keySeparator.utf8)
        afterKey = true
    }

    // MARK: Values

    public mutating func string(_ value: String) {
        startValue()
        Escaping.appendJSONString(value, to: &bytes)
    }

    public mutating func int(_ value: Int) {
        startValue()
        appendDigits(value)
    }

    public mutating func bool(_ value: Bool) {
        startValue()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    public mutating func null() {
        startValue()
        bytes.append(contentsOf: "null".utf8)
    }

    /// Integral values below 2^53 without a fraction (`3`, not `3.0`), others in the shortest
    /// form that reads back as the same double (`0.1`, `1e-07`), non-finite values as `null`.
    public mutating func double(_ value: Double) {
        guard value.isFinite else { return null() }
        startValue()
        if value.rounded() == value, abs(value) < 9_007_199_254_740_992, !(value == 0 && value.sign == .minus) {
            appendDigits(Int(value))
        } else {
            var text = value.description
            if text.hasSuffix(".0") { text.removeLast(2) }
            bytes.append(contentsOf: text.utf8)
        }
    }

    public mutating func string(_ value: String?) { if let value { string(value) } else { null() } }
    public mutating func int(_ value: Int?) { if let value { int(value) } else { null() } }

    public mutating func strings(_ values: some Sequence<String>) {
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    // MARK: Members: a key and its value

    public mutating func member(_ name: String, _ value: String) { key(name); string(value) }
    public mutating func member(_ name: String, _ value: String?) { key(name); string(value) }
    public mutating func member(_ name: String, _ value: Int) { key(name); int(value) }
    public mutating func member(_ name: String, _ value: Int?) { key(name); int(value) }
    public mutating func member(_ name: String, _ value: Bool) { key(name); bool(value) }
    public mutating func member(_ name: String, strings values: some Sequence<String>) { key(name); strings(values) }

    /// A value a compact `JSONWriter` wrote, copied as it is: a value written once can go
    /// into several files.
    public mutating func encodedValue(_ encoded: some Collection<UInt8>) {
        startValue()
        bytes.append(contentsOf: encoded)
    }

    /// A line break after the top-level value: files end with one.
    public mutating func endLine() {
        bytes.append(UInt8(ascii: "\n"))
    }

    // MARK: Layout

    private mutating func startValue() {
        if afterKey {
            afterKey = false
            return
        }
        if depth > 0 {
            if containerHasValues { bytes.append(UInt8(ascii: ",")) }
            containerHasValues = true
            newline(depth)
        }
    }

    private mutating func open(_ bracket: UInt8) {
        startValue()
        bytes.append(bracket)
        enclosingHasValues.append(containerHasValues)
        containerHasValues = false
        depth += 1
        #if DEBUG
        lastKeys.append(nil)
        #endif
    }

    private mutating func close(_ bracket: UInt8) {
        precondition(depth > 0 && !afterKey, "unbalanced JSON")
        depth -= 1
        if containerHasValues {
            newline(depth)
        } else if layout.breaksEmptyContainers {
            bytes.append(UInt8(ascii: "\n"))
            newline(depth)
        }
        bytes.append(bracket)
        containerHasValues = enclosingHasValues.removeLast()
        #if DEBUG
        lastKeys.removeLast()
        #endif
    }

    private mutating func newline(_ level: Int) {
        guard layout.indents else { return }
        bytes.append(UInt8(ascii: "\n"))
        for _ in 0..<(2 * level) { bytes.append(UInt8(ascii: " ")) }
    }

    /// Decimal digits without going through `String`: exports write hundreds of thousands of numbers.
    private mutating func appendDigits(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        if magnitude < 10 { return bytes.append(UInt8(ascii: "0") + UInt8(magnitude)) }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            while magnitude > 0 {
                buffer[19 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            }
            bytes.append(contentsOf: buffer[(20 - count)...])
        }
    }
}
