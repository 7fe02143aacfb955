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

    /// How far after `time to ` a sentence's duration may start.
    static let proseKeyWindow = 36

    /// Words that may stand between a key and its duration in a sentence.
    static let proseFillers: Set<String> = ["was", "is", "of", "approximately", "approx", "about", "around", "roughly", "nearly", "under", "just"]

    /// `time to resolution approximately 49 minutes` in a sentence: the key and the duration
    /// after it, when only filler words (`was`, `about`) stand between them.
    static func proseKey(in line: String) -> (key: String, value: String)? {
        let key = "time to "
        guard let offset = line.byteOffset(of: key, from: 0) else { return nil }
        let afterKey = line[line.utf8.index(line.startIndex, offsetBy: offset + key.utf8.count)...]
        let verb = afterKey.prefix { $0.isLetter }
        guard !verb.isEmpty else { return nil }
        // The clause ends at `;`, `, ` or `. ` (`1.5 hours` keeps its point).
        var sentence = afterKey.dropFirst(verb.count).prefix { $0 != ";" }
        for end in [", ", ". "] { if let cut = sentence.range(of: end) { sentence = sentence[..<cut.lowerBound] } }
        let words = sentence.split(whereSeparator: { $0 == " " || $0 == ":" || $0 == "~" || $0 == "=" })
        guard let first = words.firstIndex(where: { $0.first?.isNumber == true }),
              words[..<first].allSatisfy({ proseFillers.contains($0.lowercased()) }) else { return nil }
        return ("time to " + verb.lowercased(), words[first...].joined(separator: " "))
    }

    /// The lines outside code with one of `markers` followed by a digit within `window` bytes
    /// (one search of the whole text first: most documents say no such thing).
    private func sentenceLines(of text: String, saying markers: [String], within window: Int) -> [Int] {
        guard markers.contains(where: { text.containsText($0, followedByDigitWithin: window) }) else { return [] }
        return (lines.bodyStart...max(lines.bodyStart, lines.lastLine)).filter { number in
            !lines.isCode(number) && markers.contains { lines[number].containsText($0, followedByDigitWithin: window) }
        }
    }

    /// `text`: the whole file the lines are of; `summary`: the document's summary section;
    /// `timeline`: the timeline sections, whose entries state no length of the whole incident.
    func read(headerFields: [Field], text: String, summary: Section?, timeline: [Section]) -> [StatedDuration] {
        var found: [StatedDuration] = []
        func add(key: String, value: String, line: Int) {
            guard let kind = StatedDuration.Kind(key: key), !found.contains(where: { $0.kind == kind }),
                  let seconds = DateReader.duration(in: value) else { return }
            found.append(StatedDuration(kind: kind, seconds: seconds, text: value, line: line))
        }
        for field in headerFields {
            // Front matter spells keys `time_to_detect`.
            add(key: field.key.contains("_" as Character) ? String(field.key.map { $0 == "_" ? " " : $0 }) : field.key, value: field.value, line: field.line)
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
        func addPhase(_ phase: (seconds: TimeInterval, verb: String, text: String)?, line: Int) {
            guard let (seconds, verb, words) = phase, let kind = StatedDuration.Kind(verb: verb), !found.contains(where: { $0.kind == kind }) else { return }
            found.append(StatedDuration(kind: kind, seconds: seconds, text: words, line: line))
        }
        // Sentences anywhere in the prose: `It took us 9 hours to resolve`, `mitigated within 25
        // minutes of its receipt`, `Total time to resolution approximately 49 minutes`.
        for number in sentenceLines(of: text, saying: ["took "], within: 24) { addPhase(DateReader.tookDuration(in: lines[number]), line: number) }
        for number in sentenceLines(of: text, saying: ["within ", "ed in ", "ed ~"], within: 16) { addPhase(DateReader.withinDuration(in: lines[number]), line: number) }
        for number in sentenceLines(of: text, saying: ["time to "], within: Self.proseKeyWindow) {
            if let (key, value) = Self.proseKey(in: InlineMarkup.strip(lines[number])) { add(key: key, value: value, line: number) }
        }
        // Without a `Duration:` field, the summary's `for 40 minutes` states how long impact
        // lasted, else a sentence outside the timeline: `3 hours and 28 minutes of downtime`.
        if !found.contains(where: { $0.kind == .duration }), let impact = statedLengthOfImpact(summary: summary, timeline: timeline),
           !found.contains(where: { $0.kind == impact.kind }) {
            found.append(impact)
        }
        return found.sorted { $0.line < $1.line }
    }

    /// The summary's `for 40 minutes` / `a period of 30 minutes` (or `for a week before it was
    /// caught`, the time to detect), else the first `<duration> of
    /// downtime` (or interruption, degradation, ...) in prose outside the timeline.
    private func statedLengthOfImpact(summary: Section?, timeline: [Section]) -> StatedDuration? {
        if let summary {
            for number in summary.line...max(summary.line, summary.endLine) where number <= lines.lastLine && !lines.isCode(number) {
                if let (seconds, text, untilDetected) = DateReader.impactDuration(in: lines[number]) {
                    return StatedDuration(kind: untilDetected ? .timeToDetect : .duration, seconds: seconds, text: text, line: number)
                }
            }
        }
        // Outermost timeline sections are disjoint and in order: a binary search places a line.
        func inTimeline(_ number: Int) -> Bool {
            var low = 0, high = timeline.count
            while low < high {
                let middle = (low + high) / 2
                if timeline[middle].endLine < number { low = middle + 1 } else { high = middle }
            }
            return low < timeline.count && timeline[low].line <= number
        }
        for number in lines.bodyStart...max(lines.bodyStart, lines.lastLine)
        where lines[number].containsText(" of ") && lines[number].utf8.contains(where: { $0 &- UInt8(ascii: "0") < 10 })
            && !lines.isCode(number) && !inTimeline(number) {
            if let (seconds, text) = DateReader.impactLength(in: lines[number]) {
                return StatedDuration(kind: .duration, seconds: seconds, text: text, line: number)
            }
        }
        return nil
    }
}
