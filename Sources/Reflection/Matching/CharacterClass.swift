/// How the tokenizer sees each Unicode scalar. Only scalars above ASCII pay for a property lookup.
enum CharacterClass {
    @inline(__always) static func isWord(_ scalar: UInt32) -> Bool {
        if scalar < 0x80 {
            return (scalar | 0x20) >= 0x61 && (scalar | 0x20) <= 0x7A || isDigit(scalar) || scalar == 0x5F
        }
        if scalar == 0xD7 || scalar == 0xF7 { return false }
        // General punctuation (curly quotes, dashes, ellipsis) and emoji are never letters.
        if scalar >= 0x2000 && scalar <= 0x2BFF || scalar >= 0x1F000 && scalar <= 0x1FAFF { return false }
        return Unicode.Scalar(scalar)?.properties.isAlphabetic ?? false
    }

    @inline(__always) static func isDigit(_ scalar: UInt32) -> Bool { scalar >= 0x30 && scalar <= 0x39 }

    /// ASCII a–z, for the byte-level fast paths.
    @inline(__always) static func isSmallLetter(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }

    /// ASCII A–Z, for the byte-level fast paths.
    @inline(__always) static func isCapitalLetter(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }

    /// Straight, curly and modifier apostrophes, the backtick and the acute accent people type for one.
    @inline(__always) static func isApostrophe(_ scalar: UInt32) -> Bool {
        scalar == 0x27 || scalar == 0x2019 || scalar == 0x2018 || scalar == 0x02BC || scalar == 0x60 || scalar == 0xB4
    }

    /// `. ! ? ;` line breaks, the ellipsis and dashes end a sentence (or a clause: close enough for matching).
    @inline(__always) static func endsSentence(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x2E, 0x21, 0x3F, 0x3B, 0x0A, 0x0D, 0x2026, 0x2014, 0x2013: true
        default: false
        }
    }

    /// `, : ( ) "` and curly double quotes end a clause but not a sentence.
    @inline(__always) static func endsClause(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x2C, 0x3A, 0x28, 0x29, 0x22, 0x201C, 0x201D: true
        default: false
        }
    }

    /// Signs that stand for a word become that word: currency ("£30" → `pounds 30`, so a rule can say
    /// "pounds {NUMBER}"), and the few emoji people use in place of a word about harm ("did it again 🩸" →
    /// `did it again blood`), which would otherwise be passed over like any other emoji.
    static func symbolWord(_ scalar: UInt32) -> StaticString? {
        switch scalar {
        case 0xA3: "pounds"
        case 0x24: "dollars"
        case 0x20AC: "euros"
        case 0x1FA78: "blood"  // drop of blood
        case 0x1F48A: "pills"  // pill
        case 0x1F52A: "knife"  // kitchen knife
        case 0x26B0: "coffin"  // coffin
        case 0x1FAA6: "grave"  // headstone
        default: nil
        }
    }

    /// Characters that can continue an e-mail address, link or handle once one has started.
    @inline(__always) static func isContactByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x09, 0x0A, 0x0D, 0x22, 0x3C, 0x3E, 0x28, 0x29, 0x5B, 0x5D, 0x7B, 0x7D: false
        default: byte >= 0x21 && byte < 0x7F
        }
    }

    /// Letters, digits, "_" and "." continue an @handle.
    @inline(__always) static func isHandleByte(_ byte: UInt8) -> Bool {
        isWord(UInt32(byte)) && byte < 0x80 || byte == 0x2E
    }
}
