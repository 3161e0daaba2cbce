import Testing
@testable import OpstapDomain

/// Matrices from the reference encoder `qrcode` 8.2 (Python; `QRCode(version=…,
/// error_correction=ERROR_CORRECT_M, mask_pattern=…, border=0)` with the text as one 8-bit-byte
/// segment), one string of 0/1 per row. (segno 1.6 appends a zero byte after the terminator in
/// byte mode, so its matrices differ in the padding while decoding to the same text.)
@Suite struct QRCodeTests {
    static let shortText = "Opstap"
    static let shortRows: [String] = [
        "111111100000001111111",
        "100000100000101000001",
        "101110101100001011101",
        "101110101010001011101",
        "101110101111101011101",
        "100000101000101000001",
        "111111101010101111111",
        "000000001011100000000",
        "101111100110101111100",
        "010101000000100100111",
        "111100111001010010110",
        "011011001010000111111",
        "011010110001010011011",
        "000000001111111100100",
        "111111100000101101010",
        "100000101111111101101",
        "101110101100100101010",
        "101110101010100011100",
        "101110101111010000100",
        "100000100100000001100",
        "111111101111010100010",
    ]

    static let uriText =
        "otpauth://totp/Opstap:coordinator.leiden%40opstap.demo?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Opstap&algorithm=SHA1&digits=6&period=30"
    static let uriRows: [String] = [
        "1111111000110101111100100111101101100000101111111",
        "1000001010110001000101110000000001101111101000001",
        "1011101010010001011111011010100110111001101011101",
        "1011101010000011111110101111100111011101001011101",
        "1011101001111101100001111110111110010100001011101",
        "1000001001110001000101100011100001101110001000001",
        "1111111010101010101010101010101010101010101111111",
        "0000000011000110000000100011011011100001100000000",
        "1000001011001111110111111110011100111101111001110",
        "1101100001100110001110111111011000111111111100000",
        "1101101110110000111111001011010000110111101001011",
        "0111010110110101001110010100101110001001011101011",
        "1011111011000010101111001000100111101110111010101",
        "1010100100011101100111111100011001010101011111010",
        "1111101010101110100011101100010000010001000001011",
        "0110100010000001111101011011000101010111110001110",
        "0011011100000001101011011001011100011001110101110",
        "1111010101111011010100001101111100001101011001010",
        "0000101101010001001001001001110010001101100111101",
        "1100110000110110000100000110001110010101011111011",
        "1100101111011100011111111010010101001001110100100",
        "1011000100100111001011101101111111110110111111011",
        "0100111111100000011111111110100010100010111111111",
        "0111100011001000100011100011011111100001100010001",
        "1011101011010101110101101010111010001110101011011",
        "1011100011001111001101100010101111011001100010000",
        "1011111111011010111101111111010000111011111111011",
        "1101110101111011111110111010011100000111111111101",
        "1111111111011010101100101110011101001101100101011",
        "1100000111010011111000010010111101001100001100100",
        "0110001101001111010010010011110110111111101011101",
        "1101110110010111010000010011110011010010101111000",
        "0001111000001001101011000011010101111101100101110",
        "1000100011000010000110011111111010111111101110100",
        "1111001000001101111001001000100001100011101011011",
        "1101000000110000001111111111110010001111110001000",
        "0001011010001000011110011111100010001001011001011",
        "1011000101100000110100011110111011001101001001011",
        "0100011010100110011000110101000100101111011000011",
        "0111000110101000110011101100110000100101110110110",
        "1110001010110110001011111110011100111011111110101",
        "0000000010000101101100100010111101001100100010100",
        "1111111001011010100111101011011011001100101011001",
        "1000001001111011101110100011111010010010100011011",
        "1011101001010100111000111110011101011000111111000",
        "1011101001011011011101110011011010101111000101001",
        "1011101000011000011011011100110101111101011100000",
        "1000001000111000100111011001111111000101001100001",
        "1111111010001111011100111011111011001001100110001",
    ]

    static func rows(_ code: QRCode) -> [String] { code.modules.map { String($0.map { $0 ? "1" : "0" }) } }

    @Test func aShortTextMatchesTheReferenceAtVersionOne() throws {
        let code = try QRCode(Self.shortText, forceMask: 2)
        #expect(code.version == 1)
        #expect(Self.rows(code) == Self.shortRows)
    }

    @Test func anAuthenticatorURIMatchesTheReferenceWithVersionInformation() throws {
        let code = try QRCode(Self.uriText, forceMask: 5)
        #expect(code.version == 8)
        #expect(Self.rows(code) == Self.uriRows)
    }

    @Test func theChosenMaskGivesTheSameDataUnderAnotherMask() throws {
        let chosen = try QRCode(Self.uriText)
        #expect((0..<8).contains(chosen.mask))
        #expect(Self.rows(chosen) == Self.rows(try QRCode(Self.uriText, forceMask: chosen.mask)))
    }

    @Test func theFastPenaltyScoresAsTheStandardReadsOnRandomAndRealMatrices() throws {
        var generator = SystemRandomNumberGenerator()
        var matrices = [Self.shortRows, Self.uriRows].map { $0.map { $0.map { $0 == "1" } } }
        for size in [21, 25, 49, 57] {
            // Sparse, dense and even matrices, so that every rule scores.
            for darkInTen in [2, 5, 8] {
                matrices.append(
                    (0..<size).map { _ in (0..<size).map { _ in Int.random(in: 0..<10, using: &generator) < darkInTen }
                    })
            }
        }
        for matrix in matrices {
            #expect(QRCode.penalty(matrix) == Self.standardPenalty(matrix))
        }
    }

    /// ISO/IEC 18004 §8.8.2 read literally, slowly: the reference for `QRCode.penalty`.
    static func standardPenalty(_ m: [[Bool]]) -> Int {
        let size = m.count
        var score = 0
        for line in 0..<size {
            for horizontal in [true, false] {
                var run = 1
                for i in 1..<size {
                    let current = horizontal ? m[line][i] : m[i][line]
                    let previous = horizontal ? m[line][i - 1] : m[i - 1][line]
                    if current == previous {
                        run += 1
                    } else {
                        if run >= 5 { score += run - 2 }
                        run = 1
                    }
                }
                if run >= 5 { score += run - 2 }
            }
        }
        for r in 0..<(size - 1) {
            for c in 0..<(size - 1)
            where m[r][c] == m[r][c + 1] && m[r][c] == m[r + 1][c] && m[r][c] == m[r + 1][c + 1] {
                score += 3
            }
        }
        let patterns: [[Bool]] = [
            [true, false, true, true, true, false, true, false, false, false, false],
            [false, false, false, false, true, false, true, true, true, false, true],
        ]
        for line in 0..<size {
            for start in 0...(size - 11) {
                for pattern in patterns {
                    if (0..<11).allSatisfy({ m[line][start + $0] == pattern[$0] }) { score += 40 }
                    if (0..<11).allSatisfy({ m[start + $0][line] == pattern[$0] }) { score += 40 }
                }
            }
        }
        let dark = m.reduce(0) { $0 + $1.filter { $0 }.count }
        score += (abs(dark * 100 / (size * size) - 50) / 5) * 10
        return score
    }

    @Test func aTextBeyondVersionTenIsRefused() {
        #expect(throws: QRCode.Failure.tooLong) { try QRCode(String(repeating: "a", count: 300)) }
    }
}
