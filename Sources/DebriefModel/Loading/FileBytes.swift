import Foundation
#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// Reads a whole file with `open`/`read` into one buffer sized from `fstat`: `Data(contentsOf:)`
/// goes through URL and file-handle layers that cost as much as parsing a small file. Writes
/// with `open`/`write` too: Foundation's `Data.write(to:)` also calls `fsync` on every file,
/// which made a 13,000-file site take 10 s longer on a real disk than on tmpfs.
public enum FileBytes {
    public struct WriteError: Error, CustomStringConvertible {
        public let path: String
        public let code: Int32
        public var description: String { "cannot write \(path): \(String(cString: strerror(code)))" }
    }

    /// Creates or truncates the file and writes the bytes (mode 0644 before the umask).
    public static func write<Bytes: ContiguousBytes>(_ bytes: Bytes, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw WriteError(path: path, code: errno) }
        defer { close(descriptor) }
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let count = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    throw WriteError(path: path, code: errno)
                }
                offset += count
            }
        }
    }

    /// The file's bytes, or nil when it cannot be opened or read.
    public static func contents(of path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        var bytes: [UInt8] = []
        // One byte more than the size, so a file that grew is noticed; reading goes on to the end.
        var chunk = max(Int(status.st_size), 0) + 1
        while true {
            let start = bytes.count
            bytes.append(contentsOf: repeatElement(0, count: chunk))
            let count = bytes.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress! + start, chunk)
            }
            bytes.removeLast(chunk - max(count, 0))
            if count == 0 { return bytes }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            chunk = max(chunk, 65_536)
        }
    }
}
