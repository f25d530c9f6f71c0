/// What the mutuality window keeps of one message: who, when, and whether it asked or gave. Never its text.
struct MessageRecord: Sendable, Equatable {
    let member: String
    let at: UInt64
    let questions: Int
    let giving: Bool
}

/// Mutuality: noticing when one person asks all the questions, or does all the giving, and nudging them
/// privately towards sharing and learning from the other.
extension ConversationCoach {
    mutating func remember(_ record: MessageRecord, now: UInt64) {
        recent.append(record)
        let oldest = now >= settings.mutualityWindowTime ? now - settings.mutualityWindowTime : 0
        recent.removeAll { $0.at < oldest }
        if recent.count > settings.mutualityWindow { recent.removeFirst(recent.count - settings.mutualityWindow) }
    }

    /// A private nudge for `member`, who just spoke, when the recent window is one-sided their way.
    mutating func mutualityNudge(for member: String, now: UInt64) -> [PromptEffect] {
        guard kind == .pair || settings.mutualityInGroups, recent.count >= settings.mutualityMinimumMessages,
            Set(recent.map(\.member)).count >= 2, canNudge(member, now: now)
        else { return [] }
        let mine = recent.filter { $0.member == member }
        let others = recent.filter { $0.member != member }
        let kind: PromptBook.Kind
        if mine.reduce(0, { $0 + $1.questions }) >= settings.questionThreshold, others.allSatisfy({ $0.questions == 0 }) {
            kind = .mutualityQuestions
        } else if mine.filter(\.giving).count >= settings.givingThreshold, !others.contains(where: \.giving) {
            kind = .mutualityGiving
        } else {
            return []
        }
        guard let prompt = nextPrompt(kind) else { return [] }
        lastNudge[member] = now
        return [.toMember(member, prompt)]
    }
}
