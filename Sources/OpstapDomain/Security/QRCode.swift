/// A QR code (ISO/IEC 18004) for a short text in byte mode at error-correction level M,
/// versions 1 to 10 — enough for an `otpauth://` URI of an authenticator key. Written here
/// because no QR package can be resolved on the build machines; tested against the matrices
/// a reference encoder produces (`QRCodeTests`).
public struct QRCode: Sendable, Equatable {
    /// `modules[row][column]`, true for dark.
    public let modules: [[Bool]]
    public let version: Int
    public let mask: Int
    public var size: Int { modules.count }

    /// Per version at level M: EC codewords per block, and the blocks as (count, data codewords).
    static let levelM: [(ec: Int, groups: [(count: Int, data: Int)])] = [
        (10, [(1, 16)]), (16, [(1, 28)]), (26, [(1, 44)]), (18, [(2, 32)]), (24, [(2, 43)]),
        (16, [(4, 27)]), (18, [(4, 31)]), (22, [(2, 38), (2, 39)]), (22, [(3, 36), (2, 37)]), (26, [(4, 43), (1, 44)]),
    ]
    static let alignment: [[Int]] = [
        [], [6, 18], [6, 22], [6, 26], [6, 30], [6, 34], [6, 22, 38], [6, 24, 42], [6, 26, 46], [6, 28, 50],
    ]

    public enum Failure: Error, Equatable { case tooLong }

    /// Encodes `text` as UTF-8 bytes in the smallest version that holds it; `forceMask`
    /// (0–7) skips the penalty-based choice (tests compare with a reference that way).
    public init(_ text: String, forceMask: Int? = nil) throws {
        let bytes = Array(text.utf8)
        guard let version = (1...10).first(where: { Self.capacityBits($0) >= Self.dataBits(bytes.count, version: $0) })
        else { throw Failure.tooLong }
        let codewords = Self.codewords(bytes, version: version)
        let base = Self.functionPatterns(version: version)
        var best: (matrix: [[Bool]], mask: Int, penalty: Int)?
        for mask in forceMask.map({ [$0] }) ?? Array(0..<8) {
            var matrix = base.matrix
            Self.place(codewords, in: &matrix, reserved: base.reserved, mask: mask)
            Self.drawFormat(mask: mask, in: &matrix)
            if version >= 7 { Self.drawVersion(version, in: &matrix) }
            let penalty = forceMask == nil ? Self.penalty(matrix) : 0
            if best == nil || penalty < best!.penalty { best = (matrix, mask, penalty) }
        }
        self.modules = best!.matrix
        self.version = version
        self.mask = best!.mask
    }

    static func capacityBits(_ version: Int) -> Int {
        levelM[version - 1].groups.reduce(0) { $0 + $1.count * $1.data } * 8
    }

    static func dataBits(_ count: Int, version: Int) -> Int { 4 + (version < 10 ? 8 : 16) + 8 * count }

    // MARK: Codewords

    static func codewords(_ bytes: [UInt8], version: Int) -> [UInt8] {
        var bits: [Bool] = []
        func append(_ value: Int, _ length: Int) {
            for i in stride(from: length - 1, through: 0, by: -1) { bits.append((value >> i) & 1 == 1) }
        }
        append(0b0100, 4)
        append(bytes.count, version < 10 ? 8 : 16)
        for byte in bytes { append(Int(byte), 8) }
        let capacity = capacityBits(version)
        append(0, min(4, capacity - bits.count))
        while bits.count % 8 != 0 { bits.append(false) }
        var data: [UInt8] = stride(from: 0, to: bits.count, by: 8).map { start in
            bits[start..<start + 8].reduce(UInt8(0)) { ($0 << 1) | ($1 ? 1 : 0) }
        }
        var pad: [UInt8] = [0xEC, 0x11]
        while data.count * 8 < capacity { data.append(pad[0]); pad.swapAt(0, 1) }

        let spec = levelM[version - 1]
        var blocks: [[UInt8]] = []
        var offset = 0
        for group in spec.groups {
            for _ in 0..<group.count {
                blocks.append(Array(data[offset..<offset + group.data]))
                offset += group.data
            }
        }
        let generator = ReedSolomon.generator(degree: spec.ec)
        let ecBlocks = blocks.map { ReedSolomon.remainder($0, generator: generator) }
        var result: [UInt8] = []
        for i in 0..<(blocks.map(\.count).max() ?? 0) {
            for block in blocks where i < block.count { result.append(block[i]) }
        }
        for i in 0..<spec.ec { for block in ecBlocks { result.append(block[i]) } }
        return result
    }

    // MARK: Matrix

