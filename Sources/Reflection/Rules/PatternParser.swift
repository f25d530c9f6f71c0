/// Parses the pattern syntax described on `Pattern` into `PatternNode`s.
struct PatternParser {
    /// Why a pattern was refused, in words for the operator.
    struct Failure: Error {
        let reason: String
    }

    /// The largest gap `..N` allows; longer gaps match too much to mean anything.
    static let maximumGap = 12
    /// What `...` means.
    static let defaultGap = 4

    private enum Lexeme: Equatable {
        case open, close, openOptional, closeOptional, bar, any, start, end
        case gap(Int)
        case slot(String)
        case word(String)
    }

    private var lexemes: [Lexeme]
    private var position = 0

    static func parse(_ source: String) throws(Failure) -> [PatternNode] {
        var parser = PatternParser(lexemes: try lex(source))
        let nodes = try parser.sequence()
        guard parser.position == parser.lexemes.count else { throw Failure(reason: "unbalanced brackets") }
        guard !nodes.isEmpty else { throw Failure(reason: "it is empty") }
        if case .gap = nodes.first { throw Failure(reason: "it cannot begin with a gap") }
        if case .gap = nodes.last { throw Failure(reason: "it cannot end with a gap") }
        return nodes
    }

    private mutating func sequence() throws(Failure) -> [PatternNode] {
        var nodes: [PatternNode] = []
        while position < lexemes.count {
            let lexeme = lexemes[position]
            switch lexeme {
            case .close, .closeOptional, .bar: return nodes
            case .open, .openOptional:
                position += 1
                let branches = try alternatives(closer: lexeme == .open ? .close : .closeOptional)
                nodes.append(.choice(branches, optional: lexeme == .openOptional))
            case .any: position += 1; nodes.append(.anyWord)
            case .start: position += 1; nodes.append(.clauseStart)
            case .end: position += 1; nodes.append(.clauseEnd)
            case .gap(let size): position += 1; nodes.append(.gap(size))
            case .slot(let name): position += 1; nodes.append(.slot(name))
            case .word(let word):
                position += 1
                if word.hasSuffix("*") {
                    nodes.append(.prefix(String(word.dropLast())))
                } else {
                    nodes.append(.literal(word))
                }
            }
        }
        return nodes
    }

    private mutating func alternatives(closer: Lexeme) throws(Failure) -> [[PatternNode]] {
        var branches: [[PatternNode]] = []
        while true {
            let branch = try sequence()
            guard !branch.isEmpty else { throw Failure(reason: "a choice has an empty branch") }
            branches.append(branch)
            guard position < lexemes.count else { throw Failure(reason: "a bracket is not closed") }
            let lexeme = lexemes[position]
            position += 1
            if lexeme == .bar { continue }
            guard lexeme == closer else { throw Failure(reason: "mismatched brackets") }
            return branches
        }
    }

    private static func lex(_ source: String) throws(Failure) -> [Lexeme] {
        var lexemes: [Lexeme] = []
        var word = ""
        func flush() throws(Failure) {
            defer { word = "" }
            guard !word.isEmpty else { return }
            if word == "_" { lexemes.append(.any); return }
            if word == "^" { lexemes.append(.start); return }
            if word == "$" { lexemes.append(.end); return }
            if word == "..." { lexemes.append(.gap(defaultGap)); return }
            if word.hasPrefix("..") {
                guard let size = Int(word.dropFirst(2)), (1...maximumGap).contains(size) else {
                    throw Failure(reason: "a gap is written ..N with N from 1 to \(maximumGap)")
                }
                lexemes.append(.gap(size))
                return
            }
            if word.dropLast().contains("*") || word == "*" {
                throw Failure(reason: "\"*\" may only end a word")
            }
            let letters = word.hasSuffix("*") ? String(word.dropLast()) : word
            guard letters.unicodeScalars.contains(where: { CharacterClass.isWord($0.value) || CharacterClass.symbolWord($0.value) != nil })
            else { throw Failure(reason: "\"\(word)\" has no letters or digits") }
            lexemes.append(.word(word))
        }
        var characters = source.makeIterator()
        while let character = characters.next() {
            switch character {
            case "(", ")", "[", "]", "|":
                try flush()
                let map: [Character: Lexeme] = ["(": .open, ")": .close, "[": .openOptional, "]": .closeOptional, "|": .bar]
                if let lexeme = map[character] { lexemes.append(lexeme) }
            case "{":
                try flush()
                var name = ""
                var closed = false
                while let next = characters.next() {
                    if next == "}" { closed = true; break }
                    name.append(next)
                }
                guard closed, !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" })
                else { throw Failure(reason: "a class is written {NAME}") }
                lexemes.append(.slot(name))
            case "}":
                throw Failure(reason: "unbalanced \"}\"")
            default:
                if character.isWhitespace { try flush() } else { word.append(character) }
            }
        }
        try flush()
        return lexemes
    }
}
