import Foundation
import OpstapDomain
import Vapor

/// `opstap bench allocation --size 2000`: builds an allocation instance of `size`
/// participants and `size` internship places with the real cost function (distances between
/// postcode areas of the shipped table, wishes, required levels), solves it with the Swift
/// solver, then hands the same cost matrix to SciPy's `linear_sum_assignment`
/// (scripts/lsap_reference.py in the test venv) and prints both times and both costs.
enum BenchAllocation {
    static func run(size: Int, runs: Int, console: any Console) throws {
        var start = Date()
        let matrix = try instance(size: size)
        console.output(
            "Instance: \(size) participants × \(matrix.columns) places (\(max(1, min(200, size / 10))) locations); matrix built in \(ms(start)) ms"
                .consoleText())
        var best = Double.infinity
        var assignment = MinCostAssignment.solve(matrix)
        for _ in 0..<runs {
            start = Date()
            assignment = MinCostAssignment.solve(matrix)
            best = min(best, Date().timeIntervalSince(start))
        }
        console.output(
            "Swift min-cost assignment: \(String(format: "%.3f", best)) s (best of \(runs)), cost \(assignment.totalCost)"
                .consoleText())
        guard let reference = try scipy(matrix) else {
            console.output(
                "SciPy: not available (run ./scripts/install-test-deps.sh for the venv with SciPy)".consoleText())
            return
        }
        console.output(
            "SciPy linear_sum_assignment: \(String(format: "%.3f", reference.seconds)) s, cost \(reference.cost)"
                .consoleText())
        console.output("Costs equal: \(reference.cost == assignment.totalCost ? "yes" : "NO")".consoleText())
    }

    /// `size` participants and `size` places over 200 locations (fewer for small sizes),
    /// spread over the postcode areas, with random levels and wishes; seeded.
    static func instance(size: Int, seed: UInt64 = 20_261_122) throws -> CostMatrix {
        var random = SplitMix(seed: seed)
        let areas = PostcodeDirectory.areas.sorted { $0.key < $1.key }.map(\.value)
        guard !areas.isEmpty else { throw Abort(.internalServerError, reason: "postcode table missing") }
        let locationCount = max(1, min(200, size / 10))
        let places = (0..<locationCount).map { index in
            OpenPlaces(
                locationID: UUID(), name: "Locatie \(index + 1)",
                point: areas[Int(random.next() % UInt64(areas.count))],
                requiredLevel: [nil, nil, CEFRLevel.a2, .b1][Int(random.next() % 4)],
                free: size / locationCount + (index < size % locationCount ? 1 : 0))
        }
        let seekers = (0..<size).map { index in
            PlaceSeeker(
                id: UUID(), name: "Deelnemer \(index + 1)", origin: areas[Int(random.next() % UInt64(areas.count))],
                originLabel: "",
                level: [CEFRLevel.a1, .a2, .a2, .b1, .b1, .b2][Int(random.next() % 6)],
                preferences: (0..<3).map { _ in places[Int(random.next() % UInt64(places.count))].locationID })
        }
        return PlacementAllocation.matrix(seekers, places).0
    }

    struct Reference: Decodable {
        let seconds: Double
        let cost: Int
        let pairs: Int
    }

    /// The repository this binary was built from: it holds the script and the test venv.
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    /// Solves `matrix` with SciPy's `linear_sum_assignment`; nil when the venv with SciPy is missing.
    static func scipy(_ matrix: CostMatrix) throws -> Reference? {
        let python = repositoryRoot + "/.venv/bin/python"
        guard FileManager.default.isExecutableFile(atPath: python) else { return nil }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "opstap-allocation-\(UUID().uuidString).txt")
        var text = "\(matrix.rows) \(matrix.columns)\n"
        text.reserveCapacity(matrix.rows * matrix.columns * 6)
        for row in 0..<matrix.rows {
            text += (0..<matrix.columns).map { String(matrix[row, $0]) }.joined(separator: " ") + "\n"
        }
        try text.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [repositoryRoot + "/scripts/lsap_reference.py", file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return try JSONDecoder().decode(Reference.self, from: output)
    }

    static func ms(_ start: Date) -> Int { Int(Date().timeIntervalSince(start) * 1000) }

    /// A seeded generator so every run measures the same instance.
    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
