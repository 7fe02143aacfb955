import ArgumentParser

/// The `debrief` command. To add a command: a new file in Commands/ and an entry in `subcommands`.
public struct DebriefCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "debrief",
        abstract: "Validate, analyse and publish a knowledge base of incident postmortems and runbooks.",
        subcommands: [],
    )

    public init() {}
}
