import Foundation
import Markdown

/// Turns the blocks of a markdown runbook's Diagnosis and Mitigation sections into steps and
/// options. `###` subsections are steps/options of their own. Otherwise a list item is a step
/// with every command in it (and a fence written unindented right after it); a code block after
/// a paragraph is a step named by that paragraph; a paragraph with a command in inline code is a
/// step. Sample output is never a command (`CommandText`).
struct RunbookMarkdownSteps: Sendable {
    private let commands: CommandText
    private let alternatives: PhraseList
    private let condition: PhraseList
    private let verification: PhraseList

    init(phrases: RunbookPhrases) {
        commands = CommandText(sampleOutput: PhraseList(phrases.sampleOutput))
        alternatives = PhraseList(phrases.alternatives)
        condition = PhraseList(phrases.condition)
        verification = PhraseList(phrases.verification)
    }

    func diagnosis(in blocks: [MarkdownNode]) -> [Runbook.DiagnosisStep] {
        let (lead, subsections) = Self.split(blocks)
        var steps = flatSteps(in: lead)
        for (heading, body) in subsections {
            let found = flatSteps(in: body)
            let command = found.compactMap(\.command).joined(separator: "\n")
            steps.append(Runbook.DiagnosisStep(step: Self.stripNumbering(heading.plainText),
                                               command: command.isEmpty ? nil : command, line: heading.line))
        }
        return steps
    }

    func mitigation(in blocks: [MarkdownNode], headingLine: Int) -> [Runbook.MitigationOption] {
        let (lead, subsections) = Self.split(blocks)
        // One generic subsection (`### Recommended actions`) holding a list of alternatives.
        if subsections.count == 1, case let alternatives = alternativeOptions(in: subsections[0].1), alternatives.count > 1 {
            return alternatives
        }
        var options: [Runbook.MitigationOption] = []
        for (heading, body) in subsections {
            var option = Runbook.MitigationOption(option: Self.stripNumbering(heading.plainText), command: firstCommand(in: body), line: heading.line)
            // `**Fix:** ...` under a cause heading (seed "Common Causes"): the fix is the option, the cause its `when`.
            for paragraph in body where paragraph.kind == .paragraph {
                let text = paragraph.plainText.trimmingHorizontalWhitespace()
                if let fix = Self.value(after: "fix:", in: text) {
                    option.when = option.option
                    option.option = fix
                } else if let when = Self.value(after: "when:", in: text) {
                    option.when = when
                } else if let verify = Self.value(after: "verify:", in: text) ?? Self.value(after: "verification:", in: text) {
                    option.verify = verify
                }
            }
            option.verify = option.verify ?? verificationSentence(in: body)
            options.append(option)
        }
        if options.isEmpty { options = alternativeOptions(in: lead) }
        let leadText = lead.map(\.plainText).joined(separator: "\n").trimmingWhitespaceAndNewlines()
        if options.isEmpty, !leadText.isEmpty {
            // Prose mitigation: one option, named by its first paragraph.
            let name = lead.first { $0.kind == .paragraph }?.plainText ?? leadText
            options.append(Runbook.MitigationOption(option: Self.firstSentence(of: name), command: firstCommand(in: lead),
                                                    verify: verificationSentence(in: lead), line: headingLine))
        }
        return options
    }

    /// A list of alternatives: items that open with a condition (`If a PDB blocks the drain: ...`)
    /// or a bold label (`**Expand the volume:** ...`), or any list after a lead sentence that
    /// announces options (`Two options:`). Each item is an option (named by its bold label);
    /// `If X: Y` / `If X, Y` gives `when` X.
    private func alternativeOptions(in blocks: [MarkdownNode]) -> [Runbook.MitigationOption] {
        for (index, block) in blocks.enumerated() {
            guard case .list = block.kind, block.children.count > 1 else { continue }
            let items = Array(block.children)
            let texts = items.map { ($0.children.first?.plainText ?? $0.plainText).trimmingWhitespaceAndNewlines() }
            let announced = index > 0 && blocks[index - 1].kind == .paragraph && alternatives.occurs(in: blocks[index - 1].plainText)
            let conditional = texts.filter { condition.opens($0) }.count * 2 > texts.count
            let labelled = items.filter { Self.boldLabel(of: $0) != nil }.count * 2 > items.count
            guard announced || conditional || labelled else { continue }
            return zip(items, texts).map { item, text in
                var option = Runbook.MitigationOption(option: text, command: firstCommand(in: Array(item.children)), line: item.line)
                if condition.opens(text), let split = text.firstIndex(where: { $0 == ":" || $0 == "," }) {
                    let rest = text[text.index(after: split)...].trimmingWhitespaceAndNewlines()
                    if !rest.isEmpty {
                        option.when = String(text[..<split])
                        option.option = rest
                    }
                }
                option.option = Self.boldLabel(of: item) ?? Self.firstSentence(of: option.option)
                option.verify = verificationSentence(in: Array(item.children))
                return option
            }
        }
        return []
    }

