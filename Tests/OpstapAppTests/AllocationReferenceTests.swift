import Foundation
import OpstapDomain
import Testing
@testable import OpstapApp

/// The Swift solver against SciPy's `linear_sum_assignment` on a large instance built with
/// the real cost function. `./scripts/test.sh` installs the venv with SciPy first; a plain
/// `swift test` without it skips this one.
@Suite struct AllocationReferenceTests {
    static let venv = FileManager.default.isExecutableFile(atPath: BenchAllocation.repositoryRoot + "/.venv/bin/python")

    @Test(.enabled(if: venv, "needs the test venv with SciPy (scripts/install-test-deps.sh)"))
    func theOptimumEqualsSciPysOnALargeInstance() throws {
        let matrix = try BenchAllocation.instance(size: 500, seed: 42)
        let swift = MinCostAssignment.solve(matrix)
        let reference = try #require(try BenchAllocation.scipy(matrix))
        #expect(reference.cost == swift.totalCost)
        #expect(reference.pairs == swift.columnForRow.compactMap { $0 }.count)
    }
}
