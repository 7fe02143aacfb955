// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets, one per parser that reads user input. A package of their own (like
// swift-protobuf's FuzzTesting) so that `swift build` and `swift test` at the root never build
// them; `make fuzz` (scripts/fuzz) builds each with
//   swift build -c release --product FuzzX --sanitize=fuzzer -Xswiftc -parse-as-library
// and runs it over seeds from the fixtures and the example knowledge base.
let package = Package(
    name: "DebriefFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "Debrief", path: "..")],
    targets: [
        // Decoding an input as the loader does, and the gate over one parsed document.
        .target(name: "FuzzSupport", dependencies: [
            .product(name: "DebriefModel", package: "Debrief"),
            .product(name: "DebriefValidation", package: "Debrief"),
        ]),
        .executableTarget(name: "FuzzPostmortem", dependencies: [
            "FuzzSupport",
            .product(name: "DebriefModel", package: "Debrief"),
            .product(name: "DebriefValidation", package: "Debrief"),
            .product(name: "DebriefSearch", package: "Debrief"),
        ]),
        .executableTarget(name: "FuzzRunbookYAML", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzRunbookMarkdown", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzAlertRules", dependencies: [
            "FuzzSupport",
            .product(name: "DebriefModel", package: "Debrief"),
        ]),
        .executableTarget(name: "FuzzConfig", dependencies: [
            "FuzzSupport",
            .product(name: "DebriefModel", package: "Debrief"),
        ]),
        .executableTarget(name: "FuzzTemplate", dependencies: [
            "FuzzSupport",
            .product(name: "DebriefSite", package: "Debrief"),
        ]),
        .executableTarget(name: "FuzzSearchQuery", dependencies: [
            "FuzzSupport",
            .product(name: "DebriefModel", package: "Debrief"),
            .product(name: "DebriefSearch", package: "Debrief"),
        ]),
    ]
)
