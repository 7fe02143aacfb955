import Foundation

/// Writes a new document, never replacing an existing one.
enum TemplateWriter {
    static func write(_ text: String, to path: String, root: URL) throws {
        let url = root.appendingPathComponent(path)
        if FileManager.default.fileExists(atPath: url.path) {
            throw CLIError("\(path) already exists; edit it, or choose another title or --date")
        }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            // withoutOverwriting: a file created between the check above and now is still kept.
            try Data(text.utf8).write(to: url, options: .withoutOverwriting)
        } catch {
            throw CLIError("cannot write \(path): \(error.localizedDescription)")
        }
    }

    /// A YAML double-quoted scalar: safe for any title (colons, quotes, `#`).
    static func quoted(_ text: String) -> String {
        let escaped = oneLine(text).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\"\(escaped)\""
    }

    /// `text` with line breaks turned into spaces (titles go into one-line headings and fields).
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingCharacters(in: .whitespaces)
    }

    /// A YAML flow sequence of quoted scalars, `[TBD]` when empty.
    static func list(_ values: [String]) -> String {
        values.isEmpty ? "[TBD]" : "[" + values.map(quoted).joined(separator: ", ") + "]"
    }
}
