/// Why a build could not produce a site (a usage or I/O problem: `debrief build` exits 2).
public struct SiteBuildError: Error, CustomStringConvertible, Sendable {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
