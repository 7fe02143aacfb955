/// Generated markup (SVG) built as UTF-8 bytes through string interpolation:
/// `markup += "<line x1=\"\(x)\"/>"` appends each literal piece and value to one buffer.
/// Appending Strings piece by piece cost the incident timeline more than rendering the page's
/// markdown. Values are appended as given: escape text with `Escaping.xml` first.
struct Markup: ExpressibleByStringInterpolation {
    private(set) var bytes: [UInt8] = []

    init() {}

    init(stringLiteral literal: String) {
        bytes.append(contentsOf: literal.utf8)
    }

    init(stringInterpolation: Interpolation) {
        bytes = stringInterpolation.bytes
    }

    mutating func reserveCapacity(_ count: Int) {
        bytes.reserveCapacity(count)
    }

    static func += (markup: inout Markup, other: Markup) {
        markup.bytes += other.bytes
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    struct Interpolation: StringInterpolationProtocol {
        var bytes: [UInt8] = []

        init(literalCapacity: Int, interpolationCount: Int) {
            bytes.reserveCapacity(literalCapacity + 8 * interpolationCount)
        }

        mutating func appendLiteral(_ literal: String) {
            bytes.append(contentsOf: literal.utf8)
        }

        mutating func appendInterpolation(_ value: String) {
            bytes.append(contentsOf: value.utf8)
        }

        mutating func appendInterpolation(_ value: Markup) {
            bytes += value.bytes
        }
    }
}
