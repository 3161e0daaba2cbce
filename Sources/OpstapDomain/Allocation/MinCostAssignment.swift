/// A dense cost matrix, row-major, integer costs. `rows` may differ from `columns`.
public struct CostMatrix: Sendable {
    public let rows: Int
    public let columns: Int
    /// Row-major: the cost of (row r, column c) is `costs[r * columns + c]`.
    public var costs: [Int]

    public init(rows: Int, columns: Int, costs: [Int]) {
        precondition(rows >= 0 && columns >= 0, "CostMatrix: negative dimension")
        precondition(costs.count == rows * columns, "CostMatrix: costs.count must be rows * columns")
        self.rows = rows
        self.columns = columns
        self.costs = costs
    }

    public init(rows: Int, columns: Int, fill: Int) {
        self.init(rows: rows, columns: columns, costs: Array(repeating: fill, count: rows * columns))
    }

    public subscript(row: Int, column: Int) -> Int {
        get {
            precondition(row >= 0 && row < rows && column >= 0 && column < columns, "CostMatrix: index out of range")
            return costs[row * columns + column]
        }
        set {
            precondition(row >= 0 && row < rows && column >= 0 && column < columns, "CostMatrix: index out of range")
            costs[row * columns + column] = newValue
        }
    }
}

/// The result of `MinCostAssignment.solve`.
public struct Assignment: Sendable, Equatable {
    /// `columnForRow[r]` is the column assigned to row `r`, or nil (only when rows > columns).
    public let columnForRow: [Int?]
    /// The sum of the costs of the chosen cells.
    public let totalCost: Int

    public init(columnForRow: [Int?], totalCost: Int) {
        self.columnForRow = columnForRow
        self.totalCost = totalCost
    }
}

/// Exact rectangular minimum-cost assignment (linear sum assignment), with the same meaning
/// as `scipy.optimize.linear_sum_assignment` on an integer matrix: pick min(rows, columns)
/// cells, no two in one row or one column, with the smallest possible total cost.
///
/// Algorithm: shortest augmenting paths with dual potentials (Jonker–Volgenant), in the form
/// of Crouse, "On implementing 2D rectangular assignment algorithms" (IEEE TAES 2016), which
/// is what SciPy runs. With at least as many columns as rows (otherwise the matrix is
/// transposed first), rows are added one at a time. For each new row a Dijkstra search over
/// the columns, on reduced costs `c[i][j] - u[i] - v[j]` (never negative), finds the cheapest
/// alternating path from that row to a free column; flipping the path grows the matching by
/// one, and shifting the potentials by the search distances keeps every reduced cost
/// non-negative and every matched cell at zero. Those two facts are the LP dual certificate
/// that each intermediate matching is optimal for its rows, so the final one is optimal.
/// The scan is dense (every unscanned column per step), O(n² · m) worst case, typically far
/// less; it uses flat buffers and allocates nothing per step.
///
/// Why not greedy: taking the cheapest free cell row by row can lock in a choice that
/// forces a very expensive one later (rows A, B; A costs 1 or 2, B costs 1 or 100: greedy
/// pays 1 + 100, optimal is 2 + 1). The augmenting path *re-assigns* earlier rows whenever
/// that lowers the total, so no early decision is final.
///
/// Exactness: integer arithmetic only, no tolerance. Intermediate values (potentials, path
/// lengths) stay within a small multiple of min(rows, columns) · max |cost|, far inside Int
/// for cells up to 10^9 at 2000 × 2000; should a matrix ever exceed that, Swift's checked
/// arithmetic traps rather than returning a wrong answer. Ties are broken exactly as SciPy breaks them,
/// so for the same matrix the pairs, not only the total, agree with SciPy.
public enum MinCostAssignment {
    public static func solve(_ matrix: CostMatrix) -> Assignment {
        let rows = matrix.rows
        let columns = matrix.columns
        precondition(matrix.costs.count == rows * columns, "CostMatrix: costs.count must be rows * columns")
        if rows == 0 || columns == 0 {
            return Assignment(columnForRow: Array(repeating: nil, count: rows), totalCost: 0)
        }

        var columnForRow = [Int?](repeating: nil, count: rows)
        if rows <= columns {
            let col4row = matrix.costs.withUnsafeBufferPointer { solveWide($0, rows: rows, columns: columns) }
            for r in 0..<rows { columnForRow[r] = col4row[r] }
        } else {
            // More rows than columns: solve the transpose, whose rows are our columns.
            var transposed = ContiguousArray<Int>(repeating: 0, count: rows * columns)
            matrix.costs.withUnsafeBufferPointer { src in
                transposed.withUnsafeMutableBufferPointer { dst in
                    for r in 0..<rows {
                        for c in 0..<columns { dst[c * rows + r] = src[r * columns + c] }
                    }
                }
            }
            let rowForColumn = transposed.withUnsafeBufferPointer { solveWide($0, rows: columns, columns: rows) }
            for c in 0..<columns { columnForRow[rowForColumn[c]] = c }
        }

        var total = 0
        for r in 0..<rows {
            if let c = columnForRow[r] { total += matrix.costs[r * columns + c] }
        }
        return Assignment(columnForRow: columnForRow, totalCost: total)
    }

