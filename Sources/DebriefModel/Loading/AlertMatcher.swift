import Foundation

/// Finds which of many alert names occur in a text, without searching the text once per alert:
/// the ASCII names form a trie, walked from every position of the text as far as it matches.
/// The cost follows the text's length (times the length of the names that match there), not
/// the number of alerts: indexing names by their first two bytes was quadratic when thousands
/// of names share a prefix (`highErrorRate1` ... `highErrorRate900`). Other names (rare) fall
/// back to `String.contains`.
public struct AlertMatcher: Sendable {
    private struct Node: Sendable {
        /// Next byte -> node, sorted by byte (a node has few children).
        var edges: [(byte: UInt8, node: Int32)] = []
        /// Index in `names` of the alert that ends here, or -1.
        var alert: Int32 = -1
    }

    private var nodes = [Node()]
    /// Children of the root by first byte (-1: none): the lookup made at every text position.
    private var rootEdges = [Int32](repeating: -1, count: 256)
    private var names: [String] = []
    private var nonASCII: [String] = []

    public init(alerts: [String]) {
        for alert in alerts where !alert.isEmpty {
            let bytes = Array(alert.utf8)
            guard bytes.allSatisfy({ $0 < 0x80 }) else {
                nonASCII.append(alert)
                continue
            }
            var node = Int32(0)
            for byte in bytes { node = child(of: node, byte) }
            if nodes[Int(node)].alert < 0 {
                nodes[Int(node)].alert = Int32(names.count)
                names.append(alert)
            }
        }
    }

    /// The child of `node` for `byte`, added when missing.
    private mutating func child(of node: Int32, _ byte: UInt8) -> Int32 {
        if let existing = next(node, byte) { return existing }
        let created = Int32(nodes.count)
        nodes.append(Node())
        if node == 0 {
            rootEdges[Int(byte)] = created
        } else {
            let position = nodes[Int(node)].edges.firstIndex { $0.byte > byte } ?? nodes[Int(node)].edges.count
            nodes[Int(node)].edges.insert((byte, created), at: position)
        }
        return created
    }

    private func next(_ node: Int32, _ byte: UInt8) -> Int32? {
        if node == 0 {
            let next = rootEdges[Int(byte)]
            return next < 0 ? nil : next
        }
        for edge in nodes[Int(node)].edges {
            if edge.byte == byte { return edge.node }
            if edge.byte > byte { return nil }
        }
        return nil
    }

    /// The alert names that occur in `text` (each once, in no particular order).
    public func alerts(in text: String) -> Set<String> {
        var found = Set<String>()
        var text = text
        text.withUTF8 { bytes in
            for start in bytes.indices {
                var node = Int32(0)
                var position = start
                while position < bytes.count, let next = next(node, bytes[position]) {
                    node = next
                    let alert = nodes[Int(node)].alert
                    if alert >= 0 { found.insert(names[Int(alert)]) }
                    position += 1
                }
            }
        }
        for alert in nonASCII where text.contains(alert) { found.insert(alert) }
        return found
    }
}
