import Foundation
import Markdown

/// Fills a `Runbook` from markdown: front matter (title, owner, service, severity, status,
/// alert_names, last_reviewed, debrief-ignore), the H1 (title, and the alert name when it looks
/// like one; a trailing `[Deprecated]` is the status), H2 sections matched by meaning (Meaning,
/// Symptoms, Impact, Diagnosis, Mitigation, Verification, Recovery, Escalation, Related
/// Runbooks), escalation and verification sentences anywhere, and a short "moved to" file as a
/// redirect. Commands come from code blocks and inline code (`RunbookMarkdownSteps`).
struct RunbookMarkdownReader {
    /// What the reader matches text against, built once per parser from the configuration.
    struct Vocabulary: Sendable {
        let sectionNames: RunbookSectionNames
        let steps: RunbookMarkdownSteps
        let escalation: PhraseList
        let moved: PhraseList

        init(config: DebriefConfig) {
            sectionNames = RunbookSectionNames(extra: config.runbookSectionSynonyms)
            steps = RunbookMarkdownSteps(phrases: config.runbookPhrases)
            escalation = PhraseList(config.runbookPhrases.escalation)
            moved = PhraseList(config.runbookPhrases.moved)
        }
    }

    let text: String
    let path: String
    let vocabulary: Vocabulary

    /// An H2 section: its heading node and the blocks under it.
    private struct Part {
        var heading: MarkdownNode
        var blocks: [MarkdownNode]
    }