    /// `Expand the volume` of an item that opens with `**Expand the volume:**`.
    private static func boldLabel(of item: MarkdownNode) -> String? {
        guard let paragraph = item.children.first, paragraph.kind == .paragraph,
              let first = paragraph.children.first, first.kind == .strong else { return nil }
        let label = first.plainText.trimmingWhitespaceAndNewlines().trimmingScalars(in: ":.")
        return label.isEmpty ? nil : label
    }

    /// The first sentence of the blocks' prose that says how to know it worked.
    func verificationSentence(in blocks: [MarkdownNode]) -> String? {
        for block in blocks {
            for paragraph in [block] + block.descendants where paragraph.kind == .paragraph {
                if let sentence = Sentences.of(paragraph.plainText).first(where: verification.occurs(in:)) { return sentence }
            }
        }
        return nil
    }

    /// Blocks before the first H3, and each H3 with its blocks.
    private static func split(_ blocks: [MarkdownNode]) -> ([MarkdownNode], [(MarkdownNode, [MarkdownNode])]) {
        var lead: [MarkdownNode] = []
        var subsections: [(MarkdownNode, [MarkdownNode])] = []
        for block in blocks {
            if case .heading(let level) = block.kind, level >= 3 {
                subsections.append((block, []))
            } else if subsections.isEmpty {
                lead.append(block)
            } else {
                subsections[subsections.count - 1].1.append(block)
            }
        }
        return (lead, subsections)
    }

    private func flatSteps(in blocks: [MarkdownNode]) -> [Runbook.DiagnosisStep] {
        var steps: [Runbook.DiagnosisStep] = []
        var previous: MarkdownNode?
        // The step a fence written unindented after a list item belongs to.
        var openItemStep: Int?
        for (index, block) in blocks.enumerated() {
            defer { previous = block }
            switch block.kind {
            case .codeBlock:
                guard let command = commands.command(in: block, lead: previous) else { continue }
                if let open = openItemStep {
                    steps[open].command = [steps[open].command, command].compactMap { $0 }.joined(separator: "\n")
                } else if let previous, previous.kind == .paragraph, steps.last?.line != previous.line {
                    // The paragraph just before a code block says what it is for ("run the following:").
                    steps.append(Runbook.DiagnosisStep(step: Self.trimColon(previous.plainText), command: command, line: previous.line))
                } else {
                    let firstLine = command.split(separator: "\n").first.map(String.init) ?? command
                    steps.append(Runbook.DiagnosisStep(step: firstLine, command: command, line: block.line))
                }
            case .list(let ordered):
                openItemStep = nil
                for item in block.children {
                    let command = itemCommands(Array(item.children))
                    guard ordered || command != nil else { continue }
                    var text = item.children.first?.plainText ?? item.plainText
                    // `Check recent deployments: kubectl ...` names the step before the colon.
                    if let command, let single = command.split(separator: "\n").first, text.hasSuffix(single) {
                        let label = text.dropLast(single.count).trimmingHorizontalWhitespace()
                        if label.hasSuffix(":") { text = label }
                    }
                    steps.append(Runbook.DiagnosisStep(step: Self.trimColon(text), command: command, line: item.line))
                    openItemStep = steps.count - 1
                }
                continue
            case .paragraph:
                // A paragraph that introduces the next code block is that block's step.
                let next = blocks.indices.contains(index + 1) ? blocks[index + 1] : nil
                if let next, case .codeBlock = next.kind { break }
                if let command = commands.inlineCommands(in: block).first {
                    steps.append(Runbook.DiagnosisStep(step: Self.trimColon(block.plainText), command: command, line: block.line))
                }
            default:
                break
            }
            if case .codeBlock = block.kind {} else { openItemStep = nil }
        }
        return steps
    }

    /// Every command in the blocks: their code blocks that are not sample output, else the
    /// inline code that reads as a command.
    private func commands(in blocks: [MarkdownNode]) -> [String] {
        var found: [String] = []
        var previous: MarkdownNode?
        for node in blocks.flatMap({ [$0] + $0.descendants }) where node.isBlock {
            if case .codeBlock = node.kind, let command = commands.command(in: node, lead: previous) { found.append(command) }
            if node.kind == .paragraph { previous = node }
        }
        return found.isEmpty ? blocks.flatMap { commands.inlineCommands(in: $0) } : found
    }

    /// A list item's commands, one a line.
    private func itemCommands(_ blocks: [MarkdownNode]) -> String? {
        let found = commands(in: blocks)
        return found.isEmpty ? nil : found.joined(separator: "\n")
    }

    /// The first command in the blocks (an option's command).
    func firstCommand(in blocks: [MarkdownNode]) -> String? {
        commands(in: blocks).first
    }

