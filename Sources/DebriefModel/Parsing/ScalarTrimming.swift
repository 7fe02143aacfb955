/// Trimming with exactly Foundation's `CharacterSet.whitespaces` and `.whitespacesAndNewlines`
/// semantics (scalar by scalar), without the round trip through NSString that
/// `trimmingCharacters(in:)` makes on Linux.
extension Unicode.Scalar {
    /// A member of `CharacterSet.whitespaces`: general category Zs, or a tab.
    public var isHorizontalWhitespace: Bool {
        self == "\t" || properties.generalCategory == .spaceSeparator
    }

    /// A member of `CharacterSet.whitespacesAndNewlines`: categories Zs, Zl, Zp, U+0009...U+000D, U+0085.
    public var isWhitespaceOrNewline: Bool {
        if value == 0x85 || (0x09...0x0D).contains(value) { return true }
        switch properties.generalCategory {
        case .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }
}

extension StringProtocol {
    /// `trimmingCharacters(in: .whitespaces)`.
    public func trimmingHorizontalWhitespace() -> String {
        trimmingScalars(where: \.isHorizontalWhitespace)
    }

    /// `trimmingCharacters(in: .whitespacesAndNewlines)`.
    public func trimmingWhitespaceAndNewlines() -> String {
        trimmingScalars(where: \.isWhitespaceOrNewline)
    }

    /// `trimmingCharacters(in: CharacterSet(charactersIn: scalars))`.
    public func trimmingScalars(in scalars: String) -> String {
        trimmingScalars { scalars.unicodeScalars.contains($0) }
    }

    /// The text without the leading and trailing scalars that `drop` accepts.
    public func trimmingScalars(where drop: (Unicode.Scalar) -> Bool) -> String {
        let text = String(self)
        let view = text.unicodeScalars
        guard let first = view.firstIndex(where: { !drop($0) }), let last = view.lastIndex(where: { !drop($0) }) else { return "" }
        // Nothing to drop, the common case even for long texts: no copy.
        if first == view.startIndex, view.index(after: last) == view.endIndex { return text }
        return String(view[first...last])
    }
}
