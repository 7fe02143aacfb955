import DebriefModel
import Foundation
import Testing

/// `KnowledgeBase.reloading(_:)`, what `debrief serve` does after an edit: the result equals a
/// fresh load, while the documents that did not change are not parsed again.
@Suite struct KnowledgeBaseReloadTests {
    @Test func reloadingChangedAddedAndDeletedFilesEqualsAFreshLoad() throws {
        let root = try Debrief.copyOfFixture("mixed")
        defer { try? FileManager.default.removeItem(at: root) }
        let before = try KnowledgeBase.load(root: root)
        let folder = before.config.postmortemsFolder
        let edited = try #require(before.postmortems.first).path
        let editedURL = root.appendingPathComponent(edited)
        let text = try String(contentsOf: editedURL, encoding: .utf8)
        try text.replacingOccurrences(of: "\ntitle:", with: "\ntitle: Edited").write(to: editedURL, atomically: true, encoding: .utf8)
        let added = "\(folder)/2025-12-01-new-incident.md"
        try "---\ntitle: A new incident\ndate: 2025-12-01\nseverity: SEV3\n---\n\n## Summary\n\nNew.\n"
            .write(to: root.appendingPathComponent(added), atomically: true, encoding: .utf8)
        let deleted = try #require(before.postmortems.last).path
        #expect(deleted != edited)
        try FileManager.default.removeItem(at: root.appendingPathComponent(deleted))

        // A folder's landing page is set aside, in a reload as in a load.
        let landing = "\(folder)/README.md"
        try "# Incident reports\n".write(to: root.appendingPathComponent(landing), atomically: true, encoding: .utf8)

        let reloaded = before.reloading([edited, added, deleted, landing])
        let fresh = try KnowledgeBase.load(root: root)
        #expect(reloaded.postmortems == fresh.postmortems)
        #expect(reloaded.runbooks == fresh.runbooks)
        #expect(reloaded.index.postmortemSlugs == fresh.index.postmortemSlugs && reloaded.index.runbookSlugs == fresh.index.runbookSlugs)
        #expect(reloaded.index.documentPaths == fresh.index.documentPaths)
        #expect(reloaded.index.postmortemNames.postmortem(named: Slug.make(fromPath: added)) != nil)
        #expect(reloaded.sourceHashes.map(\.path) == fresh.sourceHashes.map(\.path))
        #expect(reloaded.ignoredFiles == fresh.ignoredFiles && fresh.ignoredFiles == [landing])
        #expect(reloaded.sourceHashes.map(\.hash) == fresh.sourceHashes.map(\.hash))
        #expect(reloaded.postmortems.contains { $0.path == added } && !reloaded.postmortems.contains { $0.path == deleted })
        #expect(reloaded.postmortems.first { $0.path == edited }?.title?.hasPrefix("Edited") == true)

        // An edit of a file it holds (no folder listing, documents replaced in place).
        try text.replacingOccurrences(of: "\ntitle:", with: "\ntitle: Again").write(to: editedURL, atomically: true, encoding: .utf8)
        let again = reloaded.reloading([edited])
        let freshAgain = try KnowledgeBase.load(root: root)
        #expect(again.postmortems == freshAgain.postmortems)
        #expect(again.sourceHashes.map(\.hash) == freshAgain.sourceHashes.map(\.hash))
        #expect(again.postmortems.first { $0.path == edited }?.title?.hasPrefix("Again") == true)
    }
}
