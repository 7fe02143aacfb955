#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole file with `open`/`read` into one buffer sized from `fstat`: `Data(contentsOf:)`
/// goes through URL and file-handle layers that cost as much as parsing a small file.
public enum FileBytes {
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
