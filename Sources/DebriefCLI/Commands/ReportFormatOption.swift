import ArgumentParser
import DebriefValidation

/// `--format text|json|github|sarif|junit`: how diagnostics are printed. Shared by commands
/// that report diagnostics.
public struct ReportFormatOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Output format: text (coloured on a terminal), json, github (workflow annotations), sarif (2.1.0) or junit.", valueName: "format"))
    public var format: ReportFormat = .text

    public init() {}
}

extension ReportFormat: ExpressibleByArgument {}
