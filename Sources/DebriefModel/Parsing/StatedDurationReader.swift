import Foundation

/// Reads the durations authors state (`Duration: 45 minutes`, `- Time to recovery: 84 minutes`,
/// `**Time to repair:** 0h 37m`): from the header fields (front matter and header lines, where
/// one line may hold several), then from any line outside code whose key names one, wherever
/// it is (the Impact section, a `## Stats` list), and last the length of impact a summary
/// sentence states (`for 40 minutes`). The first of each kind wins; values that are not
/// durations (`N/A`, `?`) are skipped.
struct StatedDurationReader {
    let lines: DocumentLines

    /// Text every stated-duration key contains one of (`time to`, `duration`, `ttd`, ...).
    static let keyFragments = KeywordSet(["duration", "time to", "length", "ttd", "tta", "ttm", "ttr", "detection time", "resolution time"])

    /// The lines whose opening may name a duration, found in one pass over the document's
    /// bytes: a key opens its line, and nearly every line names none (one Substring per line
    /// was 3% of `check`).
    static func candidateLines(of text: String) -> [Int] {
        var text = text
        return text.withUTF8 { bytes in
            var lines: [Int] = []
            var number = 1, start = 0
            while start <= bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
                // The key is what comes before the line's first colon, near its start.
                let opening = bytes[start..<min(end, start + 64)]
                if let colon = opening.firstIndex(of: UInt8(ascii: ":")),
                   keyFragments.occurring(inBytes: UnsafeBufferPointer(rebasing: bytes[start..<colon])) != 0 { lines.append(number) }
                number += 1
                start = end + 1
            }
            return lines
        }
    }

    /// `text`: the whole file the lines are of; `summary`: the document's summary section.
    func read(headerFields: [Field], text: String, summary: Section?) -> [StatedDuration] {
        var found: [StatedDuration] = []
        func add(key: String, value: String, line: Int) {
            guard let kind = StatedDuration.Kind(key: key), !found.contains(where: { $0.kind == kind }),
                  let seconds = DateReader.duration(in: value) else { return }
            found.append(StatedDuration(kind: kind, seconds: seconds, text: value, line: line))
        }
        for field in headerFields {
            // Front matter spells keys `time_to_detect`.
            add(key: field.key.contains("_") ? String(field.key.map { $0 == "_" ? " " : $0 }) : field.key, value: field.value, line: field.line)
        }
        for number in Self.candidateLines(of: text) where number >= lines.bodyStart && !lines.isCode(number) {
            let line = lines[number]
            // Several fields may share a line: `**Date:** x | **Duration:** 45 minutes`.
            for segment in line.split(separator: "|") {
                if let (key, value) = HeaderFields.keyValue(InlineMarkup.strip(InlineMarkup.dropListMarker(segment))) {
                    add(key: key, value: value, line: number)
                }
            }
        }
        // `It took us 9 hours to resolve`, anywhere in the prose (one search of the text first:
        // most documents say no such thing).
        if text.containsText("took ", followedByDigitWithin: 24) {
            for number in lines.bodyStart...max(lines.bodyStart, lines.lastLine)
            where !lines.isCode(number) && lines[number].containsText("took ", followedByDigitWithin: 24) {
                if let (seconds, verb, words) = DateReader.tookDuration(in: lines[number]), let kind = StatedDuration.Kind(verb: verb),
                   !found.contains(where: { $0.kind == kind }) {
                    found.append(StatedDuration(kind: kind, seconds: seconds, text: words, line: number))
                }
            }
        }
        // Without a `Duration:` field, the summary's `for 40 minutes` states how long impact lasted.
        if let summary, !found.contains(where: { $0.kind == .duration }) {
            for number in summary.line...max(summary.line, summary.endLine) where number <= lines.lastLine && !lines.isCode(number)
                && (lines[number].containsText("for ", followedByDigitWithin: 24) || lines[number].containsText("during ", followedByDigitWithin: 24)) {
                if let (seconds, text) = DateReader.impactDuration(in: lines[number]) {
                    found.append(StatedDuration(kind: .duration, seconds: seconds, text: text, line: number))
                    break
                }
            }
        }
        return found.sorted { $0.line < $1.line }
    }
}
