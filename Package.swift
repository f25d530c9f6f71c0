// swift-tools-version:6.2
import PackageDescription

// Layers (arrow = imports), see docs/ARCHITECTURE.md:
// L0 CLinux, COpenSSL, CSQLite · L1 HTTP, Reflection, Crypto · L2 WebSocket, Chat ·
// L3 Server, Store · L4 ChatService · L5 withness.
let package = Package(
    name: "withness",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "withness", targets: ["withness"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        // C shims
        .systemLibrary(name: "CLinux", path: "Sources/CLinux"),
        .systemLibrary(name: "COpenSSL", path: "Sources/COpenSSL", pkgConfig: "openssl",
                       providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite", pkgConfig: "sqlite3",
                       providers: [.apt(["libsqlite3-dev"])]),

        // Computation over OpenSSL (no I/O)
        .target(name: "Crypto", dependencies: ["COpenSSL"]),

        // Pure cores
        .target(name: "HTTP"),
        .target(name: "WebSocket", dependencies: ["HTTP", "Crypto"]),
        .target(name: "Reflection"),
        .target(name: "Chat", dependencies: ["Reflection"]),

        // I/O
        .target(name: "Server", dependencies: [
            "CLinux", "COpenSSL", "Crypto", "HTTP", "WebSocket",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "CoreMetrics", package: "swift-metrics"),
        ]),
        .target(name: "Store", dependencies: ["CSQLite", "Crypto"]),

        // Glue and executable
        .target(name: "ChatService", dependencies: [
            "Server", "Chat", "Reflection", "Store", "Crypto", "HTTP",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "CoreMetrics", package: "swift-metrics"),
        ]),
        .executableTarget(name: "withness", dependencies: [
            "ChatService", "Server", "Store", "Reflection", "Chat", "Crypto",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Metrics", package: "swift-metrics"),
            .product(name: "Prometheus", package: "swift-prometheus"),
        ]),

        // libFuzzer harnesses (`make fuzz`); plain builds produce inert binaries.
        .executableTarget(name: "FuzzWSFrame", dependencies: ["WebSocket"]),
        .executableTarget(name: "FuzzHTTP", dependencies: ["HTTP"]),

        // Tests
        .target(name: "TestSupport", dependencies: ["HTTP", "WebSocket"]),
        .testTarget(name: "CryptoTests", dependencies: ["Crypto"]),
        .testTarget(name: "HTTPTests", dependencies: ["HTTP", "TestSupport"]),
        .testTarget(name: "WebSocketTests", dependencies: ["WebSocket", "TestSupport"]),
        .testTarget(name: "ReflectionTests", dependencies: ["Reflection"], exclude: ["Fixtures"]),
        .testTarget(name: "ChatTests", dependencies: ["Chat", "Reflection", "TestSupport"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "Crypto"]),
        .testTarget(name: "ServerTests", dependencies: ["Server", "TestSupport", "WebSocket", "HTTP", "Crypto", "CLinux"]),
    ],
    swiftLanguageModes: [.v6]
)