    static func functionPatterns(version: Int) -> (matrix: [[Bool]], reserved: [[Bool]]) {
        let size = 17 + 4 * version
        var matrix = Array(repeating: Array(repeating: false, count: size), count: size)
        var reserved = matrix
        func set(_ row: Int, _ column: Int, _ dark: Bool) {
            matrix[row][column] = dark
            reserved[row][column] = true
        }
        // Finder patterns with their separators.
        for (top, left) in [(0, 0), (0, size - 7), (size - 7, 0)] {
            for r in -1...7 {
                for c in -1...7 {
                    let row = top + r, column = left + c
                    guard (0..<size).contains(row), (0..<size).contains(column) else { continue }
                    let inRing = (0...6).contains(r) && (0...6).contains(c) && (r == 0 || r == 6 || c == 0 || c == 6)
                    let inCore = (2...4).contains(r) && (2...4).contains(c)
                    set(row, column, inRing || inCore)
                }
            }
        }
        // Timing patterns.
        for i in 8..<(size - 8) {
            set(6, i, i % 2 == 0)
            set(i, 6, i % 2 == 0)
        }
        // Alignment patterns, except where they would overlap a finder.
        let centres = alignment[version - 1]
        for row in centres {
            for column in centres {
                if (row == 6 && column == 6) || (row == 6 && column == size - 7) || (row == size - 7 && column == 6) {
                    continue
                }
                for r in -2...2 { for c in -2...2 { set(row + r, column + c, max(abs(r), abs(c)) != 1) } }
            }
        }
        // Format information areas (drawn per mask) and the dark module.
        for i in 0...8 {
            if i != 6 { reserved[8][i] = true; reserved[i][8] = true }
        }
        for i in 0..<8 {
            reserved[8][size - 1 - i] = true
            reserved[size - 1 - i][8] = true
        }
        set(size - 8, 8, true)
        if version >= 7 {
            for i in 0..<6 { for j in 0..<3 { reserved[i][size - 11 + j] = true; reserved[size - 11 + j][i] = true } }
        }
        return (matrix, reserved)
    }

    static func place(_ codewords: [UInt8], in matrix: inout [[Bool]], reserved: [[Bool]], mask: Int) {
        let size = matrix.count
        var bitIndex = 0
        let totalBits = codewords.count * 8
        var column = size - 1
        var upward = true
        while column > 0 {
            if column == 6 { column -= 1 }
            for i in 0..<size {
                let row = upward ? size - 1 - i : i
                for c in [column, column - 1] where !reserved[row][c] {
                    var dark = false
                    if bitIndex < totalBits {
                        dark = (codewords[bitIndex / 8] >> (7 - UInt8(bitIndex % 8))) & 1 == 1
                        bitIndex += 1
                    }
                    if applies(mask, row: row, column: c) { dark.toggle() }
                    matrix[row][c] = dark
                }
            }
            upward.toggle()
            column -= 2
        }
    }

    static func applies(_ mask: Int, row r: Int, column c: Int) -> Bool {
        switch mask {
        case 0: (r + c) % 2 == 0
        case 1: r % 2 == 0
        case 2: c % 3 == 0
        case 3: (r + c) % 3 == 0
        case 4: (r / 2 + c / 3) % 2 == 0
        case 5: (r * c) % 2 + (r * c) % 3 == 0
        case 6: ((r * c) % 2 + (r * c) % 3) % 2 == 0
        default: ((r + c) % 2 + (r * c) % 3) % 2 == 0
        }
    }

    /// 15 format bits: level M (00) and the mask, BCH-protected and XOR-ed with 0x5412.
    static func formatBits(mask: Int) -> Int {
        let data = (0b00 << 3) | mask
        var remainder = data << 10
        for bit in stride(from: 14, through: 10, by: -1) where (remainder >> bit) & 1 == 1 {
            remainder ^= 0x537 << (bit - 10)
        }
        return ((data << 10) | remainder) ^ 0x5412
    }

    static func drawFormat(mask: Int, in matrix: inout [[Bool]]) {
        let size = matrix.count
        let bits = formatBits(mask: mask)
        func bit(_ i: Int) -> Bool { (bits >> i) & 1 == 1 }
        // Around the top-left finder: bits 0–7 down column 8 (skipping the timing row)...
        for i in 0...5 { matrix[i][8] = bit(i) }
        matrix[7][8] = bit(6)
        matrix[8][8] = bit(7)
        matrix[8][7] = bit(8)
        // ...and bits 9–14 along row 8 towards the left edge.
        for i in 9...14 { matrix[8][14 - i] = bit(i) }
        // The copy: bits 0–7 along row 8 from the right edge, bits 8–14 up column 8 from the bottom.
        for i in 0...7 { matrix[8][size - 1 - i] = bit(i) }
        for i in 8...14 { matrix[size - 15 + i][8] = bit(i) }
        matrix[size - 8][8] = true
    }