    func read(into runbook: inout Runbook) {
        let front = FrontMatter.split(text, path: path)
        runbook.parseDiagnostics = front.diagnostics.map { diagnostic in
            var copy = diagnostic
            copy.message = copy.message.replacingOccurrences(of: "front matter", with: "runbook front matter")
            return copy
        }
        runbook.body = front.body
        runbook.bodyLineOffset = front.bodyLineOffset
        let document = MarkdownParser.parse(front.body, lineOffset: front.bodyLineOffset)

        let h1 = document.blocks.first { $0.kind == .heading(level: 1) }
        let (heading, deprecatedTag) = Self.statusTag(of: h1?.plainText.trimmingHorizontalWhitespace())
        if deprecatedTag || ["deprecated", "retired"].contains(front.string("status")?.lowercased() ?? "") || front.string("deprecated") == "true" {
            runbook.status = .deprecated
        }
        if let title = front.string("title"), !title.isEmpty {
            runbook.title = title
            runbook.titleLine = front.line("title")
        } else if let heading, let h1 {
            runbook.title = Self.removingPrefix(heading)
            runbook.titleLine = h1.line
        }
        runbook.service = front.string("service")
        runbook.severity = front.string("severity")
        runbook.owner = Self.owner(in: front)
        if runbook.owner != nil { runbook.ownerSource = path }
        runbook.ignoredRules = front.strings("debrief-ignore")
        if let reviewed = front.string("last_reviewed") {
            runbook.lastReviewedLine = front.line("last_reviewed")
            runbook.lastReviewed = Day(iso: reviewed)
            if runbook.lastReviewed == nil {
                runbook.parseDiagnostics.append(Diagnostic(file: path, line: runbook.lastReviewedLine, severity: .error, rule: "runbook-format",
                                                           message: "`last_reviewed: \(reviewed)` is not a date; write it as YYYY-MM-DD"))
            }
        }
        for key in ["alert_names", "alerts", "alert"] where runbook.alertNames.isEmpty {
            runbook.alertNames = front.strings(key)
            runbook.alertNamesLine = front.line(key)
        }
        if runbook.alertNames.isEmpty, let heading, let h1, let alert = Self.alertName(heading: heading, path: path) {
            runbook.alertNames = [alert]
            runbook.alertNamesLine = h1.line
        } else if runbook.alertNames.isEmpty, let title = front.string("title"), let alert = Self.alertName(heading: title, path: path) {
            runbook.alertNames = [alert]
            runbook.alertNamesLine = front.line("title")
        }

        let parts = Self.sections(of: document.blocks)
        runbook.sections = parts.map { part in
            Section(heading: part.heading.plainText, kind: nil, level: 2, line: part.heading.line,
                    endLine: part.blocks.last?.endLine ?? part.heading.endLine,
                    text: part.blocks.map(\.plainText).joined(separator: "\n"))
        }
        let steps = vocabulary.steps
        var verification: String?
        let recognised = parts.flatMap { part in vocabulary.sectionNames.kinds(of: part.heading.plainText).map { (part, $0) } }
        for (part, kind) in recognised {
            let text = part.blocks.map(\.plainText).joined(separator: "\n").trimmingWhitespaceAndNewlines()
            switch kind {
            case .symptoms:
                if runbook.alertNames.isEmpty {
                    runbook.alertNames = Self.alertNames(inSymptoms: part.blocks)
                    runbook.alertNamesLine = part.heading.line
                }
            case .impact:
                if runbook.impact == nil, !text.isEmpty { runbook.impact = text }
            case .diagnosis:
                runbook.diagnosis += steps.diagnosis(in: part.blocks)
            case .mitigation:
                runbook.mitigation += steps.mitigation(in: part.blocks, headingLine: part.heading.line)
            case .verification:
                if !text.isEmpty { verification = text }
            case .recovery:
                runbook.recovery += Self.listItems(in: part.blocks)
            case .escalation:
                if !text.isEmpty { runbook.escalation = text }
            case .relatedRunbooks:
                let links = part.blocks.flatMap(\.descendants).compactMap { node -> String? in
                    if case .link(let url) = node.kind { return url }
                    return nil
                }
                runbook.relatedRunbooks += links.isEmpty ? Self.listItems(in: part.blocks) : links
            case .meaning:
                break
            }
        }
        // With no alert names anywhere, the title is where to add one.
        if runbook.alertNames.isEmpty { runbook.alertNamesLine = runbook.titleLine }
        runbook.impact = runbook.impact ?? front.string("impact")
        // A runbook-wide Verification section is the verify step of every option lacking its own.
        if let verification {
            for index in runbook.mitigation.indices where runbook.mitigation[index].verify == nil {
                runbook.mitigation[index].verify = verification
            }
        }
        document.root.forEachDescendant { node in
            switch node.kind {
            case .link(let url), .image(let url): runbook.links.append(Link(text: node.plainText, url: url, line: node.line))
            default: break
            }
        }
        if runbook.escalation == nil { runbook.escalation = firstSentence(in: document, matching: vocabulary.escalation) }
        if parts.isEmpty, let target = redirectTarget(document, links: runbook.links) {
            runbook.status = .redirect
            runbook.redirectTarget = target
        }
        if h1 == nil, parts.isEmpty, front.values.isEmpty, front.diagnostics.isEmpty {
            runbook.parseDiagnostics.append(Diagnostic(file: path, line: front.bodyLineOffset + 1, severity: .error, rule: "runbook-format",
                                                       message: "runbook has no H1 and no sections; start it with `# AlertName` and add `## Diagnosis` and `## Mitigation` sections"))
        }
    }

    /// Splits top-level blocks into H2 sections (an H1 ends the current one).
    private static func sections(of blocks: [MarkdownNode]) -> [Part] {
        var parts: [Part] = []
        var inSection = false
        for block in blocks {
            if case .heading(let level) = block.kind, level <= 2 {
                inSection = level == 2
                if inSection { parts.append(Part(heading: block, blocks: [])) }
            } else if inSection {
                parts[parts.count - 1].blocks.append(block)
            }
        }
        return parts
    }

    /// The heading without a trailing `[Deprecated]` or `(Deprecated)`, and whether it had one.
    static func statusTag(of heading: String?) -> (String?, Bool) {
        guard let heading else { return (nil, false) }
        for (open, close) in [("[", "]"), ("(", ")")] {
            let tag = open + "deprecated" + close
            if heading.lowercased().hasSuffix(tag) {
                return (String(heading.dropLast(tag.count)).trimmingHorizontalWhitespace(), true)
            }
        }
        return (heading, false)
    }

