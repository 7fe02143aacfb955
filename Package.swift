// swift-tools-version:6.1
import PackageDescription

// Dependency chain, one way only:
// CCmarkGFM -> Markdown -> DebriefModel -> DebriefValidation, DebriefAnalytics, DebriefSearch -> DebriefSite -> DebriefCLI -> debrief
let package = Package(
    name: "Debrief",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "debrief", targets: ["debrief"]),
        // Libraries for the fuzz targets in Fuzz/ (a package of their own, so they never slow
        // the normal build or tests).
        .library(name: "DebriefModel", targets: ["DebriefModel"]),
        .library(name: "DebriefValidation", targets: ["DebriefValidation"]),
        .library(name: "DebriefSearch", targets: ["DebriefSearch"]),
        .library(name: "DebriefSite", targets: ["DebriefSite"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // `debrief serve`: HTTP/1.1 on SwiftNIO (no Foundation networking, so it links statically).
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        // The C library, found through pkg-config (libcmark-gfm-dev, libcmark-gfm-extensions-dev).
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // The only importer of CCmarkGFM: parses markdown into Swift values.
        .target(name: "Markdown", dependencies: ["CCmarkGFM"]),
        // Typed postmortems and runbooks, configuration, diagnostics, loading a knowledge base.
        .target(name: "DebriefModel", dependencies: [
            "Markdown",
            .product(name: "Yams", package: "Yams"),
        ]),
        // Validation rules and diagnostic report formats (the CI gate).
        .target(name: "DebriefValidation", dependencies: ["DebriefModel"]),
        // Incident metrics and trends (MTTx, counts, action-item tracking).
        .target(name: "DebriefAnalytics", dependencies: ["DebriefModel"]),
        // Full-text search index, ranking and related incidents.
        .target(name: "DebriefSearch", dependencies: ["DebriefModel"]),
        // The static site: pages, layouts, feeds, exports.
        .target(name: "DebriefSite", dependencies: [
            "DebriefModel", "DebriefValidation", "DebriefAnalytics", "DebriefSearch", "Markdown",
        ], exclude: ["Layouts"], plugins: ["GenerateSources"]),
        // Commands; `debrief` is only main.swift over this.
        .target(name: "DebriefCLI", dependencies: [
            "DebriefModel", "DebriefValidation", "DebriefAnalytics", "DebriefSearch", "DebriefSite",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
        ], plugins: ["GenerateSources"]),
        .executableTarget(name: "debrief", dependencies: ["DebriefCLI"]),
        // Build-time only: the built-in layouts and the version become Swift source, so the
        // executable needs no files beside it (see docs/distribution.md).
        .executableTarget(name: "debrief-generate"),
        .plugin(name: "GenerateSources", capability: .buildTool(), dependencies: ["debrief-generate"]),
        .testTarget(name: "DebriefTests", dependencies: [
            "Markdown", "DebriefModel", "DebriefValidation", "DebriefAnalytics", "DebriefSearch", "DebriefSite", "DebriefCLI",
        ], resources: [.copy("Fixtures")]),
    ]
)
