import Foundation

/// Listing folders with plain POSIX calls: Foundation's URL enumerator and resource values cost
/// about 0.1 ms per file, which a build over 10,000 files notices.
public enum FileTree {
    /// Relative paths of the regular files below `folder`, unsorted. Hidden entries and symbolic
    /// links inside the folder are skipped; a missing folder has no files.
    public static func regularFiles(in folder: String) -> [String] {
        var files: [String] = []
        walk(folder, relative: "") { files.append($0) }
        return files
    }

    private static func walk(_ folder: String, relative: String, _ visit: (String) -> Void) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name.hasPrefix(".") { continue }
            let path = folder + "/" + name
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) {
                var status = stat()
                guard lstat(path, &status) == 0 else { continue }
                type = (status.st_mode & S_IFMT) == S_IFDIR ? Int32(DT_DIR) : (status.st_mode & S_IFMT) == S_IFREG ? Int32(DT_REG) : Int32(DT_LNK)
            }
            let child = relative.isEmpty ? name : relative + "/" + name
            if type == Int32(DT_DIR) {
                walk(path, relative: child, visit)
            } else if type == Int32(DT_REG) {
                visit(child)
            }
        }
    }
}
