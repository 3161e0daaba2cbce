// swift-tools-version:6.0
import PackageDescription

/// Stricter than the language mode's default: every existential is written `any P`.
let strict: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

let package = Package(
    name: "opstap",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "opstap", targets: ["opstap"])
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "5.0.1"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        // Test only: reads openapi.yaml so that every API call in the tests is checked against it (ADR 0002).
        .package(url: "https://github.com/mattpolzin/OpenAPIKit.git", from: "6.4.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        // Verifies OpenID Connect ID tokens against the provider's JWKS (ADR 0011).
        .package(url: "https://github.com/vapor/jwt-kit.git", from: "5.7.1"),
        // Test only: every page rendered from a fixed view model against a committed text snapshot.
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing.git", from: "1.19.7"),
    ],
    targets: [
        // Pure domain rules: no Vapor, no Fluent, fast unit tests.
        .target(name: "OpstapDomain", swiftSettings: strict),
        // Pages, components and the string catalogue.
        .target(
            name: "OpstapViews",
            dependencies: ["OpstapDomain"],
            swiftSettings: strict
        ),
        // Vapor/Fluent wiring: configuration, routes, models, migrations, API, auth, commands.
        .target(
            name: "OpstapApp",
            dependencies: [
                "OpstapDomain",
                "OpstapViews",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "JWTKit", package: "jwt-kit"),
            ],
            exclude: ["Resources/postcodes-pc4.SOURCE.md"],
            resources: [.copy("Resources/openapi.yaml"), .copy("Resources/postcodes-pc4.csv")],
            swiftSettings: strict
        ),
        .executableTarget(name: "opstap", dependencies: ["OpstapApp"], swiftSettings: strict),
        .testTarget(name: "OpstapDomainTests", dependencies: ["OpstapDomain"], swiftSettings: strict),
        .testTarget(
            name: "OpstapViewsTests",
            dependencies: [
                "OpstapViews", "OpstapDomain", .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            exclude: ["__Snapshots__"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "OpstapAppTests",
            dependencies: [
                "OpstapApp",
                "OpstapViews",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "OpenAPIKit", package: "OpenAPIKit"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "JWTKit", package: "jwt-kit"),
            ],
            swiftSettings: strict
        ),
    ]
)
