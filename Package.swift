// swift-tools-version:6.0
import PackageDescription

// Arrows point inward: Proxy knows everything; HTTP1 and TokenCore know nothing of sockets,
// clocks, libcurl or libsystemd. See README.md "Architecture".
let package = Package(
    name: "bearerd",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "bearerd", targets: ["bearerd"])
    ],
    targets: [
        // C: system libraries and one-line shims for what Swift cannot call directly.
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CSystemd", pkgConfig: "libsystemd", providers: [.apt(["libsystemd-dev"])]),
        .target(name: "CCurlShim", dependencies: ["CCurl"]),
        .target(name: "CLinux"),

        // Pure cores.
        .target(name: "HTTP1"),
        .target(name: "TokenCore"),
        .target(name: "Config", dependencies: ["TokenCore"]),

        // I/O.
        .target(name: "EventLoop", dependencies: ["CLinux"]),
        .target(name: "Curl", dependencies: ["CCurl", "CCurlShim", "EventLoop"]),
        .target(name: "Systemd", dependencies: ["CSystemd"]),

        // The shell and the command line.
        .target(name: "Proxy", dependencies: ["HTTP1", "TokenCore", "Config", "EventLoop", "Curl", "Systemd", "CLinux", "CCurl", "CCurlShim"]),
        .executableTarget(name: "bearerd", dependencies: ["Proxy", "Config", "EventLoop", "Curl", "Systemd"]),

        // Tests: pure cores without sockets; the shell against real loopback peers and the real binary.
        .target(name: "TestSupport", dependencies: ["CLinux"], path: "Tests/TestSupport"),
        .testTarget(name: "HTTP1Tests", dependencies: ["HTTP1"]),
        .testTarget(name: "TokenCoreTests", dependencies: ["TokenCore"]),
        .testTarget(name: "ConfigTests", dependencies: ["Config", "TokenCore"]),
        .testTarget(name: "TestSupportTests", dependencies: ["TestSupport"]),
        .testTarget(name: "SystemdTests", dependencies: ["Systemd", "TestSupport"]),
        // Runs the Systemd module in a child process, so tests never setenv in the test runner.
        .executableTarget(name: "SystemdTestTool", dependencies: ["Systemd"], path: "Tests/SystemdTestTool"),
        .testTarget(name: "ProxyTests", dependencies: ["TestSupport", "Proxy", "HTTP1", "EventLoop", "Curl", "TokenCore"]),
    ],
    swiftLanguageModes: [.v6]
)
