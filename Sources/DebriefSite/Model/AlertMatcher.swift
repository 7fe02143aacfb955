import Foundation

/// Finds which of many alert names occur in a text, without searching the text once per alert:
/// ASCII names are indexed by their first two bytes and checked only where those bytes occur,
/// so the cost follows the text's length, not the number of alerts. Other names (rare) fall
/// back to `String.contains`.
struct AlertMatcher: Sendable {
    /// First two bytes -> ASCII alert names starting with them, as bytes.
    private let byPrefix: [UInt16: [[UInt8]]]
    /// One-byte ASCII names.
    private let singleBytes: [UInt8: String]
    private let nonASCII: [String]

    init(alerts: [String]) {
        var byPrefix: [UInt16: [[UInt8]]] = [:]
        var singleBytes: [UInt8: String] = [:]
        var nonASCII: [String] = []
        for alert in alerts where !alert.isEmpty {
            let bytes = Array(alert.utf8)
            if !bytes.allSatisfy({ $0 < 0x80 }) {
                nonASCII.append(alert)
            } else if bytes.count == 1 {
                singleBytes[bytes[0]] = alert
            } else {
                byPrefix[UInt16(bytes[0]) << 8 | UInt16(bytes[1]), default: []].append(bytes)
            }
        }
        self.byPrefix = byPrefix
        self.singleBytes = singleBytes
        self.nonASCII = nonASCII
    }

    /// The alert names that occur in `text` (each once, in no particular order).
    func alerts(in text: String) -> Set<String> {
        var found = Set<String>()
        let bytes = Array(text.utf8)
        for (position, byte) in bytes.enumerated() {
            if let alert = singleBytes[byte] { found.insert(alert) }
            guard position + 1 < bytes.count, let candidates = byPrefix[UInt16(byte) << 8 | UInt16(bytes[position + 1])] else { continue }
            for candidate in candidates where position + candidate.count <= bytes.count
                && bytes[position ..< position + candidate.count].elementsEqual(candidate) {
                found.insert(String(decoding: candidate, as: UTF8.self))
            }
        }
        for alert in nonASCII where text.contains(alert) { found.insert(alert) }
        return found
    }
}