    /// The alert an H1 names: the heading when it reads as an alert name (`KubePodCrashLooping`),
    /// or the file's name when the heading spells it out and the name starts with a capital
    /// (`# CPU Throttling High` in `CPUThrottlingHigh.md`, `# Watchdog` in `Watchdog.md`).
    static func alertName(heading: String, path: String) -> String? {
        if RunbookParser.looksLikeAlertName(heading) { return heading }
        let name = path.split(separator: "/").last.map { String($0.split(separator: ".").first ?? $0) } ?? ""
        // Alert names start with a capital (`Watchdog`); a document's file name rarely does (`pingdom.md`).
        let identifier = name.count >= 3 && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == ":") } && name.first?.isUppercase == true
        guard identifier, heading.filter({ $0 != " " }).lowercased() == name.lowercased() else { return nil }
        return name
    }

    /// `owner:`, else `owners:` or `team:`, else a key that starts with `owner` (`owner_team`,
    /// `owner_slack`): front matter names the owner many ways.
    static func owner(in front: FrontMatter) -> String? {
        for key in ["owner", "owners", "team"] {
            let names = front.strings(key).filter { !$0.isEmpty }
            if !names.isEmpty { return names.joined(separator: ", ") }
        }
        return front.values.keys.sorted().first { $0.hasPrefix("owner") }.flatMap { front.string($0) }
    }

    /// The first prose sentence (code and headings skipped) that matches `phrases`.
    private func firstSentence(in document: MarkdownDocument, matching phrases: PhraseList) -> String? {
        for node in document.root.descendants where node.kind == .paragraph {
            if let sentence = Sentences.of(node.plainText).first(where: phrases.occurs(in:)) { return sentence }
        }
        return nil
    }

    /// A file of at most a few short paragraphs that says the runbook moved, with a link: the link.
    private func redirectTarget(_ document: MarkdownDocument, links: [Link]) -> String? {
        let prose = document.blocks.filter { if case .heading = $0.kind { return false } else { return true } }
        guard !prose.isEmpty, prose.count <= 3, prose.allSatisfy({ $0.kind == .paragraph }), let link = links.first(where: { !$0.url.hasPrefix("#") }),
              vocabulary.moved.occurs(in: prose.map(\.plainText).joined(separator: " ")) else { return nil }
        return link.url
    }

    /// `Runbook:` / `Runbook Template:` / `Playbook:` prefixes are not part of the title.
    static func removingPrefix(_ heading: String) -> String {
        for prefix in ["runbook template:", "runbook:", "playbook:"] where heading.lowercased().hasPrefix(prefix) {
            return String(heading.dropFirst(prefix.count)).trimmingHorizontalWhitespace()
        }
        return heading
    }

    /// Alert names quoted after `Alert:` in a Symptoms list, e.g. `- Alert: "HighErrorRate" firing`.
    private static func alertNames(inSymptoms blocks: [MarkdownNode]) -> [String] {
        var names: [String] = []
        for block in blocks {
            for line in block.plainText.split(separator: "\n") {
                let lower = line.lowercased()
                guard let range = lower.range(of: "alert:") else { continue }
                let rest = line[line.index(line.startIndex, offsetBy: lower.distance(from: lower.startIndex, to: range.upperBound))...]
                let token = rest.trimmingHorizontalWhitespace().split(separator: " ").first.map(String.init) ?? ""
                let name = token.trimmingScalars(in: "\"'`“”,.")
                if RunbookParser.looksLikeAlertName(name), !names.contains(name) { names.append(name) }
            }
        }
        return names
    }

    private static func listItems(in blocks: [MarkdownNode]) -> [String] {
        blocks.filter { if case .list = $0.kind { return true } else { return false } }
            .flatMap(\.children)
            .map { ($0.children.first?.plainText ?? $0.plainText).trimmingWhitespaceAndNewlines() }
            .filter { !$0.isEmpty }
    }
}