    static func drawVersion(_ version: Int, in matrix: inout [[Bool]]) {
        let size = matrix.count
        var remainder = version << 12
        for bit in stride(from: 17, through: 12, by: -1) where (remainder >> bit) & 1 == 1 {
            remainder ^= 0x1F25 << (bit - 12)
        }
        let bits = (version << 12) | remainder
        for i in 0..<18 {
            let dark = (bits >> i) & 1 == 1
            let a = i / 3, b = size - 11 + i % 3
            matrix[a][b] = dark
            matrix[b][a] = dark
        }
    }

    // MARK: Mask choice (ISO/IEC 18004 §8.8.2)

    /// The penalty of one masked matrix. It runs for each of the eight masks of every code, so it
    /// reads a flat buffer and slides bit windows instead of comparing slices with closures.
    static func penalty(_ m: [[Bool]]) -> Int {
        let size = m.count
        let cells = m.flatMap { $0 }
        return cells.withUnsafeBufferPointer { cell in
            // The module of `line` at `i`, along a row or down a column.
            func at(_ line: Int, _ i: Int, _ horizontal: Bool) -> Bool {
                horizontal ? cell[line * size + i] : cell[i * size + line]
            }
            var score = 0
            // Rule 1: runs of five or more of one colour in a row or column.
            // Rule 3: finder-like patterns 1:1:3:1:1 with four light modules on one side, read
            // as the last eleven modules in an 11-bit window (dark = 1).
            let finderThenLight = 0b101_1101_0000
            let lightThenFinder = 0b000_0101_1101
            for line in 0..<size {
                for horizontal in [true, false] {
                    var run = 1
                    var window = at(line, 0, horizontal) ? 1 : 0
                    for i in 1..<size {
                        let current = at(line, i, horizontal)
                        if current == at(line, i - 1, horizontal) {
                            run += 1
                        } else {
                            if run >= 5 { score += run - 2 }
                            run = 1
                        }
                        window = ((window << 1) | (current ? 1 : 0)) & 0b111_1111_1111
                        if i >= 10, window == finderThenLight || window == lightThenFinder { score += 40 }
                    }
                    if run >= 5 { score += run - 2 }
                }
            }
            // Rule 2: 2×2 blocks of one colour.
            for r in 0..<(size - 1) {
                for c in 0..<(size - 1) {
                    let colour = cell[r * size + c]
                    if colour == cell[r * size + c + 1] && colour == cell[(r + 1) * size + c]
                        && colour == cell[(r + 1) * size + c + 1]
                    {
                        score += 3
                    }
                }
            }
            // Rule 4: balance of dark and light.
            let dark = cell.reduce(0) { $0 + ($1 ? 1 : 0) }
            let percent = dark * 100 / (size * size)
            score += (abs(percent - 50) / 5) * 10
            return score
        }
    }
}

/// Reed–Solomon error correction over GF(256) with the QR polynomial x⁸+x⁴+x³+x²+1.
enum ReedSolomon {
    static let tables: (exp: [UInt8], log: [Int]) = {
        var exp = [UInt8](repeating: 0, count: 512)
        var log = [Int](repeating: 0, count: 256)
        var x = 1
        for i in 0..<255 {
            exp[i] = UInt8(x)
            log[x] = i
            x <<= 1
            if x & 0x100 != 0 { x ^= 0x11D }
        }
        for i in 255..<512 { exp[i] = exp[i - 255] }
        return (exp, log)
    }()

    static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
        if a == 0 || b == 0 { return 0 }
        return tables.exp[tables.log[Int(a)] + tables.log[Int(b)]]
    }

    /// The generator polynomial ∏(x − αⁱ), i < degree, highest coefficient first (without the leading 1).
    static func generator(degree: Int) -> [UInt8] {
        var poly: [UInt8] = [1]
        for i in 0..<degree {
            var next = [UInt8](repeating: 0, count: poly.count + 1)
            for (j, coefficient) in poly.enumerated() {
                next[j] ^= coefficient
                next[j + 1] ^= multiply(coefficient, tables.exp[i])
            }
            poly = next
        }
        return Array(poly.dropFirst())
    }

    static func remainder(_ data: [UInt8], generator: [UInt8]) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: generator.count)
        for byte in data {
            let factor = byte ^ result[0]
            result.removeFirst()
            result.append(0)
            for i in 0..<generator.count { result[i] ^= multiply(generator[i], factor) }
        }
        return result
    }
}
