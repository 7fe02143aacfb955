#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// What the standard streams are connected to.
public enum Terminal {
    /// Colour only for a person at a terminal: stdout is a TTY and `NO_COLOR` is not set to a
    /// non-empty value (https://no-color.org).
    public static var stdoutWantsColor: Bool {
        let noColor = ProcessInfo.processInfo.environment["NO_COLOR"] ?? ""
        return noColor.isEmpty && isatty(STDOUT_FILENO) == 1
    }

    /// Writes `text` to stdout, adding a final newline when it lacks one.
    public static func write(_ text: String) {
        guard !text.isEmpty else { return }
        print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
    }

    /// Writes one line to stderr (messages for the person, never part of a report).
    public static func writeError(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }
}
