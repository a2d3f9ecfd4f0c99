// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets for bearerd's two parsers of untrusted input. The library targets are symlinks
// to the real sources (Sources/HTTP1 -> ../../Sources/HTTP1, ...), so the fuzzers exercise the code
// that ships, with no copy to fall out of date. Build and run: see README.md.
let package = Package(
    name: "bearerd-fuzz",
    targets: [
        .target(name: "HTTP1"),
        .target(name: "TokenCore"),
        .target(name: "Config", dependencies: ["TokenCore"]),
        .executableTarget(name: "FuzzHTTP1", dependencies: ["HTTP1"]),
        .executableTarget(name: "FuzzConfig", dependencies: ["Config", "TokenCore"]),
    ],
    swiftLanguageModes: [.v6]
)
