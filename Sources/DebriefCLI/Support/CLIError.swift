/// A usage or I/O failure of a command (exit status 2), with a message that says what to do.
public struct CLIError: Error, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
