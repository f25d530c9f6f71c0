/// One reflection rule: words that call for a suggestion, and the suggestion itself.
///
/// A rule fires when any of its patterns matches, no `unless` guard matches around the match and every
/// `requires` guard does. Within a family, rules earlier in the file take precedence.
public struct Rule: Sendable, Equatable {
    /// A unique, stable name (it is sent on the wire as `rule`).
    public let id: String
    /// The family the suggestion belongs to (at most one suggestion per family per text).
    public let family: String
    /// The IPS task the suggestion serves.
    public let task: IPSTask
    /// The IPS principle the suggestion leans on.
    public let principle: IPSPrinciple
    /// The patterns that make the rule fire.
    public let patterns: [Pattern]
    /// Guards that cancel a match (negation, reported speech, idioms…).
    public let unless: [GuardReference]
    /// Guards that must also match for the rule to fire.
    public let requires: [GuardReference]
    /// The suggestion offered to the writer, as an option ("You could ask…").
    public let text: String
    /// One sentence saying why, in plain IPS language.
    public let why: String
    /// The line of the file the rule starts on.
    public let line: Int
    /// The line of its `family` field, where an undeclared family is reported.
    let familyLine: Int
}

/// Words that, found near a match, cancel it (`unless`) or are needed for it (`requires`).
public struct Guard: Sendable, Equatable {
    /// Where the guard pattern is looked for, relative to the rule's match.
    public enum Scope: Sendable, Equatable {
        /// Starting before the match and ending at most `within` words before it (or overlapping it).
        case before(within: Int)
        /// Starting at most `within` words after the match.
        case after(within: Int)
        /// Starting on the match's first word.
        case at
        /// Starting on one of the match's words.
        case inside
        /// Anywhere in the match's sentence.
        case sentence
        /// Anywhere in the text.
        case text
        /// Anywhere in the quotation that holds the match (never, when the match is not quoted): lets a rule
        /// pass over words the writer quotes from someone else or holds up to mock.
        case quote
    }

    /// What to look for.
    public let pattern: Pattern
    /// Where to look.
    public let scope: Scope
}

/// A rule's guard: the name of a shared guard list, or a guard written in place.
public enum GuardReference: Sendable, Equatable {
    /// A list under the file's `guards`, by name, with the line that names it.
    case named(String, line: Int)
    /// A guard written in the rule itself.
    case inline(Guard)
}

/// A named list of phrases a pattern can use as `{NAME}` (people, labels, ways of saying "stop"…).
public struct WordClass: Sendable, Equatable {
    /// The name patterns use inside braces.
    public let name: String
    /// The phrases; each is plain words, optionally ending in `*`.
    public let phrases: [Pattern]
    /// The line the class starts on.
    public let line: Int
}

/// A spelling people type that stands for canonical words ("u" → "you", "kms" → "kill myself").
public struct Alias: Sendable, Equatable {
    /// The word as typed (one word).
    public let surface: String
    /// What it stands for (one or more words).
    public let meaning: String
    /// The line it is on.
    public let line: Int
}
