import Crypto
import Foundation
import Testing

@testable import OpstapApp

/// Token hashes and audit-chain links are stored as hexadecimal text: the encoding must stay
/// byte for byte what it was, or every stored chain would stop verifying and every token stop
/// matching.
@Suite struct HexEncodingTests {
    @Test func everyByteIsTwoLowercaseDigitsAsPrintfWritesThem() {
        for byte in UInt8.min...UInt8.max {
            #expect([byte].hexEncoded == String(format: "%02x", byte))
        }
        #expect([UInt8]().hexEncoded == "")
        #expect(
            SHA256.hash(data: Data("abc".utf8)).hexEncoded
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    /// A link is SHA-256 over the previous hash, the sequence number and the fields, as the
    /// verification of chains sealed by earlier versions recomputes it.
    @Test func aChainLinkIsUnchanged() {
        #expect(
            AuditChain.link(previous: "", seq: 1, fields: ["a", "b"])
                == "c4d2d0008228c08414679cf5f6d55d42aed001722fad610f16a10d240293b41e")
    }
}
