/// The room-level side of reflection: an opening prompt for a new pair room, a gentle prompt after a
/// silence, a closing prompt when someone moves to leave, and private nudges when an exchange has become
/// one-sided.
///
/// A value with no clock of its own: every event carries `now` (milliseconds), and the Chat layer calls
/// `tick(now:)` when `nextDeadline` passes. It never nags: per-room and per-member cooldowns, no wording
/// repeated in a room, quiet after crisis language, and a room or member can turn prompts off.
/// It keeps no message text, only who spoke when and whether they asked or gave.
public struct ConversationCoach: Sendable {
    /// The kind of room this coach serves.
    public let kind: RoomKind
    let prompts: PromptBook
    let settings: CoachSettings
    private let seed: UInt64

    private var enabled = true
    private var membersOff: Set<String> = []
    private var lastActivity: UInt64 = 0
    private var lastRoomPrompt: UInt64?
    private var quietUntil: UInt64 = 0
    private var silencePrompted = false
    private var closingOffered = false
    private var messageCount = 0
    private var usedVariants: [PromptBook.Kind: Set<Int>] = [:]
    var lastNudge: [String: UInt64] = [:]
    var recent: [MessageRecord] = []

    /// A coach for one room. `seed` (any number, e.g. from the room id) picks which wordings come first,
    /// so rooms do not all hear the same words.
    public init(kind: RoomKind, prompts: PromptBook, settings: CoachSettings = CoachSettings(), seed: UInt64) {
        self.kind = kind
        self.prompts = prompts
        self.settings = settings
        self.seed = seed
    }

    /// When `tick(now:)` could next produce a prompt (the end of the current silence), or nil.
    public var nextDeadline: UInt64? {
        guard enabled, !silencePrompted, hasUnused(.silence) else { return nil }
        var deadline = max(lastActivity + settings.silenceAfter, quietUntil)
        if let lastRoomPrompt { deadline = max(deadline, lastRoomPrompt + settings.roomCooldown) }
        return deadline
    }

    /// The room has opened: pair rooms (and groups, if set) get an opening prompt.
    public mutating func roomOpened(now: UInt64) -> [PromptEffect] {
        lastActivity = now
        guard kind == .pair || settings.openingInGroups else { return [] }
        return roomPrompt(.opening, now: now, ignoringCooldown: true)
    }

    /// A member's message was delivered; `analysis` is the engine's result for it.
    public mutating func messageSent(by member: String, analysis: ReflectionResult, now: UInt64) -> [PromptEffect] {
        lastActivity = now
        silencePrompted = false
        messageCount += 1
        if analysis.isCrisis { quietUntil = now + settings.quietAfterCrisis }
        remember(MessageRecord(member: member, at: now, questions: analysis.questions, giving: analysis.isGiving), now: now)
        return mutualityNudge(for: member, now: now)
    }

    /// Time has passed: after a silence, a gentle prompt (once per silence).
    public mutating func tick(now: UInt64) -> [PromptEffect] {
        guard !silencePrompted, now >= lastActivity + settings.silenceAfter else { return [] }
        let effects = roomPrompt(.silence, now: now, ignoringCooldown: false)
        if !effects.isEmpty { silencePrompted = true }
        return effects
    }

    /// A member is moving to leave: a closing prompt, once per room, if the conversation had some length.
    public mutating func memberLeaving(_ member: String, now: UInt64) -> [PromptEffect] {
        guard !closingOffered, messageCount >= settings.closingMinimumMessages else { return [] }
        // Someone chose to leave: this is the only moment for it, so the room cooldown does not apply
        // (it is still offered once, and never after crisis language or with prompts turned off).
        let effects = roomPrompt(.closing, now: now, ignoringCooldown: true)
        if !effects.isEmpty { closingOffered = true }
        return effects
    }

    /// Turns all prompts for this room on or off (a facilitator's or the pair's choice).
    public mutating func setPromptsEnabled(_ enabled: Bool) {
        self.enabled = enabled
    }

    /// Turns prompts on or off for one member: no private nudges, and room prompts skip them.
    public mutating func setPromptsEnabled(_ enabled: Bool, for member: String) {
        if enabled { membersOff.remove(member) } else { membersOff.insert(member) }
    }

    private mutating func roomPrompt(_ kind: PromptBook.Kind, now: UInt64, ignoringCooldown: Bool) -> [PromptEffect] {
        guard enabled, now >= quietUntil || kind == .opening else { return [] }
        if !ignoringCooldown, let lastRoomPrompt, now < lastRoomPrompt + settings.roomCooldown { return [] }
        guard let prompt = nextPrompt(kind) else { return [] }
        lastRoomPrompt = now
        return [.toRoom(prompt, excluding: membersOff.sorted())]
    }

    /// The next unused wording of `kind`, starting at a place set by the seed; nil when all are used.
    mutating func nextPrompt(_ kind: PromptBook.Kind) -> Prompt? {
        guard let variants = prompts.variants[kind], !variants.texts.isEmpty else { return nil }
        let count = variants.texts.count
        let offset = Int(seed % UInt64(count))
        for step in 0..<count {
            let index = (offset + step) % count
            if usedVariants[kind, default: []].insert(index).inserted {
                return Prompt(kind: kind, task: variants.task, text: variants.texts[index])
            }
        }
        return nil
    }

    private func hasUnused(_ kind: PromptBook.Kind) -> Bool {
        (usedVariants[kind]?.count ?? 0) < (prompts.variants[kind]?.texts.count ?? 0)
    }

    func canNudge(_ member: String, now: UInt64) -> Bool {
        guard enabled, !membersOff.contains(member) else { return false }
        if let last = lastNudge[member], now < last + settings.memberCooldown { return false }
        return true
    }
}
