import Testing
@testable import OpstapDomain

@Suite struct MinCostAssignmentTests {
    /// Kinds of random cost: each one stresses a different part of the search.
    enum Style: String, CaseIterable, Sendable {
        case uniform  // 0...1000
        case tiesAndZeros  // 0...2: many equal optimal matchings
        case bigM  // small costs with 10% forbidden cells at 10_000_000
        case largeSigned  // -10^9...10^9
    }

    @Test(arguments: Style.allCases) func matchesBruteForceOnSmallRandomInstances(_ style: Style) {
        var rng = SplitMix64(seed: 0x5EED_0000 + UInt64(Style.allCases.firstIndex(of: style)!))
        for _ in 0..<250 {
            let rows = rng.int(1...7)
            let columns = rng.int(1...7)
            let matrix = randomMatrix(rows: rows, columns: columns, style: style, rng: &rng)
            let assignment = MinCostAssignment.solve(matrix)
            expectValid(assignment, for: matrix)
            #expect(assignment.totalCost == bruteForceMinimum(matrix), "\(rows)×\(columns) \(matrix.costs)")
        }
    }

    @Test func aHandWorkedExampleWhereGreedyFails() {
        // Row by row, greedy takes 4 (col 1), then 3 (col 2), then 9 (col 0): 16. Cheapest cell
        // first takes 2, 7, 9: 18. The six matchings cost 18, 15, 17, 16, 16, 18; the only
        // optimum is 8 + 3 + 4 = 15.
        let matrix = CostMatrix(
            rows: 3, columns: 3,
            costs: [
                8, 4, 7,
                5, 2, 3,
                9, 4, 8,
            ])
        #expect(MinCostAssignment.solve(matrix) == Assignment(columnForRow: [0, 2, 1], totalCost: 15))
    }

    @Test func rectangularMatricesLeaveRowsOrColumnsUnused() {
        let wide = CostMatrix(
            rows: 2, columns: 3,
            costs: [
                5, 1, 9,
                4, 2, 3,
            ])
        #expect(MinCostAssignment.solve(wide) == Assignment(columnForRow: [1, 2], totalCost: 4))

        var tall = CostMatrix(rows: 3, columns: 2, fill: 0)
        tall[0, 0] = 5; tall[0, 1] = 4
        tall[1, 0] = 1; tall[1, 1] = 2
        tall[2, 0] = 9; tall[2, 1] = 3
        #expect(MinCostAssignment.solve(tall) == Assignment(columnForRow: [nil, 0, 1], totalCost: 4))
    }

