import Foundation

/// Reads the durations authors state (`Duration: 45 minutes`, `- Time to recovery: 84 minutes`,
/// `**Time to repair:** 0h 37m`): from the header fields (front matter and header lines, where
/// one line may hold several), then from any line of the document outside code whose key names one, wherever it is (a header, the Impact section, a `## Stats` list).
/// The first of each kind wins; values that are not durations (`N/A`, `?`) are skipped.
struct StatedDurationReader {
    let lines: DocumentLines

    func read(headerFields: [Field]) -> [StatedDuration] {
        var found: [StatedDuration] = []
        func add(key: String, value: String, line: Int) {
            guard let kind = StatedDuration.Kind(key: key), !found.contains(where: { $0.kind == kind }),
                  let seconds = DateReader.duration(in: value) else { return }
            found.append(StatedDuration(kind: kind, seconds: seconds, text: value, line: line))
        }
        for field in headerFields { add(key: field.key.replacingOccurrences(of: "_", with: " "), value: field.value, line: field.line) }
        guard lines.bodyStart <= lines.lastLine else { return found }
        for number in lines.bodyStart...lines.lastLine where !lines.isCode(number) {
            let line = lines[number]
            guard line.utf8.contains(UInt8(ascii: ":")) else { continue }
            // Several fields may share a line: `**Date:** x | **Duration:** 45 minutes`.
            for segment in line.split(separator: "|") {
                if let (key, value) = HeaderFields.keyValue(InlineMarkup.strip(InlineMarkup.dropListMarker(segment))) {
                    add(key: key, value: value, line: number)
                }
            }
        }
        return found.sorted { $0.line < $1.line }
    }
}
