import DebriefModel
import Foundation

/// The `debrief.yml` that `debrief init` writes: every key with its default value and a comment.
/// Written from `DebriefConfig()`, so it cannot drift from the defaults. Keys whose defaults
/// improve between releases (milestone keywords) or that are empty by default are written
/// commented out: uncommenting them gives the same configuration.
struct StarterConfig {
    var contentDir: String
    var postmortemsDir: String

    init(contentDir: String = DebriefConfig().contentDir, postmortemsDir: String = DebriefConfig().postmortemsDir) {
        self.contentDir = contentDir
        self.postmortemsDir = postmortemsDir
    }

    var text: String {
        let d = DebriefConfig()
        var lines: [String] = [
            "# Debrief configuration. Every key is optional; the values below are the defaults.",
            "# Reference: docs/configuration.md in the Debrief repository.",
            "",
            "# Site title (pages, feeds) and the absolute URL it is published at (feeds only).",
            "title: \(quoted(d.title))",
            "base_url: \(quoted(d.baseURL))",
            "",
            "# Folders, relative to this file. Postmortems: every .md below content_dir/postmortems_dir;",
            "# runbooks: .yml, .yaml and .md below content_dir/runbooks_dir.",
            "content_dir: \(quoted(contentDir))",
            "postmortems_dir: \(quoted(postmortemsDir))",
            "runbooks_dir: \(quoted(d.runbooksDir))",
            "layouts_dir: \(quoted(d.layoutsDir))",
            "output_dir: \(quoted(d.outputDir))",
            "",
            "# Raw HTML and javascript: links in content reach the pages only when true.",
            "unsafe_html: \(d.unsafeHTML)",
            "",
            "# Days before a draft postmortem is stale, a runbook needs review; minutes a stated",
            "# duration may differ from the timeline.",
            "draft_age_days: \(d.draftAgeDays)",
            "runbook_review_days: \(d.runbookReviewDays)",
            "duration_tolerance_minutes: \(d.durationToleranceMinutes)",
            "",
            "# \"Today\" for overdue and age checks; the real date when absent (--as-of overrides it).",
            "# today: 2026-01-01",
            "",
            "# Severity levels, most severe first. SEVn, Sev n, Sn and Pn always name the n-th level.",
            "severities:",
        ]
        for level in d.severities {
            lines.append("  - name: \(quoted(level.name))")
            if let description = level.description { lines.append("    description: \(quoted(description))") }
            lines.append("    synonyms: \(flow(level.synonyms))")
            if let sections = level.requiredSections { lines.append("    required_sections: \(flow(sections))") }
            if let days = level.actionSLADays { lines.append("    action_sla_days: \(days)") }
            lines.append("    requires_action_items: \(level.requiresActionItems)")
        }
        lines += [
            "",
            "# Sections every postmortem needs unless its level lists its own; matched by meaning",
            "# (\"Executive Summary\" is a Summary, \"Follow-ups\" are Action Items).",
            "required_sections: \(flow(d.requiredSections))",
            "",
            "# More headings per section kind, added to the built-in synonyms (runbook kinds: runbook-diagnosis...).",
            "# section_synonyms:",
            "#   root-cause: [\"Why it broke\"]",
            "#   runbook-diagnosis: [\"Investigate it\"]",
            "",
            "# Prometheus rule files whose alerts must have runbooks (debrief coverage, the Coverage",
            "# page), and where runbook URLs are published: URL prefix -> runbooks folder.",
            "# alert_rules:",
            "#   - monitoring/**/*.rules.yml",
            "# runbook_urls:",
            "#   \"https://runbooks.example.com/\": \(quoted(contentDir == "." ? d.runbooksDir : contentDir + "/" + d.runbooksDir))",
            "",
            "# Rule levels: off, warning or error (the rule ids are in docs/configuration.md).",
            "# rules:",
            "#   blame-language: error",
            "#   runbook-stale: off",
            "",
            "# Owner aliases: a handle or spelling -> the person or team it means.",
            "# owners:",
            "#   \"@priya\": Priya Raman",
            "",
            "# Words that turn timeline entries into milestones. These are the built-in lists; listing",
            "# a key replaces its list (and stops it from following Debrief's improvements).",
            "# milestone_keywords:",
        ]
        let keywords = d.milestoneKeywords
        for (key, words) in [("started", keywords.started), ("detected", keywords.detected), ("acknowledged", keywords.acknowledged),
                             ("mitigated", keywords.mitigated), ("resolved", keywords.resolved), ("impact", keywords.impact),
                             ("change", keywords.change)] {
            lines.append("#   \(key): \(flow(words))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func quoted(_ text: String) -> String { TemplateWriter.quoted(text) }

    private func flow(_ values: [String]) -> String {
        "[" + values.map(quoted).joined(separator: ", ") + "]"
    }
}
