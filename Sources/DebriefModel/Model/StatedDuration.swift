import Foundation

/// A duration the authors wrote (`Duration: 45 minutes`, `Time to recovery: 84 minutes`), kept
/// as stated beside the times measured from the milestones.
public struct StatedDuration: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case duration
        case timeToDetect = "time-to-detect"
        case timeToAcknowledge = "time-to-acknowledge"
        case timeToMitigate = "time-to-mitigate"
        case timeToResolve = "time-to-resolve"

        /// Lower-case keys that state this duration; docs/formats.md lists them.
        public var keys: [String] {
            switch self {
            case .duration: return ["duration", "total duration", "outage duration", "incident duration", "impact duration",
                                    "duration of impact", "duration of user impact", "length"]
            case .timeToDetect: return ["time to detect", "time to detection", "time to discover", "detection time", "ttd"]
            case .timeToAcknowledge: return ["time to acknowledge", "time to acknowledgement", "time to ack", "tta"]
            case .timeToMitigate: return ["time to mitigate", "time to mitigation", "time to repair", "time to recovery",
                                          "time to recover", "time to restore", "ttm"]
            case .timeToResolve: return ["time to resolve", "time to resolution", "resolution time", "ttr"]
            }
        }

        static let byKey: [String: Kind] = {
            var map: [String: Kind] = [:]
            for kind in allCases { for key in kind.keys { map[key] = kind } }
            return map
        }()

        /// The kind `it took 9 hours to <verb>` states (`resolve` -> time to resolve), if any.
        public init?(verb: String) {
            switch verb {
            case "resolve", "fix", "close": self = .timeToResolve
            case "mitigate", "recover", "restore", "repair", "remediate", "patch": self = .timeToMitigate
            case "detect", "notice", "discover", "identify", "spot", "catch": self = .timeToDetect
            case "acknowledge", "respond": self = .timeToAcknowledge
            default: return nil
            }
        }

        /// The kind a field key states (`Time to recovery` -> time to mitigate), if any.
        public init?(key: some StringProtocol) {
            guard let kind = Self.byKey[key.lowercased().trimmingHorizontalWhitespace()] else { return nil }
            self = kind
        }
    }

    public var kind: Kind
    public var seconds: TimeInterval
    /// The value as written (`0h 37m`).
    public var text: String
    public var line: Int

    public init(kind: Kind, seconds: TimeInterval, text: String, line: Int) {
        self.kind = kind
        self.seconds = seconds
        self.text = text
        self.line = line
    }
}
