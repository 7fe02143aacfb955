import Foundation

/// What a runbook is only known from the files around it: its owner from `OWNERS` or
/// `CODEOWNERS` when the front matter names none, and whether a markdown file without an alert
/// is a document (a shared how-to that runbooks link to, or a file with neither diagnosis nor
/// mitigation) rather than a runbook missing its alert.
enum RunbookResolver {
    static func resolve(_ runbooks: [Runbook], postmortems: [Postmortem], root: URL) -> [Runbook] {
        let ownership = OwnershipFiles(root: root)
        let linked = KnowledgeBase.linkTargets(postmortems: postmortems, runbooks: runbooks)
        return runbooks.map { runbook in
            var runbook = runbook
            if runbook.owner == nil, let found = ownership.owner(of: runbook.path) {
                runbook.owner = found.owner
                runbook.ownerSource = found.source
            }
            if runbook.format == .markdown, runbook.status == .active, runbook.alertNames.isEmpty,
               linked.contains(runbook.path) || (runbook.diagnosis.isEmpty && runbook.mitigation.isEmpty) {
                runbook.status = .document
            }
            return runbook
        }
    }
}
