import Foundation
import PackagePlugin

/// Generates the Swift source that makes `debrief` one self-contained file: the built-in
/// layouts of DebriefSite as string constants (no resource bundle at run time), and the
/// version and commit of DebriefCLI (`debrief --version`). The generator is `debrief-generate`.
@main
struct GenerateSources: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let tool = try context.tool(named: "debrief-generate").url
        let output = context.pluginWorkDirectoryURL
        switch target.name {
        case "DebriefSite":
            let layouts = target.directoryURL.appending(path: "Layouts")
            let names = try FileManager.default.contentsOfDirectory(atPath: layouts.path).filter { !$0.hasPrefix(".") }.sorted()
            let generated = output.appending(path: "EmbeddedLayouts.swift")
            return [.buildCommand(displayName: "Embedding \(names.count) built-in layouts",
                                  executable: tool,
                                  arguments: ["layouts", layouts.path, generated.path],
                                  inputFiles: names.map { layouts.appending(path: $0) },
                                  outputFiles: [generated])]
        case "DebriefCLI":
            let package = context.package.directoryURL
            let versionFile = package.appending(path: "VERSION")
            let generated = output.appending(path: "BuildInfo.swift")
            // The commit is an argument: a new commit changes the command, so it runs again.
            return [.buildCommand(displayName: "Writing the version and commit",
                                  executable: tool,
                                  arguments: ["build-info", versionFile.path, GitCommit.read(in: package) ?? "unknown", generated.path],
                                  inputFiles: [versionFile],
                                  outputFiles: [generated])]
        default:
            return []
        }
    }
}

/// The commit checked out in `folder`, read from `.git` without running git (which a build
/// machine may not have): HEAD, then the loose ref or `packed-refs` it names.
enum GitCommit {
    static func read(in folder: URL) -> String? {
        var gitDirectory = folder.appending(path: ".git")
        // A worktree or submodule: `.git` is a file `gitdir: PATH`.
        if let pointer = text(gitDirectory), pointer.hasPrefix("gitdir:") {
            let path = pointer.dropFirst("gitdir:".count).trimmingCharacters(in: .whitespacesAndNewlines)
            gitDirectory = path.hasPrefix("/") ? URL(fileURLWithPath: path) : folder.appending(path: path)
        }
        guard let head = text(gitDirectory.appending(path: "HEAD"))?.trimmingCharacters(in: .whitespacesAndNewlines) else { return nil }
        guard head.hasPrefix("ref:") else { return head }
        let ref = head.dropFirst("ref:".count).trimmingCharacters(in: .whitespaces)
        // A worktree keeps its HEAD in its own folder and its refs in the common one.
        var folders = [gitDirectory]
        if let common = text(gitDirectory.appending(path: "commondir"))?.trimmingCharacters(in: .whitespacesAndNewlines) {
            folders.append(common.hasPrefix("/") ? URL(fileURLWithPath: common) : gitDirectory.appending(path: common))
        }
        for directory in folders {
            if let loose = text(directory.appending(path: ref))?.trimmingCharacters(in: .whitespacesAndNewlines) { return loose }
            for line in (text(directory.appending(path: "packed-refs")) ?? "").split(separator: "\n") {
                let parts = line.split(separator: " ")
                if parts.count == 2, parts[1] == ref { return String(parts[0]) }
            }
        }
        return nil
    }

    static func text(_ url: URL) -> String? {
        try? String(contentsOf: url, encoding: .utf8)
    }
}
