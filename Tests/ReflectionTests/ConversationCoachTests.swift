import Reflection
import Testing

@Suite("Conversation coach")
struct ConversationCoachTests {
    static let minute: UInt64 = 60_000

    /// Prompts with two wordings per kind, so repeats are easy to see.
    static func prompts() throws -> PromptBook {
        try RuleBook.load(jsonBytes: Array("""
            {"version": 1, "prompts": {
              "opening": {"task": "connection", "texts": ["open 1", "open 2"]},
              "silence": {"task": "connection", "texts": ["quiet 1", "quiet 2"]},
              "closing": {"task": "moving-towards", "texts": ["close 1", "close 2"]},
              "mutuality-questions": {"task": "mutuality", "texts": ["share 1", "share 2"]},
              "mutuality-giving": {"task": "mutuality", "texts": ["learn 1", "learn 2"]}}}
            """.utf8)).prompts
    }

    static func coach(_ kind: RoomKind = .pair, settings: CoachSettings = CoachSettings()) throws -> ConversationCoach {
        ConversationCoach(kind: kind, prompts: try prompts(), settings: settings, seed: 0)
    }

    static let plain = ReflectionResult(suggestions: [], questions: 0)
    static let question = ReflectionResult(suggestions: [], questions: 1)
    static let advice = ReflectionResult(
        suggestions: [Suggestion(rule: "fixing-advice", family: "fixing", task: .worldview, principle: .learning,
                                 text: "t", why: "w", span: 0..<3)],
        questions: 0)
    static let crisis = ReflectionResult(
        suggestions: [Suggestion(rule: "crisis", family: "crisis", task: .connection, principle: .hope,
                                 text: "t", why: "w", span: 0..<3)],
        questions: 0)

    static func texts(_ effects: [PromptEffect]) -> [String] {
        effects.map {
            switch $0 {
            case .toRoom(let prompt, _): prompt.text
            case .toMember(let member, let prompt): "\(member):\(prompt.text)"
            }
        }
    }

    @Test("a pair room opens with a connection prompt; a group room does not by default")
    func opening() throws {
        var pair = try Self.coach()
        #expect(pair.roomOpened(now: 0) == [.toRoom(Prompt(kind: .opening, task: .connection, text: "open 1"), excluding: [])])
        var group = try Self.coach(.group)
        #expect(group.roomOpened(now: 0).isEmpty)
    }

    @Test("a silence draws one gentle prompt, not one per tick")
    func silenceOnce() throws {
        var coach = try Self.coach()
        _ = coach.roomOpened(now: 0)
        _ = coach.messageSent(by: "a", analysis: Self.plain, now: 10 * Self.minute)
        #expect(coach.tick(now: 12 * Self.minute).isEmpty)
        #expect(coach.nextDeadline == 13 * Self.minute)
        #expect(Self.texts(coach.tick(now: 13 * Self.minute)) == ["quiet 1"])
        #expect(coach.tick(now: 20 * Self.minute).isEmpty)
        #expect(coach.nextDeadline == nil)
    }

    @Test("room prompts respect the room cooldown and never repeat a wording")
    func cooldownAndNoRepeat() throws {
        var coach = try Self.coach()
        _ = coach.roomOpened(now: 0)
        #expect(Self.texts(coach.tick(now: 5 * Self.minute)) == ["quiet 1"])
        _ = coach.messageSent(by: "a", analysis: Self.plain, now: 5 * Self.minute + 1)
        #expect(coach.tick(now: 8 * Self.minute + 1).isEmpty, "within the 4-minute room cooldown")
        #expect(Self.texts(coach.tick(now: 9 * Self.minute + 1)) == ["quiet 2"])
        _ = coach.messageSent(by: "a", analysis: Self.plain, now: 10 * Self.minute)
        #expect(coach.tick(now: 30 * Self.minute).isEmpty, "both wordings used")
    }

    @Test("prompts can be turned off for the room, or for one member")
    func offSwitches() throws {
        var coach = try Self.coach()
        coach.setPromptsEnabled(false, for: "b")
        #expect(coach.roomOpened(now: 0) == [.toRoom(Prompt(kind: .opening, task: .connection, text: "open 1"), excluding: ["b"])])
        coach.setPromptsEnabled(false)
        #expect(coach.tick(now: 10 * Self.minute).isEmpty)
        coach.setPromptsEnabled(true)
        #expect(Self.texts(coach.tick(now: 10 * Self.minute)) == ["quiet 1"])
    }

