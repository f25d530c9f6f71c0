/// A prompt the coach offers: its kind, the IPS task it serves, and its words.
public struct Prompt: Sendable, Equatable {
    /// When it is offered (opening, silence, closing, or a mutuality nudge).
    public let kind: PromptBook.Kind
    /// The IPS task it serves (sent on the wire as `task`).
    public let task: IPSTask
    /// The words, one of the kind's variants.
    public let text: String

    /// A prompt with these parts.
    public init(kind: PromptBook.Kind, task: IPSTask, text: String) {
        self.kind = kind
        self.task = task
        self.text = text
    }
}

/// What the Chat layer should send after telling the coach something.
public enum PromptEffect: Sendable, Equatable {
    /// `{"type":"prompt","room":…,"task":…,"text":…}` to every member of the room except those listed,
    /// who have turned prompts off.
    case toRoom(Prompt, excluding: [String])
    /// The same message to one member only, with `"private": true` (mutuality nudges).
    case toMember(String, Prompt)
}