    /// `1. Check Service Health` -> `Check Service Health`; `Option 2: Scale Up` -> `Scale Up`.
    static func stripNumbering(_ heading: String) -> String {
        var text = Substring(heading.trimmingHorizontalWhitespace())
        if text.lowercased().hasPrefix("option"), let colon = text.firstIndex(ofASCII: UInt8(ascii: ":")),
           text[text.index(text.startIndex, offsetBy: 6)..<colon].allSatisfy({ $0.isNumber || $0 == " " }) {
            text = text[text.index(after: colon)...]
        }
        let digits = text.prefix { $0.isNumber }
        if !digits.isEmpty, let next = text.dropFirst(digits.count).first, next == "." || next == ")" {
            text = text.dropFirst(digits.count + 1)
        }
        return text.trimmingHorizontalWhitespace()
    }

    private static func value(after label: String, in text: String) -> String? {
        guard text.lowercased().hasPrefix(label) else { return nil }
        let rest = text.dropFirst(label.count).trimmingWhitespaceAndNewlines()
        return rest.isEmpty ? nil : rest
    }

    private static func trimColon(_ text: String) -> String {
        text.trimmingWhitespaceAndNewlines().trimmingScalars(in: ":")
    }

    static func firstSentence(of text: String) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        if let end = flat.range(of: ". ") { return String(flat[..<end.lowerBound]) + "." }
        return flat
    }
}

/// Tells commands from sample output in code blocks and inline code.
struct CommandText: Sendable {
    let sampleOutput: PhraseList

    /// Fence languages that show data or output, never a command to run.
    static let outputLanguages: Set<String> = ["text", "txt", "output", "log", "logs", "plaintext", "yaml", "yml", "json", "xml", "toml", "ini", "csv", "diff"]

    /// The command a code block holds, or nil when it shows output: announced as output by the
    /// paragraph before it, fenced as data (`yaml`, `text`...), or lines that read as log lines,
    /// `key = value` pairs or a table. In a block with `$ ` prompts only the prompt lines are commands.
    func command(in block: MarkdownNode, lead: MarkdownNode?) -> String? {
        guard case .codeBlock(let info) = block.kind else { return nil }
        let text = block.literal.trimmingWhitespaceAndNewlines()
        guard !text.isEmpty else { return nil }
        if let lead, lead.kind == .paragraph, lead.plainText.trimmingWhitespaceAndNewlines().hasSuffix(":"),
           sampleOutput.occurs(in: Sentences.of(lead.plainText).last ?? "") { return nil }
        let language = info.split(separator: " ").first.map { $0.lowercased() } ?? ""
        if Self.outputLanguages.contains(language) { return nil }
        let lines = text.split(separator: "\n").map { $0.trimmingHorizontalWhitespace() }.filter { !$0.isEmpty }
        let prompted = lines.filter { $0.hasPrefix("$ ") || $0.hasPrefix("# ") && language == "console" || $0.hasPrefix("> ") && language == "console" }
        if !prompted.isEmpty { return prompted.joined(separator: "\n") }
        let outputLike = lines.filter(Self.readsAsOutput).count
        return outputLike * 2 > lines.count ? nil : text
    }

    /// Inline code in a paragraph that reads as a command: a program name then arguments
    /// (`oc get nodes`), not a value (`state : Working`, `Ready`).
    func inlineCommands(in block: MarkdownNode) -> [String] {
        // Code blocks are not searched: their text is not inline code.
        ([block] + block.descendants).filter { $0.kind == .code }.map(\.literal).filter(Self.readsAsCommand)
    }

    static func readsAsCommand(_ code: String) -> Bool {
        let words = code.trimmingHorizontalWhitespace().split(separator: " ")
        guard words.count >= 2, let program = words.first else { return false }
        let name = program == "$" || program == "#" ? words[1] : program.hasPrefix("$") ? program.dropFirst() : program
        guard let first = name.first, first.isLowercase, first.isASCII,
              name.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || "-_./".contains($0)) }) else { return false }
        return !words.contains { $0 == ":" || $0 == "=" || $0 == "==" }
    }

    /// A line of output rather than of a command: starts with a timestamp or a log level, is a
    /// `key = value` or `key: value` pair, or a table row of upper-case column names.
    static func readsAsOutput(_ line: String) -> Bool {
        let words = line.split(separator: " ", omittingEmptySubsequences: true)
        guard let first = words.first else { return false }
        if first.first?.isNumber == true, first.contains("-" as Character) || first.contains(":" as Character) || first.contains("/" as Character) { return true }
        if ["INFO", "WARN", "WARNING", "ERROR", "DEBUG", "FATAL", "TRACE"].contains(first.uppercased().trimmingScalars(in: "[]:")), first.uppercased() == first { return true }
        if first.hasPrefix("level=") || first.hasPrefix("ts=") || first.hasPrefix("time=") || first.hasPrefix("{\"") { return true }
        if let second = words.dropFirst().first, second == "=" || (first.hasSuffix(":") && !first.hasPrefix("http")) { return true }
        if words.count >= 2, words.allSatisfy({ $0.allSatisfy { $0.isUppercase || $0 == "-" || $0 == "_" || $0.isNumber } }) { return true }
        // A log line with a klog header (`I0912 10:43:01.123 ...`).
        if let letter = first.first, "IWEF".contains(letter), first.dropFirst().count == 4, first.dropFirst().allSatisfy(\.isNumber) { return true }
        return false
    }
}
