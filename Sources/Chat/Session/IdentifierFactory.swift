/// Makes the server's random ids (`p_…`, `r_…`, `g_…`, `rep_…`): 60 random bits in 12 lowercase
/// base32 characters, so ids reveal nothing about how many people or rooms there have been.
enum IdentifierFactory {
    static let alphabet: [UInt8] = Array("abcdefghijklmnopqrstuvwxyz234567".utf8)

    static func make(prefix: String, using rng: inout some RandomNumberGenerator) -> String {
        var bits: UInt64 = rng.next()
        var out = Array(prefix.utf8)
        for _ in 0..<12 {
            out.append(alphabet[Int(bits & 31)])
            bits >>= 5
        }
        return String(decoding: out, as: UTF8.self)
    }
}