    /// Solves an `nr × nc` problem with `nr <= nc`; returns the column of every row.
    private static func solveWide(_ cost: UnsafeBufferPointer<Int>, rows nr: Int, columns nc: Int) -> [Int] {
        // One scratch block, carved into the arrays of the algorithm.
        var scratch = ContiguousArray<Int>(repeating: 0, count: 3 * nr + 5 * nc)
        return scratch.withUnsafeMutableBufferPointer { block -> [Int] in
            let c = cost.baseAddress!
            let u = block.baseAddress!  // row potentials
            let col4row = u + nr  // matched column of each row, -1 if none
            let visitedRows = col4row + nr  // rows scanned in the current search, in order
            let v = visitedRows + nr  // column potentials
            let shortest = v + nc  // search distance to each column
            let path = shortest + nc  // row from which each column was reached
            let row4col = path + nc  // matched row of each column, -1 if none
            let remaining = row4col + nc  // [0, numRemaining) unscanned, the rest scanned
            for k in 0..<nr { col4row[k] = -1 }
            for k in 0..<nc {
                path[k] = -1
                row4col[k] = -1
            }

            for curRow in 0..<nr {
                // Dijkstra from curRow over the columns, until a free column is reached.
                for k in 0..<nc {
                    remaining[k] = nc - k - 1
                    shortest[k] = .max
                }
                var numRemaining = nc
                var visitedCount = 0
                var minVal = 0
                var i = curRow
                var sink = -1
                while sink < 0 {
                    visitedRows[visitedCount] = i
                    visitedCount += 1
                    let rowCost = c + i * nc
                    let base = minVal - u[i]
                    var index = -1
                    var lowest = Int.max
                    for it in 0..<numRemaining {
                        let j = remaining[it]
                        let r = base + rowCost[j] - v[j]
                        var s = shortest[j]
                        if r < s {
                            path[j] = i
                            shortest[j] = r
                            s = r
                        }
                        // Among equal distances prefer a free column: the search can stop there.
                        if s < lowest || (s == lowest && row4col[j] < 0) {
                            lowest = s
                            index = it
                        }
                    }
                    minVal = lowest
                    let j = remaining[index]
                    if row4col[j] < 0 { sink = j } else { i = row4col[j] }
                    numRemaining -= 1
                    remaining[index] = remaining[numRemaining]
                    remaining[numRemaining] = j
                }

                // Shift the potentials so reduced costs stay >= 0 and matched cells stay 0.
                u[curRow] += minVal
                for k in 1..<visitedCount {  // visitedRows[0] is curRow itself
                    let r = visitedRows[k]
                    u[r] += minVal - shortest[col4row[r]]
                }
                for k in numRemaining..<nc {
                    let j = remaining[k]
                    v[j] -= minVal - shortest[j]
                }

                // Flip the alternating path back from the free column to curRow.
                var j = sink
                while true {
                    let r = path[j]
                    row4col[j] = r
                    let previous = col4row[r]
                    col4row[r] = j
                    j = previous
                    if r == curRow { break }
                }
            }
            return Array(UnsafeBufferPointer(start: col4row, count: nr))
        }
    }
}