    @Test("someone asking all the questions is nudged privately, once per cooldown")
    func questionsNudge() throws {
        var coach = try Self.coach()
        var nudges: [String] = []
        for turn in 0..<8 {
            let now = UInt64(turn) * 20_000
            let (member, analysis) = turn.isMultiple(of: 2) ? ("a", Self.question) : ("b", Self.plain)
            nudges += Self.texts(coach.messageSent(by: member, analysis: analysis, now: now))
        }
        #expect(nudges == ["a:share 1"])
    }

    @Test("no nudge while both sides ask, or for a member who turned prompts off")
    func noNudge() throws {
        var balanced = try Self.coach()
        var muted = try Self.coach()
        muted.setPromptsEnabled(false, for: "a")
        var effects: [PromptEffect] = []
        for turn in 0..<10 {
            let now = UInt64(turn) * 20_000
            let member = turn.isMultiple(of: 2) ? "a" : "b"
            effects += balanced.messageSent(by: member, analysis: Self.question, now: now)
            effects += muted.messageSent(by: member, analysis: member == "a" ? Self.question : Self.plain, now: now)
        }
        #expect(effects.isEmpty)
    }

    @Test("someone doing all the giving is nudged towards learning from the other")
    func givingNudge() throws {
        var coach = try Self.coach()
        var nudges: [String] = []
        for turn in 0..<8 {
            let member = turn.isMultiple(of: 2) ? "a" : "b"
            nudges += Self.texts(coach.messageSent(by: member, analysis: member == "a" ? Self.advice : Self.plain,
                                                   now: UInt64(turn) * 20_000))
        }
        #expect(nudges == ["a:learn 1"])
    }

    @Test("only the recent window counts: old questions age out")
    func windowAgesOut() throws {
        var coach = try Self.coach()
        for turn in 0..<4 { _ = coach.messageSent(by: "a", analysis: Self.question, now: UInt64(turn) * 1000) }
        _ = coach.messageSent(by: "b", analysis: Self.plain, now: 5000)
        let later = 20 * Self.minute
        var effects: [PromptEffect] = []
        for turn in 0..<3 {
            effects += coach.messageSent(by: "b", analysis: Self.plain, now: later + UInt64(turn))
            effects += coach.messageSent(by: "a", analysis: Self.plain, now: later + UInt64(turn) + 1)
        }
        #expect(effects.isEmpty)
    }

    @Test("the closing prompt needs a real exchange and is offered once")
    func closing() throws {
        var short = try Self.coach()
        _ = short.messageSent(by: "a", analysis: Self.plain, now: 0)
        #expect(short.memberLeaving("a", now: 10 * Self.minute).isEmpty)
        var coach = try Self.coach()
        for turn in 0..<4 { _ = coach.messageSent(by: turn.isMultiple(of: 2) ? "a" : "b", analysis: Self.plain, now: UInt64(turn)) }
        #expect(Self.texts(coach.memberLeaving("b", now: 10 * Self.minute)) == ["close 1"])
        #expect(coach.memberLeaving("a", now: 30 * Self.minute).isEmpty)
    }

    @Test("the closing prompt is offered even just after another prompt: leaving is its only moment")
    func closingIgnoresTheRoomCooldown() throws {
        var coach = try Self.coach()
        #expect(!coach.roomOpened(now: 0).isEmpty)
        for turn in 0..<4 { _ = coach.messageSent(by: turn.isMultiple(of: 2) ? "a" : "b", analysis: Self.plain, now: UInt64(turn)) }
        #expect(Self.texts(coach.memberLeaving("a", now: 10)) == ["close 1"])
    }

    @Test("after crisis language the room is left quiet for a while")
    func quietAfterCrisis() throws {
        var coach = try Self.coach()
        _ = coach.messageSent(by: "a", analysis: Self.crisis, now: 0)
        #expect(coach.tick(now: 10 * Self.minute).isEmpty)
        #expect(coach.nextDeadline == 30 * Self.minute)
        #expect(Self.texts(coach.tick(now: 30 * Self.minute)) == ["quiet 1"])
    }

    @Test("group rooms get no mutuality nudges unless the settings ask for them")
    func groupMutuality() throws {
        var settings = CoachSettings()
        var group = try Self.coach(.group, settings: settings)
        settings.mutualityInGroups = true
        var watched = try Self.coach(.group, settings: settings)
        var quiet: [PromptEffect] = []
        var nudged: [PromptEffect] = []
        for turn in 0..<8 {
            let (member, analysis) = turn.isMultiple(of: 2) ? ("a", Self.question) : ("b", Self.plain)
            quiet += group.messageSent(by: member, analysis: analysis, now: UInt64(turn) * 1000)
            nudged += watched.messageSent(by: member, analysis: analysis, now: UInt64(turn) * 1000)
        }
        #expect(quiet.isEmpty)
        #expect(Self.texts(nudged) == ["a:share 1"])
    }
}
