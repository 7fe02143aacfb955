/// Links taken from content fields (action-item tracking links) are only kept when they are
/// plain web or mail addresses; anything else (`javascript:`, `data:`, odd encodings) is dropped.
public enum SafeURL {
    public static func filter(_ text: String?) -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        let lower = text.lowercased()
        guard ["https://", "http://", "mailto:"].contains(where: { lower.hasPrefix($0) }) else { return nil }
        // No whitespace, quotes or angle brackets: a URL, not markup.
        guard !text.unicodeScalars.contains(where: { $0.value < 0x21 || "\"'<>`\\".unicodeScalars.contains($0) }) else { return nil }
        return text
    }
}
