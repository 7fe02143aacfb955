import DebriefModel
import Foundation

/// Blameless postmortems describe systems, not culprits: flags blaming phrases anywhere in the
/// text, and a person's name (an author, the incident commander, an action owner) as the
/// subject of a sentence in the root cause.
public struct BlameLanguageRule: PostmortemRule {
    public static let id = "blame-language"
    public static let defaultSeverity = Diagnostic.Severity.warning
    public static let summary = "Blaming language (\"human error\", a person as the root cause)"

    static let phrases = ["human error", "forgot to", "should have known", "fault of", "careless", "negligen"]

    public init() {}

    public func check(_ postmortem: Postmortem, in context: PostmortemContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // Most postmortems hold none of the phrases: one pass over the body tells which to look for.
        let present = BodyKeywords.blamePhrases(context.bodyKeywords)
        for line in present == 0 ? [] : context.proseLines {
            for (index, phrase) in Self.phrases.enumerated() where present & (1 << UInt64(index)) != 0 {
                guard let range = Self.wordStart(of: phrase, in: line.text) else { continue }
                let found = String(line.text[range])
                diagnostics.append(diagnostic(postmortem.path, line: line.number, column: line.text.column(of: range.lowerBound),
                                              "\"\(found)\" blames a person; describe what in the system allowed the mistake (missing check, unclear tooling, alert gap) instead"))
            }
        }
        let rootCauses = postmortem.sections.filter { $0.means(.rootCause) }
        guard !rootCauses.isEmpty else { return diagnostics }
        let names = Self.peopleNames(config: context.config, postmortem)
        let rootCauseLines = rootCauses.flatMap { section in
            ProseLines.of(section, in: postmortem).filter { Self.mayMention(names, $0.text) }
        }
        guard !rootCauseLines.isEmpty, let subject = Self.personAsSubject(names) else { return diagnostics }
        for line in rootCauseLines {
            let text = String(line.text)
            let whole = NSRange(text.startIndex..., in: text)
            guard let match = subject.firstMatch(in: text, range: whole), let range = Range(match.range, in: text) else { continue }
            diagnostics.append(diagnostic(postmortem.path, line: line.number, column: text.column(of: range.lowerBound),
                                          "the root cause names a person (\"\(text[range])\"); write what happened to the system, e.g. \"a deploy changed ...\", and why the process let it through"))
        }
        return diagnostics
    }

    /// The first occurrence of `phrase` that starts a word: `default of` is not `fault of`
    /// (a phrase may end inside a word: `carelessly`, `negligence`).
    static func wordStart(of phrase: String, in text: Substring) -> Range<Substring.Index>? {
        var from = 0
        while let range = text.textRange(of: phrase, fromByte: from) {
            // The scalar before, not the Character: a prepended mark (U+0600) joins the letter after it.
            if !(text.unicodeScalars[..<range.lowerBound].last?.properties.isAlphabetic ?? false) { return range }
            from = text.utf8.distance(from: text.utf8.startIndex, to: range.upperBound)
        }
        return nil
    }

    /// First names of the people in the postmortem (authors, incident commander, action owners).
    private static func peopleNames(config: DebriefConfig, _ postmortem: Postmortem) -> Set<String> {
        let people = postmortem.authors + [postmortem.incidentCommander].compactMap { $0 } + postmortem.actionItems.compactMap(\.owner)
        return Set(people.flatMap { person -> [String] in
            let canonical = config.owners.canonical(person) ?? person
            return (person == canonical ? [person] : [person, canonical]).compactMap(firstName)
        })
    }

    /// The first word of a person's name, or nil when it does not look like a name: teams
    /// (`platform-team`, `SRE`) are not people.
    static func firstName(_ name: String) -> String? {
        if let fast = RuleFastPaths.firstName(name) { return fast.isEmpty ? nil : fast }
        return firstNameCharacters(name)
    }

    /// `firstName` on Characters (the general path).
    static func firstNameCharacters(_ name: String) -> String? {
        let first = name.trimmed("@ ").split(separator: " ").first.map(String.init) ?? ""
        guard first.count >= 3, first.allSatisfy(\.isLetter), first.contains(where: \.isLowercase),
              !first.containsText("team") else { return nil }
        return first
    }

    /// Cheap test before the regex: the line holds one of the names (non-ASCII names always pass,
    /// as the byte search folds ASCII case only).
    private static func mayMention(_ names: Set<String>, _ text: Substring) -> Bool {
        names.contains { name in !name.utf8.allSatisfy { $0 < 0x80 } || text.containsText(name) }
    }

    /// `Alice deployed`, `Bob forgot`: a known person's name followed by a past-tense verb.
    private static func personAsSubject(_ names: Set<String>) -> NSRegularExpression? {
        guard !names.isEmpty else { return nil }
        let verbs = #"(?:[a-z]+ed|ran|made|forgot|broke|pushed|did|didn't|wrote|ignored|missed|caused|failed)"#
        return try? NSRegularExpression(pattern: #"\b(?:"# + names.sorted().map(NSRegularExpression.escapedPattern(for:)).joined(separator: "|") + #")\s+"# + verbs + #"\b"#,
                                        options: [.caseInsensitive])
    }
}