    @Test func emptyMatricesAssignNothing() {
        #expect(
            MinCostAssignment.solve(CostMatrix(rows: 0, columns: 0, costs: []))
                == Assignment(columnForRow: [], totalCost: 0))
        #expect(
            MinCostAssignment.solve(CostMatrix(rows: 0, columns: 4, costs: []))
                == Assignment(columnForRow: [], totalCost: 0))
        #expect(
            MinCostAssignment.solve(CostMatrix(rows: 3, columns: 0, costs: []))
                == Assignment(columnForRow: [nil, nil, nil], totalCost: 0))
    }

    @Test func forbiddenCellsAreAvoidedWhenPossible() {
        // Big-M everywhere except a permutation: the solver must find that permutation.
        var rng = SplitMix64(seed: 7)
        let n = 40
        var permutation = Array(0..<n)
        for k in stride(from: n - 1, to: 0, by: -1) { permutation.swapAt(k, rng.int(0...k)) }
        var matrix = CostMatrix(rows: n, columns: n, fill: 10_000_000)
        for r in 0..<n { matrix[r, permutation[r]] = rng.int(0...100) }
        let assignment = MinCostAssignment.solve(matrix)
        #expect(assignment.columnForRow == permutation.map { Optional($0) })
        #expect(assignment.totalCost < 10_000_000)
    }

    @Test(arguments: [(60, 60), (45, 80), (80, 45)])
    func mediumInstancesAreValidAndCannotBeImprovedBySwapsOrMoves(rows: Int, columns: Int) {
        var rng = SplitMix64(seed: UInt64(rows * 1000 + columns))
        for style in Style.allCases {
            let matrix = randomMatrix(rows: rows, columns: columns, style: style, rng: &rng)
            let assignment = MinCostAssignment.solve(matrix)
            expectValid(assignment, for: matrix)
            expectLocallyOptimal(assignment, for: matrix)
            // Solving the transpose gives the same total and the mirrored matching.
            let flipped = MinCostAssignment.solve(transpose(matrix))
            #expect(flipped.totalCost == assignment.totalCost)
        }
    }

    // MARK: - Helpers

    func randomMatrix(rows: Int, columns: Int, style: Style, rng: inout SplitMix64) -> CostMatrix {
        var matrix = CostMatrix(rows: rows, columns: columns, fill: 0)
        for k in matrix.costs.indices {
            switch style {
            case .uniform: matrix.costs[k] = rng.int(0...1000)
            case .tiesAndZeros: matrix.costs[k] = rng.int(0...2)
            case .bigM: matrix.costs[k] = rng.int(0...9) == 0 ? 10_000_000 : rng.int(0...50)
            case .largeSigned: matrix.costs[k] = rng.int(-1_000_000_000...1_000_000_000)
            }
        }
        return matrix
    }

    /// A matching of min(rows, columns) pairs whose stated total is the sum of its cells.
    func expectValid(_ assignment: Assignment, for matrix: CostMatrix) {
        #expect(assignment.columnForRow.count == matrix.rows)
        let chosen = assignment.columnForRow.compactMap { $0 }
        #expect(chosen.count == min(matrix.rows, matrix.columns))
        #expect(Set(chosen).count == chosen.count, "a column is used twice")
        #expect(chosen.allSatisfy { (0..<matrix.columns).contains($0) })
        var sum = 0
        for (row, column) in assignment.columnForRow.enumerated() {
            if let column { sum += matrix[row, column] }
        }
        #expect(sum == assignment.totalCost)
    }

    /// Necessary for optimality: no exchange of two rows' columns, and no move of a row to an
    /// unused column (or of a column to an unused row), lowers the total.
    func expectLocallyOptimal(_ assignment: Assignment, for matrix: CostMatrix) {
        let pairs = assignment.columnForRow.enumerated().compactMap { row, column in column.map { (row, $0) } }
        let usedColumns = Set(pairs.map(\.1))
        let usedRows = Set(pairs.map(\.0))
        for (a, (r1, c1)) in pairs.enumerated() {
            for (r2, c2) in pairs[(a + 1)...] {
                #expect(matrix[r1, c2] + matrix[r2, c1] >= matrix[r1, c1] + matrix[r2, c2])
            }
            for c in 0..<matrix.columns where !usedColumns.contains(c) { #expect(matrix[r1, c] >= matrix[r1, c1]) }
            for r in 0..<matrix.rows where !usedRows.contains(r) { #expect(matrix[r, c1] >= matrix[r1, c1]) }
        }
    }

    /// Tries every injective map from the shorter side into the longer one.
    func bruteForceMinimum(_ matrix: CostMatrix) -> Int {
        let rowsAreShorter = matrix.rows <= matrix.columns
        let short = min(matrix.rows, matrix.columns)
        let long = max(matrix.rows, matrix.columns)
        var used = [Bool](repeating: false, count: long)
        var best = Int.max
        func extend(_ s: Int, _ total: Int) {
            if s == short {
                best = min(best, total)
                return
            }
            for l in 0..<long where !used[l] {
                used[l] = true
                extend(s + 1, total + (rowsAreShorter ? matrix[s, l] : matrix[l, s]))
                used[l] = false
            }
        }
        extend(0, 0)
        return best
    }

    func transpose(_ matrix: CostMatrix) -> CostMatrix {
        var result = CostMatrix(rows: matrix.columns, columns: matrix.rows, fill: 0)
        for r in 0..<matrix.rows {
            for c in 0..<matrix.columns { result[c, r] = matrix[r, c] }
        }
        return result
    }

    /// Seeded, so every run sees the same instances (Vigna's SplitMix64).
    struct SplitMix64 {
        private var state: UInt64
        init(seed: UInt64) { state = seed }

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        /// Uniform enough for tests (modulo bias is irrelevant here).
        mutating func int(_ range: ClosedRange<Int>) -> Int {
            let width = UInt64(bitPattern: Int64(range.upperBound &- range.lowerBound)) &+ 1
            return range.lowerBound &+ Int(truncatingIfNeeded: next() % width)
        }
    }
}
