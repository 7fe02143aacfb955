import ArgumentParser

/// The `debrief` command. To add a command: a new file in Commands/ and an entry in `subcommands`.
public struct DebriefCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "debrief",
        abstract: "Validate, analyse and publish a knowledge base of incident postmortems and runbooks.",
        discussion: """
        A knowledge base is a folder with an optional debrief.yml, postmortems in \
        content/postmortems/ and runbooks in content/runbooks/. Run `debrief help <command>` \
        for the options and examples of each command.

        Exit status: 0 success, 1 validation errors found, 2 usage or I/O failure.
        """,
        version: "debrief \(BuildInfo.version) (commit \(BuildInfo.commit))",
        subcommands: [
            InitCommand.self,
            CheckCommand.self,
            InspectCommand.self,
            NewCommand.self,
            StatsCommand.self,
            ActionsCommand.self,
            SearchCommand.self,
            RelatedCommand.self,
            CoverageCommand.self,
            BuildCommand.self,
            ServeCommand.self,
        ]
    )

    public init() {}

    /// Parses `arguments` (the process's own when nil), runs the command and returns the exit
    /// status: 0 success or help, the command's own `ExitCode` (1 = errors found), and 2 for
    /// usage errors and every other failure (argument-parser would say 64 for usage errors).
    public static func runMain(_ arguments: [String]? = nil) -> Int32 {
        let given = arguments ?? Array(CommandLine.arguments.dropFirst())
        // The argument parser's time grows with the square of the argument count (64k query
        // words took minutes): an overlong query is refused before it is parsed.
        if given.first == "search", given.count > SearchCommand.maximumArguments {
            Terminal.writeError("Error: a search takes at most \(SearchCommand.maximumArguments) words and options; shorten the query")
            return 2
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            return 0
        } catch let exit as ExitCode {
            return exit.rawValue
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                Terminal.write(message) // --help, --version
                return 0
            }
            if !message.isEmpty { Terminal.writeError(message) }
            return 2
        }
    }
}
