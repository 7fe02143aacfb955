import Foundation
import Markdown

/// Turns the blocks of a markdown runbook's Diagnosis and Mitigation sections into steps and
/// options. `### ` subsections are steps/options of their own; otherwise code blocks, ordered
/// list items and list items carrying inline code are steps.
enum RunbookMarkdownSteps {
    static func diagnosis(in blocks: [MarkdownNode]) -> [Runbook.DiagnosisStep] {
        let (lead, subsections) = split(blocks)
        var steps = flatSteps(in: lead)
        for (heading, body) in subsections {
            let found = flatSteps(in: body)
            let command = found.compactMap(\.command).joined(separator: "\n")
            steps.append(Runbook.DiagnosisStep(step: stripNumbering(heading.plainText),
                                               command: command.isEmpty ? nil : command, line: heading.line))
        }
        return steps
    }

    static func mitigation(in blocks: [MarkdownNode], headingLine: Int) -> [Runbook.MitigationOption] {
        let (lead, subsections) = split(blocks)
        var options: [Runbook.MitigationOption] = []
        for (heading, body) in subsections {
            var option = Runbook.MitigationOption(option: stripNumbering(heading.plainText), command: firstCommand(in: body), line: heading.line)
            // `**Fix:** ...` under a cause heading (seed "Common Causes"): the fix is the option, the cause its `when`.
            for paragraph in body where paragraph.kind == .paragraph {
                let text = paragraph.plainText.trimmingHorizontalWhitespace()
                if let fix = value(after: "fix:", in: text) {
                    option.when = option.option
                    option.option = fix
                } else if let when = value(after: "when:", in: text) {
                    option.when = when
                } else if let verify = value(after: "verify:", in: text) ?? value(after: "verification:", in: text) {
                    option.verify = verify
                }
            }
            options.append(option)
        }
        let leadText = lead.map(\.plainText).joined(separator: "\n").trimmingWhitespaceAndNewlines()
        if options.isEmpty, !leadText.isEmpty {
            // Prose mitigation (the prometheus runbooks): one option, named by its first paragraph.
            let name = lead.first { $0.kind == .paragraph }?.plainText ?? leadText
            options.append(Runbook.MitigationOption(option: firstSentence(of: name), command: firstCommand(in: lead), line: headingLine))
        }
        return options
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

    private static func flatSteps(in blocks: [MarkdownNode]) -> [Runbook.DiagnosisStep] {
        var steps: [Runbook.DiagnosisStep] = []
        var previous: MarkdownNode?
        for block in blocks {
            defer { previous = block }
            switch block.kind {
            case .codeBlock:
                let command = block.literal.trimmingWhitespaceAndNewlines()
                guard !command.isEmpty else { continue }
                // The paragraph just before a code block says what it is for ("run the following:").
                if let previous, previous.kind == .paragraph, steps.last?.line != previous.line {
                    steps.append(Runbook.DiagnosisStep(step: trimColon(previous.plainText), command: command, line: previous.line))
                } else {
                    let firstLine = command.split(separator: "\n").first.map(String.init) ?? command
                    steps.append(Runbook.DiagnosisStep(step: firstLine, command: command, line: block.line))
                }
            case .list(let ordered):
                for item in block.children {
                    let command = firstCommand(in: Array(item.children))
                    guard ordered || command != nil else { continue }
                    var text = item.children.first?.plainText ?? item.plainText
                    // `Check recent deployments: kubectl ...` names the step before the colon.
                    if let command, text.hasSuffix(command) {
                        let label = text.dropLast(command.count).trimmingHorizontalWhitespace()
                        if label.hasSuffix(":") { text = label }
                    }
                    steps.append(Runbook.DiagnosisStep(step: trimColon(text), command: command, line: item.line))
                }
            default:
                continue
            }
        }
        return steps
    }

    /// The first code block, else the first inline code that reads like a command (has a space).
    static func firstCommand(in blocks: [MarkdownNode]) -> String? {
        let nodes = blocks.flatMap { [$0] + $0.descendants }
        if let block = nodes.first(where: { if case .codeBlock = $0.kind { return true } else { return false } }) {
            let text = block.literal.trimmingWhitespaceAndNewlines()
            if !text.isEmpty { return text }
        }
        return nodes.first { $0.kind == .code && $0.literal.contains(" ") }?.literal
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

    private static func firstSentence(of text: String) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        if let end = flat.range(of: ". ") { return String(flat[..<end.lowerBound]) + "." }
        return flat
    }
}
