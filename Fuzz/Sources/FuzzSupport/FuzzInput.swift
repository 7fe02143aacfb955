import DebriefModel
import DebriefValidation
import Foundation

/// What every fuzz target shares: inputs decoded exactly as `KnowledgeBase.load` decodes a file,
/// and the validator run over the parsed documents as `debrief check` runs it.
public enum FuzzInput {
    /// The input as the loader reads a content file; nil when it would be an `unreadable` file.
    public static func text(_ data: UnsafePointer<UInt8>, _ size: Int, path: String) -> String? {
        SourceText.decode(bytes: Array(UnsafeBufferPointer(start: data, count: size)), path: path).text
    }

    /// The input as a string, invalid UTF-8 repaired (for inputs that are not files: queries).
    public static func lossyText(_ data: UnsafePointer<UInt8>, _ size: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    }

    public static let today = Day(year: 2026, month: 1, day: 1)
    private static let validator = Validator()

    /// A runbook file at `path` (its extension picks YAML or markdown): parsed and checked.
    public static func checkRunbook(_ data: UnsafePointer<UInt8>, _ size: Int, path: String) {
        guard let text = text(data, size, path: path) else { return }
        check(runbooks: [runbookParser.parse(text: text, path: path)])
    }

    private static let runbookParser = RunbookParser()

    /// Every rule over a knowledge base of `postmortems` and `runbooks`.
    @discardableResult
    public static func check(postmortems: [Postmortem] = [], runbooks: [Runbook] = [],
                             config: DebriefConfig = DebriefConfig()) -> [Diagnostic] {
        let knowledgeBase = KnowledgeBase(root: URL(fileURLWithPath: "/nonexistent-fuzz-root"), config: config,
                                          postmortems: postmortems, runbooks: runbooks)
        return validator.validate(knowledgeBase, today: today)
    }
}
