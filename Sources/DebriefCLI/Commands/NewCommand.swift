import ArgumentParser

/// `debrief new`: scaffolds documents from templates.
public struct NewCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a postmortem or runbook from a template.",
        discussion: """
        The new file has every section Debrief expects, with placeholders ([bracketed \
        instructions], TBD, YYYY-MM-DD) where the author must write; `debrief check FILE` \
        lists exactly what is still to fill. An existing file is never overwritten.

        Examples:
          debrief new postmortem "Checkout latency after cache eviction" --severity SEV2 --service checkout
          debrief new runbook "Payments High Error Rate" --service payments --alert PaymentsHighErrorRate
        """,
        subcommands: [NewPostmortemCommand.self, NewRunbookCommand.self]
    )

    public init() {}
}
